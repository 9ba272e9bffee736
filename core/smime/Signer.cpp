#include "smime/Signer.h"

#include "smime/CertificateCheck.h"
#include "smime/CertificatePrivate.h"
#include "smime/IdentityPrivate.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/TransferEncoding.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace Smime {

using namespace Ossl;

namespace {

QByteArray newBoundary()
{
    quint32 r[4];
    QRandomGenerator::system()->fillRange(r);
    return "=-yubisashi-" + QByteArray(reinterpret_cast<const char*>(r), sizeof r).toHex();
}

} // namespace

std::optional<QByteArray> Signer::signature(QByteArrayView entity, const Identity& identity, QString* error)
{
    if (identity.isNull())
        return fail(tr("No signing certificate is set up."), error);
    ScopedLibContext scope;
    ERR_clear_error();
    const Identity::Private* id = identity.d_func();
    X509* cert = Certificate::Private::handle(id->certificate);

    constexpr unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    // No default capabilities: ours say what we can decrypt, strongest first.
    CMS_SignerInfo* si =
        cms ? CMS_add1_signer(cms.get(), cert, id->key.get(), EVP_sha256(), flags | CMS_NOSMIMECAP) : nullptr;
    if (!si)
        return fail(tr("The message could not be signed (%1).").arg(takeErrors()), error);

    STACK_OF(X509_ALGOR)* rawCaps = nullptr;
    bool ok = CMS_add_simple_smimecap(&rawCaps, NID_aes_256_gcm, -1) &&
              CMS_add_simple_smimecap(&rawCaps, NID_aes_256_cbc, -1) &&
              CMS_add_simple_smimecap(&rawCaps, NID_aes_128_cbc, -1);
    AlgorStackPtr caps(rawCaps);
    ok = ok && CMS_add_smimecap(si, caps.get());

    ASN1_TIME* now = X509_gmtime_adj(nullptr, 0);
    ok = ok && now && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, now->type, now, -1);
    ASN1_TIME_free(now);

    for (const Certificate& c : id->chain)
        ok = ok && CMS_add1_cert(cms.get(), Certificate::Private::handle(c));

    BioPtr in = readBio(entity);
    ok = ok && in && CMS_final(cms.get(), in.get(), nullptr, CMS_DETACHED | CMS_BINARY);
    if (!ok)
        return fail(tr("The message could not be signed (%1).").arg(takeErrors()), error);

    unsigned char* der = nullptr;
    const int n = i2d_CMS_ContentInfo(cms.get(), &der);
    if (n <= 0)
        return fail(tr("The message could not be signed (%1).").arg(takeErrors()), error);
    QByteArray out(reinterpret_cast<const char*>(der), n);
    OPENSSL_free(der);
    return out;
}

std::optional<QByteArray> Signer::sign(const QByteArray& message, const Identity& identity, QString* error)
{
    if (identity.isNull())
        return fail(tr("No signing certificate is set up for this account. Import your certificate (.p12 or "
                       ".pfx) in Settings."),
                    error);
    const QList<CertificateProblem> problems =
        CertificateCheck::forSigning(identity.certificate(), QDateTime::currentDateTimeUtc());
    if (!problems.isEmpty())
        return fail(problems.first().message, error);

    const MimeCanonicalizer::Result canonical = MimeCanonicalizer::canonicalize(message);
    if (canonical.status == MimeCanonicalizer::Status::AlreadyProtected)
        return message;
    if (canonical.status == MimeCanonicalizer::Status::Malformed)
        return fail(canonical.error, error);

    const qsizetype entitySize = canonical.entitySize();
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QByteArray boundary = newBoundary();
        QByteArray out;
        // One buffer for the whole result: the entity is copied once, straight
        // into place, and signed where it lies.
        out.reserve(canonical.outerHeaders.size() + entitySize + 16 * 1024);
        out += canonical.outerHeaders;
        out += "MIME-Version: 1.0\r\n"
               "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n"
               "\tboundary=\"";
        out += boundary;
        out += "\"\r\n\r\n"
               "This is a cryptographically signed message in MIME format.\r\n\r\n--";
        out += boundary;
        out += "\r\n";
        const qsizetype entityStart = out.size();
        for (const QByteArray& piece : canonical.entity)
            out += piece;
        const QByteArrayView entity = QByteArrayView(out).sliced(entityStart, entitySize);
        if (entity.contains(boundary))
            continue; // practically never: 128 random bits
        const std::optional<QByteArray> der = signature(entity, identity, error);
        if (!der)
            return std::nullopt;
        out += "\r\n--";
        out += boundary;
        out += "\r\n"
               "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
               "Content-Transfer-Encoding: base64\r\n"
               "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
               "Content-Description: S/MIME Cryptographic Signature\r\n"
               "\r\n";
        TransferEncoding::appendBase64(out, *der);
        out += "\r\n--";
        out += boundary;
        out += "--\r\n";
        return out;
    }
    return fail(tr("The message could not be signed (no free MIME boundary)."), error);
}

} // namespace Smime
