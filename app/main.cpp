#include "AdminCommand.h"
#include "Application.h"
#include "CheckCommand.h"
#include "ClientSetupCommand.h"
#include "DesktopSession.h"
#include "FirstRunWizard.h"
#include "ImportHistoryCommand.h"
#include "Logging.h"
#include "QuitRequests.h"
#include "SignInCommand.h"
#include "SingleInstance.h"
#include "Terminal.h"
#include "Translator.h"
#include "oauth/Provider.h"
#include "oauth/TokenManager.h"
#include "settings/AdminPolicy.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QEventLoop>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QTranslator>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A request from the system to stop (SIGTERM, Ctrl+C…) ends the event loop,
// so the spool is left consistent and sockets are closed.
void installQuitOnRequest(QCoreApplication* app)
{
    auto* requests = new QuitRequests(app);
    QObject::connect(requests, &QuitRequests::quitRequested, app, [](const QString& what) {
        qInfo().noquote() << "stopping on" << what;
        QCoreApplication::exit(0); // not quit(): Qt 6 lets a window refuse that (the main window does)
    });
}

// Why Yubisashi cannot start: to the log, and on a desktop in a window too,
// since someone who started it from a menu never sees the log.
void reportStartFailure(const QString& error, bool headless)
{
    qCritical().noquote() << error;
    if (!headless)
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Yubisashi cannot start"), error);
}

// The command-line tools (check, import-history) parse their own options. The
// command word may follow --config FILE, which is then handed on to it.
int runTool(const QStringList& arguments, bool* handled)
{
    *handled = false;
    QStringList before;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == u"--config"_s && i + 1 < arguments.size()) {
            before << a << arguments.at(i + 1);
            ++i;
            continue;
        }
        if (a.startsWith(u"--config="_s)) {
            before << a;
            continue;
        }
        if (a == u"--headless"_s) // the tools never open a window anyway
            continue;
        if (a != u"check"_s && a != u"import-history"_s && a != u"sign-in"_s && a != u"admin"_s &&
            a != u"client-setup"_s)
            return 0;
        *handled = true;
        const QStringList rest = arguments.mid(i + 1) + before;
        if (a == u"admin"_s)
            return runAdmin(rest);
        if (a == u"sign-in"_s)
            return runSignIn(rest);
        if (a == u"client-setup"_s)
            return runClientSetup(rest);
        return a == u"check"_s ? runCheck(rest) : runImportHistory(rest);
    }
    return 0;
}

// First run on a desktop (nothing configured yet: no account, no internal
// domains): the short wizard. false when the person closed it without finishing.
// startForTest starts Yubisashi for the wizard's "Send a test message" page
// and returns its watcher (null with error when it cannot start).
bool runFirstRunWizard(const QString& configOption,
                       const std::function<Smtp::TestMessageWatcher*(QString* error)>& startForTest)
{
    const QString path = configOption.isEmpty() ? Settings::Config::defaultPath() : configOption;
    Settings::Config config;
    QStringList problems;
    Settings::loadEffective(path, &config, &problems, nullptr);
    if (!config.accounts.isEmpty() || !config.policy.internalDomains.isEmpty())
        return true;
    QString error;
    const std::unique_ptr<Settings::SecretStore> secrets = Settings::SecretStore::create(config, &error);
    if (!secrets) {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Yubisashi"), error);
        return true; // starting reports the same problem in its own words (reportStartFailure)
    }
    QPointer<OAuth::TokenManager> tokens; // outlives the wizard, whose handlers use it
    Ui::FirstRunWizard wizard(path, secrets.get());
    // Sign in with Microsoft 365 or Google for the account being set up (the
    // wizard offers it only when a client ID is set): the refresh token is
    // stored under the account's name, where the app finds it after Finish.
    wizard.setSignInHandler([&](const Settings::Account& account, QWidget* parent) {
        delete tokens;
        tokens = new OAuth::TokenManager(account.name, OAuth::Provider::forAccount(account, path),
                                         account.user, secrets.get(), &wizard);
        tokens->setBrowserOpener([](const QUrl& url) { QDesktopServices::openUrl(url); });
        QObject::connect(tokens, &OAuth::TokenManager::stateChanged, &wizard,
                         &Ui::FirstRunWizard::refreshSignInStatus);
        QObject::connect(tokens, &OAuth::TokenManager::signInFinished, &wizard,
                         [&wizard, parent](bool ok, const QString& message) {
                             wizard.refreshSignInStatus();
                             if (!ok || !message.isEmpty())
                                 QMessageBox::information(
                                     parent, QCoreApplication::translate("Application", "Sign in"), message);
                         });
        tokens->signIn();
        wizard.refreshSignInStatus();
    });
    wizard.setSignInStatusProvider([&tokens](const QString&) -> QString {
        if (!tokens)
            return QString();
        if (tokens->isSigningIn())
            return QCoreApplication::translate("main",
                                               "Finish signing in in the browser window that opened.");
        switch (tokens->state()) {
        case OAuth::TokenManager::State::SignedIn:
            return QCoreApplication::translate("Application", "Signed in as %1.").arg(tokens->address());
        case OAuth::TokenManager::State::NeedsSignIn:
            return tokens->errorText().isEmpty()
                       ? QCoreApplication::translate("Application", "Not signed in. Press Sign in.")
                       : QCoreApplication::translate("Application", "Sign in again: %1")
                             .arg(tokens->errorText());
        case OAuth::TokenManager::State::Error:
            break;
        }
        return QCoreApplication::translate("Application", "Problem: %1").arg(tokens->errorText());
    });
    wizard.setTestMessageStarter(startForTest);
    // Not exec(): an application-modal wizard would block the review window
    // that the test message opens while the wizard is still up.
    QEventLoop loop;
    QObject::connect(&wizard, &QDialog::finished, &loop, &QEventLoop::quit);
    wizard.show();
    loop.exec();
    // Closed on the test page: the settings were saved before the test, so Yubisashi goes on.
    return wizard.result() == QDialog::Accepted || wizard.isSaved();
}

