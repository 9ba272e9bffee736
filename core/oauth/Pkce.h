#pragma once

#include <QString>

namespace OAuth {

// Proof Key for Code Exchange (RFC 7636) with the S256 method: the token
// request must show the verifier whose hash went out with the authorization
// request, so an intercepted authorization code is useless on its own.
struct Pkce
{
    QString verifier;  // 43..128 unreserved characters, kept in memory only
    QString challenge; // base64url(sha256(verifier)), no padding

    // A fresh pair from the system's cryptographic random generator.
    static Pkce generate();
    static QString challengeFor(const QString& verifier);
    // RFC 7636 4.1: 43..128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
    static bool isValidVerifier(const QString& verifier);
    // base64url of random bytes from QRandomGenerator::system(), no padding (for state values too).
    static QString randomToken(int bytes);
};

} // namespace OAuth
