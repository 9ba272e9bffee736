#include "ClientSetupCommand.h"

#include "Application.h"
#include "CommandLine.h"
#include "settings/ClientSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace ClientSetupCommand {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ClientSetupCommand", text);
}

using CommandLine::printErr;

} // namespace

int run(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints what to enter in your mail program's outgoing (SMTP) server settings."));
    const QCommandLineOption formatOption(
        u"format"_s,
        tr("Print <format>: text (for people, the default), json (for scripts), msmtprc (an account for "
           "~/.msmtprc) or thunderbird (preferences for Thunderbird's user.js)."),
        u"format"_s, u"text"_s);
    const QCommandLineOption accountOption(
        u"account"_s, tr("With --format json: the account <name> (default: the first one)."), u"name"_s);
    const QCommandLineOption configOption(u"config"_s, tr("Use the settings file <file>."), u"file"_s);
    parser.addOptions({formatOption, accountOption, configOption});
    parser.addHelpOption();
    if (const std::optional<int> done = CommandLine::parse(parser, u"yubisashi client-setup"_s, args))
        return *done;
    const std::optional<Settings::ClientSetup::Format> format =
        Settings::ClientSetup::formatFromName(parser.value(formatOption));
    if (!format || !parser.positionalArguments().isEmpty()) {
        printErr(tr("Usage: yubisashi client-setup [--format text|json|msmtprc|thunderbird] [--account NAME] "
                    "[--config FILE]"));
        return 3;
    }

    Application::Options options;
    options.configPath = parser.value(configOption);
    options.headless = true;
    Application setup(options);
    QString error;
    if (!setup.loadForSetupInfo(&error)) {
        printErr(error);
        return 2;
    }
    QByteArray out;
    switch (*format) {
    case Settings::ClientSetup::Format::Text:
        out = setup.clientSetupText().toUtf8();
        break;
    case Settings::ClientSetup::Format::Json:
        out = Settings::ClientSetup::json(setup.config(), setup.credentials(), parser.value(accountOption),
                                          &error);
        if (out.isEmpty()) {
            printErr(error);
            return 3;
        }
        break;
    case Settings::ClientSetup::Format::Msmtprc: {
        // msmtp runs this very program (by its full path) with the same settings file.
        Settings::ClientSetup::Program program;
        program.path = QCoreApplication::applicationFilePath();
        if (parser.isSet(configOption))
            program.configPath = QFileInfo(parser.value(configOption)).absoluteFilePath();
        out = Settings::ClientSetup::msmtprc(setup.config(), program).toUtf8();
        break;
    }
    case Settings::ClientSetup::Format::Thunderbird:
        out = Settings::ClientSetup::thunderbird(setup.config()).toUtf8();
        break;
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace ClientSetupCommand

int runClientSetup(const QStringList& args)
{
    return ClientSetupCommand::run(args);
}