// [general] language=system|en|ja (an administrator's policy file wins).
// Read before anything else, so that every text is in that language.
QLocale chosenLocale(const QStringList& arguments)
{
    QString config = Settings::Config::defaultPath();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--config"_s && i + 1 < arguments.size())
            config = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(u"--config="_s))
            config = arguments.at(i).mid(9);
    }
    // Problems are reported later, in the chosen language, when the settings are read again.
    Settings::Config settings;
    Settings::loadEffective(config, &settings, nullptr, nullptr);
    const QString& language = settings.language;
    if (language == u"ja"_s)
        return QLocale(QLocale::Japanese, QLocale::Japan);
    if (language == u"en"_s)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale();
}

void loadTranslations(QCoreApplication* app)
{
    const QLocale locale = chosenLocale(app->arguments());
    QLocale::setDefault(locale);
    auto* qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new Translator(app);
    if (own->load(locale))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char** argv)
{
    Terminal::attachToParentConsole();
    Logging::install();
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(YUBISASHI_VERSION));
    // The log file, before anything else has something to say (stderr goes on as well).
    QString logError;
    if (!Logging::openFile(Logging::defaultFolder(), &logError))
        qWarning().noquote() << "no log file in" << Logging::defaultFolder() << "-" << logError;

    // Decide before creating the application object whether there is a desktop at all.
    bool headless = !DesktopSession::available();
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--headless") == 0 || qstrcmp(argv[i], "check") == 0 ||
            qstrcmp(argv[i], "import-history") == 0 || qstrcmp(argv[i], "client-setup") == 0 ||
            qstrcmp(argv[i], "--check") == 0)
            headless = true;
    }
    std::unique_ptr<QCoreApplication> app(headless ? new QCoreApplication(argc, argv)
                                                   : new QApplication(argc, argv));
    // Closing the queue, history or review window must not end the guardian; Quit does.
    if (!headless)
        QApplication::setQuitOnLastWindowClosed(false);
    loadTranslations(app.get());

    bool isTool = false;
    const int toolStatus = runTool(app->arguments(), &isTool);
    if (isTool)
        return toolStatus;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Yubisashi checks every recipient before a message leaves, signs it and sends it on."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        u"config"_s, QCoreApplication::translate("main", "Use the settings file <file>."), u"file"_s);
    const QCommandLineOption headlessOption(
        u"headless"_s,
        QCoreApplication::translate("main", "Run without windows or tray icon (messages that need a "
                                            "review wait in the queue)."));
    const QCommandLineOption decideOption(
        u"decide"_s,
        QCoreApplication::translate(
            "main", "Answer every review with <script>: wait, send, send:MS, send-bcc, cancel:REASON "
                    "(for tests and unattended runs)."),
        u"script"_s);
    parser.addOptions({configOption, headlessOption, decideOption});
    parser.addPositionalArgument(
        u"command"_s,
        QCoreApplication::translate(
            "main", "Optional: client-setup (print the mail-client settings), check FILE.eml "
                    "(show the review; see check --help), import-history PATH... (learn "
                    "recipients from sent mail), sign-in ACCOUNT (OAuth sign-in for Microsoft 365 "
                    "or Google), admin --check FILE (validate an administrator's policy file)."),
        u"[command]"_s);
    parser.process(*app);

    Application::Options options;
    options.configPath = parser.value(configOption);
    options.decideScript = parser.value(decideOption);
    options.headless = headless;

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QCoreApplication::translate("main", "Unknown command \"%1\". See --help.")
                                        .arg(args.constFirst())));
        return 3;
    }

    // One Yubisashi per user and settings file: a second start brings the first to the front.
    SingleInstance instance(
        QFileInfo(options.configPath.isEmpty() ? Settings::Config::defaultPath() : options.configPath)
            .absoluteFilePath());
    QString error;
    switch (instance.start(&error)) {
    case SingleInstance::Role::Secondary:
        std::fprintf(stdout, "%s\n",
                     qUtf8Printable(QCoreApplication::translate(
                         "main", "Yubisashi is already running; it was asked to show its window.")));
        return 0;
    case SingleInstance::Role::Failed:
        reportStartFailure(error, headless);
        return 2;
    case SingleInstance::Role::Primary:
        break;
    }

    installQuitOnRequest(app.get());
    Application application(options);
    // Started early by the wizard's test page, or after the wizard.
    enum class Start
    {
        NotYet,
        Running,
        Failed
    } started = Start::NotYet;
    QString startError;
    const auto startForTest = [&](QString* why) -> Smtp::TestMessageWatcher* {
        if (started == Start::NotYet)
            started = application.start(&startError) ? Start::Running : Start::Failed;
        if (started == Start::Failed) {
            *why = startError;
            return nullptr;
        }
        return application.testMessageWatcher();
    };
    if (!headless && options.decideScript.isEmpty() && !runFirstRunWizard(options.configPath, startForTest))
        return 0;
    if (started == Start::NotYet && !application.start(&startError))
        started = Start::Failed;
    if (started == Start::Failed) {
        reportStartFailure(startError, headless);
        return 2;
    }
    QObject::connect(&instance, &SingleInstance::activationRequested, &application, &Application::activate);
    return app->exec();
}
