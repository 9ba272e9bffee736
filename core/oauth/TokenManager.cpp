#include "oauth/TokenManager.h"

#include "oauth/DeviceCodeFlow.h"
#include "oauth/Endpoint.h"
#include "oauth/OAuthLogging.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcOAuth, "yubisashi.oauth")

namespace OAuth {

namespace {

// Renew this long before expiry, so a token never runs out during a long
// upload; capped at half the lifetime for servers with very short tokens.
constexpr qint64 kRefreshMarginMs = 5 * 60 * 1000;

// Refresh errors that only a new interactive sign-in can cure.
bool needsInteraction(const QString& error)
{
    return error == QLatin1String("invalid_grant") || error == QLatin1String("interaction_required") ||
           error == QLatin1String("consent_required") || error == QLatin1String("login_required");
}

} // namespace

TokenManager::TokenManager(const QString& account, const Provider& provider, const QString& configuredUser,
                           Settings::SecretStore* secrets, QObject* parent)
    : QObject(parent), m_account(account), m_provider(provider), m_problem(provider.problem()),
      m_configuredUser(configuredUser), m_secrets(secrets), m_network(new QNetworkAccessManager(this))
{
    // Tokens must not be cached on disk by Qt, nor sent through a proxy with a cookie jar.
    m_network->setCookieJar(nullptr);
    if (!m_problem.isEmpty()) {
        setState(State::Error, m_problem);
        return;
    }
    if (!m_secrets) {
        setState(State::Error, tr("No secret store is available to keep the sign-in."));
        return;
    }
    QString error;
    const std::optional<QString> stored = m_secrets->read(secretKey(), &error);
    if (stored && !stored->isEmpty())
        setState(State::SignedIn, QString());
    else if (!error.isEmpty())
        setState(State::Error, error);
    else
        setState(State::NeedsSignIn,
                 tr("Sign in to the account \"%1\" so Yubisashi can send its mail.").arg(m_account));
}

TokenManager::TokenManager(const Settings::Account& account, const QString& iniPath,
                           Settings::SecretStore* secrets, QObject* parent)
    : TokenManager(account.name, Provider::forAccount(account, iniPath), account.user, secrets, parent)
{}

TokenManager::~TokenManager() = default;

QString TokenManager::logPrefix() const
{
    return QStringLiteral("account %1:").arg(m_account);
}

QString TokenManager::secretKey() const
{
    return m_account + QLatin1String("/refresh_token");
}

QString TokenManager::address() const
{
    return m_address.isEmpty() ? m_configuredUser : m_address;
}

QString TokenManager::user() const
{
    return m_configuredUser.isEmpty() ? m_address : m_configuredUser;
}

void TokenManager::setState(State state, const QString& text)
{
    m_errorText = text;
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TokenManager::needSignIn(const QString& reason)
{
    m_access = Tokens();
    const bool changed = m_state != State::NeedsSignIn;
    setState(State::NeedsSignIn, reason);
    if (changed) {
        qCWarning(lcOAuth).noquote() << logPrefix() << "needs a new sign-in";
        emit signInNeeded(m_account, reason);
    }
}

QDeadlineTimer TokenManager::accessTokenExpiry(const QString& token) const
{
    if (token.isEmpty() || token != m_access.accessToken)
        return QDeadlineTimer(0);
    return m_access.expiry;
}

bool TokenManager::accessTokenFresh() const
{
    if (m_access.accessToken.isEmpty() || m_access.expiry.hasExpired())
        return false;
    const qint64 margin = qMin(kRefreshMarginMs, m_access.lifetimeSeconds * 1000 / 2);
    return m_access.expiry.remainingTime() > margin;
}

void TokenManager::post(TokenCallback done, const std::optional<QString>& token, const QString& error,
                        bool needsSignIn)
{
    // Always from the event loop, so callers never see their callback run
    // inside their own call.
    QTimer::singleShot(
        0, this, [done = std::move(done), token, error, needsSignIn] { done(token, error, needsSignIn); });
}

void TokenManager::accessToken(TokenCallback done)
{
    if (!m_problem.isEmpty()) {
        post(std::move(done), std::nullopt, m_problem, false);
        return;
    }
    if (accessTokenFresh()) {
        post(std::move(done), m_access.accessToken, QString(), false);
        return;
    }
    refresh(std::move(done));
}

void TokenManager::tokenRejected(const QString& token, TokenCallback done)
{
    if (!m_problem.isEmpty()) {
        post(std::move(done), std::nullopt, m_problem, false);
        return;
    }
    if (!m_retryToken.isEmpty() && token == m_retryToken) {
        qCWarning(lcOAuth).noquote() << logPrefix()
                                     << ": the mail server refused a freshly renewed token too";
        m_retryToken.clear();
        m_blockedRefreshToken = m_refreshToken;
        const QString reason =
            tr("The mail server refused the sign-in of the account \"%1\" even after it was renewed. Sign in "
               "again; if that does not help, ask your administrator whether sending mail with this sign-in "
               "(SMTP AUTH) is allowed for your mailbox.")
                .arg(m_account);
        needSignIn(reason);
        post(std::move(done), std::nullopt, reason, true);
        return;
    }
    if (token == m_access.accessToken) {
        qCInfo(lcOAuth).noquote() << logPrefix() << "the mail server refused the access token; renewing it";
        m_access = Tokens();
        m_nextIsRetry = true;
    } else if (accessTokenFresh()) {
        // Someone renewed it meanwhile: try the new one.
        m_retryToken = m_access.accessToken;
        post(std::move(done), m_access.accessToken, QString(), false);
        return;
    } else {
        m_nextIsRetry = true;
    }
    refresh(std::move(done));
}

void TokenManager::refresh(TokenCallback done)
{
    m_waiting.append(std::move(done));
    if (m_refreshing)
        return;
    m_refreshing = true;

    QString refreshToken;
    QString error;
    const std::optional<QString> stored = m_secrets ? m_secrets->read(secretKey(), &error) : std::nullopt;
    if (stored) {
        refreshToken = *stored;
    } else if (!error.isEmpty()) {
        // A locked keychain must not stop a session that already has a token.
        if (m_refreshToken.isEmpty()) {
            setState(State::Error, error);
            settle(std::nullopt, error, false);
            return;
        }
        refreshToken = m_refreshToken;
    }
    if (refreshToken.isEmpty() || refreshToken == m_blockedRefreshToken) {
        const QString reason =
            m_state == State::NeedsSignIn && !m_errorText.isEmpty()
                ? m_errorText
                : tr("Sign in to the account \"%1\" so Yubisashi can send its mail.").arg(m_account);
        needSignIn(reason);
        settle(std::nullopt, reason, true);
        return;
    }
    m_refreshToken = refreshToken;

    Form form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
              {QStringLiteral("refresh_token"), refreshToken},
              {QStringLiteral("client_id"), m_provider.clientId}};
    if (m_provider.scopeOnRefresh)
        form.append({QStringLiteral("scope"), m_provider.scopes});
    if (!m_provider.clientSecret.isEmpty())
        form.append({QStringLiteral("client_secret"), m_provider.clientSecret});
    qCDebug(lcOAuth).noquote() << logPrefix() << "renewing the access token at" << m_provider.tokenUrl.host();
    postForm(m_network, m_provider.tokenUrl, form, this, [this, refreshToken](const EndpointReply& reply) {
        if (!reply.ok) {
            if (needsInteraction(reply.error)) {
                qCWarning(lcOAuth).noquote()
                    << logPrefix() << "the refresh token was refused:" << reply.error;
                // Dead for good; remove it unless a sign-in elsewhere replaced it meanwhile.
                QString readError;
                if (m_secrets &&
                    m_secrets->read(secretKey(), &readError) == std::optional<QString>(refreshToken)) {
                    QString removeError;
                    if (!m_secrets->remove(secretKey(), &removeError))
                        qCWarning(lcOAuth).noquote()
                            << "could not remove the refused refresh token:" << removeError;
                }
                if (m_refreshToken == refreshToken)
                    m_refreshToken.clear();
                const QString reason = tr("The sign-in of the account \"%1\" has ended (%2). Sign in again; "
                                          "messages wait in the queue until then.")
                                           .arg(m_account, reply.message);
                needSignIn(reason);
                settle(std::nullopt, reason, true);
                return;
            }
            qCWarning(lcOAuth).noquote()
                << logPrefix() << "renewing the access token failed:"
                << (reply.error.isEmpty() ? QStringLiteral("no answer") : reply.error);
            setState(State::Error, reply.message);
            settle(std::nullopt, reply.message, false);
            return;
        }
        Tokens tokens;
        QString problem;
        if (!Tokens::fromJson(reply.json, &tokens, &problem)) {
            setState(State::Error, problem);
            settle(std::nullopt, problem, false);
            return;
        }
        if (!tokens.refreshToken.isEmpty() && tokens.refreshToken != refreshToken) {
            // Rotated (Microsoft does this): keep the newest.
            m_refreshToken = tokens.refreshToken;
            QString writeError;
            if (!m_secrets->write(secretKey(), tokens.refreshToken, &writeError))
                qCWarning(lcOAuth).noquote() << "could not store the renewed refresh token:" << writeError;
        }
        if (const QString a = Tokens::addressFromIdToken(tokens.idToken); !a.isEmpty())
            m_address = a;
        m_access = tokens;
        if (m_nextIsRetry) {
            m_retryToken = tokens.accessToken;
            m_nextIsRetry = false;
        }
        qCInfo(lcOAuth).noquote() << logPrefix() << "access token renewed, valid for"
                                  << tokens.lifetimeSeconds << "s";
        setState(State::SignedIn, QString());
        settle(tokens.accessToken, QString(), false);
    });
}

void TokenManager::settle(const std::optional<QString>& token, const QString& error, bool needsSignIn)
{
    m_refreshing = false;
    if (!token)
        m_nextIsRetry = false;
    const QList<TokenCallback> waiting = std::exchange(m_waiting, {});
    for (const TokenCallback& done : waiting)
        post(done, token, error, needsSignIn);
}

bool TokenManager::isSigningIn() const
{
    return m_codeFlow || m_deviceFlow;
}

QUrl TokenManager::pendingRedirectUri() const
{
    return m_codeFlow ? m_codeFlow->redirectUri() : QUrl();
}

void TokenManager::endFlows()
{
    if (m_codeFlow) {
        m_codeFlow->disconnect(this);
        m_codeFlow->cancel();
    }
    if (m_deviceFlow) {
        m_deviceFlow->disconnect(this);
        m_deviceFlow->cancel();
    }
    releaseFlows();
}

void TokenManager::releaseFlows()
{
    // Deleted later: this may run inside one of the flow's own signals.
    if (m_codeFlow)
        m_codeFlow->deleteLater();
    if (m_deviceFlow)
        m_deviceFlow->deleteLater();
    m_codeFlow.clear();
    m_deviceFlow.clear();
}

void TokenManager::signIn()
{
    endFlows();
    auto* flow = new AuthorizationCodeFlow(m_provider, m_network, this);
    m_codeFlow = flow;
    flow->setLoginHint(m_configuredUser);
    flow->setTimeout(m_signInTimeoutMs);
    connect(flow, &AuthorizationCodeFlow::succeeded, this, &TokenManager::onSignedIn);
    connect(flow, &AuthorizationCodeFlow::failed, this, &TokenManager::onSignInFailed);
    qCInfo(lcOAuth).noquote() << logPrefix() << "browser sign-in started";
    flow->start(m_openBrowser);
}

void TokenManager::signInWithDeviceCode()
{
    endFlows();
    auto* flow = new DeviceCodeFlow(m_provider, m_network, this);
    m_deviceFlow = flow;
    connect(flow, &DeviceCodeFlow::codeReady, this, &TokenManager::deviceCodeReady);
    connect(flow, &DeviceCodeFlow::succeeded, this, &TokenManager::onSignedIn);
    connect(flow, &DeviceCodeFlow::failed, this, &TokenManager::onSignInFailed);
    qCInfo(lcOAuth).noquote() << logPrefix() << "device-code sign-in started";
    flow->start();
}

void TokenManager::cancelSignIn()
{
    if (!isSigningIn())
        return;
    endFlows();
    emit signInFinished(false, tr("The sign-in was cancelled."));
}

void TokenManager::onSignedIn(const Tokens& tokens)
{
    releaseFlows();

    if (tokens.refreshToken.isEmpty()) {
        onSignInFailed(
            tr("The sign-in server did not allow Yubisashi to stay signed in (no refresh token)."));
        return;
    }
    m_access = tokens;
    m_refreshToken = tokens.refreshToken;
    m_retryToken.clear();
    m_blockedRefreshToken.clear();
    m_nextIsRetry = false;
    m_address = Tokens::addressFromIdToken(tokens.idToken);

    QString writeError;
    if (!m_secrets || !m_secrets->write(secretKey(), tokens.refreshToken, &writeError)) {
        // Usable for now (in memory), but lost at the next start: say so plainly.
        const QString message =
            tr("You are signed in, but the sign-in could not be saved, so you will have to "
               "sign in again after Yubisashi restarts: %1")
                .arg(writeError);
        qCWarning(lcOAuth).noquote() << logPrefix() << "could not store the refresh token:" << writeError;
        setState(State::Error, message);
        emit signInFinished(false, message);
        return;
    }
    qCInfo(lcOAuth).noquote() << logPrefix() << "signed in as" << address();
    setState(State::SignedIn, QString());
    QString warning;
    if (!m_address.isEmpty() && !m_configuredUser.isEmpty() &&
        m_address.compare(m_configuredUser, Qt::CaseInsensitive) != 0)
        warning =
            tr("You signed in as %1, but the account is set up for %2. The mail server may refuse to send "
               "as %2; sign in with that address, or change the account's user name in Settings.")
                .arg(m_address, m_configuredUser);
    emit signInFinished(true, warning);
}

void TokenManager::onSignInFailed(const QString& message)
{
    releaseFlows();
    qCInfo(lcOAuth).noquote() << logPrefix() << "sign-in did not complete";
    emit signInFinished(false, message);
}

bool TokenManager::signOut(QString* error)
{
    endFlows();
    m_access = Tokens();
    m_refreshToken.clear();
    m_retryToken.clear();
    m_address.clear();
    QString removeError;
    if (m_secrets && !m_secrets->remove(secretKey(), &removeError)) {
        if (error)
            *error = removeError;
        setState(State::Error, removeError);
        return false;
    }
    setState(State::NeedsSignIn, tr("Signed out."));
    return true;
}

} // namespace OAuth
