// Linux (and other Unix without macOS): the owner of a TCP socket is in the
// kernel's socket tables /proc/net/tcp and /proc/net/tcp6, readable by every
// user. Each row is one socket: its local and remote address and port, its
// state and the uid that created it.
#include "smtp/LoopbackSocket.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QTcpServer>
#include <cstring>
#include <unistd.h>

namespace Smtp {

namespace {

// "0100007F:D431" (IPv4) or 32 hex digits (IPv6) and a port. The kernel
// prints each 32-bit word of the address as a number in host byte order
// ("%08X" of the word as stored), so the word is converted back byte by byte.
bool parseEndpoint(const QByteArray& field, QHostAddress* address, quint16* port)
{
    const qsizetype colon = field.indexOf(':');
    if (colon != 8 && colon != 32)
        return false;
    quint8 bytes[16];
    for (qsizetype word = 0; word < colon / 8; ++word) {
        bool ok = false;
        const quint32 value = field.mid(word * 8, 8).toUInt(&ok, 16);
        if (!ok)
            return false;
        std::memcpy(bytes + word * 4, &value, 4);
    }
    bool ok = false;
    const uint p = field.mid(colon + 1).toUInt(&ok, 16);
    if (!ok || p > 0xFFFF)
        return false;
    *port = quint16(p);
    if (colon == 8) {
        quint32 v4 = 0;
        for (int i = 0; i < 4; ++i)
            v4 = (v4 << 8) | bytes[i];
        address->setAddress(v4);
    } else {
        address->setAddress(bytes);
    }
    return true;
}

bool sameEndpoint(const QHostAddress& a, quint16 aPort, const QHostAddress& b, quint16 bPort)
{
    // A client on an IPv6 socket that connected to 127.0.0.1 shows as ::ffff:127.0.0.1.
    return aPort == bPort && a.isEqual(b, QHostAddress::ConvertV4MappedToIPv4);
}

enum class Lookup
{
    Found,
    NotFound,
    Unreadable
};

// The uid of the socket whose local end is peer:peerPort and whose remote end
// is local:localPort, that is the client's socket of our connection.
Lookup findOwner(const char* table, const QHostAddress& local, quint16 localPort, const QHostAddress& peer,
                 quint16 peerPort, uint* uid)
{
    QFile file(QString::fromLatin1(table));
    if (!file.open(QIODevice::ReadOnly))
        return Lookup::Unreadable;
    const QByteArray all = file.readAll(); // a /proc file has no size: read to its end
    const QList<QByteArray> rows = all.split('\n');
    for (qsizetype i = 1; i < rows.size(); ++i) { // row 0 is the heading
        const QList<QByteArray> f = rows.at(i).simplified().split(' ');
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
        if (f.size() < 10)
            continue;
        QHostAddress rowLocal, rowRemote;
        quint16 rowLocalPort = 0, rowRemotePort = 0;
        if (!parseEndpoint(f.at(1), &rowLocal, &rowLocalPort) ||
            !parseEndpoint(f.at(2), &rowRemote, &rowRemotePort))
            continue;
        if (!sameEndpoint(rowLocal, rowLocalPort, peer, peerPort) ||
            !sameEndpoint(rowRemote, rowRemotePort, local, localPort))
            continue;
        if (f.at(3) == "06") // TIME_WAIT: the kernel no longer knows the owner (uid 0)
            continue;
        bool ok = false;
        *uid = f.at(7).toUInt(&ok);
        if (ok)
            return Lookup::Found;
    }
    return Lookup::NotFound;
}

} // namespace

PeerOwner peerOwner(const QHostAddress& local, quint16 localPort, const QHostAddress& peer, quint16 peerPort,
                    QString* detail)
{
    uint uid = 0;
    // An IPv4 client can sit on an IPv6 socket (v4-mapped), so both tables are read when needed.
    const char* const tables[] = {"/proc/net/tcp", "/proc/net/tcp6"};
    bool readable = false;
    for (const char* table : tables) {
        const Lookup result = findOwner(table, local, localPort, peer, peerPort, &uid);
        if (result == Lookup::Unreadable)
            continue;
        readable = true;
        if (result != Lookup::Found)
            continue;
        if (uid == uint(::geteuid()))
            return PeerOwner::SameUser;
        if (detail)
            *detail = QStringLiteral("uid %1").arg(uid);
        return PeerOwner::OtherUser;
    }
    if (detail) {
        *detail = readable ? QStringLiteral("the client's socket is not in /proc/net/tcp or tcp6")
                           : QStringLiteral("cannot read /proc/net/tcp or tcp6");
    }
    return PeerOwner::Unknown;
}

ListenResult listenExclusive(QTcpServer* server, const QHostAddress& address, quint16 port, QString* error)
{
    // Qt sets SO_REUSEADDR here, which on Linux only allows binding over
    // TIME_WAIT leftovers, never over a socket that is listening.
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
