#include "smime/Encryptor.h"

#include "smime/CertificatePrivate.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/Signer.h"
#include "smime/TransferEncoding.h"

namespace Smime {

using namespace Ossl;

std::optional<QByteArray> Encryptor::encrypt(const QByteArray& message, const QList<Certificate>& recipients,
                                             QString* error)
{
    if (recipients.isEmpty())
        return fail(tr("The message cannot be encrypted: there are no recipients' certificates."), error);
    MimeCanonicalizer::Result parts = MimeCanonicalizer::canonicalize(message);
    if (parts.status == MimeCanonicalizer::Status::AlreadyProtected)
        parts = MimeCanonicalizer::separate(message); // e.g. our own multipart/signed: wrap it as it is
    if (parts.status == MimeCanonicalizer::Status::Malformed)
        return fail(parts.error, error);

    ScopedLibContext scope;
    ERR_clear_error();
    X509StackPtr certs(sk_X509_new_null());
    for (const Certificate& c : recipients) {
        X509* x = Certificate::Private::handle(c);
        if (!x)
            continue;
        bool duplicate = false;
        for (int i = 0; i < sk_X509_num(certs.get()); ++i)
            duplicate = duplicate || X509_cmp(sk_X509_value(certs.get(), i), x) == 0;
        if (duplicate)
            continue;
        X509_up_ref(x);
        sk_X509_push(certs.get(), x);
    }

    // Encryption needs the entity in one piece anyway (CMS reads it once).
    const QByteArray entity = parts.entityBytes();
    BioPtr in = readBio(entity);
    CmsPtr cms(CMS_encrypt(certs.get(), in.get(), EVP_aes_256_cbc(), CMS_BINARY));
    if (!cms)
        return fail(tr("The message could not be encrypted (%1).").arg(takeErrors()), error);
    unsigned char* der = nullptr;
    const int n = i2d_CMS_ContentInfo(cms.get(), &der);
    if (n <= 0)
        return fail(tr("The message could not be encrypted (%1).").arg(takeErrors()), error);

    QByteArray out;
    out.reserve(parts.outerHeaders.size() + n / 3 * 4 + n / 28 + 512);
    out += parts.outerHeaders;
    out += "MIME-Version: 1.0\r\n"
           "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
           "Content-Description: S/MIME Encrypted Message\r\n"
           "\r\n";
    TransferEncoding::appendBase64(out, QByteArrayView(reinterpret_cast<const char*>(der), n));
    OPENSSL_free(der);
    return out;
}

std::optional<QByteArray> Encryptor::signAndEncrypt(const QByteArray& message, const Identity& sender,
                                                    const QList<Certificate>& recipients, QString* error)
{
    QList<Certificate> all = recipients;
    all << sender.certificate();
    // Signed (or sealed) by the mail program already: signing again would
    // break that, but it is still encrypted, never sent as it is.
    if (MimeCanonicalizer::isProtected(message))
        return encrypt(message, all, error);
    const std::optional<QByteArray> signedMessage = Signer::sign(message, sender, error);
    if (!signedMessage)
        return std::nullopt;
    return encrypt(*signedMessage, all, error);
}

} // namespace Smime
