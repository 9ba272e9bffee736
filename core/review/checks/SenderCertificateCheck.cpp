#include "review/checks/SenderCertificateCheck.h"

namespace Review {

const CheckInfo& SenderCertificateCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("sender-certificate"),
        QT_TRANSLATE_NOOP("Checks", "No certificate to sign with"),
        QT_TRANSLATE_NOOP("Checks", "Certificate"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up when the message should be signed but the account has no "
                                    "valid certificate for the sender."),
        CheckAction::Block,
        CheckCategory::Body,
    };
    return info;
}

QList<Finding> SenderCertificateCheck::run(const CheckContext& context) const
{
    if (!context.signingWithoutCertificate)
        return {};
    const QString from =
        context.view.from.address.isEmpty() ? context.envelope.mailFrom : context.view.from.address;
    QString message =
        tr("This message should be signed, but there is no valid certificate for %1.").arg(from);
    if (!context.certificateProblem.isEmpty())
        message += QLatin1Char(' ') + context.certificateProblem;
    return {finding(Severity::Warn, message)};
}

} // namespace Review
