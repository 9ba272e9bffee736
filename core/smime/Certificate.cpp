#include "smime/Certificate.h"

#include "smime/CertificatePrivate.h"

#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/x509v3.h>

namespace Smime {

using namespace Ossl;

Certificate Certificate::Private::wrap(X509* x)
{
    if (!x)
        return {};
    X509_up_ref(x);
    auto p = std::make_shared<Private>();
    p->x509.reset(x);
    return fromPrivate(std::move(p));
}

Certificate::Certificate() = default;
Certificate::~Certificate() = default;
Certificate::Certificate(const Certificate&) = default;
Certificate& Certificate::operator=(const Certificate&) = default;

Certificate Certificate::fromPrivate(std::shared_ptr<const Private> p)
{
    Certificate c;
    c.d = std::move(p);
    return c;
}

namespace {

QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 order, but keep UTF-8 as is: the names are shown to people.
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioContents(bio.get()));
}

QList<Certificate> fromPkcs7(PKCS7* p7)
{
    QList<Certificate> out;
    STACK_OF(X509)* certs = nullptr;
    if (p7 && PKCS7_type_is_signed(p7) && p7->d.sign)
        certs = p7->d.sign->cert;
    for (int i = 0; certs && i < sk_X509_num(certs); ++i)
        out << Certificate::Private::wrap(sk_X509_value(certs, i));
    return out;
}

} // namespace

QList<Certificate> Certificate::fromData(const QByteArray& data)
{
    ScopedLibContext scope;
    QList<Certificate> out;
    if (data.contains("-----BEGIN")) {
        BioPtr bio = readBio(data);
        while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            out << Private::wrap(x);
            X509_free(x);
        }
        if (out.isEmpty()) {
            BioPtr again = readBio(data);
            Pkcs7Ptr p7(PEM_read_bio_PKCS7(again.get(), nullptr, nullptr, nullptr));
            out = fromPkcs7(p7.get());
        }
    } else {
        out << fromDer(data);
        if (out.first().isNull()) {
            out.clear();
            BioPtr bio = readBio(data);
            Pkcs7Ptr p7(d2i_PKCS7_bio(bio.get(), nullptr));
            out = fromPkcs7(p7.get());
        }
    }
    ERR_clear_error();
    return out;
}

Certificate Certificate::fromDer(const QByteArray& der)
{
    ScopedLibContext scope;
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr x(d2i_X509(nullptr, &p, long(der.size())));
    ERR_clear_error();
    return Private::wrap(x.get());
}

bool Certificate::isNull() const
{
    return !d;
}

QString Certificate::subject() const
{
    return d ? nameToString(X509_get_subject_name(d->x509.get())) : QString();
}

QString Certificate::issuer() const
{
    return d ? nameToString(X509_get_issuer_name(d->x509.get())) : QString();
}

QString Certificate::commonName() const
{
    if (!d)
        return {};
    const X509_NAME* name = X509_get_subject_name(d->x509.get());
    int i = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (i < 0)
        return {};
    unsigned char* utf8 = nullptr;
    int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
    if (n < 0)
        return {};
    QString cn = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
    OPENSSL_free(utf8);
    return cn;
}

QStringList Certificate::emailAddresses() const
{
    QStringList out;
    if (!d)
        return out;
    // X509_get1_email reads both the subject's emailAddress and SAN rfc822Name.
    STACK_OF(OPENSSL_STRING)* emails = X509_get1_email(d->x509.get());
    for (int i = 0; emails && i < sk_OPENSSL_STRING_num(emails); ++i) {
        const QString a = QString::fromUtf8(sk_OPENSSL_STRING_value(emails, i)).trimmed().toLower();
        if (!a.isEmpty() && !out.contains(a))
            out << a;
    }
    X509_email_free(emails);
    return out;
}

