// Windows: the owner of a TCP connection comes from the TCP tables
// (GetExtendedTcpTable with TCP_TABLE_OWNER_PID_ALL gives each connection's
// process id), the process's token names its user. The listener binds with
// SO_EXCLUSIVEADDRUSE: without it, another program could bind the same
// address and port with SO_REUSEADDR and receive our clients' connections.
// winsock2.h must come before windows.h, which Qt's headers may include.
#ifndef NOMINMAX
#define NOMINMAX
#endif
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <sddl.h>
// clang-format on

#include "smtp/LoopbackSocket.h"

#include <QTcpServer>
#include <cstring>
#include <memory>
#include <vector>

namespace Smtp {

namespace {

struct HandleCloser
{
    void operator()(HANDLE h) const
    {
        if (h && h != INVALID_HANDLE_VALUE)
            CloseHandle(h);
    }
};
using Handle = std::unique_ptr<void, HandleCloser>;

// The TOKEN_USER of a process token, in a buffer of the size Windows asks for.
std::vector<BYTE> tokenUser(HANDLE token)
{
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    if (size == 0)
        return {};
    std::vector<BYTE> buffer(size);
    if (!GetTokenInformation(token, TokenUser, buffer.data(), size, &size))
        return {};
    return buffer;
}

PSID sidOf(std::vector<BYTE>& tokenUserBuffer)
{
    return reinterpret_cast<TOKEN_USER*>(tokenUserBuffer.data())->User.Sid;
}

// The user SID of this process, read once.
std::vector<BYTE>& ownUser()
{
    static std::vector<BYTE> own = [] {
        HANDLE token = nullptr;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
            return std::vector<BYTE>();
        Handle closer(token);
        return tokenUser(token);
    }();
    return own;
}

quint16 portOf(DWORD tablePort)
{
    // The tables keep the port in network byte order in the low 16 bits.
    return ntohs(u_short(tablePort & 0xFFFF));
}

// The TCP table of one address family, with owning process ids.
bool tcpTable(ULONG family, std::vector<BYTE>* buffer)
{
    DWORD size = 16 * 1024;
    DWORD result = ERROR_INSUFFICIENT_BUFFER;
    // The table can grow between two calls: ask again while it does.
    for (int attempt = 0; attempt < 5 && result == ERROR_INSUFFICIENT_BUFFER; ++attempt) {
        buffer->resize(size);
        result = GetExtendedTcpTable(buffer->data(), &size, FALSE, family, TCP_TABLE_OWNER_PID_ALL, 0);
    }
    return result == NO_ERROR;
}

// 16 bytes of an IPv6 address; an IPv4 address as ::ffff:a.b.c.d (a dual-stack client socket).
Q_IPV6ADDR asIPv6(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!isV4)
        return address.toIPv6Address();
    Q_IPV6ADDR mapped = {};
    mapped.c[10] = mapped.c[11] = 0xff;
    for (int i = 0; i < 4; ++i)
        mapped.c[12 + i] = quint8(v4 >> (24 - 8 * i));
    return mapped;
}

// The process id of the connection whose local end is peer:peerPort and whose
// remote end is local:localPort (the client's end of ours), or 0.
DWORD owningPid(const QHostAddress& local, quint16 localPort, const QHostAddress& peer, quint16 peerPort,
                bool* tableRead)
{
    std::vector<BYTE> buffer;
    bool isV4 = false;
    const quint32 peer4 = peer.toIPv4Address(&isV4); // also true for ::ffff:127.0.0.1
    if (isV4 && tcpTable(AF_INET, &buffer)) {
        *tableRead = true;
        const quint32 local4 = local.toIPv4Address();
        const auto* table = reinterpret_cast<const MIB_TCPTABLE_OWNER_PID*>(buffer.data());
        for (DWORD i = 0; i < table->dwNumEntries; ++i) {
            const MIB_TCPROW_OWNER_PID& row = table->table[i];
            if (ntohl(row.dwLocalAddr) == peer4 && portOf(row.dwLocalPort) == peerPort &&
                ntohl(row.dwRemoteAddr) == local4 && portOf(row.dwRemotePort) == localPort)
                return row.dwOwningPid;
        }
    }
    // IPv6, and IPv4 clients on a dual-stack socket (listed with v4-mapped addresses).
    if (!tcpTable(AF_INET6, &buffer))
        return 0;
    *tableRead = true;
    const Q_IPV6ADDR peer6 = asIPv6(peer);
    const Q_IPV6ADDR local6 = asIPv6(local);
    const auto* table = reinterpret_cast<const MIB_TCP6TABLE_OWNER_PID*>(buffer.data());
    for (DWORD i = 0; i < table->dwNumEntries; ++i) {
        const MIB_TCP6ROW_OWNER_PID& row = table->table[i];
        if (std::memcmp(row.ucLocalAddr, peer6.c, 16) == 0 && portOf(row.dwLocalPort) == peerPort &&
            std::memcmp(row.ucRemoteAddr, local6.c, 16) == 0 && portOf(row.dwRemotePort) == localPort)
            return row.dwOwningPid;
    }
    return 0;
}

} // namespace

