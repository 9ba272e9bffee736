#include "smtp/LoopbackSocket.h"

#include <QTcpServer>

namespace Smtp {

// Linux and macOS: QTcpServer sets SO_REUSEADDR, which on BSD sockets only
// allows binding over TIME_WAIT leftovers, never over a socket that is
// listening, so Qt's own listen() is already exclusive.
ListenResult listenExclusive(QTcpServer* server, const QHostAddress& address, quint16 port, QString* error)
{
    if (server->listen(address, port))
        return ListenResult::Listening;
    if (error)
        *error = server->errorString();
    switch (server->serverError()) {
    case QAbstractSocket::AddressInUseError:
        return ListenResult::AddressInUse;
    case QAbstractSocket::SocketAddressNotAvailableError:
    case QAbstractSocket::UnsupportedSocketOperationError: // no IPv6 in this kernel
        return ListenResult::AddressUnavailable;
    default:
        return ListenResult::Failed;
    }
}

} // namespace Smtp
