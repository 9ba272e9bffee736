#include "Application.h"

#include "Autostart.h"
#include "DialogDecisionProvider.h"
#include "Logging.h"
#include "ReviewDialog.h"
#include "SettingsDialog.h"
#include "TrayController.h"
#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Dispatcher.h"
#include "delivery/ScriptedDecisionProvider.h"
#include "delivery/UpstreamPool.h"
#include "delivery/UpstreamTransport.h"
#include "diagnostics/LogFile.h"
#include "diagnostics/Report.h"
#include "diagnostics/SecretMask.h"
#include "oauth/TokenManager.h"
#include "settings/AdminPolicy.h"
#include "settings/CertificateImport.h"
#include "settings/CertificateSource.h"
#include "settings/ClientSetup.h"
#include "settings/SecretStore.h"
#include "smime/Certificate.h"
#include "smime/CertificateExpiry.h"
#include "smime/Identity.h"
#include "smtp/SmtpServer.h"
#include "smtp/TestMessageWatcher.h"
#include "spool/Queue.h"
#include "store/History.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "app")

Application::Application(const Options& options, QObject* parent) : QObject(parent), m_options(options) {}

Application::~Application()
{
    // Messages whose mail client still waits are left with the client, which
    // sends them again (DESIGN "Nothing lost": it never heard 250).
    if (m_dispatcher)
        m_dispatcher->shutdown();
    // The listener and the hop go first: they use the spool, the assessor, the history and the
    // secrets, which are members and would otherwise be destroyed before them.
    delete m_server;
    delete m_dispatcher;
}

static QStringList localUsers(const Settings::Config& config)
{
    QStringList users;
    for (const Settings::Account& account : config.accounts)
        users << account.name;
    if (users.isEmpty())
        users << u"test"_s; // test mode
    return users;
}

bool Application::loadConfigAndSecrets(QString* error)
{
    const QString path =
        m_options.configPath.isEmpty() ? Settings::Config::defaultPath() : m_options.configPath;
    QStringList problems;
    if (!Settings::loadEffective(path, &m_config, &problems, &m_lockedKeys)) {
        *error = tr("The settings file %1 cannot be read: %2").arg(path, problems.join(u"; "_s));
        return false;
    }
    for (const QString& p : problems)
        qCWarning(lcApp).noquote() << "settings:" << p;

    QString secretsError;
    m_secrets = Settings::SecretStore::create(m_config, &secretsError);
    if (!m_secrets) {
        *error = secretsError;
        return false;
    }
    if (!m_credentials.load(m_secrets.get(), localUsers(m_config), &secretsError)) {
        *error = tr("The local mail-client passwords cannot be read or stored in %1: %2")
                     .arg(m_secrets->description(), secretsError);
        return false;
    }
    // A local password a mail client sends must never reach the log, whatever logs it.
    for (const QString& user : m_credentials.users())
        Diagnostics::SecretMask::addSecret(m_credentials.password(user));
    return true;
}

bool Application::loadForSetupInfo(QString* error)
{
    return loadConfigAndSecrets(error);
}

QString Application::clientSetupText() const
{
    return Settings::ClientSetup::text(m_config, m_credentials);
}

void Application::activate()
{
    if (m_tray)
        m_tray->bringToFront();
    else
        qCInfo(lcApp) << "another start of Yubisashi was asked to come to the front; running without windows";
}

