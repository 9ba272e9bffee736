#pragma once

#include "smtp/Envelope.h"
#include "smtp/Reply.h"
#include "smtp/SessionConfig.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTcpServer;

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
// connection, up to a cap.
class SmtpServer : public QObject
{
    Q_OBJECT
public:
    SmtpServer(const SessionConfig& config, const Authenticator* auth, QObject* parent = nullptr);
    ~SmtpServer() override;

    void setMaxSessions(int max) { m_maxSessions = max; }
    // Binds 127.0.0.1 and ::1 on port (0 = any free port, the same on both).
    // Succeeds when at least IPv4 loopback is bound; error says why not.
    bool listen(quint16 port, QString* error);
    quint16 port() const { return m_port; }
    int sessionCount() const { return m_sessions; }
    void close();

signals:
    // A complete message. reply lives as long as the connection.
    void messageReceived(const Smtp::Envelope& envelope, const QByteArray& content, const QString& authUser,
                         Smtp::PendingReply* reply);

private:
    void acceptConnections(QTcpServer* server);

    SessionConfig m_config;
    const Authenticator* m_auth = nullptr;
    QList<QTcpServer*> m_servers;
    quint16 m_port = 0;
    int m_maxSessions = 16;
    int m_sessions = 0;
};

} // namespace Smtp
