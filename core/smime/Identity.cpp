#include "smime/Identity.h"

#include "smime/CertificateCheck.h"
#include "smime/CertificatePrivate.h"
#include "smime/IdentityPrivate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace Smime {

using namespace Ossl;

Identity::Identity() = default;
Identity::~Identity() = default;
Identity::Identity(const Identity&) = default;
Identity& Identity::operator=(const Identity&) = default;

bool Identity::isNull() const
{
    return !d;
}

Certificate Identity::certificate() const
{
    return d ? d->certificate : Certificate();
}

QList<Certificate> Identity::chain() const
{
    return d ? d->chain : QList<Certificate>();
}

QStringList Identity::warnings() const
{
    return d ? d->warnings : QStringList();
}

namespace {

std::optional<Identity> fail(Identity::Error code, const QString& message, QString* errorMessage,
                             Identity::Error* error)
{
    if (errorMessage)
        *errorMessage = message;
    if (error)
        *error = code;
    ERR_clear_error();
    return std::nullopt;
}

// Drains the error queue: did it fail because an algorithm is not available?
bool isUnsupportedAlgorithm()
{
    bool unsupported = false;
    while (unsigned long e = ERR_get_error()) {
        const int reason = ERR_GET_REASON(e);
        if (reason == ERR_R_UNSUPPORTED || reason == ERR_R_FETCH_FAILED ||
            (ERR_GET_LIB(e) == ERR_LIB_EVP &&
             (reason == EVP_R_UNSUPPORTED_ALGORITHM || reason == EVP_R_UNSUPPORTED_CIPHER)))
            unsupported = true;
    }
    return unsupported;
}

// Issuers of the leaf from the bag's extra certificates, leaf's issuer first.
QList<Certificate> orderChain(const Certificate& leaf, QList<Certificate> pool)
{
    QList<Certificate> chain;
    Certificate current = leaf;
    while (!current.isSelfIssued()) {
        qsizetype found = -1;
        for (qsizetype i = 0; i < pool.size(); ++i) {
            if (current.isIssuedBy(pool[i])) {
                found = i;
                break;
            }
        }
        if (found < 0)
            break;
        current = pool.takeAt(found);
        chain << current;
    }
    return chain;
}

} // namespace

