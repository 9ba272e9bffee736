#include "smime/EncryptionPolicy.h"

#include "smime/ModeWords.h"

namespace Smime {

namespace {

constexpr ModeWord<EncryptMode> kModeWords[] = {
    {EncryptMode::Never, QLatin1String("never")},
    {EncryptMode::WhenPossible, QLatin1String("when-possible")},
    {EncryptMode::RequiredForDomains, QLatin1String("required-for-domains")}};

} // namespace

bool EncryptionPolicy::domainMatches(const QString& address, const QStringList& domains)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return false;
    const QString domain = address.mid(at + 1).trimmed().toLower();
    for (QString pattern : domains) {
        pattern = pattern.trimmed().toLower();
        if (pattern.isEmpty())
            continue;
        if (pattern.startsWith(QLatin1String("*."))) {
            const QString base = pattern.mid(2);
            if (domain == base || domain.endsWith(QLatin1Char('.') + base))
                return true;
        } else if (domain == pattern) {
            return true;
        }
    }
    return false;
}

EncryptionDecision EncryptionPolicy::decide(EncryptMode mode, const QStringList& requiredDomains,
                                            const QStringList& visible, const QStringList& hidden,
                                            const QStringList& missing, bool alreadyEncrypted)
{
    using Action = EncryptionDecision::Action;
    const QLatin1String comma(", ");
    if (alreadyEncrypted)
        return {Action::DontEncrypt, tr("The message is already encrypted by the mail program."), {}};
    if (mode == EncryptMode::Never || (visible.isEmpty() && hidden.isEmpty()))
        return {Action::DontEncrypt, tr("Encryption is turned off for this account."), {}};

    QStringList required;
    if (mode == EncryptMode::RequiredForDomains) {
        for (const QString& r : visible + hidden) {
            if (domainMatches(r, requiredDomains))
                required << r;
        }
    }
    if (required.isEmpty()) {
        if (!hidden.isEmpty())
            return {Action::DontEncrypt,
                    tr("Not encrypted: it has Bcc recipients (%1), and encryption would show every "
                       "recipient's certificate to all.")
                        .arg(hidden.join(comma)),
                    {}};
        if (!missing.isEmpty())
            return {Action::DontEncrypt,
                    tr("Not encrypted: no certificate is known for %1.").arg(missing.join(comma)), missing};
        return {Action::Encrypt, {}, {}};
    }

    QStringList why;
    if (!hidden.isEmpty())
        why << tr("It has Bcc recipients (%1). Encrypted messages cannot have Bcc recipients here: the "
                  "encryption would show every recipient's certificate to all. Send a separate message to "
                  "the Bcc recipients.")
                   .arg(hidden.join(comma));
    if (!missing.isEmpty())
        why << tr("No valid certificate is known for %1. Import their certificates (ask them for a signed "
                  "message or a .cer file), or remove them from the recipients.")
                   .arg(missing.join(comma));
    if (why.isEmpty())
        return {Action::Encrypt, {}, {}};
    return {Action::Hold,
            tr("This message must be encrypted because it goes to %1.").arg(required.join(comma)) +
                QLatin1Char(' ') + why.join(QLatin1Char(' ')),
            missing};
}

bool EncryptionPolicy::modeFromString(const QString& text, EncryptMode* mode)
{
    return modeFromWord(kModeWords, text, mode);
}

QString EncryptionPolicy::modeName(EncryptMode mode)
{
    return wordOf(kModeWords, mode);
}

} // namespace Smime
