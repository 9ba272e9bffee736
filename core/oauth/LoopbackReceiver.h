#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace OAuth {

// The redirect target of a desktop sign-in (RFC 8252 7.3): a tiny HTTP
// listener on 127.0.0.1 only, on a port the system picks. It answers the one
// browser request that carries the expected state with a page saying the
// window can be closed, reports the query, and stops listening. Requests
// with another state (a web page poking at local ports) get a 400 and change
// nothing.
class LoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    bool listen(QString* error);
    void close();
    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:PORT — the loopback redirect URI Microsoft and Google accept for any port.
    QUrl redirectUri() const;
    void setExpectedState(const QString& state) { m_state = state; }

signals:
    // The query of the redirect: code and state, or error and error_description.
    void received(const QUrlQuery& query);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& reason, const QString& title,
                 const QString& text);

    QTcpServer* m_server;
    QString m_state;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace OAuth
