#pragma once

#include "mime/MessageView.h"
#include "settings/Config.h"
#include "spool/Entry.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

namespace Settings {
class SecretStore;
}
namespace Smime {
class Identity;
}

namespace Delivery {

// What S/MIME does to one message on its way out.
struct ProtectionPlan
{
    enum class Action
    {
        None, // sent as it is (signing not wanted, not set up, or already signed/encrypted)
        Sign,
        SignAndEncrypt,
        Refuse, // must not leave like this: reason says why and what to do
    };
    Action action = Action::None;
    QString reason;
};

// Applies the account's S/MIME policy (sign=, encrypt=, smime_p12=) to
// outgoing mail: decides before the review (so the window can say "will be
// signed", and a certificate problem stops the message before anything is
// sent) and transforms the exact bytes that are sent. An account without
// smime_p12 does not sign; one whose certificate cannot be used refuses
// rather than sending unsigned.
class Protection
{
public:
    Protection(const Settings::Config& config, Settings::SecretStore* secrets,
               const QString& certificateFolder);
    ~Protection();
    Protection(const Protection&) = delete;
    Protection& operator=(const Protection&) = delete;

    ProtectionPlan plan(const Spool::Entry& entry, const QByteArray& content, const Mime::MessageView& view);
    // The bytes to send for an action of Sign or SignAndEncrypt; nullopt with error when that fails.
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
