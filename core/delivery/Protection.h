#pragma once

#include "mime/MessageView.h"
#include "settings/Config.h"
#include "spool/Entry.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Settings {
class SecretStore;
}
namespace Smime {
class Identity;
}

namespace Delivery {

// What S/MIME does to one message on its way out. Signing and encryption are
// decided each on its own: a message that is not signed (signing not wanted,
// no certificate, signed already by the mail program) may still have to be
// encrypted, and required encryption that cannot be done refuses.
struct ProtectionPlan
{
    enum class Action
    {
        None, // sent as it is (nothing wanted, or already encrypted by the mail program)
        Sign,
        Encrypt, // encrypted without signing again (not wanted, or the mail program signed it)
        SignAndEncrypt,
        Refuse, // must not leave like this: reason says why and what to do
    };
    Action action = Action::None;
    // Refuse: why and what to do. Otherwise what was not done and why (for
    // the log): "not encrypted: it has Bcc recipients".
    QString reason;
    // Refuse only: the account's own certificate cannot sign (what the
    // sender-certificate check tells the person); false when the refusal is
    // about encryption.
    bool signingProblem = false;
    // Encrypt and SignAndEncrypt: the recipients the message is encrypted to
    // besides the sender (whose certificate is added when the account has
    // one): exactly the envelope recipients shown in To/Cc, never a Bcc one.
    QStringList encryptTo;

    bool willSign() const { return action == Action::Sign || action == Action::SignAndEncrypt; }
    bool willEncrypt() const { return action == Action::Encrypt || action == Action::SignAndEncrypt; }
};

// Applies the account's S/MIME policy (sign=, encrypt=, smime_p12=) to
// outgoing mail: decides before the review (so the window can say "will be
// signed", and a certificate problem stops the message before anything is
// sent) and transforms the exact bytes that are sent. An account without
// smime_p12 does not sign, but may encrypt (to the recipients only). One
// whose certificate cannot be used refuses rather than sending unsigned, and
// required encryption that cannot be done refuses rather than sending plain.
//
// Bcc recipients are never encryption recipients: one CMS envelope names the
// certificate of every recipient it is for, so it would show them to all.
// Delivery is one upstream transaction per message, so a separate encrypted
// copy per Bcc recipient is not made: a message to be encrypted that has Bcc
// recipients is refused when encryption is required for any recipient, and
// sent unencrypted (signed if wanted) otherwise.
class Protection
{
public:
    Protection(const Settings::Config& config, Settings::SecretStore* secrets,
               const QString& certificateFolder);
    ~Protection();
    Protection(const Protection&) = delete;
    Protection& operator=(const Protection&) = delete;

    // view: the parsed message (To/Cc tell the visible recipients from the Bcc ones).
    ProtectionPlan plan(const Spool::Entry& entry, const QByteArray& content, const Mime::MessageView& view);
    // The bytes to send: the content as it is for None, transformed for Sign,
    // Encrypt and SignAndEncrypt; nullopt with error for Refuse or when the
    // transformation fails (never the content unprotected instead).
    std::optional<QByteArray> apply(const ProtectionPlan& plan, const Spool::Entry& entry,
                                    const QByteArray& content, QString* error);

private:
    const Smime::Identity* identity(const Settings::Account& account, QString* problem);

    Settings::Config m_config;
    Settings::SecretStore* m_secrets;
    QString m_certificateFolder;
    QHash<QString, std::shared_ptr<Smime::Identity>> m_identities; // by account name, loaded once
};

} // namespace Delivery
