#pragma once

#include <QHostAddress>
#include <QString>

class QTcpServer;

namespace Smtp {

// The OS-specific parts of the loopback listener, one implementation per
// platform (peerOwner: LoopbackSocket_unix.cpp, _win.cpp, _mac.cpp;
// listenExclusive: LoopbackSocket_win.cpp, LoopbackListen_unix.cpp for Linux
// and macOS; core/CMakeLists.txt picks them).

// Who owns the client end of an accepted loopback TCP connection.
enum class PeerOwner
{
    SameUser,  // a program of the user who runs Yubisashi
    OtherUser, // another account on this computer (terminal server, shared host)
    Unknown    // the operating system could not tell (detail says why)
};

// local/localPort: our end of the accepted connection; peer/peerPort: the
// client's end, as QTcpSocket reports them. detail gets a short text for the
// log (the other user's id, or why it is unknown).
PeerOwner peerOwner(const QHostAddress& local, quint16 localPort, const QHostAddress& peer, quint16 peerPort,
                    QString* detail);

enum class ListenResult
{
    Listening,
    AddressInUse,       // someone else holds this address and port
    AddressUnavailable, // the machine has no such address (IPv6 switched off)
    Failed              // anything else; error says what
};

// QTcpServer::listen(address, port), made exclusive where the platform needs
// it: on Windows the socket gets SO_EXCLUSIVEADDRUSE, so that no other
// program can bind the same address and port while we hold it (Qt's
// QTcpServer sets no address option there). On Linux and macOS QTcpServer's
// SO_REUSEADDR never lets a second socket onto an address and port that is
// listening.
ListenResult listenExclusive(QTcpServer* server, const QHostAddress& address, quint16 port, QString* error);

} // namespace Smtp
