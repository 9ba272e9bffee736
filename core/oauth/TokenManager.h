#pragma once

#include "oauth/AuthorizationCodeFlow.h"
#include "oauth/Provider.h"
#include "oauth/Tokens.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Settings {
struct Account;
class SecretStore;
} // namespace Settings

namespace OAuth {

class DeviceCodeFlow;

// The OAuth 2.0 sign-in of one account (auth=xoauth2). The refresh token
// lives in the SecretStore under "ACCOUNT/refresh_token"; the access token
// only in memory, renewed shortly before it expires when a delivery asks for
// it (no timers while idle). A refresh token the server no longer accepts
// (invalid_grant: revoked, expired, password changed) puts the account in
// NeedsSignIn: deliveries wait, queued, until the user signs in again.
class TokenManager : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        SignedIn,    // a refresh token is stored (it may still turn out to be revoked)
        NeedsSignIn, // the user must sign in (again); mail waits in the queue
        Error,       // configuration or storage problem, or the server could not be reached: errorText()
    };
    Q_ENUM(State)

    // token set: use it now. Otherwise error says why (translated) and
    // needsSignIn tells a wait-for-the-user case from a try-again-later one.
    using TokenCallback =
        std::function<void(const std::optional<QString>& token, const QString& error, bool needsSignIn)>;

    // Reads the secret store once to know whether the account is signed in.
    TokenManager(const QString& account, const Provider& provider, const QString& configuredUser,
                 Settings::SecretStore* secrets, QObject* parent = nullptr);
    // The provider from the account's preset and its oauth_* keys in iniPath (Settings::Config::path).
    TokenManager(const Settings::Account& account, const QString& iniPath, Settings::SecretStore* secrets,
                 QObject* parent = nullptr);
    ~TokenManager() override;

    QString account() const { return m_account; }
    const Provider& provider() const { return m_provider; }
    State state() const { return m_state; }
    // Why the state is NeedsSignIn or Error, in plain words; empty when signed in.
    QString errorText() const { return m_errorText; }
    // Who is signed in: the id_token's email / preferred_username when the
    // server sent one, else the configured user.
    QString address() const;
    // The user name for AUTH XOAUTH2: the configured user, else address().
    QString user() const;

    // --- for the delivery path

    // Calls done (always later, from the event loop) with an access token
    // that is valid for a while yet, refreshing it first when needed.
    void accessToken(TokenCallback done);
    // The upstream answered 535 to token. The first time, the token is
    // dropped and done gets a freshly refreshed one to try once more; if that
    // one is refused too, the account needs a new sign-in (done says so).
    void tokenRejected(const QString& token, TokenCallback done);
    // When token (one handed out by accessToken()) expires; already expired
    // for a token that is not the current one. A connection signed in with it
    // is not used past this (UpstreamPool).
    QDeadlineTimer accessTokenExpiry(const QString& token) const;

    // --- for Settings, the tray and `yubisashi sign-in`

    // How the authorization URL is shown: QDesktopServices::openUrl in the app.
    void setBrowserOpener(AuthorizationCodeFlow::BrowserOpener opener) { m_openBrowser = std::move(opener); }
    // Sign-in in the browser (authorization code + PKCE, loopback redirect).
    void signIn();
    // Sign-in with a code on another device; deviceCodeReady() tells what to show.
    void signInWithDeviceCode();
    bool deviceCodeAvailable() const { return !m_provider.deviceUrl.isEmpty(); }
    void cancelSignIn();
    bool isSigningIn() const;
    // The loopback redirect URI of the running browser sign-in (empty otherwise).
    QUrl pendingRedirectUri() const;
    // Forgets the tokens here and in the secret store.
    bool signOut(QString* error = nullptr);

signals:
    void stateChanged(OAuth::TokenManager::State state);
    // Entered NeedsSignIn by itself (not by signOut): worth a notification.
    void signInNeeded(const QString& account, const QString& reason);
    void deviceCodeReady(const QString& userCode, const QUrl& verificationUri, const QString& message);
    // message: on failure why; on success empty or a warning (signed in as another address).
    void signInFinished(bool ok, const QString& message);

private:
    QString secretKey() const;
    QString logPrefix() const;
    void setState(State state, const QString& text);
    void needSignIn(const QString& reason);
    void refresh(TokenCallback done);
    void settle(const std::optional<QString>& token, const QString& error, bool needsSignIn);
    void post(TokenCallback done, const std::optional<QString>& token, const QString& error,
              bool needsSignIn);
    void onSignedIn(const Tokens& tokens);
    void onSignInFailed(const QString& message);
    bool accessTokenFresh() const;
    void endFlows();     // cancels a sign-in under way
    void releaseFlows(); // after a flow's last signal

    QString m_account;
    Provider m_provider;
    QString m_problem; // the provider's configuration problem, if any
    QString m_configuredUser;
    Settings::SecretStore* m_secrets;
    QNetworkAccessManager* m_network;

    State m_state = State::NeedsSignIn;
    QString m_errorText;
    QString m_address; // from the id_token

    Tokens m_access;        // access token, in memory only
    QString m_refreshToken; // last refresh token read or received (used when the store cannot be read)
    QString m_retryToken;   // the access token handed out after a 535; a second 535 means: sign in
    bool m_nextIsRetry = false;
    QString m_blockedRefreshToken; // gave tokens the upstream refused twice: do not use it again

    bool m_refreshing = false;
    QList<TokenCallback> m_waiting;

    AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    int m_signInTimeoutMs = 10 * 60 * 1000;
    QPointer<AuthorizationCodeFlow> m_codeFlow;
    QPointer<DeviceCodeFlow> m_deviceFlow;
};

} // namespace OAuth
