#include "delivery/UpstreamTransport.h"

#include "settings/SecretStore.h"
#include "smtp/SmtpClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QTimer>

namespace Delivery {

UpstreamTransport::UpstreamTransport(const Settings::Account& account, int timeoutSeconds,
                                     Settings::SecretStore* secrets, QObject* parent)
    : Transport(parent), m_account(account), m_timeoutSeconds(timeoutSeconds), m_secrets(secrets),
      m_client(new Smtp::SmtpClient(this))
{
    connect(m_client, &Smtp::SmtpClient::finished, this, &Transport::finished);
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
    c.commandTimeoutMs = timeoutSeconds * 1000;
    c.connectTimeoutMs = qMin(timeoutSeconds, 30) * 1000;
    return c;
}

void UpstreamTransport::deliver(const Spool::Entry& entry, const QByteArray& content)
{
    Smtp::UpstreamConfig config = upstreamConfig(m_account, m_timeoutSeconds);
    if (config.host.isEmpty()) {
        Smtp::SubmitResult r;
        r.kind = Smtp::SubmitResult::Kind::Configuration;
        r.reply = Smtp::Reply::make(451, QStringLiteral("4.3.5"), QStringLiteral("Account not configured"));
        r.detail = QCoreApplication::translate("Delivery::UpstreamTransport",
                                               "The account \"%1\" is not configured any more. Add it again in "
                                               "Settings, or delete the message from the queue.")
                       .arg(m_account.name);
        QTimer::singleShot(0, this, [this, r] { emit finished(r); });
        return;
    }
    if (config.auth == Smtp::AuthMethod::Plain || config.auth == Smtp::AuthMethod::Login) {
        QString error;
        const std::optional<QString> password =
            m_secrets ? m_secrets->read(m_account.name + QLatin1String("/password"), &error) : std::nullopt;
        if (!password) {
            Smtp::SubmitResult r;
            r.kind = Smtp::SubmitResult::Kind::Configuration;
            r.reply = Smtp::Reply::make(454, QStringLiteral("4.7.0"),
                                        QStringLiteral("Upstream password not available"));
            r.detail = error.isEmpty()
                           ? QCoreApplication::translate("Delivery::UpstreamTransport",
                                                         "No password is stored for account \"%1\". Enter it "
                                                         "in Settings.")
                                 .arg(m_account.name)
                           : QCoreApplication::translate("Delivery::UpstreamTransport",
                                                         "The password for account \"%1\" could not be read: %2")
                                 .arg(m_account.name, error);
            QTimer::singleShot(0, this, [this, r] { emit finished(r); });
            return;
        }
        config.secret = *password;
    }
    m_client->submit(config, entry.envelope, content);
}

void UpstreamTransport::abort()
{
    m_client->abort();
}

TestModeTransport::TestModeTransport(const QString& folder, QObject* parent) : Transport(parent), m_folder(folder)
{
}

void TestModeTransport::deliver(const Spool::Entry& entry, const QByteArray& content)
{
    Smtp::SubmitResult r;
    // The saved messages are as private as the spool: folder 0700, files 0600.
    if (QDir().mkpath(m_folder))
        QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path = QDir(m_folder).filePath(entry.id + QLatin1String(".eml"));
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) &&
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
        file.write(content) == content.size() && file.commit()) {
        r.kind = Smtp::SubmitResult::Kind::Delivered;
        r.dataSent = true;
        r.reply = Smtp::Reply::make(250, QStringLiteral("2.0.0"),
                                    QStringLiteral("Test mode: saved as %1, not sent").arg(path));
        r.detail = QCoreApplication::translate("Delivery::TestModeTransport", "Saved as %1 (test mode, not sent).")
                       .arg(path);
    } else {
        r.kind = Smtp::SubmitResult::Kind::Temporary;
        r.reply = Smtp::Reply::make(451, QStringLiteral("4.3.0"),
                                    QStringLiteral("Test mode: cannot write %1").arg(path));
        r.detail = QCoreApplication::translate("Delivery::TestModeTransport",
                                               "Could not save %1: %2. Check the test-mode folder in Settings.")
                       .arg(path, file.errorString());
    }
    QTimer::singleShot(0, this, [this, r] { emit finished(r); });
}

} // namespace Delivery
