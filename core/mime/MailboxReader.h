#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <functional>

class QFile;

namespace Mime {

// Reads sent mail as mail programs keep it: mbox files (mboxo and mboxrd),
// Maildir folders (cur/ and new/, with Maildir++ subfolders such as .Sent),
// single message files (.eml) and folders of any of these, and hands each
// message to a sink with CRLF line ends (as the spool stores messages).
// Index files of mail programs (.msf, .dat…) are skipped. A path that cannot
// be read is reported (translated, naming the path) and the rest is still read.
class MailboxReader
{
    Q_DECLARE_TR_FUNCTIONS(Mime::MailboxReader)

public:
    using MessageSink = std::function<void(const QByteArray& message)>;
    using ProblemSink = std::function<void(const QString& problem)>;

    MailboxReader(MessageSink messages, ProblemSink problems);

    // Reads a file or folder; false when some of it could not be read.
    bool read(const QString& path);
    // Whether a file could not be opened or read to the end (a path that does
    // not exist only makes read() return false).
    bool failed() const { return m_failed; }

    // LF line ends become CRLF; CRLF stays.
    static QByteArray withCrlf(const QByteArray& in);

private:
    bool readFolder(const QString& dir);
    bool readFile(const QString& path);
    bool readMessage(const QString& path);
    bool readMbox(QFile& f);
    void deliver(const QByteArray& bytes);

    MessageSink m_messages;
    ProblemSink m_problems;
    bool m_failed = false;
};

} // namespace Mime
