// Linux (and other Unix without macOS): the owner of a TCP socket is in the
// kernel's socket tables /proc/net/tcp and /proc/net/tcp6, readable by every
// user. Each row is one socket: its local and remote address and port, its
// state and the uid that created it.
#include "smtp/LoopbackSocket.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <cstring>
#include <unistd.h>

namespace Smtp {

namespace {

// An endpoint as the kernel prints it in the tables: each 32-bit word of the
// address as "%08X" of the word as it lies in memory (so in host byte order),
// then ":%04X" for the port. v6: as in /proc/net/tcp6, an IPv4 address as
// ::ffff:a.b.c.d (a client on a dual-stack socket).
QByteArray kernelEndpoint(const QHostAddress& address, quint16 port, bool v6)
{
    quint8 bytes[16] = {};
    int words = 1;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!v6) {
        if (!isV4)
            return QByteArray();
        for (int i = 0; i < 4; ++i)
            bytes[i] = quint8(v4 >> (24 - 8 * i));
    } else {
        words = 4;
        if (isV4) {
            bytes[10] = bytes[11] = 0xff;
            for (int i = 0; i < 4; ++i)
                bytes[12 + i] = quint8(v4 >> (24 - 8 * i));
        } else {
            const Q_IPV6ADDR a = address.toIPv6Address();
            std::memcpy(bytes, a.c, 16);
        }
    }
    QByteArray out;
    for (int w = 0; w < words; ++w) {
        quint32 word = 0;
        std::memcpy(&word, bytes + 4 * w, 4);
        out += QByteArray::number(word, 16).toUpper().rightJustified(8, '0');
    }
    return out + ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
}

enum class Lookup
{
    Found,
    NotFound,
    Unreadable
};

// The uid of the socket whose local end is peer:peerPort and whose remote end
// is local:localPort, that is the client's socket of our connection. Rows are
// "sl: local remote st tx:rx tr:when retrnsmt uid timeout inode ...".
Lookup findOwner(const char* table, bool v6, const QHostAddress& local, quint16 localPort,
                 const QHostAddress& peer, quint16 peerPort, uint* uid)
{
    const QByteArray clientEnd = kernelEndpoint(peer, peerPort, v6);
    const QByteArray serverEnd = kernelEndpoint(local, localPort, v6);
    if (clientEnd.isEmpty() || serverEnd.isEmpty())
        return Lookup::NotFound;
    QFile file(QString::fromLatin1(table));
    if (!file.open(QIODevice::ReadOnly))
        return Lookup::Unreadable;
    const QByteArray all = file.readAll(); // a /proc file has no size: read to its end
    // One search over the whole table instead of parsing each row: it can be long on a busy machine.
    const QByteArray needle = ": " + clientEnd + ' ' + serverEnd + ' ';
    for (qsizetype at = all.indexOf(needle); at >= 0; at = all.indexOf(needle, at + 1)) {
        const qsizetype end = all.indexOf('\n', at);
        const QList<QByteArray> f =
            all.mid(at + needle.size(), end < 0 ? -1 : end - at - needle.size()).simplified().split(' ');
        // st tx:rx tr:when retrnsmt uid ...
        if (f.size() < 5 || f.at(0) == "06") // TIME_WAIT: the kernel no longer knows the owner (uid 0)
            continue;
        bool ok = false;
        *uid = f.at(4).toUInt(&ok);
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
    bool readable = false;
    for (const bool v6 : {false, true}) {
        const Lookup result =
            findOwner(v6 ? "/proc/net/tcp6" : "/proc/net/tcp", v6, local, localPort, peer, peerPort, &uid);
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

} // namespace Smtp
