#include "review/checks/SenderCertificateCheck.h"

namespace Review {

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