PeerOwner peerOwner(const QHostAddress& local, quint16 localPort, const QHostAddress& peer, quint16 peerPort,
                    QString* detail)
{
    bool tableRead = false;
    const DWORD pid = owningPid(local, localPort, peer, peerPort, &tableRead);
    if (pid == 0) {
        if (detail)
            *detail = tableRead ? QStringLiteral("the connection is not in the TCP table")
                                : QStringLiteral("GetExtendedTcpTable failed");
        return PeerOwner::Unknown;
    }
    if (pid == GetCurrentProcessId())
        return PeerOwner::SameUser;
    std::vector<BYTE>& own = ownUser();
    if (own.empty()) {
        if (detail)
            *detail = QStringLiteral("cannot read this process's own user");
        return PeerOwner::Unknown;
    }
    // A process of another user cannot be opened (or its token read) by a
    // standard user: that is an answer too, not an unknown.
    Handle process(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid));
    if (!process) {
        const DWORD error = GetLastError();
        if (detail)
            *detail = QStringLiteral("process %1 (cannot be opened: error %2)").arg(pid).arg(error);
        return error == ERROR_ACCESS_DENIED ? PeerOwner::OtherUser : PeerOwner::Unknown;
    }
    HANDLE rawToken = nullptr;
    if (!OpenProcessToken(process.get(), TOKEN_QUERY, &rawToken)) {
        const DWORD error = GetLastError();
        if (detail)
            *detail = QStringLiteral("process %1 (token cannot be read: error %2)").arg(pid).arg(error);
        return error == ERROR_ACCESS_DENIED ? PeerOwner::OtherUser : PeerOwner::Unknown;
    }
    Handle token(rawToken);
    std::vector<BYTE> user = tokenUser(token.get());
    if (user.empty()) {
        if (detail)
            *detail = QStringLiteral("process %1 (no user in its token)").arg(pid);
        return PeerOwner::Unknown;
    }
    if (EqualSid(sidOf(user), sidOf(own)))
        return PeerOwner::SameUser;
    if (detail) {
        LPWSTR text = nullptr;
        QString sid = QStringLiteral("?");
        if (ConvertSidToStringSidW(sidOf(user), &text)) {
            sid = QString::fromWCharArray(text);
            LocalFree(text);
        }
        *detail = QStringLiteral("process %1, user %2").arg(pid).arg(sid);
    }
    return PeerOwner::OtherUser;
}

ListenResult listenExclusive(QTcpServer* server, const QHostAddress& address, quint16 port, QString* error)
{
    // Qt's QTcpServer sets no address option on Windows, so the socket is made
    // here and handed over: SO_EXCLUSIVEADDRUSE before bind, IPV6_V6ONLY for
    // ::1 (the two families are bound separately).
    static const bool started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data) == 0; // counted; Qt starts it too
    }();
    auto fail = [&](int code) {
        if (error) {
            wchar_t* text = nullptr;
            FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                               FORMAT_MESSAGE_IGNORE_INSERTS,
                           nullptr, DWORD(code), 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
            *error = text ? QString::fromWCharArray(text).trimmed() : QStringLiteral("error %1").arg(code);
            if (text)
                LocalFree(text);
        }
        // WSAEACCES: another socket holds the address with SO_EXCLUSIVEADDRUSE.
        if (code == WSAEADDRINUSE || code == WSAEACCES)
            return ListenResult::AddressInUse;
        if (code == WSAEADDRNOTAVAIL || code == WSAEAFNOSUPPORT)
            return ListenResult::AddressUnavailable;
        return ListenResult::Failed;
    };
    if (!started)
        return fail(WSANOTINITIALISED);
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    SOCKET s = WSASocketW(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, IPPROTO_TCP, nullptr, 0,
                          WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET)
        return fail(WSAGetLastError());
    const BOOL on = TRUE;
    setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&on), sizeof on);
    int bound = SOCKET_ERROR;
    if (v6) {
        DWORD v6only = 1;
        setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char*>(&v6only), sizeof v6only);
        sockaddr_in6 sa = {};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        memcpy(&sa.sin6_addr, a.c, 16);
        bound = bind(s, reinterpret_cast<const sockaddr*>(&sa), sizeof sa);
    } else {
        sockaddr_in sa = {};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        bound = bind(s, reinterpret_cast<const sockaddr*>(&sa), sizeof sa);
    }
    if (bound == SOCKET_ERROR || listen(s, SOMAXCONN) == SOCKET_ERROR) {
        const int code = WSAGetLastError();
        closesocket(s);
        return fail(code);
    }
    if (!server->setSocketDescriptor(qintptr(s))) {
        closesocket(s);
        if (error)
            *error = server->errorString();
        return ListenResult::Failed;
    }
    return ListenResult::Listening;
}

} // namespace Smtp
