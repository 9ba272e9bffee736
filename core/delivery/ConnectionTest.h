#pragma once

#include "settings/Config.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace Smtp {
class SmtpClient;
struct SubmitResult;
} // namespace Smtp

namespace Delivery {

// "Test connection" of an account being edited: connects to its server with
// its security, signs in with the password typed (or the stored one, or the
// OAuth access token) and says QUIT; no message is sent. Says in plain words
// what is missing before it can start and how it went.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutSeconds = 30;

    enum class Start
    {
        Started,       // finished() follows
        NeedsPassword, // login/plain without a password: nothing started
        NeedsSignIn    // xoauth2 without an access token: nothing started
    };

    struct Secrets
    {
        QString typedPassword;                                  // empty: use the stored one
        std::function<std::optional<QString>()> storedPassword; // unset for an account not saved yet
        std::function<QString()> accessToken;                   // for xoauth2
    };

    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;

    // Starts a test of account (a test still running is abandoned). text is
    // what to show now (translated): "Connecting to …", or what is missing.
    Start start(const Settings::Account& account, const Secrets& secrets, QString* text);

signals:
    // Once per started test; text says how it went (translated).
    void finished(bool ok, const QString& text);

private:
    void report(const Smtp::SubmitResult& result);

    QPointer<Smtp::SmtpClient> m_client;
    Settings::Account m_account;
};

} // namespace Delivery
