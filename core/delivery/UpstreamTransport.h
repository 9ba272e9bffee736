#pragma once

#include "delivery/Transport.h"
#include "settings/Config.h"
#include "smtp/UpstreamConfig.h"

#include <QDeadlineTimer>
#include <QPointer>

namespace OAuth {
class TokenManager;
}
namespace Smtp {
class SmtpClient;
}
namespace Settings {
class SecretStore;
}

namespace Delivery {

class UpstreamPool;

// Delivers through the account's submission server with SmtpClient. The
// password is read from the secret store at each delivery, so a changed
// password takes effect without a restart. With a pool (setPool), the
// connection comes from it and goes back to it after the message; a kept
// connection that turns out closed before MAIL FROM was accepted is replaced
// by a new one once, within the same delivery (never after the final ".").
class UpstreamTransport : public Transport
{
    Q_OBJECT
public:
    // tokens: the account's OAuth sign-in for auth=xoauth2 (not owned; may be null otherwise).
    UpstreamTransport(const Settings::Account& account, int timeoutSeconds, Settings::SecretStore* secrets,
                      OAuth::TokenManager* tokens = nullptr, QObject* parent = nullptr);
    ~UpstreamTransport() override;
    // Connections from pool (not owned); without one, a new connection per message.
    void setPool(UpstreamPool* pool);
    void deliver(const Spool::Entry& entry, const QByteArray& content) override;
    void abort() override;

    static Smtp::UpstreamConfig upstreamConfig(const Settings::Account& account, int timeoutSeconds);

private:
    void submitWithToken(const std::optional<QString>& token, const QString& error, bool needsSignIn);
    void finishLater(const Smtp::SubmitResult& result);
    void refuseLater(const Smtp::Reply& reply, const QString& detail);
    void onClientFinished(const Smtp::SubmitResult& result);
    void submitConfig(const Smtp::UpstreamConfig& config, QDeadlineTimer validUntil);
    void onLeased(Smtp::SmtpClient* client);
    void onLeaseFinished(const Smtp::SubmitResult& result);

    Settings::Account m_account;
    int m_timeoutSeconds;
    Settings::SecretStore* m_secrets;
    OAuth::TokenManager* m_tokens;
    Smtp::SmtpClient* m_client;
    // The delivery in progress, kept for one retry with a renewed OAuth token.
    Spool::Entry m_entry;
    QByteArray m_content;
    QString m_token;
    bool m_retriedToken = false;
    bool m_aborted = false;
    // With a pool: the connection of this delivery, or the place in its line.
    QPointer<UpstreamPool> m_pool;
    QPointer<Smtp::SmtpClient> m_lease;
    quint64 m_ticket = 0;
    Smtp::UpstreamConfig m_config; // kept for the one retry on a new connection
    QDeadlineTimer m_validUntil;
    bool m_retriedStale = false;
    bool m_freshNext = false;
};

// Test mode: saves the message as an .eml file in a folder instead of sending it.
class TestModeTransport : public Transport
{
    Q_OBJECT
public:
    TestModeTransport(const QString& folder, QObject* parent = nullptr);
    void deliver(const Spool::Entry& entry, const QByteArray& content) override;
    void abort() override {}

private:
    QString m_folder;
};

} // namespace Delivery