bool Application::start(QString* error)
{
    if (!loadConfigAndSecrets(error))
        return false;
    // Ways around the review that the administrator's policy may forbid.
    const Settings::AdminPolicy policy = Settings::AdminPolicy::system(nullptr);
    if (!m_options.decideScript.isEmpty() &&
        !policy.allows(Settings::ReviewBypass::ScriptedDecisions, m_config)) {
        *error =
            tr("Your administrator requires every message to be reviewed by a person, so Yubisashi "
               "cannot start with --decide (reviews answered by a script). Start it without --decide, or "
               "ask your administrator to allow it: allow_scripted_decisions=true in [policy] of the "
               "policy (%1).")
                .arg(QDir::toNativeSeparators(policy.filePath()));
        return false;
    }
    const bool pauseAllowed = policy.allows(Settings::ReviewBypass::Pause, m_config);

    // The app-data folder (queue, history, certificates) is the person's alone;
    // one made world-readable by an older version is put right.
    Spool::DurableFile::Error dataError;
    bool restricted = false;
    if (!Spool::DurableFile::makePrivateFolder(m_config.dataDir, &dataError, &restricted))
        qCWarning(lcApp).noquote() << "data folder" << m_config.dataDir
                                   << "could not be made private:" << dataError.system;
    else if (restricted)
        qCWarning(lcApp).noquote() << "data folder" << m_config.dataDir
                                   << "could be read by other users; it is now private";
    m_spool = std::make_unique<Spool::Queue>(QDir(m_config.dataDir).filePath(u"spool"_s));
    QString spoolError;
    if (!m_spool->open(&spoolError)) {
        *error = tr("The queue folder cannot be used: %1").arg(spoolError);
        return false;
    }

    if (!m_options.decideScript.isEmpty()) {
        Delivery::Decision d;
        int delay = 0;
        bool wait = false;
        QString scriptError;
        if (!Delivery::ScriptedDecisionProvider::parse(m_options.decideScript, &d, &delay, &wait,
                                                       &scriptError)) {
            *error = scriptError;
            return false;
        }
        m_decisions = new Delivery::ScriptedDecisionProvider(m_options.decideScript, this);
        qCInfo(lcApp).noquote() << "reviews are answered by the script" << m_options.decideScript;
    } else if (!m_options.headless) {
        m_reviews = new Ui::DialogDecisionProvider(m_config.delivery.countdownSeconds, this);
        m_decisions = m_reviews;
    } else {
        // No person to ask: messages that need a review wait in the queue until one is.
        m_decisions = new Delivery::ScriptedDecisionProvider(u"wait"_s, this);
        qCInfo(lcApp) << "running without a desktop: messages that need a review wait in the queue";
    }

    for (const Settings::Account& account : m_config.accounts) {
        if (account.auth != Smtp::AuthMethod::XOAuth2)
            continue;
        auto* tokens = new OAuth::TokenManager(account, m_config.path, m_secrets.get(), this);
        m_tokens.insert(account.name, tokens);
    }
    const Settings::Config config = m_config;
    Settings::SecretStore* secrets = m_secrets.get();
    const QHash<QString, OAuth::TokenManager*> tokens = m_tokens;
    // Kept-open upstream connections, shared by the deliveries of each account.
    QPointer<Delivery::UpstreamPool> pool;
    if (!m_config.testMode() && m_config.delivery.upstreamConnections > 0)
        pool = new Delivery::UpstreamPool(m_config.delivery.upstreamConnections, this);
    auto transports = [config, secrets, tokens, pool](const QString& account,
                                                      QObject* parent) -> Delivery::Transport* {
        if (config.testMode())
            return new Delivery::TestModeTransport(config.delivery.testModeFolder, parent);
        Settings::Account acc;
        if (const Settings::Account* found = config.account(account))
            acc = *found;
        else
            acc.name = account; // no host: the transport reports that the account is gone
        auto* transport = new Delivery::UpstreamTransport(acc, config.delivery.upstreamTimeoutSeconds,
                                                          secrets, tokens.value(account), parent);
        transport->setPool(pool);
        return transport;
    };
    m_protection = std::make_unique<Delivery::Protection>(m_config, m_secrets.get(),
                                                          QDir(m_config.dataDir).filePath(u"certificates"_s));
    // One history: the assessor reads it, the audit recorder writes it. One
    // that cannot be opened is reported by the assessor; mail goes on without it.
    m_history = std::make_unique<Store::History>(QDir(m_config.dataDir).filePath(u"history.sqlite"_s));
    m_history->open();
    m_assessor = std::make_unique<Delivery::Assessor>(m_config, m_history.get(), m_protection.get());
    for (const QString& p : m_assessor->problems())
        qCWarning(lcApp).noquote() << "checks:" << p;
    m_audit = std::make_unique<Delivery::AuditRecorder>(m_history.get());
    m_dispatcher = new Delivery::Dispatcher(m_config, m_spool.get(), m_assessor.get(), m_audit.get(),
                                            m_decisions, transports, this);
    connect(m_dispatcher, &Delivery::Dispatcher::notice, this,
            [](Delivery::Dispatcher::Notice, const QString& id, const QString& title, const QString& text) {
                qCInfo(lcApp).noquote()
                    << "notice:" << title << "—" << text << (id.isEmpty() ? QString() : u"("_s + id + u')');
            });

    for (OAuth::TokenManager* t : std::as_const(m_tokens)) {
        connect(t, &OAuth::TokenManager::stateChanged, m_dispatcher,
                [this](OAuth::TokenManager::State state) {
                    if (state == OAuth::TokenManager::State::SignedIn)
                        m_dispatcher->retryAll(); // messages that waited for the sign-in go now
                });
        connect(t, &OAuth::TokenManager::signInNeeded, this,
                [](const QString& account, const QString& reason) {
                    qCWarning(lcApp).noquote()
                        << "account" << account << "needs a new sign-in:" << reason
                        << "— messages wait in the queue; run `yubisashi sign-in" << account << "`";
                });
    }

    Smtp::SessionConfig session;
    session.requireAuth = m_config.listener.requireAuth;
    session.maxMessageSize = m_config.listener.maxMessageSize;
    session.maxRecipients = m_config.listener.maxRecipients;
    Delivery::Assessor* assessor = m_assessor.get();
    session.refuseRecipient = [assessor](const QString& address) {
        QString reason;
        return assessor->isBlockedRecipient(address, &reason) ? reason : QString();
    };
    m_server = new Smtp::SmtpServer(session, &m_credentials, this);
    m_server->setMaxSessions(m_config.listener.maxSessions);
    // Before the dispatcher's handler: the watcher only reads, and hears of a
    // message before its review window opens.
    m_testMessages = new Smtp::TestMessageWatcher(m_server, this);
    const QString defaultAccount = localUsers(m_config).constFirst();
    connect(m_server, &Smtp::SmtpServer::messageReceived, this,
            [this, defaultAccount](const Smtp::Envelope& envelope, const QByteArray& content,
                                   const QString& authUser, Smtp::PendingReply* reply) {
                m_dispatcher->submit(envelope, content, authUser.isEmpty() ? defaultAccount : authUser,
                                     reply);
            });

    QString listenError;
    if (!m_server->listen(m_config.listener.port, &listenError)) {
        *error = tr("Cannot listen on port %1: %2. Is Yubisashi already running, or is another program using "
                    "the port? Choose another port in Settings.")
                     .arg(m_config.listener.port)
                     .arg(listenError);
        return false;
    }
    if (m_reviews) {
        m_tray = new TrayController(m_dispatcher, m_reviews, m_spool.get(),
                                    QDir(m_config.dataDir).filePath(u"history.sqlite"_s), this);
        connect(m_tray, &TrayController::settingsRequested, this, &Application::openSettings);
        m_tray->setPauseAllowed(pauseAllowed);
        m_tray->setDiagnostics(
            Logging::folder().isEmpty() ? Logging::defaultFolder() : Logging::folder(), [this] {
                const QString logs = Logging::folder();
                return Diagnostics::Report::text(
                    Diagnostics::Report::environment(QCoreApplication::applicationVersion()), m_config,
                    m_lockedKeys, logs,
                    logs.isEmpty() ? QStringList()
                                   : Diagnostics::LogFile::lastLines(logs, Diagnostics::Report::LogLines));
            });
        if (!pauseAllowed)
            qCInfo(lcApp) << "Pause protection is not allowed by the administrator's policy";
        // At start only ever adds the entry: a run with another settings file
        // (a test-mode try) must not remove the one the person chose.
        QString autostartError;
        if (m_config.startAtLogin && !applyStartAtLogin(true, &autostartError))
            qCWarning(lcApp).noquote() << "start at login:" << autostartError;
        // A few seconds after start (the tray is up by then, and the listener
        // never waits for a certificate to be read), then once a day.
        auto* daily = new QTimer(this);
        daily->setInterval(24 * 3600 * 1000);
        connect(daily, &QTimer::timeout, this, &Application::checkCertificates);
        daily->start();
        QTimer::singleShot(5000, this, &Application::checkCertificates);
    }
    m_dispatcher->resume();

    qCInfo(lcApp).noquote() << "settings:" << QDir::toNativeSeparators(m_config.path)
                            << "— data:" << QDir::toNativeSeparators(m_config.dataDir)
                            << "— secrets:" << m_secrets->description();
    if (m_config.testMode()) {
        qCInfo(lcApp).noquote() << "test mode: no account configured; reviewed messages are saved in"
                                << QDir::toNativeSeparators(m_config.delivery.testModeFolder);
    } else {
        for (const Settings::Account& a : m_config.accounts)
            qCInfo(lcApp).noquote() << "account" << a.name << "->" << a.host + u':' + QString::number(a.port);
    }
    qCInfo(lcApp).noquote()
        << u"listening on 127.0.0.1:%1 and [::1]:%1%2"_s.arg(m_server->port())
               .arg(m_config.listener.requireAuth
                        ? u" (AUTH required; `yubisashi client-setup` shows the user and password)"_s
                        : u" (no AUTH)"_s);
    return true;
}

