#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Smime {

// The account's "encrypt" setting.
enum class EncryptMode
{
    Never,
    WhenPossible,
    RequiredForDomains
};

struct EncryptionDecision
{
    enum class Action
    {
        Encrypt,
        DontEncrypt,
        Hold, // do not send: encryption is required but cannot be done (a certificate is missing, Bcc)
    };
    Action action = Action::DontEncrypt;
    QString reason;      // translated
    QStringList missing; // visible recipients without a usable certificate
};

// Whether to encrypt one message. Encryption is all or nothing: one visible
// recipient without a certificate means the message cannot be encrypted.
// One encrypted copy goes to every recipient, and its envelope names each
// certificate it is encrypted to, so Bcc recipients cannot be among them:
// a message with Bcc recipients is not encrypted, and is held when
// encryption is required for any of its recipients.
class EncryptionPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Smime::EncryptionPolicy)

public:
    // requiredDomains: "example.com" or "*.example.com" (that domain and its
    // subdomains). visible: the recipients shown in To/Cc, whom the message
    // would be encrypted to (besides the sender). hidden: the Bcc recipients
    // (not the sender's own copy). missing: the visible recipients for whom
    // no usable certificate was found. alreadyEncrypted: the mail program
    // encrypted it (an already signed message is encrypted as it is).
    static EncryptionDecision decide(EncryptMode mode, const QStringList& requiredDomains,
                                     const QStringList& visible, const QStringList& hidden,
                                     const QStringList& missing, bool alreadyEncrypted);

    // "never" | "when-possible" | "required-for-domains"
    static bool modeFromString(const QString& text, EncryptMode* mode);
    static QString modeName(EncryptMode mode);
    static bool domainMatches(const QString& address, const QStringList& domains);
};

} // namespace Smime
