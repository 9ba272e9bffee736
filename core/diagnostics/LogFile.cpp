#include "diagnostics/LogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Diagnostics {

namespace {

QString numbered(const QString& path, int n)
{
    return n == 0 ? path : path + u'.' + QString::number(n);
}

} // namespace

LogFile::LogFile(const QString& folder, Limits limits, const QString& name)
    : m_folder(folder), m_name(name), m_limits(limits)
{
    if (m_limits.files < 1)
        m_limits.files = 1;
    if (m_limits.maxBytes < 1024)
        m_limits.maxBytes = 1024;
}

QString LogFile::filePath() const
{
    return QDir(m_folder).filePath(m_name);
}

bool LogFile::open(QString* error)
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error = u"cannot create the folder %1"_s.arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return openFile(error);
}

bool LogFile::openFile(QString* error)
{
    m_file.close();
    m_file.setFileName(filePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void LogFile::write(const QString& line)
{
    QByteArray bytes = line.toUtf8();
    // One line never fills more than a file (a 25 MB header dump would otherwise push every other line out).
    const qint64 room = m_limits.maxBytes - 1;
    if (bytes.size() > room)
        bytes.truncate(room);
    bytes += '\n';
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    if (m_file.size() + bytes.size() > m_limits.maxBytes)
        rotate(bytes.size());
    if (!m_file.isOpen())
        return;
    m_file.write(bytes);
    m_file.flush();
}

void LogFile::rotate(qint64 incoming)
{
    // Another process may have rotated already: then the name holds a new,
    // small file, and that is where the line goes.
    const QFileInfo current(filePath());
    if (current.size() < m_file.size() && current.size() + incoming <= m_limits.maxBytes) {
        openFile(nullptr);
        return;
    }
    m_file.close();
    const QString path = filePath();
    QFile::remove(numbered(path, m_limits.files - 1));
    for (int i = m_limits.files - 2; i >= 0; --i) {
        if (QFileInfo::exists(numbered(path, i)))
            QFile::rename(numbered(path, i), numbered(path, i + 1));
    }
    // A file that could not be moved (Windows: open in another process) is
    // emptied instead, so the cap holds either way.
    if (QFileInfo(path).size() + incoming > m_limits.maxBytes)
        QFile::resize(path, 0);
    openFile(nullptr);
}

QStringList LogFile::files(const QString& folder, const QString& name)
{
    QStringList out;
    const QString path = QDir(folder).filePath(name);
    for (int i = 0; i < 1000; ++i) {
        if (!QFileInfo::exists(numbered(path, i)))
            break;
        out << numbered(path, i);
    }
    return out;
}

QStringList LogFile::lastLines(const QString& folder, int n, const QString& name)
{
    QStringList lines;
    for (const QString& path : files(folder, name)) {
        if (lines.size() >= n)
            break;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QStringList fileLines = QString::fromUtf8(f.readAll()).split(u'\n');
        if (!fileLines.isEmpty() && fileLines.constLast().isEmpty())
            fileLines.removeLast();
        lines = fileLines + lines;
    }
    if (lines.size() > n)
        lines = lines.mid(lines.size() - n);
    return lines;
}

} // namespace Diagnostics
