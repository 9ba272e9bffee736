#include "smime/OpenSsl.h"

#include "smime/Library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <ctime>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/provider.h>

namespace Smime::Ossl {

namespace {

struct LibContext
{
    OSSL_LIB_CTX* ctx = nullptr;
    bool legacy = false;
};

// The Windows and macOS packages ship OpenSSL's legacy provider (old PKCS#12
// files need it) next to the program, since the module folder compiled into
// their libcrypto is the build machine's. Linux distributions put it where
// their libcrypto looks already.
QString shippedModuleFolder()
{
    if (!QCoreApplication::instance())
        return {};
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString& candidate :
         {QStringLiteral("ossl-modules"), QStringLiteral("../PlugIns/ossl-modules")}) {
        if (QFile::exists(appDir.filePath(candidate)))
            return QDir::cleanPath(appDir.filePath(candidate));
    }
    return {};
}

// Created once and never freed: the providers must outlive every key and
// certificate object, and objects may live until static destruction.
const LibContext& libContext()
{
    static LibContext context;
    static std::once_flag once;
    std::call_once(once, [] {
        context.ctx = OSSL_LIB_CTX_new();
        if (!context.ctx)
            return;
        if (const QString folder = shippedModuleFolder(); !folder.isEmpty())
            OSSL_PROVIDER_set_default_search_path(context.ctx, QFile::encodeName(folder).constData());
        OSSL_PROVIDER_load(context.ctx, "default");
        context.legacy = OSSL_PROVIDER_load(context.ctx, "legacy") != nullptr;
        ERR_clear_error(); // a missing legacy module is not an error of the next operation
    });
    return context;
}

} // namespace

ScopedLibContext::ScopedLibContext()
{
    OSSL_LIB_CTX* ctx = libContext().ctx;
    if (ctx)
        m_previous = OSSL_LIB_CTX_set0_default(ctx);
}

ScopedLibContext::~ScopedLibContext()
{
    if (libContext().ctx)
        OSSL_LIB_CTX_set0_default(m_previous);
}

bool ScopedLibContext::legacyAvailable()
{
    return libContext().legacy;
}

BioPtr readBio(QByteArrayView bytes)
{
    // BIO_new_mem_buf takes an int length; messages are far below 2 GB (the spool refuses more).
    return BioPtr(BIO_new_mem_buf(bytes.data(), int(bytes.size())));
}

QByteArray bioContents(BIO* bio)
{
    BUF_MEM* mem = nullptr;
    BIO_get_mem_ptr(bio, &mem);
    if (!mem)
        return {};
    return QByteArray(mem->data, qsizetype(mem->length));
}

QString takeErrors()
{
    QStringList parts;
    char buf[256];
    while (unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QLatin1String("; "));
}

std::nullopt_t fail(const QString& message, QString* error)
{
    if (error)
        *error = message;
    ERR_clear_error();
    return std::nullopt;
}

QDateTime toDateTime(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (!t || !ASN1_TIME_to_tm(t, &tm))
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

} // namespace Smime::Ossl

namespace Smime {

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace Smime
