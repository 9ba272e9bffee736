#pragma once

#include "smime/Certificate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Smime {

// Why a certificate cannot be used, in words a person can act on.
struct CertificateProblem
{
    enum class Kind
    {
        Expired,
        NotYetValid,
        NotForEmail,
        NoSigningUsage,
        NoEncryptionUsage,
        AddressMismatch
    };
    Kind kind = Kind::Expired;
    QString message; // translated, one or two sentences
};

// The checks before signing with one's own certificate or encrypting to a recipient's.
class CertificateCheck
{
    Q_DECLARE_TR_FUNCTIONS(Smime::CertificateCheck)

public:
    // Expired / not yet valid / no emailProtection / key not allowed to sign;
    // and, when fromAddress is not empty, the address is not in the certificate.
    static QList<CertificateProblem> forSigning(const Certificate& cert, const QDateTime& now,
                                                const QString& fromAddress = QString());
    // The same for a recipient's certificate: "address" names the recipient in the messages.
    static QList<CertificateProblem> forEncryption(const Certificate& cert, const QDateTime& now,
                                                   const QString& address = QString());
};

} // namespace Smime
