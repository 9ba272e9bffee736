#include "oauth/Tokens.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringList>

namespace OAuth {

namespace {

// When a server leaves expires_in out (RFC 6749 makes it only RECOMMENDED),
// assume the usual hour; a 535 later makes us refresh anyway.
constexpr qint64 kDefaultLifetime = 3600;

} // namespace

bool Tokens::fromJson(const QJsonObject& json, Tokens* tokens, QString* error)
{
    *tokens = Tokens();
    tokens->accessToken = json.value(QLatin1String("access_token")).toString();
    const QString type = json.value(QLatin1String("token_type")).toString();
    if (tokens->accessToken.isEmpty() ||
        (!type.isEmpty() && type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)) {
        *error = QCoreApplication::translate(
            "OAuth::Tokens", "The sign-in server sent an answer without a usable access token.");
        return false;
    }
    tokens->refreshToken = json.value(QLatin1String("refresh_token")).toString();
    tokens->idToken = json.value(QLatin1String("id_token")).toString();
    // Some servers send expires_in as a string.
    const qint64 lifetime = json.value(QLatin1String("expires_in")).toVariant().toLongLong();
    tokens->lifetimeSeconds = lifetime > 0 ? lifetime : kDefaultLifetime;
    tokens->expiry = QDeadlineTimer(tokens->lifetimeSeconds * 1000);
    return true;
}

QString Tokens::addressFromIdToken(const QString& idToken)
{
    const QStringList parts = idToken.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return QString();
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return QString();
    const QJsonObject claims = QJsonDocument::fromJson(*decoded).object();
    for (const char* claim : {"email", "preferred_username", "upn"}) {
        const QString v = claims.value(QLatin1String(claim)).toString().trimmed();
        if (v.contains(QLatin1Char('@')))
            return v;
    }
    return QString();
}

} // namespace OAuth
