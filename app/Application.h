#pragma once

#include "settings/Config.h"
#include "settings/LocalCredentials.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

class QWidget;

namespace Delivery {
class Assessor;
class AuditRecorder;
class DecisionProvider;
class Dispatcher;
class Protection;
} // namespace Delivery
class TrayController;
namespace OAuth {
class TokenManager;
}
namespace Settings {
class SecretStore;
}
namespace Smtp {
class SmtpServer;
class TestMessageWatcher;
} // namespace Smtp
namespace Spool {
class Queue;
}
namespace Store {
class History;
}
namespace Ui {
class DialogDecisionProvider;
}

// Wires the parts together: settings, secrets, spool, listener, dispatcher
// and whoever answers reviews. Holds no logic of its own.
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configPath;
        QString decideScript; // non-empty: reviews answered by a script (tests, unattended runs)
        bool headless = false;
    };

    explicit Application(const Options& options, QObject* parent = nullptr);
    ~Application() override;

    // Loads everything and starts listening; false with a message for the user.
    bool start(QString* error);
    // The local user name, password, host and port for each account (client setup).
    QString clientSetupText() const;
    bool loadForSetupInfo(QString* error);
    // After loadForSetupInfo(): the settings and the local passwords (client-setup's other formats).
    const Settings::Config& config() const { return m_config; }
    const Settings::LocalCredentials& credentials() const { return m_credentials; }
    // A second start asked this instance to come to the front (SingleInstance).
    void activate();
    // The settings window (from the tray or the main window).
    void openSettings();
    // "Send a test message" (the setup pages); null before start().
    Smtp::TestMessageWatcher* testMessageWatcher() const { return m_testMessages; }

private:
    bool loadConfigAndSecrets(QString* error);

    Options m_options;
    Settings::Config m_config;
    std::unique_ptr<Settings::SecretStore> m_secrets;
    Settings::LocalCredentials m_credentials;
    std::unique_ptr<Spool::Queue> m_spool;
    std::unique_ptr<Delivery::Protection> m_protection;
    std::unique_ptr<Store::History> m_history; // read by the assessor, written by the audit recorder
    std::unique_ptr<Delivery::Assessor> m_assessor;
    std::unique_ptr<Delivery::AuditRecorder> m_audit;
    Delivery::DecisionProvider* m_decisions = nullptr;
    Ui::DialogDecisionProvider* m_reviews = nullptr; // set when a person answers reviews
    Delivery::Dispatcher* m_dispatcher = nullptr;
    Smtp::SmtpServer* m_server = nullptr;
    Smtp::TestMessageWatcher* m_testMessages = nullptr;
    TrayController* m_tray = nullptr;              // the tray and windows, when a person is there
    QHash<QString, OAuth::TokenManager*> m_tokens; // by account, for auth=xoauth2
    QStringList m_lockedKeys;                      // set by the administrator's policy
    void importCertificate(QWidget* parent);
    // The person's file in [general] certificate_source, for account (empty: the first with a file there):
    // asks only for its password (again after a wrong one) and imports it.
    void importFromSource(QWidget* parent, const QString& account);
    // At start and daily: a new file in the certificate source, and expiry reminders (30, 14, 7 days,
    // expired).
    void checkCertificates();
    // Writes or removes the platform's start-at-login entry; false with a reason.
    bool applyStartAtLogin(bool wanted, QString* error);
};
