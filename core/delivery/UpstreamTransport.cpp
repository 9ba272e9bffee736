#include "delivery/UpstreamTransport.h"

#include "delivery/UpstreamPool.h"
#include "oauth/TokenManager.h"
#include "settings/SecretStore.h"
#include "smime/MimeCanonicalizer.h"
#include "smtp/SmtpClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

namespace Delivery {

namespace {
Q_LOGGING_CATEGORY(lcTransport, "upstream.transport")
}

UpstreamTransport::UpstreamTransport(const Settings::Account& account, int timeoutSeconds,
                                     Settings::SecretStore* secrets, OAuth::TokenManager* tokens,
                                     QObject* parent)
    : Transport(parent), m_account(account), m_timeoutSeconds(timeoutSeconds), m_secrets(secrets),
      m_tokens(tokens), m_client(new Smtp::SmtpClient(this))
{
    connect(m_client, &Smtp::SmtpClient::finished, this, &UpstreamTransport::onClientFinished);
}

UpstreamTransport::~UpstreamTransport()
{
    if (!m_pool)
        return;
    if (m_ticket)
        m_pool->cancel(m_ticket);
    if (m_lease) {
        m_lease->disconnect(this);
        m_pool->release(m_lease); // stops it if its "." has not gone out
    }
}

void UpstreamTransport::setPool(UpstreamPool* pool)
{
    m_pool = pool;
}

void UpstreamTransport::submitConfig(const Smtp::UpstreamConfig& config, QDeadlineTimer validUntil)
{
    if (!m_pool) {
        m_client->submit(config, m_entry.envelope, m_content);
        return;
    }
    m_config = config;
    m_validUntil = validUntil;
    const bool fresh = std::exchange(m_freshNext, false);
    m_ticket = m_pool->acquire(m_account.name, UpstreamPool::key(config), validUntil, fresh, this,
                               [this](Smtp::SmtpClient* client) { onLeased(client); });
}

void UpstreamTransport::onLeased(Smtp::SmtpClient* client)
{
    m_ticket = 0;
    m_lease = client;
    connect(client, &Smtp::SmtpClient::finished, this, &UpstreamTransport::onLeaseFinished);
    client->submit(m_config, m_entry.envelope, m_content);
}

void UpstreamTransport::onLeaseFinished(const Smtp::SubmitResult& result)
{
    if (Smtp::SmtpClient* client = m_lease) {
        m_lease = nullptr;
        client->disconnect(this);
        if (m_pool)
            m_pool->release(client);
    }
    // The kept connection was gone before the server took anything of the
    // message: not the message's fault. Once more on a new connection (with
    // a current token for OAuth).
    if (result.staleConnection && !m_retriedStale && !m_aborted && m_pool) {
        m_retriedStale = true;
        m_freshNext = true;
        qCInfo(lcTransport).noquote()
            << "account" << m_account.name << "kept connection not usable:" << result.reply.toString()
            << "— trying a new connection";
        if (m_config.auth == Smtp::AuthMethod::XOAuth2 && m_tokens) {
            QPointer<UpstreamTransport> self(this);
            m_tokens->accessToken(
                [self](const std::optional<QString>& token, const QString& error, bool needsSignIn) {
                    if (self)
                        self->submitWithToken(token, error, needsSignIn);
                });
            return;
        }
        submitConfig(m_config, m_validUntil);
        return;
    }
    m_config = Smtp::UpstreamConfig();
    onClientFinished(result);
}

void UpstreamTransport::finishLater(const Smtp::SubmitResult& result)
{
    QTimer::singleShot(0, this, [this, result] { emit finished(result); });
}

void UpstreamTransport::refuseLater(const Smtp::Reply& reply, const QString& detail)
{
    // Nothing was sent: the account's settings stand in the way.
    Smtp::SubmitResult r;
    r.kind = Smtp::SubmitResult::Kind::Configuration;
    r.reply = reply;
    r.detail = detail;
    finishLater(r);
}

void UpstreamTransport::onClientFinished(const Smtp::SubmitResult& result)
{
    // A token the server refused may just have been revoked a moment ago: renew once and try again.
    if (m_tokens && !m_aborted && result.kind == Smtp::SubmitResult::Kind::Configuration &&
        !result.dataSent && result.reply.code == 535 && !m_retriedToken) {
        m_retriedToken = true;
        QPointer<UpstreamTransport> self(this);
        m_tokens->tokenRejected(
            m_token, [self](const std::optional<QString>& token, const QString& error, bool needsSignIn) {
                if (self)
                    self->submitWithToken(token, error, needsSignIn);
            });
        return;
    }
    emit finished(result);
}

void UpstreamTransport::submitWithToken(const std::optional<QString>& token, const QString& error,
                                        bool needsSignIn)
{
    if (m_aborted)
        return;
    if (!token) {
        // Not a failed message: it waits, queued, until the account can sign in again.
        Smtp::SubmitResult r;
        r.kind = Smtp::SubmitResult::Kind::Temporary;
        r.waitsForUser = needsSignIn;
        r.reply = Smtp::Reply::make(454, QStringLiteral("4.7.0"),
                                    needsSignIn ? QStringLiteral("Sign-in needed for the upstream account")
                                                : QStringLiteral("No access token for the upstream account"));
        r.detail = error;
        emit finished(r);
        return;
    }
    m_token = *token;
    Smtp::UpstreamConfig config = upstreamConfig(m_account, m_timeoutSeconds);
    config.secret = *token;
    config.user = m_tokens->user();
    submitConfig(config, m_tokens->accessTokenExpiry(*token));
}

Smtp::UpstreamConfig UpstreamTransport::upstreamConfig(const Settings::Account& account, int timeoutSeconds)
{
    Smtp::UpstreamConfig c;
    c.host = account.host;
    c.port = account.port;
    c.security = account.security;
    c.auth = account.auth;
    c.user = account.user;
    c.caFile = account.caFile;
    c.allowPlaintextAuth = account.allowPlaintextAuth;
    c.commandTimeoutMs = timeoutSeconds * 1000;
    c.connectTimeoutMs = qMin(timeoutSeconds, 30) * 1000;
    // The same 7-bit transfer encodings signing uses (quoted-printable or base64 per part),
    // and header fields in RFC 2047 / RFC 2231 form.
    c.toSevenBit = &Smime::MimeCanonicalizer::toSevenBit;
    return c;
}

void UpstreamTransport::deliver(const Spool::Entry& entry, const QByteArray& content)
{
    Smtp::UpstreamConfig config = upstreamConfig(m_account, m_timeoutSeconds);
    if (config.host.isEmpty()) {
        refuseLater(
            Smtp::Reply::make(451, QStringLiteral("4.3.5"), QStringLiteral("Account not configured")),
            QCoreApplication::translate("Delivery::UpstreamTransport",
                                        "The account \"%1\" is not configured any more. Add it again in "
                                        "Settings, or delete the message from the queue.")
                .arg(m_account.name));
        return;
    }
    m_aborted = false;
    m_entry = entry;
    m_content = content;
    m_retriedStale = false;
    m_freshNext = false;
    if (config.auth == Smtp::AuthMethod::XOAuth2) {
        if (!m_tokens) {
            refuseLater(
                Smtp::Reply::make(454, QStringLiteral("4.7.0"), QStringLiteral("OAuth not available")),
                QCoreApplication::translate("Delivery::UpstreamTransport",
                                            "Account \"%1\" signs in with OAuth, but its sign-in is not "
                                            "set up. Open Settings and press Sign in.")
                    .arg(m_account.name));
            return;
        }
        m_retriedToken = false;
        QPointer<UpstreamTransport> self(this);
        m_tokens->accessToken(
            [self](const std::optional<QString>& token, const QString& error, bool needsSignIn) {
                if (self)
                    self->submitWithToken(token, error, needsSignIn);
            });
        return;
    }
    if (config.auth == Smtp::AuthMethod::Plain || config.auth == Smtp::AuthMethod::Login) {
        QString error;
        const std::optional<QString> password =
            m_secrets ? m_secrets->read(m_account.name + QLatin1String("/password"), &error) : std::nullopt;
        if (!password) {
            refuseLater(
                Smtp::Reply::make(454, QStringLiteral("4.7.0"),
                                  QStringLiteral("Upstream password not available")),
                error.isEmpty()
                    ? QCoreApplication::translate("Delivery::UpstreamTransport",
                                                  "No password is stored for account \"%1\". Enter it "
                                                  "in Settings.")
                          .arg(m_account.name)
                    : QCoreApplication::translate("Delivery::UpstreamTransport",
                                                  "The password for account \"%1\" could not be read: %2")
                          .arg(m_account.name, error));
            return;
        }
        config.secret = *password;
    }
    submitConfig(config, QDeadlineTimer(QDeadlineTimer::Forever));
}

void UpstreamTransport::abort()
{
    if (m_lease && m_lease->isBusy()) {
        m_lease->abort();
        return;
    }
    if (m_pool && m_ticket) {
        // Waiting for a free connection: nothing went out yet.
        m_pool->cancel(m_ticket);
        m_ticket = 0;
    } else if (m_client->isBusy()) {
        m_client->abort();
        return;
    }
    // Waiting for a token: nothing went out yet.
    m_aborted = true;
    Smtp::SubmitResult r;
    r.kind = Smtp::SubmitResult::Kind::Temporary;
    r.detail = QCoreApplication::translate("Delivery::UpstreamTransport", "cancelled");
    finishLater(r);
}

TestModeTransport::TestModeTransport(const QString& folder, QObject* parent)
    : Transport(parent), m_folder(folder)
{}

void TestModeTransport::deliver(const Spool::Entry& entry, const QByteArray& content)
{
    Smtp::SubmitResult r;
    // The saved messages are as private as the spool: folder 0700, files 0600.
    if (QDir().mkpath(m_folder))
        QFile::setPermissions(m_folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path = QDir(m_folder).filePath(entry.id + QLatin1String(".eml"));
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) &&
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
        file.write(content) == content.size() && file.commit()) {
        r.kind = Smtp::SubmitResult::Kind::Delivered;
        r.dataSent = true;
        r.reply = Smtp::Reply::make(250, QStringLiteral("2.0.0"),
                                    QStringLiteral("Test mode: saved as %1, not sent").arg(path));
        r.detail =
            QCoreApplication::translate("Delivery::TestModeTransport", "Saved as %1 (test mode, not sent).")
                .arg(path);
    } else {
        r.kind = Smtp::SubmitResult::Kind::Temporary;
        r.reply = Smtp::Reply::make(451, QStringLiteral("4.3.0"),
                                    QStringLiteral("Test mode: cannot write %1").arg(path));
        r.detail =
            QCoreApplication::translate("Delivery::TestModeTransport",
                                        "Could not save %1: %2. Check the test-mode folder in Settings.")
                .arg(path, file.errorString());
    }
    QTimer::singleShot(0, this, [this, r] { emit finished(r); });
}

} // namespace Delivery
