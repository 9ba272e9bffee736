#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace Smtp {

enum class Security
{
    StartTls,
    Tls,
    None
};
enum class AuthMethod
{
    Plain,
    Login,
    XOAuth2,
    None
};

// Everything SmtpClient needs to reach one submission server.
struct UpstreamConfig
{
    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    AuthMethod auth = AuthMethod::Login;
    QString user;
    QString secret; // password, or the OAuth access token for XOAuth2
    QString caFile; // extra PEM CA bundle, added to the system store
    QString heloName = QStringLiteral("localhost");
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 120000; // per reply; RFC 5321 4.5.3.2 suggests minutes
    // Makes a 7-bit copy of an 8-bit message for a server without 8BITMIME;
    // unset or nullopt: such a message is refused with a clear reason.
    std::function<std::optional<QByteArray>(const QByteArray&)> toSevenBit;
};

} // namespace Smtp
