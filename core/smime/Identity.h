#pragma once

#include "smime/Certificate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Smime {

// The user's own certificate with its private key and chain, read from a
// PKCS#12 file (.p12/.pfx): modern (AES-256/PBKDF2) or legacy (3DES, RC2-40).
class Identity
{
    Q_DECLARE_TR_FUNCTIONS(Smime::Identity)

public:
    enum class Error
    {
        None,
        FileUnreadable,
        NotPkcs12,
        WrongPassword,
        UnsupportedEncryption, // legacy algorithm and no legacy provider on this system
        Damaged,
        NoPrivateKey,
        NoCertificate,
        KeyMismatch,
        // From import(): the certificate cannot sign mail (see CertificateCheck).
        Expired,
        NotYetValid,
        NotForEmail,
        NoSigningUsage,
        SaveFailed,
    };

    struct ImportResult
    {
        Error error = Error::None;
        QString message;      // translated; empty on success
        QString storedPath;   // the copy in destDir, on success
        QStringList warnings; // translated (e.g. the chain is missing)
        bool ok() const { return error == Error::None; }
    };

    Identity();
    ~Identity();
    Identity(const Identity&);
    Identity& operator=(const Identity&);

    static std::optional<Identity> fromPkcs12(const QByteArray& data, const QString& password,
                                              QString* errorMessage = nullptr, Error* error = nullptr);
    static std::optional<Identity> load(const QString& path, const QString& password,
                                        QString* errorMessage = nullptr, Error* error = nullptr);
    // Reads the file, refuses a certificate that cannot sign mail now, and saves
    // a copy (owner read/write only) in destDir, named after the certificate's
    // fingerprint. The caller stores storedPath in smime_p12 and the password in the keychain.
    static ImportResult import(const QString& path, const QString& password, const QString& destDir);

    bool isNull() const;
    Certificate certificate() const;
    // Issuers from the file, in order: the leaf's issuer first. Never contains the leaf.
    QList<Certificate> chain() const;
    QStringList warnings() const; // translated

    // Convenience over certificate().
    QString subject() const { return certificate().subject(); }
    QString issuer() const { return certificate().issuer(); }
    QStringList emailAddresses() const { return certificate().emailAddresses(); }

    struct Private;
    const Private* d_func() const { return d.get(); }

private:
    std::shared_ptr<const Private> d;
};

} // namespace Smime
