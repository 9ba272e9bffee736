#include "spool/DurableFlush.h"

#include <cerrno>
#include <unistd.h>

namespace Spool::DurableFlush {

int fileData(int fd)
{
    // fdatasync: the data and the size, which is all a new file needs to be
    // read back; its times may be lost.
    while (::fdatasync(fd) != 0) {
        if (errno != EINTR)
            return errno;
    }
    return 0;
}

int folder(int fd)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return errno;
    }
    return 0;
}

} // namespace Spool::DurableFlush