std::optional<Identity> Identity::fromPkcs12(const QByteArray& data, const QString& password,
                                             QString* errorMessage, Error* error)
{
    ScopedLibContext scope;
    ERR_clear_error();

    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, long(data.size())));
    if (!p12) {
        const QString hint =
            data.contains("-----BEGIN")
                ? tr("This file holds only a certificate (PEM), without the private key. "
                     "Import the .p12 or .pfx file you received with your certificate.")
                : tr("This file is not a certificate file in PKCS#12 format (.p12 or .pfx).");
        return fail(Error::NotPkcs12, hint, errorMessage, error);
    }

    // Check the password against the MAC first: it is the only way to tell
    // "wrong password" from "damaged file". An empty password may mean
    // "no password" (NULL) or "empty string" depending on the tool that made the file.
    const QByteArray pw = password.toUtf8();
    const char* pass = pw.constData();
    if (PKCS12_mac_present(p12.get())) {
        bool ok = PKCS12_verify_mac(p12.get(), pass, int(pw.size())) == 1;
        if (!ok && pw.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1) {
            ok = true;
            pass = nullptr;
        }
        if (!ok) {
            if (isUnsupportedAlgorithm())
                return fail(
                    Error::UnsupportedEncryption,
                    tr("This certificate file uses an old protection method that cannot be read on "
                       "this computer. Ask your administrator for a file exported with AES encryption."),
                    errorMessage, error);
            return fail(Error::WrongPassword,
                        tr("The password is not correct for this certificate file. Check the password "
                           "you received with the file (it is case-sensitive)."),
                        errorMessage, error);
        }
    }

    EVP_PKEY* rawKey = nullptr;
    X509* rawCert = nullptr;
    STACK_OF(X509)* rawCa = nullptr;
    const bool parsed = PKCS12_parse(p12.get(), pass, &rawKey, &rawCert, &rawCa) == 1;
    PkeyPtr key(rawKey);
    X509Ptr cert(rawCert);
    X509StackPtr ca(rawCa);
    if (!parsed) {
        if (isUnsupportedAlgorithm() || !ScopedLibContext::legacyAvailable())
            return fail(Error::UnsupportedEncryption,
                        tr("This certificate file uses an old protection method that cannot be read on this "
                           "computer. Ask your administrator for a file exported with AES encryption."),
                        errorMessage, error);
        return fail(Error::Damaged,
                    PKCS12_mac_present(p12.get())
                        ? tr("The certificate file could not be read; it may be damaged. Ask for a new copy.")
                        : tr("The certificate file could not be read: the password may be wrong, or the file "
                             "may be damaged."),
                    errorMessage, error);
    }

    QList<Certificate> extra;
    for (int i = 0; ca && i < sk_X509_num(ca.get()); ++i)
        extra << Certificate::Private::wrap(sk_X509_value(ca.get(), i));

    if (!key)
        return fail(Error::NoPrivateKey,
                    tr("This file contains no private key, so it cannot be used to sign. Import the .p12 or "
                       ".pfx file that includes your private key."),
                    errorMessage, error);
    const auto mismatch = [&] {
        return fail(
            Error::KeyMismatch,
            tr("The private key in this file does not belong to its certificate. Ask your administrator "
               "for a correct file."),
            errorMessage, error);
    };
    if (!cert) {
        // PKCS12_parse pairs key and certificate by localKeyID or by key; an
        // end-entity certificate left over means the pair does not match.
        for (const Certificate& c : std::as_const(extra)) {
            if (!c.isCertificateAuthority())
                return mismatch();
        }
        return fail(Error::NoCertificate, tr("This file contains no certificate for its private key."),
                    errorMessage, error);
    }
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        return mismatch();

    auto priv = std::make_shared<Private>();
    priv->key = std::move(key);
    priv->certificate = Certificate::Private::wrap(cert.get());
    priv->chain = orderChain(priv->certificate, extra);
    if (!priv->certificate.isSelfIssued() && priv->chain.isEmpty()) {
        priv->warnings << tr(
            "The file does not contain the certificates of the authority that issued yours. "
            "Some recipients may not be able to check your signature; ask your administrator "
            "for a file with the full certificate chain.");
    }
    ERR_clear_error();
    if (error)
        *error = Error::None;
    Identity id;
    id.d = std::move(priv);
    return id;
}

std::optional<Identity> Identity::load(const QString& path, const QString& password, QString* errorMessage,
                                       Error* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::FileUnreadable,
                    tr("The certificate file %1 cannot be opened: %2").arg(path, file.errorString()),
                    errorMessage, error);
    return fromPkcs12(file.readAll(), password, errorMessage, error);
}

Identity::ImportResult Identity::import(const QString& path, const QString& password, const QString& destDir)
{
    ImportResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = Error::FileUnreadable;
        result.message = tr("The certificate file %1 cannot be opened: %2").arg(path, file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    std::optional<Identity> id = fromPkcs12(bytes, password, &result.message, &result.error);
    if (!id)
        return result;

    const QList<CertificateProblem> problems =
        CertificateCheck::forSigning(id->certificate(), QDateTime::currentDateTimeUtc());
    if (!problems.isEmpty()) {
        switch (problems.first().kind) {
        case CertificateProblem::Kind::Expired:
            result.error = Error::Expired;
            break;
        case CertificateProblem::Kind::NotYetValid:
            result.error = Error::NotYetValid;
            break;
        case CertificateProblem::Kind::NotForEmail:
            result.error = Error::NotForEmail;
            break;
        default:
            result.error = Error::NoSigningUsage;
        }
        result.message = problems.first().message;
        return result;
    }
    result.warnings = id->warnings();

    // Private folder, private file: it holds the user's key (encrypted, but still).
    QDir dir(destDir);
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        result.error = Error::SaveFailed;
    QFile::setPermissions(destDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString target = dir.filePath(id->certificate().fingerprint().left(16) + QLatin1String(".p12"));
    QSaveFile out(target);
    if (result.error == Error::None && out.open(QIODevice::WriteOnly) &&
        out.setPermissions(QFile::ReadOwner | QFile::WriteOwner) && out.write(bytes) == bytes.size() &&
        out.commit()) {
        result.storedPath = target;
        return result;
    }
    result.error = Error::SaveFailed;
    result.message = tr("The certificate could not be saved in %1: %2").arg(destDir, out.errorString());
    result.warnings.clear();
    return result;
}

} // namespace Smime
