#include "mime/MailboxReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Mime {

MailboxReader::MailboxReader(MessageSink messages, ProblemSink problems)
    : m_messages(std::move(messages)), m_problems(std::move(problems))
{}

QByteArray MailboxReader::withCrlf(const QByteArray& in)
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

bool MailboxReader::read(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        m_problems(tr("%1 does not exist; skipped.").arg(path));
        return false;
    }
    if (info.isDir())
        return readFolder(info.absoluteFilePath());
    return readFile(info.absoluteFilePath());
}

bool MailboxReader::readFolder(const QString& dir)
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
                ok = readFolder(s) && ok;
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
            ok = readFolder(e) && ok;
        else
            ok = readFile(e) && ok;
    }
    return ok;
}

bool MailboxReader::readFile(const QString& path)
{
    // Index files of mail programs are not mail.
    static const QStringList ignored{u"msf"_s, u"dat"_s, u"sqlite"_s, u"json"_s, u"db"_s, u"idx"_s};
    if (ignored.contains(QFileInfo(path).suffix().toLower()))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_problems(tr("%1 cannot be read (%2); skipped.").arg(path, f.errorString()));
        m_failed = true;
        return false;
    }
    const QByteArray head = f.peek(5);
    if (head.startsWith("From "))
        return readMbox(f);
    f.close();
    return readMessage(path);
}

bool MailboxReader::readMessage(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_problems(tr("%1 cannot be read (%2); skipped.").arg(path, f.errorString()));
        m_failed = true;
        return false;
    }
    deliver(f.readAll());
    return true;
}

// mbox (mboxo and mboxrd): a message starts at a "From " line after an
// empty line; ">From " quoting inside a message loses one '>'. Read line
// by line so that a Sent folder of gigabytes does not fill the memory.
bool MailboxReader::readMbox(QFile& f)
{
    QByteArray message;
    bool previousEmpty = true;
    bool inMessage = false;
    while (!f.atEnd()) {
        QByteArray line = f.readLine();
        if (line.startsWith("From ") && previousEmpty) {
            if (inMessage)
                deliver(message);
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
        deliver(message);
    if (f.error() != QFileDevice::NoError) {
        m_problems(tr("%1 could not be read to the end (%2).").arg(f.fileName(), f.errorString()));
        m_failed = true;
        return false;
    }
    return true;
}

void MailboxReader::deliver(const QByteArray& bytes)
{
    if (bytes.trimmed().isEmpty())
        return;
    m_messages(withCrlf(bytes));
}

} // namespace Mime
