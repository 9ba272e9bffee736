#include "oauth/DeviceCodeFlow.h"

#include "oauth/Endpoint.h"
#include "oauth/OAuthLogging.h"

#include <QTimer>

namespace OAuth {

namespace {

const QLatin1String kDeviceGrant("urn:ietf:params:oauth:grant-type:device_code");
// RFC 8628 3.5: on slow_down the interval grows by 5 seconds for good.
constexpr int kSlowDownSeconds = 5;

} // namespace

DeviceCodeFlow::DeviceCodeFlow(const Provider& provider, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_provider(provider), m_network(network), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

void DeviceCodeFlow::start()
{
    QString problem = m_provider.problem();
    if (problem.isEmpty() && m_provider.deviceUrl.isEmpty())
        problem = tr("Signing in with a code on another device is not available for this account. Sign in in "
                     "the browser instead.");
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, problem] { fail(problem); });
        return;
    }
    Form form{{QStringLiteral("client_id"), m_provider.clientId},
              {QStringLiteral("scope"), m_provider.scopes}};
    if (!m_provider.clientSecret.isEmpty())
        form.append({QStringLiteral("client_secret"), m_provider.clientSecret});
    postForm(m_network, m_provider.deviceUrl, form, this, [this](const EndpointReply& reply) {
        if (m_done)
            return;
        if (!reply.ok) {
            fail(reply.message);
            return;
        }
        m_deviceCode = reply.json.value(QLatin1String("device_code")).toString();
        const QString userCode = reply.json.value(QLatin1String("user_code")).toString();
        // Google calls it verification_url.
        QString uri = reply.json.value(QLatin1String("verification_uri")).toString();
        if (uri.isEmpty())
            uri = reply.json.value(QLatin1String("verification_url")).toString();
        const qint64 expiresIn = reply.json.value(QLatin1String("expires_in")).toVariant().toLongLong();
        const int interval = reply.json.value(QLatin1String("interval")).toVariant().toInt();
        if (m_deviceCode.isEmpty() || userCode.isEmpty() || uri.isEmpty()) {
            fail(tr("The sign-in server sent an incomplete answer for signing in with a code."));
            return;
        }
        m_intervalSeconds = interval > 0 ? interval : 5;
        m_deadline = QDeadlineTimer((expiresIn > 0 ? expiresIn : 900) * 1000);
        qCInfo(lcOAuth) << "device sign-in started; polling every" << m_intervalSeconds << "s";
        emit codeReady(userCode, QUrl(uri), reply.json.value(QLatin1String("message")).toString());
        if (!m_done)
            m_timer->start(m_intervalSeconds * 1000);
    });
}

void DeviceCodeFlow::cancel()
{
    fail(tr("The sign-in was cancelled."));
}

void DeviceCodeFlow::poll()
{
    if (m_done)
        return;
    if (m_deadline.hasExpired()) {
        fail(tr("The sign-in code expired before it was entered. Start the sign-in again."));
        return;
    }
    Form form{{QStringLiteral("grant_type"), kDeviceGrant},
              {QStringLiteral("device_code"), m_deviceCode},
              {QStringLiteral("client_id"), m_provider.clientId}};
    if (!m_provider.clientSecret.isEmpty())
        form.append({QStringLiteral("client_secret"), m_provider.clientSecret});
    postForm(m_network, m_provider.tokenUrl, form, this, [this](const EndpointReply& reply) {
        if (m_done)
            return;
        if (reply.ok) {
            Tokens tokens;
            QString problem;
            if (!Tokens::fromJson(reply.json, &tokens, &problem)) {
                fail(problem);
                return;
            }
            m_done = true;
            qCInfo(lcOAuth) << "device sign-in completed; tokens received";
            emit succeeded(tokens);
            return;
        }
        if (reply.error == QLatin1String("authorization_pending")) {
            m_timer->start(m_intervalSeconds * 1000);
        } else if (reply.error == QLatin1String("slow_down")) {
            m_intervalSeconds += kSlowDownSeconds;
            qCInfo(lcOAuth) << "device sign-in: server asked to slow down; polling every" << m_intervalSeconds
                            << "s";
            m_timer->start(m_intervalSeconds * 1000);
        } else if (reply.error == QLatin1String("expired_token")) {
            fail(tr("The sign-in code expired before it was entered. Start the sign-in again."));
        } else if (reply.error == QLatin1String("access_denied") ||
                   reply.error == QLatin1String("authorization_declined")) {
            fail(tr("The sign-in was declined, so Yubisashi cannot send mail for this account. Sign in again "
                    "and accept the request."));
        } else if (reply.transient && reply.error.isEmpty()) {
            // A dropped connection while the user is typing the code is no reason to give up.
            qCInfo(lcOAuth) << "device sign-in: poll failed, trying again";
            m_timer->start(m_intervalSeconds * 1000);
        } else {
            fail(reply.message);
        }
    });
}

void DeviceCodeFlow::fail(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    emit failed(message);
}

} // namespace OAuth
