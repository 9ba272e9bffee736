#pragma once

#include "oauth/Pkce.h"
#include "oauth/Provider.h"
#include "oauth/Tokens.h"

#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QTimer;
class QUrlQuery;

namespace OAuth {

class LoopbackReceiver;

// One sign-in in the system browser: the authorization code grant with PKCE
// (S256) and a loopback redirect (RFC 8252). Exactly one of succeeded() or
// failed() follows start(); the local listener is closed by then.
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
public:
    // How the authorization URL reaches the user: the app passes
    // QDesktopServices::openUrl (core has no Gui); the command line prints it.
    using BrowserOpener = std::function<void(const QUrl&)>;

    AuthorizationCodeFlow(const Provider& provider, QNetworkAccessManager* network,
                          QObject* parent = nullptr);
    ~AuthorizationCodeFlow() override;

    void setLoginHint(const QString& user) { m_loginHint = user; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void start(const BrowserOpener& openBrowser);
    void cancel();

    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QUrl redirectUri() const;
    bool isListening() const;

signals:
    void succeeded(const OAuth::Tokens& tokens);
    void failed(const QString& message);

private:
    void onRedirect(const QUrlQuery& query);
    void fail(const QString& message);

    Provider m_provider;
    QNetworkAccessManager* m_network;
    LoopbackReceiver* m_receiver;
    QTimer* m_timeout;
    QString m_loginHint;
    int m_timeoutMs = 10 * 60 * 1000;
    Pkce m_pkce;
    QString m_state;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    bool m_done = false;
};

} // namespace OAuth
