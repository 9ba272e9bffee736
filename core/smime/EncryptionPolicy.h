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
        Hold, // do not send: encryption is required but a certificate is missing
    };
    Action action = Action::DontEncrypt;
    QString reason;      // translated
    QStringList missing; // recipients without a usable certificate
};

// Whether to encrypt one message. Encryption is all or nothing: one recipient
// without a certificate means the message cannot be encrypted.
class EncryptionPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Smime::EncryptionPolicy)

public:
    // requiredDomains: "example.com" or "*.example.com" (that domain and its
    // subdomains). missing: the recipients for whom no usable certificate was found.
    static EncryptionDecision decide(EncryptMode mode, const QStringList& requiredDomains,
                                     const QStringList& recipients, const QStringList& missing,
                                     bool alreadyProtected);

    // "never" | "when-possible" | "required-for-domains"
    static bool modeFromString(const QString& text, EncryptMode* mode);
    static QString modeName(EncryptMode mode);
    static bool domainMatches(const QString& address, const QStringList& domains);
};

} // namespace Smime
