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

// One accepted client: its socket, its session, and the reply the session
// waits for. Deleted (deleteLater) once the socket is disconnected.
class Connection : public QObject
{
public:
    Connection(SmtpServer* server, QTcpSocket* socket, const SessionConfig& config, const Authenticator* auth)
        : QObject(server), m_server(server), m_socket(socket), m_session(new SmtpSession(config, auth, this)),
          m_idle(new QTimer(this)), m_idleTimeoutMs(config.idleTimeoutMs), m_peer(peerName(socket))
    {
        m_socket->setParent(this);
        m_session->setObjectName(m_peer);
        m_idle->setSingleShot(true);
        connect(m_session, &SmtpSession::output, this, &Connection::write);
        connect(m_session, &SmtpSession::closeRequested, this, [this] { closeSoon(); });
        connect(m_session, &SmtpSession::messageReceived, this, &Connection::onMessage);
        connect(m_idle, &QTimer::timeout, this, &Connection::onIdle);
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
        m_session->start(); // the greeting
        restartIdle();
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
        restartIdle();
    }

    void restartIdle()
    {
        if (m_idleTimeoutMs > 0 && !m_closing && !m_session->isWaitingForAnswer())
            m_idle->start(m_idleTimeoutMs);
        else
            m_idle->stop();
    }

    void onIdle()
    {
        if (m_closing || m_session->isWaitingForAnswer())
            return;
        qCInfo(lcSmtp).noquote() << m_peer << "idle timeout";
        write(Reply::make(421, QStringLiteral("4.4.2"), QStringLiteral("Idle timeout; closing connection"))
                  .toWire());
        closeSoon();
    }

    void closeSoon()
    {
        if (m_closing)
            return;
        m_closing = true;
        m_idle->stop();
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
        m_idle->stop();
        connect(reply, &PendingReply::answered, this, [this, reply](const Reply& answer) {
            qCInfo(lcSmtp).noquote() << messageSummary() << "reply" << answer.toString();
            if (reply != m_reply || m_closing)
                return;
            m_session->answerData(answer);
            restartIdle();
        });
        emit m_server->messageReceived(envelope, content, authUser, reply);
    }

    void onDisconnected()
    {
        m_closing = true;
        m_idle->stop();
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
    QTimer* m_idle;
    int m_idleTimeoutMs;
    QString m_peer;
    QPointer<PendingReply> m_reply;
    bool m_closing = false;
    // For the log line of the message waiting for its reply.
    QString m_user;
    QString m_from;
    int m_recipients = 0;
    qint64 m_size = 0;
};

} // namespace

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

bool SmtpServer::listen(quint16 port, QString* error)
{
    close();
    // With port 0 the IPv4 port is chosen by the system; if ::1 has that port
    // taken by someone else, try again with another one.
    const int attempts = port == 0 ? 5 : 1;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        auto* v4 = new QTcpServer(this);
        if (!v4->listen(QHostAddress::LocalHost, port)) {
            // Just the reason: the caller puts it into its own sentence with what to do.
            if (error)
                *error = tr("127.0.0.1 port %1: %2").arg(port).arg(v4->errorString());
            delete v4;
            return false;
        }
        const quint16 bound = v4->serverPort();
        auto* v6 = new QTcpServer(this);
        if (!v6->listen(QHostAddress::LocalHostIPv6, bound)) {
            const bool retry = v6->serverError() == QAbstractSocket::AddressInUseError && attempt < attempts;
            if (retry) {
                delete v6;
                delete v4;
                continue;
            }
            qCWarning(lcSmtp).noquote() << "cannot listen on [::1] port" << bound << "-" << v6->errorString()
                                        << "- listening on 127.0.0.1 only";
            delete v6;
            v6 = nullptr;
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
        if (m_sessions >= m_maxSessions) {
            qCInfo(lcSmtp).noquote() << peerName(socket) << "refused: too many connections (limit"
                                     << m_maxSessions << ")";
            socket->setParent(this);
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(kCloseTimeoutMs, socket, [socket] { socket->abort(); });
            socket->write(Reply::make(421, QStringLiteral("4.3.2"),
                                      QStringLiteral("Too many connections, try again later"))
                              .toWire());
            socket->disconnectFromHost();
            continue;
        }
        ++m_sessions;
        auto* connection = new Connection(this, socket, m_config, m_auth);
        connect(connection, &QObject::destroyed, this, [this] { --m_sessions; });
        connection->start();
    }
}

} // namespace Smtp
