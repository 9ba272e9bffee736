#pragma once

// Internal to core/smime: the only header that includes OpenSSL. Never include
// it from outside this folder; public headers use pimpl.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <memory>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <optional>

namespace Smime::Ossl {

// RAII owners for the OpenSSL objects we hold.
template <typename T, void (*F)(T*)> struct Deleter
{
    void operator()(T* p) const { F(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7, PKCS7_free>>;

struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

struct AlgorStackDeleter
{
    void operator()(STACK_OF(X509_ALGOR) * s) const { sk_X509_ALGOR_pop_free(s, X509_ALGOR_free); }
};
using AlgorStackPtr = std::unique_ptr<STACK_OF(X509_ALGOR), AlgorStackDeleter>;

// Makes our library context (default + legacy providers) the current thread's
// default for the lifetime of the guard, so every implicit fetch inside
// OpenSSL (PKCS#12 decryption, CMS) sees the legacy algorithms (RC2-40, 3DES)
// without loading them into the process-wide default context that Qt's TLS
// backend shares.
class ScopedLibContext
{
public:
    ScopedLibContext();
    ~ScopedLibContext();
    ScopedLibContext(const ScopedLibContext&) = delete;
    ScopedLibContext& operator=(const ScopedLibContext&) = delete;

    static bool legacyAvailable();

private:
    OSSL_LIB_CTX* m_previous = nullptr;
};

// A read-only memory BIO over bytes we already hold: no copy.
BioPtr readBio(QByteArrayView bytes);
QByteArray bioContents(BIO* bio);
// The OpenSSL error queue as one line for logs and test failures; clears it.
QString takeErrors();
// Ends a failed operation: the message for the caller, the error queue emptied.
std::nullopt_t fail(const QString& message, QString* error);
QDateTime toDateTime(const ASN1_TIME* t);

} // namespace Smime::Ossl
