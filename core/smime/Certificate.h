#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace Smime {

// One X.509 certificate: an immutable value (copies share the parsed object).
class Certificate
{
public:
    // Key usage bits we care about (RFC 5280 keyUsage).
    enum KeyUsage : unsigned
    {
        DigitalSignature = 0x1,
        NonRepudiation = 0x2,
        KeyEncipherment = 0x4,
        KeyAgreement = 0x8,
        KeyCertSign = 0x10,
    };

    Certificate();
    ~Certificate();
    Certificate(const Certificate&);
    Certificate& operator=(const Certificate&);

    // DER or PEM; a PEM or PKCS#7 (.p7c, DER or PEM) bundle gives every certificate in it.
    static QList<Certificate> fromData(const QByteArray& data);
    static Certificate fromDer(const QByteArray& der);

    bool isNull() const;
    QString subject() const; // RFC 2253 form, UTF-8 kept
    QString issuer() const;
    QString commonName() const;
    // subjectAltName rfc822Name entries and emailAddress in the subject, lower-cased, without duplicates.
    QStringList emailAddresses() const;
    bool hasEmailAddress(const QString& address) const; // case-insensitive
    QDateTime notBefore() const;                        // UTC
    QDateTime notAfter() const;
    QString fingerprint() const; // SHA-256, lower-case hex without separators
    bool hasKeyUsage() const;    // the extension is present
    unsigned keyUsage() const;   // KeyUsage bits; all bits when the extension is absent
    bool hasExtendedKeyUsage() const;
    QStringList extendedKeyUsage() const; // short names: "emailProtection", "clientAuth", ...
    // emailProtection (or anyExtendedKeyUsage) listed, or no EKU extension at all (RFC 5280: any purpose).
    bool allowsEmailProtection() const;
    bool isCertificateAuthority() const;
    bool isSelfIssued() const;
    bool isIssuedBy(const Certificate& issuer) const;
    QString keyDescription() const; // "RSA 2048", "EC 256"

    QByteArray toPem() const;

    bool operator==(const Certificate& other) const;
    bool operator!=(const Certificate& other) const { return !(*this == other); }

    struct Private;
    const Private* d_func() const { return d.get(); }
    static Certificate fromPrivate(std::shared_ptr<const Private> p);

private:
    std::shared_ptr<const Private> d;
};

} // namespace Smime
