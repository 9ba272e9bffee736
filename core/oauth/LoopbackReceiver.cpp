#include "oauth/LoopbackReceiver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace OAuth {

namespace {

constexpr qsizetype kMaxRequestHead = 16 * 1024;
// Browsers open speculative connections that never send anything.
constexpr int kIdleSocketMs = 30000;

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(8);
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(QString* error)
{
    // Explicitly 127.0.0.1, never Any: nothing on the network may deliver a code.
    if (m_server->listen(QHostAddress(QHostAddress::LocalHost), 0))
        return true;
    *error = tr("Could not open a local port for the sign-in: %1").arg(m_server->errorString());
    return false;
}

void LoopbackReceiver::close()
{
    m_server->close();
    // Idle connections are dropped; one still being answered finishes on its own.
    const auto sockets = m_buffers.keys();
    for (QTcpSocket* socket : sockets)
        socket->abort();
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackReceiver::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        QTimer::singleShot(kIdleSocketMs, socket, [this, socket] {
            if (m_buffers.contains(socket))
                socket->abort();
        });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return; // already answered
    it.value() += socket->readAll();
    const QByteArray& head = it.value();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestHead)
            socket->abort();
        return;
    }
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    m_buffers.erase(it);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        socket->abort();
        return;
    }
    if (parts.at(0) != "GET") {
        respond(socket, 405, "Method Not Allowed", tr("Yubisashi"),
                tr("This address only receives sign-ins."));
        return;
    }
    const QUrl target = QUrl::fromEncoded(parts.at(1), QUrl::StrictMode);
    if (!target.isValid() || target.path() != QLatin1String("/")) {
        respond(socket, 404, "Not Found", tr("Yubisashi"), tr("This address only receives sign-ins."));
        return;
    }
    // Decode '+' as space too: some servers form-encode the error description.
    QString query = target.query(QUrl::FullyEncoded);
    query.replace(QLatin1Char('+'), QLatin1String("%20"));
    const QUrlQuery items(query);
    if (m_state.isEmpty() || items.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) != m_state) {
        respond(socket, 400, "Bad Request", tr("Yubisashi"),
                tr("This sign-in link does not belong to the sign-in Yubisashi is waiting for. Start the "
                   "sign-in again from Yubisashi."));
        return;
    }
    if (items.hasQueryItem(QStringLiteral("code"))) {
        respond(socket, 200, "OK", tr("Signed in"),
                tr("You are signed in. You can close this window and return to Yubisashi."));
    } else {
        respond(
            socket, 200, "OK", tr("Sign-in not completed"),
            tr("The sign-in was not completed. You can close this window; Yubisashi shows what happened."));
    }
    // One answer per sign-in: stop listening before anyone else can knock.
    close();
    emit received(items);
}

void LoopbackReceiver::respond(QTcpSocket* socket, int status, const QByteArray& reason, const QString& title,
                               const QString& text)
{
    const QByteArray body =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "</head><body style=\"font-family: sans-serif; margin: 3em\">"
                       "<h1>%1</h1><p>%2</p></body></html>\n")
            .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
            .toUtf8();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\nConnection: close\r\n";
    // Keeps the code out of the Referer of anything the page might load.
    head += "Referrer-Policy: no-referrer\r\n\r\n";
    socket->write(head + body);
    // Hand the page to the system at once, so it survives this object being deleted soon after.
    socket->flush();
    socket->disconnectFromHost(); // after the bytes are written
}

} // namespace OAuth
