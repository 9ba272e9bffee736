#include "smime/SigningPolicy.h"

#include "smime/CertificateCheck.h"
#include "smime/Identity.h"
#include "smime/ModeWords.h"

namespace Smime {

namespace {

constexpr ModeWord<SignMode> kModeWords[] = {{SignMode::Never, QLatin1String("never")},
                                             {SignMode::Always, QLatin1String("always")},
                                             {SignMode::External, QLatin1String("external")}};

} // namespace

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
    return modeFromWord(kModeWords, text, mode);
}

QString SigningPolicy::modeName(SignMode mode)
{
    return wordOf(kModeWords, mode);
}

} // namespace Smime
