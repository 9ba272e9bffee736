#pragma once

// The one call that differs between Unix flavours inside DurableFile_unix.cpp:
// what it takes to get a file's data (or a folder's names) onto the disk
// itself, not just into the drive's cache. DurableFlush_unix.cpp (fdatasync,
// fsync) or DurableFlush_mac.cpp (F_FULLFSYNC), picked by core/CMakeLists.txt.

namespace Spool::DurableFlush {

// 0, or the errno value of the failure. Retries after EINTR.
int fileData(int fd);
int folder(int fd);

} // namespace Spool::DurableFlush
