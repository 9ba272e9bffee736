#pragma once

#include "oauth/Provider.h"
#include "oauth/Tokens.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace OAuth {

// Sign-in on another device (RFC 8628), for when no browser can reach the
// loopback listener: the user opens verificationUri anywhere and types
// userCode; meanwhile the token endpoint is polled at the interval the server
// asks for. Exactly one of succeeded() or failed() follows start().
class DeviceCodeFlow : public QObject
{
    Q_OBJECT
public:
    DeviceCodeFlow(const Provider& provider, QNetworkAccessManager* network, QObject* parent = nullptr);

    void start();
    void cancel();
    int intervalSeconds() const { return m_intervalSeconds; }

signals:
    // Show these to the user. message is the server's own instruction, if it sent one.
    void codeReady(const QString& userCode, const QUrl& verificationUri, const QString& message);
    void succeeded(const OAuth::Tokens& tokens);
    void failed(const QString& message);

private:
    void poll();
    void fail(const QString& message);

    Provider m_provider;
    QNetworkAccessManager* m_network;
    QTimer* m_timer;
    QString m_deviceCode;
    int m_intervalSeconds = 5;
    QDeadlineTimer m_deadline;
    bool m_done = false;
};

} // namespace OAuth
