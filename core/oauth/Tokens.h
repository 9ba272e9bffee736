#pragma once

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace OAuth {

// A successful token response (RFC 6749 5.1). Held in memory only; the
// refresh token goes to the SecretStore and nowhere else.
struct Tokens
{
    QString accessToken;
    QString refreshToken; // empty when the server did not issue a new one
    QString idToken;      // OpenID Connect, when the scopes asked for it
    qint64 lifetimeSeconds = 0;
    QDeadlineTimer expiry; // monotonic, so a changed wall clock does not matter

    // Parses a token endpoint answer. False (error set, in plain words) when it
    // lacks an access token or is not a bearer token.
    static bool fromJson(const QJsonObject& json, Tokens* tokens, QString* error);
    // The "email" (Google) or "preferred_username" (Microsoft) claim of an
    // id_token. The signature is not checked: the token came straight from the
    // token endpoint over TLS (OpenID Connect Core 3.1.3.7) and is only used
    // to show who signed in.
    static QString addressFromIdToken(const QString& idToken);
};

} // namespace OAuth

Q_DECLARE_METATYPE(OAuth::Tokens)
