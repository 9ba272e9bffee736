#include "smtp/SmtpServer.h"

#include "smtp/SmtpSession.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Smtp {

namespace {

Q_LOGGING_CATEGORY(lcSmtp, "smtp")

// How long a closing connection may take to flush its last reply.
constexpr int kCloseTimeoutMs = 10000;

QString peerName(const QTcpSocket* socket)
{
    const QHostAddress address = socket->peerAddress();
    const QString port = QString::number(socket->peerPort());
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + address.toString() + QStringLiteral("]:") + port;
    return address.toString() + QLatin1Char(':') + port;
}

} // namespace

// One accepted client: its socket, its session, and the reply the session
// waits for. Deleted (deleteLater) once the socket is disconnected.
class SmtpServer::Connection : public QObject
{
public:
    Connection(SmtpServer* server, QTcpSocket* socket, const SessionConfig& config, const Authenticator* auth)
        : QObject(server), m_server(server), m_socket(socket), m_session(new SmtpSession(config, auth, this)),
          m_peer(peerName(socket))
    {
        m_socket->setParent(this);
        m_session->setObjectName(m_peer);
        connect(m_session, &SmtpSession::output, this, &Connection::write);
        connect(m_session, &SmtpSession::closeRequested, this, [this] { closeSoon(); });
        connect(m_session, &SmtpSession::messageReceived, this, &Connection::onMessage);
        connect(m_session, &SmtpSession::authenticationFailed, server, &SmtpServer::authenticationFailed);
    }

    ~Connection() override
    {
        // The server is going away with a client still waiting: to the handler
        // this is the same as a client that left.
        dropPendingReply();
    }

    void start()
    {
        qCDebug(lcSmtp).noquote() << m_peer << "connected";
        // Anything the kernel already holds at accept time was sent before the
        // client could have seen a greeting: spam bots and cross-protocol
        // attacks talk first. This is checked right before the greeting is
        // queued, so it is exact. (On a timeout, waitForReadyRead sets the
        // socket's error to SocketTimeoutError; nothing is connected to it yet.)
        const bool early = m_socket->waitForReadyRead(0);
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            qCDebug(lcSmtp).noquote() << m_peer << "disconnected at once";
            m_closing = true;
            deleteLater();
            return;
        }
        connect(m_socket, &QAbstractSocket::disconnected, this, &Connection::onDisconnected);
        if (early) {
            qCInfo(lcSmtp).noquote() << m_peer << "refused: sent data before the greeting";
            m_socket->readAll();
            write(Reply::make(554, QStringLiteral("5.5.1"),
                              QStringLiteral("Input before the greeting is not allowed"))
                      .toWire());
            closeSoon();
            return;
        }
        connect(m_socket, &QIODevice::readyRead, this, &Connection::onReadyRead);
        m_session->start(); // the greeting, and the session's timers
    }

    bool isClosing() const { return m_closing; }
    bool isEstablished() const { return m_session->isEstablished(); }
    QString peer() const { return m_peer; }

    // Closed so that a new connection gets its slot.
    void makeRoom()
    {
        m_session->shutdown(
            Reply::make(421, QStringLiteral("4.3.2"),
                        QStringLiteral("Too many connections that have not logged in; closing "
                                       "this one to make room")));
        closeSoon(); // also when the session had already closed
    }

