#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

class QHostAddress;

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
    // With Security::None, sign in even to a server that is not on this
    // computer (the account's allow_plaintext_auth): the password or token
    // then crosses the network readable by anyone on the way.
    bool allowPlaintextAuth = false;
    QString heloName = QStringLiteral("localhost");
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 120000; // per reply; RFC 5321 4.5.3.2 suggests minutes
    // Makes a 7-bit copy of an 8-bit message for a server without 8BITMIME;
    // unset or nullopt: such a message is refused with a clear reason.
    std::function<std::optional<QByteArray>(const QByteArray&)> toSevenBit;
    // Seam for tests: whether the connected server counts as on this computer.
    // Unset: its address is a loopback address (127.0.0.0/8, ::1).
    std::function<bool(const QHostAddress&)> isLocalPeer;
};

} // namespace Smtp
