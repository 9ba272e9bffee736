#include "SignInCommand.h"

#include "CommandLine.h"
#include "oauth/TokenManager.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace SignInCommand {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SignInCommand", text);
}

void printOut(const QString& s)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(s));
    std::fflush(stdout); // a script (or a test) reads the URL while we wait
}

using CommandLine::printErr;

} // namespace

int run(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Signs an account in with Microsoft 365 or Google (OAuth 2.0) and keeps the sign-in in the secret "
           "store. Exit status: 0 signed in, 1 not signed in, 3 error."));
    const QCommandLineOption noBrowserOption(u"no-browser"_s,
                                             tr("Print the sign-in address instead of opening the browser."));
    const QCommandLineOption deviceOption(u"device-code"_s,
                                          tr("Sign in on another device with a code (Microsoft 365)."));
    const QCommandLineOption configOption(u"config"_s, tr("Use the settings file <file>."), u"file"_s);
    const QCommandLineOption headlessOption(u"headless"_s, tr("Same as --no-browser."));
    parser.addOptions({noBrowserOption, deviceOption, configOption, headlessOption});
    parser.addHelpOption();
    parser.addPositionalArgument(u"account"_s, tr("The account to sign in (its local user name)."),
                                 u"ACCOUNT"_s);
    if (const std::optional<int> done = CommandLine::parse(parser, u"yubisashi sign-in"_s, args))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        printErr(tr("Usage: yubisashi sign-in ACCOUNT [--no-browser] [--device-code] [--config FILE]"));
        return 3;
    }
    const QString name = parser.positionalArguments().constFirst();

    const QString configPath =
        parser.isSet(configOption) ? parser.value(configOption) : Settings::Config::defaultPath();
    if (parser.isSet(configOption) && !QFileInfo::exists(configPath)) {
        printErr(tr("The settings file %1 does not exist.").arg(configPath));
        return 3;
    }
    Settings::Config config;
    QStringList settingsErrors;
    if (!Settings::Config::load(configPath, &config, &settingsErrors)) {
        printErr(settingsErrors.join(u'\n'));
        return 3;
    }
    const Settings::Account* account = config.account(name);
    if (!account) {
        printErr(tr("There is no account \"%1\" in %2.").arg(name, config.path));
        return 3;
    }
    if (account->auth != Smtp::AuthMethod::XOAuth2) {
        printErr(tr("The account \"%1\" does not sign in with Microsoft or Google (auth is not xoauth2).")
                     .arg(name));
        return 3;
    }
    QString error;
    const std::unique_ptr<Settings::SecretStore> secrets = Settings::SecretStore::create(config, &error);
    if (!secrets) {
        printErr(error);
        return 3;
    }

    OAuth::TokenManager manager(*account, config.path, secrets.get());
    if (!manager.provider().problem().isEmpty()) {
        printErr(manager.provider().problem());
        return 3;
    }
    // Without a desktop (or when asked) the address is printed for the user to open.
    const bool canOpen = qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr &&
                         !parser.isSet(noBrowserOption) && !parser.isSet(headlessOption) &&
                         QGuiApplication::platformName() != QLatin1String("offscreen");
    manager.setBrowserOpener([canOpen](const QUrl& url) {
        if (canOpen && QDesktopServices::openUrl(url)) {
            printOut(tr("Your browser opens to sign in. If it does not, open this address:"));
        } else {
            printOut(tr("Open this address in a browser on this computer to sign in:"));
        }
        printOut(QString::fromLatin1(url.toEncoded()));
    });

    QEventLoop loop;
    int status = 1;
    QObject::connect(
        &manager, &OAuth::TokenManager::deviceCodeReady, &loop,
        [](const QString& userCode, const QUrl& uri, const QString&) {
            printOut(tr("On any device, open %1 and enter the code %2").arg(uri.toString(), userCode));
        });
    QObject::connect(&manager, &OAuth::TokenManager::signInFinished, &loop,
                     [&](bool ok, const QString& message) {
                         if (ok) {
                             printOut(tr("Signed in as %1.").arg(manager.address()));
                             if (!message.isEmpty())
                                 printErr(message);
                             status = 0;
                         } else {
                             printErr(message);
                             status = 1;
                         }
                         loop.quit();
                     });
    if (parser.isSet(deviceOption))
        manager.signInWithDeviceCode();
    else
        manager.signIn();
    loop.exec();
    return status;
}

} // namespace SignInCommand

int runSignIn(const QStringList& args)
{
    return SignInCommand::run(args);
}
