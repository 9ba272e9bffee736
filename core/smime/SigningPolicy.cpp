#include "smime/SigningPolicy.h"

#include "smime/CertificateCheck.h"
#include "smime/Identity.h"

namespace Smime {

SigningDecision SigningPolicy::decide(SignMode mode, bool hasExternalRecipient, const QString& fromAddress,
                                      const Identity* identity, bool alreadyProtected, const QDateTime& now)
{
    using Action = SigningDecision::Action;
    if (mode == SignMode::Never)
        return {Action::DontSign, tr("Signing is turned off for this account.")};
    if (mode == SignMode::External && !hasExternalRecipient)
        return {Action::DontSign, tr("All recipients are internal; signing is only for external mail.")};
    // The mail client signed or encrypted it itself: re-signing would break that.
    if (alreadyProtected)
        return {Action::DontSign, tr("The message is already signed or encrypted by the mail program.")};
    if (!identity || identity->isNull())
        return {Action::Refuse,
                tr("This message must be signed, but no certificate is set up for this account. Import your "
                   "certificate (.p12 or .pfx) in Settings, or ask your administrator.")};
    const QList<CertificateProblem> problems =
        CertificateCheck::forSigning(identity->certificate(), now, fromAddress);
    if (!problems.isEmpty())
        return {Action::Refuse, problems.first().message};
    return {Action::Sign, {}};
}

bool SigningPolicy::modeFromString(const QString& text, SignMode* mode)
{
    const QString t = text.trimmed().toLower();
    SignMode m;
    if (t == QLatin1String("always"))
        m = SignMode::Always;
    else if (t == QLatin1String("external"))
        m = SignMode::External;
    else if (t == QLatin1String("never"))
        m = SignMode::Never;
    else
        return false;
    if (mode)
        *mode = m;
    return true;
}

QString SigningPolicy::modeName(SignMode mode)
{
    switch (mode) {
    case SignMode::Always:
        return QStringLiteral("always");
    case SignMode::External:
        return QStringLiteral("external");
    case SignMode::Never:
        break;
    }
    return QStringLiteral("never");
}

} // namespace Smime
