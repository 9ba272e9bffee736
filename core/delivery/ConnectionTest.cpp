#include "delivery/ConnectionTest.h"

#include "delivery/UpstreamTransport.h"
#include "smtp/SmtpClient.h"

namespace Delivery {

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent) {}

ConnectionTest::~ConnectionTest() = default;

ConnectionTest::Start ConnectionTest::start(const Settings::Account& account, const Secrets& secrets,
                                            QString* text)
{
    Smtp::UpstreamConfig config = ::Delivery::UpstreamTransport::upstreamConfig(account, kTimeoutSeconds);
    if (account.auth == Smtp::AuthMethod::Plain || account.auth == Smtp::AuthMethod::Login) {
        config.secret = secrets.typedPassword;
        if (config.secret.isEmpty() && secrets.storedPassword)
            config.secret = secrets.storedPassword().value_or(QString());
        if (config.secret.isEmpty()) {
            *text = tr("Enter the password first.");
            return Start::NeedsPassword;
        }
    } else if (account.auth == Smtp::AuthMethod::XOAuth2) {
        config.secret = secrets.accessToken ? secrets.accessToken() : QString();
        if (config.secret.isEmpty()) {
            *text = tr("Sign in first; then the connection can be tested.");
            return Start::NeedsSignIn;
        }
    }
    if (m_client)
        m_client->deleteLater();
    m_account = account;
    m_client = new Smtp::SmtpClient(this);
    connect(m_client, &Smtp::SmtpClient::finished, this, &ConnectionTest::report);
    *text = tr("Connecting to %1…").arg(account.host);
    m_client->testConnection(config);
    return Start::Started;
}

void ConnectionTest::report(const Smtp::SubmitResult& result)
{
    if (result.delivered()) {
        emit finished(true, m_account.auth == Smtp::AuthMethod::None
                                ? tr("It works: the server %1 answered.").arg(m_account.host)
                                : tr("It works: the server %1 accepted the sign-in.").arg(m_account.host));
    } else {
        emit finished(false, tr("It did not work. %1").arg(result.detail));
    }
}

} // namespace Delivery