bool Certificate::hasEmailAddress(const QString& address) const
{
    const QString a = address.trimmed();
    for (const QString& e : emailAddresses()) {
        if (e.compare(a, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QDateTime Certificate::notBefore() const
{
    return d ? toDateTime(X509_get0_notBefore(d->x509.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return d ? toDateTime(X509_get0_notAfter(d->x509.get())) : QDateTime();
}

QString Certificate::fingerprint() const
{
    if (!d)
        return {};
    ScopedLibContext scope;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!X509_digest(d->x509.get(), EVP_sha256(), md, &n))
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(md), int(n)).toHex());
}

bool Certificate::hasKeyUsage() const
{
    return d && (X509_get_extension_flags(d->x509.get()) & EXFLAG_KUSAGE);
}

unsigned Certificate::keyUsage() const
{
    if (!d)
        return 0;
    const uint32_t ku = X509_get_key_usage(d->x509.get());
    unsigned out = 0;
    if (ku & KU_DIGITAL_SIGNATURE)
        out |= DigitalSignature;
    if (ku & KU_NON_REPUDIATION)
        out |= NonRepudiation;
    if (ku & KU_KEY_ENCIPHERMENT)
        out |= KeyEncipherment;
    if (ku & KU_KEY_AGREEMENT)
        out |= KeyAgreement;
    if (ku & KU_KEY_CERT_SIGN)
        out |= KeyCertSign;
    return out;
}

bool Certificate::hasExtendedKeyUsage() const
{
    return d && (X509_get_extension_flags(d->x509.get()) & EXFLAG_XKUSAGE);
}

QStringList Certificate::extendedKeyUsage() const
{
    QStringList out;
    if (!hasExtendedKeyUsage())
        return out;
    auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(d->x509.get(), NID_ext_key_usage, nullptr, nullptr));
    for (int i = 0; eku && i < sk_ASN1_OBJECT_num(eku); ++i) {
        const ASN1_OBJECT* o = sk_ASN1_OBJECT_value(eku, i);
        const int nid = OBJ_obj2nid(o);
        if (nid != NID_undef) {
            out << QString::fromLatin1(OBJ_nid2sn(nid));
        } else {
            char buf[128];
            OBJ_obj2txt(buf, sizeof buf, o, 1);
            out << QString::fromLatin1(buf);
        }
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return out;
}

bool Certificate::allowsEmailProtection() const
{
    if (!d)
        return false;
    const uint32_t xku = X509_get_extended_key_usage(d->x509.get());
    return (xku & XKU_SMIME) || (xku & XKU_ANYEKU);
}

bool Certificate::isCertificateAuthority() const
{
    return d && X509_check_ca(d->x509.get()) > 0;
}

bool Certificate::isSelfIssued() const
{
    return d && X509_check_issued(d->x509.get(), d->x509.get()) == X509_V_OK;
}

bool Certificate::isIssuedBy(const Certificate& issuer) const
{
    return d && issuer.d && X509_check_issued(issuer.d->x509.get(), d->x509.get()) == X509_V_OK;
}

QString Certificate::keyDescription() const
{
    if (!d)
        return {};
    const EVP_PKEY* key = X509_get0_pubkey(d->x509.get());
    if (!key)
        return {};
    QString type;
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        type = QStringLiteral("RSA");
        break;
    case EVP_PKEY_EC:
        type = QStringLiteral("EC");
        break;
    case EVP_PKEY_ED25519:
        type = QStringLiteral("Ed25519");
        break;
    default:
        type = QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
    }
    return type + QLatin1Char(' ') + QString::number(EVP_PKEY_get_bits(key));
}

QByteArray Certificate::toPem() const
{
    if (!d)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), d->x509.get());
    return bioContents(bio.get());
}

bool Certificate::operator==(const Certificate& other) const
{
    if (!d || !other.d)
        return !d && !other.d;
    return X509_cmp(d->x509.get(), other.d->x509.get()) == 0;
}

} // namespace Smime
