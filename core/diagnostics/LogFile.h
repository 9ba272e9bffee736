#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Diagnostics {

// How large the log grows: files x maxBytes at most.
struct LogLimits
{
    qint64 maxBytes = 1024 * 1024;
    int files = 5; // the current file and files - 1 older ones
};

// The log file: FOLDER/yubisashi.log, and when it would grow past maxBytes it
// becomes yubisashi.log.1 (the older ones move up to .2, .3 …) and a new one
// starts; at most `files` files are kept (1 MB x 5 by default), so the logs
// never take more than maxBytes x files. The folder is the person's alone
// (0700, files 0600 on Unix): the lines name recipients and subjects.
//
// write() is thread-safe (Qt calls the message handler from any thread).
// Another Yubisashi process (a `check` run) may write to the same folder:
// a file that another process already rotated is reopened, not rotated again.
class LogFile
{
public:
    using Limits = LogLimits;
    static constexpr QLatin1StringView DefaultName{"yubisashi.log"};

    explicit LogFile(const QString& folder, Limits limits = {}, const QString& name = DefaultName);

    // Creates the folder and opens the file for appending; false with the reason.
    bool open(QString* error);
    // One line (without its newline), written and flushed at once.
    void write(const QString& line);

    QString folder() const { return m_folder; }
    QString filePath() const;
    // The existing files, newest first: yubisashi.log, yubisashi.log.1 …
    static QStringList files(const QString& folder, const QString& name = DefaultName);
    // The last n lines across the files, oldest first.
    static QStringList lastLines(const QString& folder, int n, const QString& name = DefaultName);

private:
    bool openFile(QString* error);
    void rotate(qint64 incoming);

    QString m_folder;
    QString m_name;
    Limits m_limits;
    QFile m_file;
    QMutex m_mutex;
};

} // namespace Diagnostics
