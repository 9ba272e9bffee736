#include "oauth/AuthorizationCodeFlow.h"

#include "oauth/Endpoint.h"
#include "oauth/LoopbackReceiver.h"
#include "oauth/OAuthLogging.h"

#include <QTimer>
#include <QUrlQuery>

namespace OAuth {

AuthorizationCodeFlow::AuthorizationCodeFlow(const Provider& provider, QNetworkAccessManager* network,
                                             QObject* parent)
    : QObject(parent), m_provider(provider), m_network(network), m_receiver(new LoopbackReceiver(this)),
      m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The sign-in was not finished within %n minute(s). Start it again.", nullptr,
                qMax(1, m_timeoutMs / 60000)));
    });
    connect(m_receiver, &LoopbackReceiver::received, this, &AuthorizationCodeFlow::onRedirect);
}

AuthorizationCodeFlow::~AuthorizationCodeFlow() = default;

QUrl AuthorizationCodeFlow::redirectUri() const
{
    return m_redirectUri;
}

bool AuthorizationCodeFlow::isListening() const
{
    return m_receiver->isListening();
}

void AuthorizationCodeFlow::start(const BrowserOpener& openBrowser)
{
    if (const QString problem = m_provider.problem(); !problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, problem] { fail(problem); });
        return;
    }
    QString error;
    if (!m_receiver->listen(&error)) {
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    m_pkce = Pkce::generate();
    m_state = Pkce::randomToken(24);
    m_receiver->setExpectedState(m_state);
    // Kept: the token request must repeat it exactly, after the listener has closed.
    m_redirectUri = m_receiver->redirectUri();

    Form params{{QStringLiteral("client_id"), m_provider.clientId},
                {QStringLiteral("response_type"), QStringLiteral("code")},
                {QStringLiteral("redirect_uri"), redirectUri().toString()},
                {QStringLiteral("scope"), m_provider.scopes},
                {QStringLiteral("state"), m_state},
                {QStringLiteral("code_challenge"), m_pkce.challenge},
                {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    if (!m_loginHint.isEmpty())
        params.append({QStringLiteral("login_hint"), m_loginHint});
    params += m_provider.extraAuthorizeParams;

    m_authorizationUrl = m_provider.authorizeUrl;
    QByteArray query = m_authorizationUrl.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    m_authorizationUrl.setQuery(QString::fromLatin1(query + formEncode(params)), QUrl::StrictMode);

    m_timeout->start(m_timeoutMs);
    qCInfo(lcOAuth).noquote() << "sign-in started with" << m_provider.authorizeUrl.host() << "- redirect to"
                              << redirectUri().toString();
    if (openBrowser)
        openBrowser(m_authorizationUrl);
}

void AuthorizationCodeFlow::cancel()
{
    fail(tr("The sign-in was cancelled."));
}

void AuthorizationCodeFlow::onRedirect(const QUrlQuery& query)
{
    m_receiver->close();
    if (m_done)
        return;
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        qCInfo(lcOAuth).noquote() << "sign-in ended at the authorization server:"
                                  << (error.isEmpty() ? QStringLiteral("no code") : error);
        if (error == QLatin1String("access_denied"))
            fail(
                tr("The sign-in was declined in the browser, so Yubisashi cannot send mail for this account. "
                   "Sign in again and accept the request."));
        else
            fail(tr("The sign-in did not succeed: %1")
                     .arg(description.isEmpty() ? (error.isEmpty() ? tr("no answer") : error) : description));
        return;
    }
    const Form form{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), redirectUri().toString()},
                    {QStringLiteral("client_id"), m_provider.clientId},
                    {QStringLiteral("code_verifier"), m_pkce.verifier}};
    Form withSecret = form;
    if (!m_provider.clientSecret.isEmpty())
        withSecret.append({QStringLiteral("client_secret"), m_provider.clientSecret});
    postForm(m_network, m_provider.tokenUrl, withSecret, this, [this](const EndpointReply& reply) {
        if (m_done)
            return;
        if (!reply.ok) {
            qCWarning(lcOAuth).noquote()
                << "code exchange refused:"
                << (reply.error.isEmpty() ? QStringLiteral("transport") : reply.error);
            fail(reply.message);
            return;
        }
        Tokens tokens;
        QString problem;
        if (!Tokens::fromJson(reply.json, &tokens, &problem)) {
            fail(problem);
            return;
        }
        if (tokens.refreshToken.isEmpty()) {
            fail(tr("The sign-in server did not allow Yubisashi to stay signed in (no refresh token). Check "
                    "that the scopes include offline access (Microsoft: offline_access; Google: "
                    "access_type=offline)."));
            return;
        }
        m_done = true;
        m_timeout->stop();
        qCInfo(lcOAuth) << "sign-in completed; tokens received";
        emit succeeded(tokens);
    });
}

void AuthorizationCodeFlow::fail(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout->stop();
    m_receiver->close();
    emit failed(message);
}

} // namespace OAuth
