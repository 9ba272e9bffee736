#include "spool/DurableFlush.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

// On macOS fsync() only hands the data to the drive, whose cache may still
// lose it in a power cut; F_FULLFSYNC asks the drive to write it out. Some
// file systems (network shares, FAT) refuse F_FULLFSYNC: fsync() is then the
// best there is (SQLite does the same).

namespace Spool::DurableFlush {

namespace {

int fullSync(int fd)
{
    if (::fcntl(fd, F_FULLFSYNC) == 0)
        return 0;
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return errno;
    }
    return 0;
}

} // namespace

int fileData(int fd)
{
    return fullSync(fd);
}

int folder(int fd)
{
    return fullSync(fd);
}

} // namespace Spool::DurableFlush
