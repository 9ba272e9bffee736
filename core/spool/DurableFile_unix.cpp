#include "spool/DurableFile.h"
#include "spool/DurableFlush.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// POSIX (Linux, the BSDs, macOS). Permissions are set explicitly after each
// create, because the umask may have taken bits away (or given some).

namespace Spool {

namespace {

constexpr mode_t kFileMode = 0600;
constexpr mode_t kFolderMode = 0700;

QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

bool fail(DurableFile::Error* error, DurableFile::Step step, int err)
{
    if (error) {
        error->step = step;
        error->system = QString::fromLocal8Bit(std::strerror(err));
    }
    return false;
}

bool writeAll(int fd, const QByteArray& bytes)
{
    const char* p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(std::min<qsizetype>(left, 1 << 30)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

} // namespace

bool DurableFile::write(const QString& path, const QByteArray& bytes, FolderSync folderSync, Error* error)
{
    const QByteArray tmp = native(tempPathFor(path));
    auto failAndClean = [&](Step step, int err) {
        ::unlink(tmp.constData());
        return fail(error, step, err);
    };

    // Created 0600 and then set to exactly 0600 before any data goes in, whatever the umask.
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
    if (fd < 0)
        return fail(error, Step::MakeFile, errno);
    if (::fchmod(fd, kFileMode) != 0) {
        const int err = errno;
        ::close(fd);
        return failAndClean(Step::RestrictFile, err);
    }
    if (!writeAll(fd, bytes)) {
        const int err = errno;
        ::close(fd);
        return failAndClean(Step::WriteData, err);
    }
    if (const int err = DurableFlush::fileData(fd); err != 0) {
        ::close(fd);
        return failAndClean(Step::FlushData, err);
    }
    flushed(Flush::Data, path);
    if (::close(fd) != 0)
        return failAndClean(Step::CloseFile, errno);
    if (::rename(tmp.constData(), native(path).constData()) != 0)
        return failAndClean(Step::Rename, errno);
    return folderSync == FolderSync::No || syncFolder(QFileInfo(path).absolutePath(), error);
}

bool DurableFile::syncFolder(const QString& path, Error* error)
{
    const int fd = ::open(native(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(error, Step::OpenFolder, errno);
    const int err = DurableFlush::folder(fd);
    ::close(fd);
    if (err != 0)
        return fail(error, Step::SyncFolder, err);
    flushed(Flush::Folder, path);
    return true;
}

bool DurableFile::makePrivateFolder(const QString& path, Error* error, bool* restricted)
{
    if (restricted)
        *restricted = false;
    const QByteArray p = native(path);
    const QString parent = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(parent)) {
        errno = 0;
        if (!QDir().mkpath(parent))
            return fail(error, Step::MakeFolder, errno != 0 ? errno : EACCES);
    }
    bool created = true;
    if (::mkdir(p.constData(), kFolderMode) != 0) {
        if (errno != EEXIST)
            return fail(error, Step::MakeFolder, errno);
        created = false;
    }
    struct stat st;
    if (::stat(p.constData(), &st) != 0)
        return fail(error, Step::NotAFolder, errno);
    if (!S_ISDIR(st.st_mode))
        return fail(error, Step::NotAFolder, ENOTDIR);
    if ((st.st_mode & 07777) == kFolderMode)
        return true;
    if (::chmod(p.constData(), kFolderMode) != 0)
        return fail(error, Step::RestrictFolder, errno);
    if (restricted && !created)
        *restricted = true;
    return true;
}

bool DurableFile::createPrivateFile(const QString& path, Error* error)
{
    const int fd = ::open(native(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
    if (fd < 0)
        return errno == EEXIST || fail(error, Step::MakeFile, errno);
    // The umask can only take bits away, but make it exactly 0600 anyway.
    const bool ok = ::fchmod(fd, kFileMode) == 0;
    const int err = errno;
    ::close(fd);
    return ok || fail(error, Step::RestrictFile, err);
}

bool DurableFile::restrictFile(const QString& path, Error* error, bool* restricted)
{
    if (restricted)
        *restricted = false;
    const QByteArray p = native(path);
    struct stat st;
    if (::stat(p.constData(), &st) != 0)
        return errno == ENOENT || fail(error, Step::RestrictFile, errno);
    if ((st.st_mode & 07777) == kFileMode)
        return true;
    if (::chmod(p.constData(), kFileMode) != 0)
        return fail(error, Step::RestrictFile, errno);
    if (restricted)
        *restricted = true;
    return true;
}

bool DurableFile::remove(const QString& path, Error* error)
{
    if (::unlink(native(path).constData()) == 0 || errno == ENOENT)
        return true;
    return fail(error, Step::Delete, errno);
}

bool DurableFile::rename(const QString& from, const QString& to, Error* error)
{
    if (::rename(native(from).constData(), native(to).constData()) == 0)
        return true;
    return fail(error, Step::Rename, errno);
}

} // namespace Spool
