// macOS: there is no table of socket owners that a normal user may read
// (netstat's sysctl net.inet.tcp.pcblist_n has the owner's uid, but its
// record layout is private to the kernel). So the client's socket is looked
// for among the open files of this user's own processes, with libproc as
// lsof does: a process of the same user lets us read its file table, another
// user's does not. Found there: the same user. Found nowhere: another user
// (or a client that has already gone, which loses nothing by being refused).
#include "smtp/LoopbackSocket.h"

#include <arpa/inet.h>
#include <cstring>
#include <libproc.h>
#include <netinet/in.h>
#include <sys/proc_info.h>
#include <unistd.h>
#include <vector>

namespace Smtp {

namespace {

QHostAddress addressOf(const in_sockinfo& info, bool foreign)
{
    if (info.insi_vflag & INI_IPV4) {
        const in_addr& a = foreign ? info.insi_faddr.ina_46.i46a_addr4 : info.insi_laddr.ina_46.i46a_addr4;
        return QHostAddress(ntohl(a.s_addr));
    }
    const in6_addr& a = foreign ? info.insi_faddr.ina_6 : info.insi_laddr.ina_6;
    return QHostAddress(reinterpret_cast<const quint8*>(&a));
}

// True when one of pid's sockets is the client's end of our connection.
bool processHasSocket(pid_t pid, const QHostAddress& local, quint16 localPort, const QHostAddress& peer,
                      quint16 peerPort)
{
    const int bytes = proc_pidinfo(pid, PROC_PIDLISTFDS, 0, nullptr, 0);
    if (bytes <= 0)
        return false;
    std::vector<proc_fdinfo> fds(size_t(bytes) / sizeof(proc_fdinfo) + 16); // room for new ones
    const int got = proc_pidinfo(pid, PROC_PIDLISTFDS, 0, fds.data(), int(fds.size() * sizeof(proc_fdinfo)));
    if (got <= 0)
        return false;
    const size_t count = size_t(got) / sizeof(proc_fdinfo);
    for (size_t i = 0; i < count; ++i) {
        if (fds[i].proc_fdtype != PROX_FDTYPE_SOCKET)
            continue;
        socket_fdinfo info;
        std::memset(&info, 0, sizeof info);
        if (proc_pidfdinfo(pid, fds[i].proc_fd, PROC_PIDFDSOCKETINFO, &info, sizeof info) != int(sizeof info))
            continue;
        if (info.psi.soi_kind != SOCKINFO_TCP)
            continue;
        const in_sockinfo& in = info.psi.soi_proto.pri_tcp.tcpsi_ini;
        // The ports are kept in network byte order.
        if (ntohs(quint16(in.insi_lport)) != peerPort || ntohs(quint16(in.insi_fport)) != localPort)
            continue;
        if (addressOf(in, false).isEqual(peer, QHostAddress::ConvertV4MappedToIPv4) &&
            addressOf(in, true).isEqual(local, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    }
    return false;
}

} // namespace

PeerOwner peerOwner(const QHostAddress& local, quint16 localPort, const QHostAddress& peer, quint16 peerPort,
                    QString* detail)
{
    const uid_t uid = ::geteuid();
    const int bytes = proc_listpids(PROC_UID_ONLY, uid, nullptr, 0);
    if (bytes <= 0) {
        if (detail)
            *detail = QStringLiteral("proc_listpids failed");
        return PeerOwner::Unknown;
    }
    std::vector<pid_t> pids(size_t(bytes) / sizeof(pid_t) + 64); // room for processes started meanwhile
    const int got = proc_listpids(PROC_UID_ONLY, uid, pids.data(), int(pids.size() * sizeof(pid_t)));
    if (got <= 0) {
        if (detail)
            *detail = QStringLiteral("proc_listpids failed");
        return PeerOwner::Unknown;
    }
    const size_t count = size_t(got) / sizeof(pid_t);
    for (size_t i = 0; i < count; ++i) {
        if (pids[i] > 0 && processHasSocket(pids[i], local, localPort, peer, peerPort))
            return PeerOwner::SameUser;
    }
    if (detail)
        *detail = QStringLiteral("no program of this user has the connection");
    return PeerOwner::OtherUser;
}

} // namespace Smtp
