#include "ImportHistoryCommand.h"

#include "CommandLine.h"
#include "Terminal.h"
#include "mime/MailboxReader.h"
#include "mime/MessageView.h"
#include "settings/Config.h"
#include "store/History.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace ImportHistoryCommand {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("ImportHistoryCommand", text, nullptr, n);
}

using CommandLine::printErr;

// Learns each message the reader finds, in batches, and shows the progress.
class Importer
{
public:
    explicit Importer(Store::History* history)
        : m_history(history), m_reader([this](const QByteArray& message) { learn(message); },
                                       [](const QString& problem) { printErr(problem); })
    {
        m_tty = Terminal::stderrIsTerminal();
        m_clock.start();
    }

    bool importPath(const QString& path) { return m_reader.read(path); }

    bool finish()
    {
        const bool ok = m_history->commitBatch();
        progress(true);
        return ok;
    }

    int messages() const { return m_messages; }
    int learned() const { return m_learned; }
    int skipped() const { return m_skipped; }
    bool failed() const { return m_failed || m_reader.failed(); }

private:
    // bytes: one message with CRLF line ends, as the spool stores it.
    void learn(const QByteArray& bytes)
    {
        const Mime::MessageView view = Mime::MessageView::parse(bytes);
        int fresh = 0;
        bool skipped = false;
        if (!m_history->learnSent(view, &fresh, &skipped)) {
            if (!m_reported)
                printErr(m_history->errorString());
            m_reported = true;
            m_failed = true;
            return;
        }
        ++m_messages;
        m_learned += fresh;
        if (skipped)
            ++m_skipped;
        // Commit in slices: fast, and an interruption keeps what was learned.
        if (m_messages % 5000 == 0) {
            m_history->commitBatch();
            m_history->beginBatch();
        }
        progress(false);
    }

    void progress(bool last)
    {
        if (!last && (!m_tty || m_clock.elapsed() - m_lastShown < 200))
            return;
        m_lastShown = m_clock.elapsed();
        const QString text = tr("Reading… %n message(s), %1 recipients learned", m_messages).arg(m_learned);
        if (m_tty)
            std::fprintf(stderr, "\r%s\033[K%s", qUtf8Printable(text), last ? "\n" : "");
        else if (last)
            std::fprintf(stderr, "%s\n", qUtf8Printable(text));
        std::fflush(stderr);
    }

    Store::History* m_history;
    Mime::MailboxReader m_reader;
    QElapsedTimer m_clock;
    qint64 m_lastShown = -1000;
    int m_messages = 0;
    int m_learned = 0;
    int m_skipped = 0;
    bool m_tty = false;
    bool m_failed = false;
    bool m_reported = false;
};

} // namespace

int run(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Learns the recipients of sent mail, so that people you have written to "
           "before are not reported as first-time recipients."));
    const QCommandLineOption configOption(u"config"_s, tr("Use the settings file <file>."), u"file"_s);
    parser.addOption(configOption);
    parser.addHelpOption();
    parser.addPositionalArgument(u"path"_s, tr("mbox files, Maildir folders, .eml files or folders of them."),
                                 u"PATH..."_s);
    if (const std::optional<int> done = CommandLine::parse(parser, u"yubisashi import-history"_s, args))
        return *done;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        printErr(tr("Usage: yubisashi import-history PATH... [--config FILE]"));
        return 3;
    }
    Settings::Config config;
    QStringList errors;
    const QString configPath =
        parser.isSet(configOption) ? parser.value(configOption) : Settings::Config::defaultPath();
    if (parser.isSet(configOption) && !QFileInfo::exists(configPath)) {
        printErr(tr("The settings file %1 does not exist.").arg(configPath));
        return 3;
    }
    Settings::Config::load(configPath, &config, &errors);
    for (const QString& e : std::as_const(errors))
        printErr(tr("Settings: %1").arg(e));

    if (!QDir().mkpath(config.dataDir)) {
        printErr(tr("The folder %1 cannot be created.").arg(config.dataDir));
        return 3;
    }
    QFile::setPermissions(config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    Store::History history(config.dataDir + u"/history.sqlite"_s);
    history.setBusyTimeout(5000); // the running app may be writing; waiting a little is fine here
    if (!history.open()) {
        printErr(history.errorString());
        return 3;
    }
    history.setBulkLoad(true);
    if (!history.beginBatch()) {
        printErr(history.errorString());
        return 3;
    }
    Importer importer(&history);
    bool ok = true;
    for (const QString& p : paths)
        ok = importer.importPath(p) && ok;
    if (!importer.finish()) {
        printErr(history.errorString());
        return 3;
    }
    if (importer.skipped() > 0)
        printErr(tr("%n message(s) had been learned before and were not counted again.", importer.skipped()));
    return ok && !importer.failed() ? 0 : 1;
}

} // namespace ImportHistoryCommand

int runImportHistory(const QStringList& args)
{
    return ImportHistoryCommand::run(args);
}