private:
    void write(const QByteArray& bytes)
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(bytes);
    }

    void onReadyRead()
    {
        const QByteArray bytes = m_socket->readAll();
        if (m_closing)
            return;
        m_session->receive(bytes);
    }

    void closeSoon()
    {
        if (m_closing)
            return;
        m_closing = true;
        // A client that does not read its last reply must not keep the slot.
        QTimer::singleShot(kCloseTimeoutMs, m_socket, [socket = m_socket] { socket->abort(); });
        m_socket->disconnectFromHost(); // after the write buffer is flushed
    }

    void onMessage(const Envelope& envelope, const QByteArray& content, const QString& authUser)
    {
        if (m_reply) // the previous message's reply, already answered
            m_reply->deleteLater();
        auto* reply = new PendingReply(this);
        m_reply = reply;
        m_user = authUser;
        m_from = envelope.mailFrom;
        m_recipients = int(envelope.recipients.size());
        m_size = content.size();
        connect(reply, &PendingReply::answered, this, [this, reply](const Reply& answer) {
            qCInfo(lcSmtp).noquote() << messageSummary() << "reply" << answer.toString();
            if (reply != m_reply || m_closing)
                return;
            m_session->answerData(answer);
        });
        emit m_server->messageReceived(envelope, content, authUser, reply);
    }

    void onDisconnected()
    {
        m_closing = true;
        const QString summary = messageSummary();
        if (dropPendingReply())
            qCInfo(lcSmtp).noquote() << summary << "- client disconnected before the reply: not handed over";
        else
            qCDebug(lcSmtp).noquote() << m_peer << "disconnected";
        deleteLater();
    }

    // "127.0.0.1:50123 user work from <a@example.jp> rcpt 3 size 1234" (never a password).
    QString messageSummary() const
    {
        return m_peer + QStringLiteral(" user ") + (m_user.isEmpty() ? QStringLiteral("-") : m_user) +
               QStringLiteral(" from <") + m_from + QStringLiteral("> rcpt ") +
               QString::number(m_recipients) + QStringLiteral(" size ") + QString::number(m_size);
    }

    // True when a reply was still pending: tells its handler and deletes it.
    bool dropPendingReply()
    {
        if (!m_reply || m_reply->isAnswered())
            return false;
        QPointer<PendingReply> reply = m_reply;
        m_reply = nullptr;
        emit reply->clientGone();
        delete reply.data(); // unless the handler already deleted it
        return true;
    }

    SmtpServer* m_server;
    QTcpSocket* m_socket;
    SmtpSession* m_session;
    QString m_peer;
    QPointer<PendingReply> m_reply;
    bool m_closing = false;
    // For the log line of the message waiting for its reply.
    QString m_user;
    QString m_from;
    int m_recipients = 0;
    qint64 m_size = 0;
};

void PendingReply::answer(const Reply& reply)
{
    if (m_answered)
        return;
    m_answered = true;
    emit answered(reply);
}

SmtpServer::SmtpServer(const SessionConfig& config, const Authenticator* auth, QObject* parent)
    : QObject(parent), m_config(config), m_auth(auth)
{}

SmtpServer::~SmtpServer() = default;

int SmtpServer::maxUnestablished() const
{
    const int reserve = m_maxSessions >= 2 ? qMax(1, m_maxSessions / 4) : 0;
    return qMax(1, m_maxSessions - reserve);
}

bool SmtpServer::listen(quint16 port, QString* error)
{
    close();
    // With port 0 the IPv4 port is chosen by the system; if ::1 has that port
    // taken by someone else, try again with another one.
    const int attempts = port == 0 ? 5 : 1;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        auto* v4 = new QTcpServer(this);
        QString why;
        if (listenExclusive(v4, QHostAddress(QHostAddress::LocalHost), port, &why) !=
            ListenResult::Listening) {
            // Just the reason: the caller puts it into its own sentence with what to do.
            if (error)
                *error = tr("127.0.0.1 port %1: %2").arg(port).arg(why);
            delete v4;
            return false;
        }
        const quint16 bound = v4->serverPort();
        auto* v6 = new QTcpServer(this);
        const ListenResult result =
            listenExclusive(v6, QHostAddress(QHostAddress::LocalHostIPv6), bound, &why);
        if (result != ListenResult::Listening) {
            delete v6;
            v6 = nullptr;
            if (result == ListenResult::AddressInUse && attempt < attempts) {
                delete v4;
                continue;
            }
            if (result != ListenResult::AddressUnavailable) {
                // Someone else on [::1] with our port would get every mail
                // program that connects to "localhost" and tries ::1 first:
                // its password and its mail.
                if (error) {
                    *error =
                        tr("[::1] port %1: %2 (a mail program that connects to \"localhost\" may use [::1] "
                           "rather than 127.0.0.1)")
                            .arg(bound)
                            .arg(why);
                }
                delete v4;
                return false;
            }
            // No IPv6 loopback on this machine: nobody else can have [::1] either.
            qCWarning(lcSmtp).noquote()
                << "no IPv6 loopback ([::1]:" << bound << "-" << why << ") - listening on 127.0.0.1 only";
        }
        m_port = bound;
        for (QTcpServer* server : {v4, v6}) {
            if (!server)
                continue;
            m_servers.append(server);
            connect(server, &QTcpServer::newConnection, this, [this, server] { acceptConnections(server); });
        }
        qCDebug(lcSmtp).noquote() << "listening on 127.0.0.1" << (v6 ? "and [::1]" : "") << "port" << m_port;
        return true;
    }
    return false;
}

