#pragma once

#include "delivery/Transport.h"
#include "settings/Config.h"

namespace Smtp {
class SmtpClient;
}
namespace Settings {
class SecretStore;
}

namespace Delivery {

// Delivers through the account's submission server with SmtpClient. The
// password is read from the secret store at each delivery, so a changed
// password takes effect without a restart.
class UpstreamTransport : public Transport
{
    Q_OBJECT
public:
    UpstreamTransport(const Settings::Account& account, int timeoutSeconds, Settings::SecretStore* secrets,
                      QObject* parent = nullptr);
    void deliver(const Spool::Entry& entry, const QByteArray& content) override;
    void abort() override;

    static Smtp::UpstreamConfig upstreamConfig(const Settings::Account& account, int timeoutSeconds);

private:
    Settings::Account m_account;
    int m_timeoutSeconds;
    Settings::SecretStore* m_secrets;
    Smtp::SmtpClient* m_client;
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
