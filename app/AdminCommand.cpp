#include "AdminCommand.h"

#include "AdminWindow.h"
#include "CommandLine.h"
#include "settings/PolicyCheck.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace AdminCommand {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AdminCommand", text);
}

using CommandLine::printErr;

// The administrator's window, until it is closed.
int openWindow(const QString& path)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app) {
        printErr(tr("The administrator's window needs a desktop session. To check a policy file without "
                    "one, run: yubisashi admin --check FILE"));
        return 3;
    }
    // main() keeps the guardian running without windows; this tool ends with its window.
    QApplication::setQuitOnLastWindowClosed(true);
    Ui::AdminWindow window;
    if (!path.isEmpty())
        window.openFile(path);
    window.show();
    return QApplication::exec();
}

} // namespace

int run(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Tools for administrators. Without --check, opens the administrator's window for writing a "
           "policy (FILE: a policy.ini or .reg to open) and saving it as policy.ini, .reg or "
           ".mobileconfig. --check FILE validates a policy file (policy.ini, or a .reg export "
           "of HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi) with the rules Yubisashi applies it by. "
           "Exit status: 0 valid, 1 not valid, 3 usage error."));
    const QCommandLineOption checkOption(u"check"_s, tr("Validate the policy file <file>."), u"file"_s);
    const QCommandLineOption configOption(u"config"_s, tr("Use the settings file <file>."), u"file"_s);
    parser.addOptions({checkOption, configOption});
    parser.addHelpOption();
    if (const std::optional<int> done = CommandLine::parse(parser, u"yubisashi admin"_s, args))
        return *done;
    if (!parser.isSet(checkOption)) {
        if (parser.positionalArguments().size() > 1) {
            printErr(tr("Usage: yubisashi admin [FILE] or yubisashi admin --check FILE"));
            return 3;
        }
        return openWindow(parser.positionalArguments().value(0));
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(tr("Usage: yubisashi admin [FILE] or yubisashi admin --check FILE"));
        return 3;
    }
    const QString path = parser.value(checkOption);
    const Settings::PolicyCheck::Result result = Settings::PolicyCheck::checkFile(path);
    for (const QString& problem : result.problems)
        printErr(problem);
    if (!result.valid) {
        printErr(tr("%1 is not valid: correct the lines above and check it again.").arg(path));
        return 1;
    }
    std::fprintf(stdout, "%s\n",
                 qUtf8Printable(tr("%1 is valid: it locks %2 and recommends %3 settings.")
                                    .arg(path)
                                    .arg(result.locked)
                                    .arg(result.recommended)));
    return 0;
}

} // namespace AdminCommand

int runAdmin(const QStringList& args)
{
    return AdminCommand::run(args);
}