void Application::openSettings()
{
    static QPointer<Ui::SettingsDialog> open;
    if (open) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new Ui::SettingsDialog(m_config.path, m_secrets.get());
    open = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSignInHandler([this](const QString& account, QWidget* parent) {
        OAuth::TokenManager* tokens = m_tokens.value(account);
        if (!tokens) {
            QMessageBox::information(parent, tr("Sign in"),
                                     tr("Save the account with the sign-in method OAuth first and restart "
                                        "Yubisashi; then press Sign in again."));
            return;
        }
        tokens->setBrowserOpener([](const QUrl& url) { QDesktopServices::openUrl(url); });
        tokens->signIn();
    });
    dialog->setSignInStatusProvider([this](const QString& account) -> QString {
        const OAuth::TokenManager* tokens = m_tokens.value(account);
        if (!tokens)
            return tr("Not signed in yet (save the account and restart Yubisashi first).");
        switch (tokens->state()) {
        case OAuth::TokenManager::State::SignedIn:
            return tr("Signed in as %1.").arg(tokens->address());
        case OAuth::TokenManager::State::NeedsSignIn:
            return tokens->errorText().isEmpty() ? tr("Not signed in. Press Sign in.")
                                                 : tr("Sign in again: %1").arg(tokens->errorText());
        case OAuth::TokenManager::State::Error:
            break;
        }
        return tr("Problem: %1").arg(tokens->errorText());
    });
    dialog->setSignOutHandler([this](const QString& account, QWidget* parent) {
        if (OAuth::TokenManager* tokens = m_tokens.value(account)) {
            QString error;
            if (!tokens->signOut(&error))
                QMessageBox::warning(parent, tr("Sign out"), error);
        }
    });
    for (OAuth::TokenManager* tokens : std::as_const(m_tokens)) {
        connect(tokens, &OAuth::TokenManager::stateChanged, dialog, &Ui::SettingsDialog::refreshSignInStatus);
        connect(tokens, &OAuth::TokenManager::signInFinished, dialog,
                [dialog](bool ok, const QString& message) {
                    dialog->refreshSignInStatus();
                    if (!ok || !message.isEmpty())
                        QMessageBox::information(dialog, tr("Sign in"), message);
                });
    }
    dialog->setTestMessageWatcher(m_testMessages);
    dialog->setCertificateImporter([this, dialog](QWidget* parent) {
        importCertificate(parent);
        dialog->reloadCertificates();
    });
    dialog->setSourceImporter([this, dialog](QWidget* parent) {
        importFromSource(parent, QString());
        dialog->reloadCertificates();
    });
    dialog->setCertificateDetailsProvider([this](const QString& account, const QString& p12) -> QString {
        QString error;
        const std::optional<QString> password = m_secrets->read(account + u"/smime_password"_s, &error);
        QString message;
        const std::optional<Smime::Identity> id =
            Smime::Identity::load(p12, password.value_or(QString()), &message);
        if (!id)
            return tr("%1 cannot be used: %2").arg(QDir::toNativeSeparators(p12), message);
        const Smime::Certificate cert = id->certificate();
        QString text =
            tr("%1 <%2>, issued by %3, valid %4 to %5, %6")
                .arg(cert.commonName(), cert.emailAddresses().join(u", "_s), cert.issuer(),
                     QLocale().toString(cert.notBefore().toLocalTime().date(), QLocale::ShortFormat),
                     QLocale().toString(cert.notAfter().toLocalTime().date(), QLocale::ShortFormat),
                     cert.keyDescription());
        const QString expiry =
            Smime::CertificateExpiry::advice(cert.notAfter(), QDateTime::currentDateTimeUtc());
        if (!expiry.isEmpty())
            text += u"\n"_s + expiry;
        if (!cert.allowsEmailProtection())
            text += u"\n"_s + tr("Not meant for e-mail (no emailProtection): it cannot sign.");
        return text;
    });
    connect(dialog, &Ui::SettingsDialog::settingsSaved, this, [this, dialog] {
        // Start at login is the one setting that takes effect at once, and
        // only when the person changed it: saving other settings in a trial
        // run (another settings file) must not remove their own entry.
        Settings::Config saved;
        QStringList problems;
        QStringList locked;
        QString autostartError;
        if (Settings::loadEffective(m_config.path, &saved, &problems, &locked) &&
            saved.startAtLogin != m_config.startAtLogin) {
            if (applyStartAtLogin(saved.startAtLogin, &autostartError))
                m_config.startAtLogin = saved.startAtLogin;
            else
                QMessageBox::warning(dialog, tr("Start at login"), autostartError);
        }
        // A new password is read at the next attempt: messages waiting for the user try again now.
        m_dispatcher->retryAll();
        QMessageBox::information(dialog, tr("Settings saved"),
                                 tr("The settings are saved. Quit Yubisashi from its menu and start it again "
                                    "to use them; messages in the queue are kept."));
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

bool Application::applyStartAtLogin(bool wanted, QString* error)
{
    if (Autostart::isEnabled() == wanted)
        return true;
    if (!Autostart::setEnabled(wanted, m_options.configPath, error))
        return false;
    qCInfo(lcApp).noquote() << (wanted ? "starts at login:" : "no longer starts at login:")
                            << QDir::toNativeSeparators(Autostart::location());
    return true;
}

void Application::importCertificate(QWidget* parent)
{
    const QString unavailable = Settings::CertificateImport::unavailableReason(m_config);
    if (!unavailable.isEmpty()) {
        QMessageBox::information(parent, tr("Import certificate"), unavailable);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(parent, tr("Import your certificate"), QDir::homePath(),
                                                      tr("Certificates (*.p12 *.pfx)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString password = QInputDialog::getText(parent, tr("Certificate password"),
                                                   tr("The password of %1:").arg(QFileInfo(path).fileName()),
                                                   QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    const Settings::CertificateImport::Result result =
        Settings::CertificateImport::run(m_config, m_lockedKeys, m_secrets.get(), path, password);
    if (!result.ok) {
        QMessageBox::warning(parent, tr("Certificate not imported"), result.error);
        return;
    }
    QMessageBox::information(parent, tr("Certificate imported"), result.message);
}

void Application::importFromSource(QWidget* parent, const QString& accountName)
{
    using Settings::CertificateSource;
    const QString unavailable = Settings::CertificateImport::unavailableReason(m_config);
    if (!unavailable.isEmpty()) {
        QMessageBox::information(parent, tr("Import certificate"), unavailable);
        return;
    }
    // The named account, else the first one whose file is there (else the first, to say what is missing).
    const Settings::Account* account = nullptr;
    CertificateSource::Found found;
    for (const Settings::Account& a : std::as_const(m_config.accounts)) {
        if (!accountName.isEmpty() && a.name != accountName)
            continue;
        const CertificateSource::Found f = CertificateSource::find(
            m_config.certificateSource, CertificateSource::addressOf(a), CertificateSource::loginName());
        if (!account || (f.ok() && !found.ok())) {
            account = &a;
            found = f;
        }
    }
    if (!account || !found.ok()) {
        QMessageBox::warning(
            parent, tr("Import certificate"),
            account ? found.message
                    : tr("The account \"%1\" is not in the settings any more.").arg(accountName));
        return;
    }
    QString prompt = tr("Your organisation has provided your certificate:\n%1\nType the password that came "
                        "with it.")
                         .arg(QDir::toNativeSeparators(found.path));
    for (;;) {
        bool ok = false;
        const QString password =
            QInputDialog::getText(parent, tr("Certificate password"), prompt, QLineEdit::Password, {}, &ok);
        if (!ok)
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const CertificateSource::Opened opened =
            CertificateSource::open(found.path, password, CertificateSource::addressesOf(*account), now);
        if (opened.status == CertificateSource::Opened::Status::WrongPassword) {
            prompt = opened.message + u"\n\n"_s + QDir::toNativeSeparators(found.path);
            continue;
        }
        if (!opened.ok()) {
            QMessageBox::warning(parent, tr("Certificate not imported"), opened.message);
            return;
        }
        const Settings::CertificateImport::Result result = CertificateSource::import(
            m_config, m_lockedKeys, m_secrets.get(), account->name, found.path, password);
        if (!result.ok) {
            QMessageBox::warning(parent, tr("Certificate not imported"), result.error);
            return;
        }
        // Not offered again tomorrow: this copy is now the one to compare with.
        const QString name = account->name;
        for (Settings::Account& a : m_config.accounts) {
            if (a.name == name)
                a.smimeP12 = result.storedPath;
        }
        QMessageBox::information(parent, tr("Certificate imported"),
                                 CertificateSource::describe(opened.certificate, now) + u"\n\n"_s +
                                     result.message);
        return;
    }
}

void Application::checkCertificates()
{
    using Settings::CertificateSource;
    if (!m_tray)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Settings::Account& account : std::as_const(m_config.accounts)) {
        if (!m_config.certificateSource.isEmpty()) {
            const CertificateSource::Found found =
                CertificateSource::find(m_config.certificateSource, CertificateSource::addressOf(account),
                                        CertificateSource::loginName());
            if (found.ok() && CertificateSource::differs(found.path, account.smimeP12)) {
                qCInfo(lcApp).noquote() << "a new certificate for account" << account.name << "in"
                                        << QDir::toNativeSeparators(found.path);
                const QString name = account.name;
                m_tray->showNotice(
                    tr("A new certificate is ready"),
                    tr("Your organisation has provided a new certificate for %1. Click here to "
                       "import it; you only need its password.")
                        .arg(CertificateSource::addressOf(account)),
                    [this, name] { importFromSource(nullptr, name); });
            }
        }
        if (account.smimeP12.isEmpty())
            continue;
        QString error;
        const std::optional<QString> password = m_secrets->read(account.name + u"/smime_password"_s, &error);
        const std::optional<Smime::Identity> id =
            Smime::Identity::load(account.smimeP12, password.value_or(QString()));
        if (!id)
            continue; // the Settings window and the sender-certificate check say why
        const Smime::Certificate cert = id->certificate();
        // Remembered per certificate: a renewed one (another fingerprint) starts over.
        QSettings state;
        const QString key = u"certificate_reminders/"_s + cert.fingerprint();
        const QVariant shown = state.value(key);
        const std::optional<int> due = Smime::CertificateExpiry::reminderDue(
            cert.notAfter(), now, shown.isValid() ? std::optional<int>(shown.toInt()) : std::nullopt);
        if (!due)
            continue;
        state.setValue(key, *due);
        const QString address = cert.emailAddresses().value(0, account.name);
        m_tray->showNotice(*due == Smime::CertificateExpiry::kExpiredReminder
                               ? tr("Your certificate has expired")
                               : tr("Your certificate expires in %n day(s)", nullptr,
                                    int(Smime::CertificateExpiry::daysLeft(cert.notAfter(), now))),
                           address + u": "_s + Smime::CertificateExpiry::advice(cert.notAfter(), now),
                           [this] { openSettings(); });
    }
}
