#include "smime/CertificateStore.h"

#include "smime/CertificateCheck.h"
#include "smime/CertificatePrivate.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace Smime {

using namespace Ossl;

namespace {

// The certificates of a PKCS#12 file, without touching its key.
QList<Certificate> pkcs12Certificates(const QByteArray& data, const QString& password, bool* isPkcs12,
                                      bool* wrong)
{
    ScopedLibContext scope;
    QList<Certificate> out;
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, long(data.size())));
    *isPkcs12 = p12 != nullptr;
    if (!p12) {
        ERR_clear_error();
        return out;
    }
    const QByteArray pw = password.toUtf8();
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* ca = nullptr;
    if (PKCS12_parse(p12.get(), pw.isEmpty() ? nullptr : pw.constData(), &key, &cert, &ca) != 1) {
        *wrong = true;
        ERR_clear_error();
        return out;
    }
    EVP_PKEY_free(key);
    X509Ptr leaf(cert);
    X509StackPtr rest(ca);
    if (leaf)
        out << Certificate::Private::wrap(leaf.get());
    for (int i = 0; rest && i < sk_X509_num(rest.get()); ++i)
        out << Certificate::Private::wrap(sk_X509_value(rest.get(), i));
    return out;
}

} // namespace

CertificateStore::CertificateStore(const QString& folder) : m_folder(folder) {}

QList<Certificate> CertificateStore::importFile(const QString& path, const QString& password, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The file %1 cannot be opened: %2").arg(path, file.errorString());
        return {};
    }
    return importData(file.readAll(), password, error);
}

QList<Certificate> CertificateStore::importData(const QByteArray& data, const QString& password,
                                                QString* error)
{
    QList<Certificate> found = Certificate::fromData(data);
    if (found.isEmpty()) {
        bool isPkcs12 = false;
        bool wrong = false;
        found = pkcs12Certificates(data, password, &isPkcs12, &wrong);
        if (wrong) {
            if (error)
                *error = tr("The password is not correct for this certificate file.");
            return {};
        }
    }
    if (found.isEmpty()) {
        if (error)
            *error =
                tr("This file does not contain a certificate (expected .cer, .pem, .der, .p7c or .p12).");
        return {};
    }
    QList<Certificate> mail;
    for (const Certificate& c : std::as_const(found)) {
        if (!c.isCertificateAuthority() && !c.emailAddresses().isEmpty())
            mail << c;
    }
    if (mail.isEmpty()) {
        if (error)
            *error =
                tr("The file contains no e-mail certificate (only authority certificates or certificates "
                   "without an e-mail address).");
        return {};
    }
    QDir dir(m_folder);
    if (!dir.exists())
        dir.mkpath(QStringLiteral("."));
    QList<Certificate> added;
    for (const Certificate& c : std::as_const(mail)) {
        QSaveFile out(dir.filePath(c.fingerprint() + QLatin1String(".pem")));
        if (!out.open(QIODevice::WriteOnly) || out.write(c.toPem()) < 0 || !out.commit()) {
            if (error)
                *error = tr("The certificate could not be saved in %1: %2").arg(m_folder, out.errorString());
            return {};
        }
        added << c;
    }
    return added;
}

QList<Certificate> CertificateStore::certificates() const
{
    QList<Certificate> out;
    const QDir dir(m_folder);
    const QStringList files = dir.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out += Certificate::fromData(f.readAll());
    }
    return out;
}

bool CertificateStore::remove(const QString& fingerprint, QString* error)
{
    const QString fp = fingerprint.toLower().remove(QLatin1Char(':'));
    bool ok = fp.size() == 64;
    for (const QChar c : fp) {
        if (!c.isDigit() && (c < QLatin1Char('a') || c > QLatin1Char('f')))
            ok = false;
    }
    const QString path = QDir(m_folder).filePath(fp + QLatin1String(".pem"));
    if (!ok || !QFile::exists(path)) {
        if (error)
            *error = tr("No such certificate in the store.");
        return false;
    }
    QFile f(path);
    if (!f.remove()) {
        if (error)
            *error = tr("The certificate could not be removed: %1").arg(f.errorString());
        return false;
    }
    return true;
}

QList<Certificate> CertificateStore::findByAddress(const QString& address) const
{
    QList<Certificate> out;
    const QList<Certificate> all = certificates();
    for (const Certificate& c : all) {
        if (c.hasEmailAddress(address))
            out << c;
    }
    return out;
}

std::optional<Certificate> CertificateStore::encryptionCertificate(const QString& address,
                                                                   const QDateTime& now) const
{
    std::optional<Certificate> best;
    const QList<Certificate> candidates = findByAddress(address);
    for (const Certificate& c : candidates) {
        if (!CertificateCheck::forEncryption(c, now, address).isEmpty())
            continue;
        if (!best || c.notAfter() > best->notAfter())
            best = c;
    }
    return best;
}

} // namespace Smime
