#pragma once

#include "smime/Certificate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Smime {

// Recipients' certificates for encryption: a folder of PEM files in app data,
// one file per certificate, named after its SHA-256 fingerprint.
class CertificateStore
{
    Q_DECLARE_TR_FUNCTIONS(Smime::CertificateStore)

public:
    explicit CertificateStore(const QString& folder);

    QString folder() const { return m_folder; }

    // .cer/.crt/.der/.pem (one or more certificates), .p7c/.p7b (PKCS#7
    // certificates-only) or .p12/.pfx (only the certificates are kept; the
    // password is needed to read them). Authority (CA) certificates and
    // certificates without an e-mail address are skipped. Returns the
    // certificates added (or already there); empty with *error on failure.
    QList<Certificate> importFile(const QString& path, const QString& password = QString(),
                                  QString* error = nullptr);
    QList<Certificate> importData(const QByteArray& data, const QString& password = QString(),
                                  QString* error = nullptr);

    QList<Certificate> certificates() const;
    bool remove(const QString& fingerprint, QString* error = nullptr);
    // Every stored certificate naming this address (case-insensitive), usable or not.
    QList<Certificate> findByAddress(const QString& address) const;
    // The usable certificate for encrypting to `address` (valid now, meant for
    // e-mail, may encrypt), the one that stays valid longest; nullopt if none.
    std::optional<Certificate>
    encryptionCertificate(const QString& address,
                          const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

private:
    QString m_folder;
};

} // namespace Smime
