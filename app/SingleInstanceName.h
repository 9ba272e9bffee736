#pragma once

#include <QString>

// Where the single-instance server lives: a name that only this OS user can
// take. SingleInstanceName_unix.cpp (a socket in the user's private runtime
// folder) and SingleInstanceName_win.cpp (a named pipe whose name carries the
// user), picked by app/CMakeLists.txt.
namespace SingleInstanceName {

// The server name for a key already hashed to a short token; empty when this
// user has no private place for it.
QString make(const QString& token);
// The name is too long for the OS (a Unix socket path must fit in sockaddr_un).
bool tooLong(const QString& name);

} // namespace SingleInstanceName