void SmtpServer::close()
{
    for (QTcpServer* server : std::as_const(m_servers)) {
        server->close();
        server->deleteLater();
    }
    m_servers.clear();
    m_port = 0;
}

void SmtpServer::acceptConnections(QTcpServer* server)
{
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        const QString peer = peerName(socket);
        // Another user of this computer (terminal server, shared host) must
        // not even see the greeting: it would talk to this user's mail.
        QString detail;
        const PeerOwner owner = m_peerOwnerCheck
                                    ? m_peerOwnerCheck(*socket, &detail)
                                    : peerOwner(socket->localAddress(), socket->localPort(),
                                                socket->peerAddress(), socket->peerPort(), &detail);
        if (owner == PeerOwner::OtherUser) {
            qCWarning(lcSmtp).noquote()
                << peer
                << QStringLiteral(
                       "refused: the connecting program belongs to another user of this computer (%1)")
                       .arg(detail);
            refuse(socket, Reply::make(554, QStringLiteral("5.7.1"),
                                       QStringLiteral("This mail server belongs to another user of this "
                                                      "computer; connection refused")));
            continue;
        }
        if (owner == PeerOwner::Unknown) {
            qCWarning(lcSmtp).noquote()
                << peer
                << QStringLiteral("cannot tell which user the connecting program belongs to (%1) - accepted")
                       .arg(detail);
        }
        if (!makeRoom()) {
            qCInfo(lcSmtp).noquote() << peer << "refused: too many connections (limit" << m_maxSessions
                                     << ")";
            refuse(socket, Reply::make(421, QStringLiteral("4.3.2"),
                                       QStringLiteral("Too many connections, try again later")));
            continue;
        }
        auto* connection = new Connection(this, socket, m_config, m_auth);
        m_connections.append(connection);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_connections.removeOne(connection); });
        connection->start();
    }
}

bool SmtpServer::makeRoom()
{
    int open = 0;
    int unestablished = 0;
    Connection* oldest = nullptr;
    for (Connection* c : std::as_const(m_connections)) {
        if (c->isClosing())
            continue;
        ++open;
        if (!c->isEstablished()) {
            ++unestablished;
            if (!oldest)
                oldest = c;
        }
    }
    if (open < m_maxSessions && unestablished < maxUnestablished())
        return true;
    if (!oldest)
        return false; // every slot holds a logged-in session
    qCInfo(lcSmtp).noquote() << oldest->peer() << "closed to make room:" << unestablished
                             << "connections have not logged in (limit" << maxUnestablished() << "of"
                             << m_maxSessions << ")";
    oldest->makeRoom();
    return true;
}

void SmtpServer::refuse(QTcpSocket* socket, const Reply& reply)
{
    socket->setParent(this);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(kCloseTimeoutMs, socket, [socket] { socket->abort(); });
    socket->write(reply.toWire());
    socket->disconnectFromHost();
}

} // namespace Smtp
