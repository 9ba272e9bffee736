#include "ImportHistoryCommand.h"

#include "Terminal.h"
#include "mime/MessageView.h"
#include "settings/Config.h"
#include "store/History.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace ImportHistoryCommand {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("ImportHistoryCommand", text, nullptr, n);
}

void printErr(const QString& s)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(s));
}

// Messages are parsed as the spool stores them: CRLF line ends.
QByteArray withCrlf(const QByteArray& in)
{
    QByteArray out;
    out.reserve(in.size() + in.size() / 30);
    char previous = 0;
    for (const char c : in) {
        if (c == '\n' && previous != '\r')
            out += '\r';
        out += c;
        previous = c;
    }
    return out;
}

class Importer
{
public:
    explicit Importer(Store::History* history) : m_history(history)
    {
        m_tty = Terminal::stderrIsTerminal();
        m_clock.start();
    }

    bool importPath(const QString& path)
    {
        const QFileInfo info(path);
        if (!info.exists()) {
            printErr(tr("%1 does not exist; skipped.").arg(path));
            return false;
        }
        if (info.isDir())
            return importFolder(info.absoluteFilePath());
        return importFile(info.absoluteFilePath());
    }

    bool finish()
    {
        const bool ok = m_history->commitBatch();
        progress(true);
        return ok;
    }

    int messages() const { return m_messages; }
    int learned() const { return m_learned; }
    int skipped() const { return m_skipped; }
    bool failed() const { return m_failed; }

private:
    bool importFolder(const QString& dir)
    {
        bool ok = true;
        const QDir d(dir);
        // Maildir: the messages are the files in cur/ and new/.
        if (d.exists(u"cur"_s) && d.exists(u"new"_s)) {
            for (const QString& sub : {u"cur"_s, u"new"_s}) {
                QDirIterator it(d.filePath(sub), QDir::Files);
                while (it.hasNext())
                    ok = readMessage(it.next()) && ok;
            }
            // Maildir++ subfolders (.Sent, .Archive) sit next to cur/ and new/.
            QDirIterator sub(dir, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
            while (sub.hasNext()) {
                const QString s = sub.next();
                if (QFileInfo(s).fileName().startsWith(QLatin1Char('.')))
                    ok = importFolder(s) && ok;
            }
            return ok;
        }
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList entries;
        while (it.hasNext())
            entries << it.next();
        entries.sort();
        for (const QString& e : std::as_const(entries)) {
            const QFileInfo info(e);
            if (info.isDir())
                ok = importFolder(e) && ok;
            else
                ok = importFile(e) && ok;
        }
        return ok;
    }

    bool importFile(const QString& path)
    {
        // Index files of mail programs are not mail.
        static const QStringList ignored{u"msf"_s, u"dat"_s, u"sqlite"_s, u"json"_s, u"db"_s, u"idx"_s};
        if (ignored.contains(QFileInfo(path).suffix().toLower()))
            return true;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            printErr(tr("%1 cannot be read (%2); skipped.").arg(path, f.errorString()));
            m_failed = true;
            return false;
        }
        const QByteArray head = f.peek(5);
        if (head.startsWith("From "))
            return readMbox(f);
        f.close();
        return readMessage(path);
    }

    bool readMessage(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            printErr(tr("%1 cannot be read (%2); skipped.").arg(path, f.errorString()));
            m_failed = true;
            return false;
        }
        learn(f.readAll());
        return true;
    }

    // mbox (mboxo and mboxrd): a message starts at a "From " line after an
    // empty line; ">From " quoting inside a message loses one '>'. Read line
    // by line so that a Sent folder of gigabytes does not fill the memory.
    bool readMbox(QFile& f)
    {
        QByteArray message;
        bool previousEmpty = true;
        bool inMessage = false;
        while (!f.atEnd()) {
            QByteArray line = f.readLine();
            if (line.startsWith("From ") && previousEmpty) {
                if (inMessage)
                    learn(message);
                message.clear();
                inMessage = true;
                previousEmpty = false;
                continue;
            }
            previousEmpty = line == "\n" || line == "\r\n";
            if (line.startsWith('>')) {
                qsizetype i = 0;
                while (i < line.size() && line.at(i) == '>')
                    ++i;
                if (line.mid(i).startsWith("From "))
                    line.remove(0, 1);
            }
            message += line;
        }
        if (inMessage)
            learn(message);
        if (f.error() != QFileDevice::NoError) {
            printErr(tr("%1 could not be read to the end (%2).").arg(f.fileName(), f.errorString()));
            m_failed = true;
            return false;
        }
        return true;
    }

    void learn(const QByteArray& bytes)
    {
        if (bytes.trimmed().isEmpty())
            return;
        const Mime::MessageView view = Mime::MessageView::parse(withCrlf(bytes));
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
        if (m_messages % 500 == 0) {
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
    if (!parser.parse(QStringList{u"yubisashi import-history"_s} + args)) {
        printErr(parser.errorText());
        return 3;
    }
    if (parser.isSet(u"help"_s)) {
        std::fprintf(stdout, "%s", qUtf8Printable(parser.helpText()));
        return 0;
    }
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
