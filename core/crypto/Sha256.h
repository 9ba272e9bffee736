#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st; // OpenSSL's EVP_MD_CTX, kept out of this header

namespace Crypto {

// Incremental SHA-256 through OpenSSL's libcrypto (linked for S/MIME anyway).
// Not QCryptographicHash: Qt 6.4's own implementation hashes a 25 MB
// attachment in about 115 ms against OpenSSL's 16 ms on the same machine,
// which alone would exceed the 100 ms budget of `check` on a 25 MB message
// (DESIGN, Performance). Its own module so that core/mime, which hashes
// attachments while it parses, includes no OpenSSL header and does not
// depend on core/smime (which depends on core/mime).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView data);
    // The 32-byte digest of everything added so far; the running hash goes
    // on. Empty when OpenSSL could not allocate its context.
    QByteArray result() const;

private:
    evp_md_ctx_st* m_context;
};

} // namespace Crypto
