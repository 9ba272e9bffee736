#pragma once

#include "smtp/Envelope.h"
#include "smtp/LoopbackSocket.h"
#include "smtp/Reply.h"
#include "smtp/SessionConfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Smtp {

class Authenticator;

// A message handed over by a client, waiting for its reply. Owned by the
// connection: it is deleted when the connection closes. Whoever handles the
// message keeps a QPointer and calls answer() exactly once; if the client
// disconnects first, clientGone() is emitted (and the message was not handed
// over, so the client will send it again).
class PendingReply : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void answer(const Reply& reply);
    bool isAnswered() const { return m_answered; }

signals:
    void answered(const Smtp::Reply& reply);
    void clientGone();

private:
    bool m_answered = false;
};

// Listens on loopback only (127.0.0.1 and ::1) and runs one SmtpSession per
// connection, up to a cap. A connection from a program of another user of
// this computer is refused before the greeting. Of the session slots, a
// quarter (at least one) is kept for established sessions (logged in, see
// SmtpSession::isEstablished): the others may use the rest, and when that is
// full the oldest of them is closed to make room, so idle or slow connections
// never lock the mail program out.
class SmtpServer : public QObject
{
    Q_OBJECT
public:
    SmtpServer(const SessionConfig& config, const Authenticator* auth, QObject* parent = nullptr);
    ~SmtpServer() override;

    void setMaxSessions(int max) { m_maxSessions = qMax(max, 1); }
    // How many sessions that are not established may be open at once.
    int maxUnestablished() const;
    // Binds 127.0.0.1 and ::1 on port (0 = any free port, the same on both),
    // exclusively (see listenExclusive). Fails when either address is taken by
    // someone else; listens on 127.0.0.1 alone only when the machine has no
    // IPv6 loopback. error says why.
    bool listen(quint16 port, QString* error);
    quint16 port() const { return m_port; }
    int sessionCount() const { return int(m_connections.size()); }
    void close();

    // The test seam for who owns a connecting program (default: Smtp::peerOwner).
    using PeerOwnerCheck = std::function<PeerOwner(const QTcpSocket& socket, QString* detail)>;
    void setPeerOwnerCheck(PeerOwnerCheck check) { m_peerOwnerCheck = std::move(check); }

signals:
    // A complete message. reply lives as long as the connection.
    void messageReceived(const Smtp::Envelope& envelope, const QByteArray& content, const QString& authUser,
                         Smtp::PendingReply* reply);
    // A client's AUTH failed (see SmtpSession::authenticationFailed).
    void authenticationFailed(const QString& user, const QString& heloName);

private:
    class Connection;
    void acceptConnections(QTcpServer* server);
    bool makeRoom();
    void refuse(QTcpSocket* socket, const Reply& reply);

    SessionConfig m_config;
    const Authenticator* m_auth = nullptr;
    QList<QTcpServer*> m_servers;
    QList<Connection*> m_connections; // in the order they came
    PeerOwnerCheck m_peerOwnerCheck;
    quint16 m_port = 0;
    int m_maxSessions = 16;
};

} // namespace Smtp
