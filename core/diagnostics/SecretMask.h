#pragma once

#include <QString>

namespace Diagnostics {

// Keeps secrets out of every log line and out of the diagnostics text.
// Core code already writes "<credentials>" where an SMTP AUTH line would go
// (Smtp::SmtpClient::send) and never logs a token; this is the second line of
// defence at the one place every line passes (app/Logging), for what a
// future change or a third-party message might let through:
//  - the argument of "AUTH PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5 …",
//  - "Bearer …" and "auth=Bearer …" (XOAUTH2),
//  - the value of password/passwd/secret/token/access_token/refresh_token/
//    id_token/client_secret/code_verifier/device_code/smime_password/
//    local_password written as key=value, key: value or "key": "value",
//  - an OAuth "code=" in a URL query, and a URL's user:password@,
//  - any secret registered with addSecret() (the local mail-client passwords),
//    and its base64 form (AUTH LOGIN), wherever it appears.
class SecretMask
{
public:
    static constexpr QLatin1StringView Hidden{"****"};

    static QString mask(const QString& text);
    // Thread-safe. Values shorter than 4 characters are ignored (they would
    // hide ordinary words); the same value twice is kept once.
    static void addSecret(const QString& secret);
    static void clearSecrets(); // tests
};

} // namespace Diagnostics
