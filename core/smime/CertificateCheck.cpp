#include "smime/CertificateCheck.h"

#include <QCoreApplication>
#include <QLocale>

namespace Smime {

namespace {

QString day(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime().date(), QLocale::LongFormat);
}

} // namespace

QList<CertificateProblem> CertificateCheck::forSigning(const Certificate& cert, const QDateTime& now,
                                                       const QString& fromAddress)
{
    using Kind = CertificateProblem::Kind;
    QList<CertificateProblem> out;
    if (now > cert.notAfter()) {
        out << CertificateProblem{Kind::Expired,
                                  tr("Your certificate expired on %1. Ask your administrator for a new "
                                     "certificate, then import it in Settings.")
                                      .arg(day(cert.notAfter()))};
    } else if (now < cert.notBefore()) {
        out << CertificateProblem{
            Kind::NotYetValid,
            tr("Your certificate is valid only from %1. Until then messages cannot be "
               "signed with it; check the computer's date or use your current certificate.")
                .arg(day(cert.notBefore()))};
    }
    if (!cert.allowsEmailProtection()) {
        out << CertificateProblem{Kind::NotForEmail,
                                  tr("Your certificate is not meant for e-mail (it was issued for another "
                                     "purpose). Ask your administrator for an e-mail (S/MIME) certificate.")};
    }
    if (cert.hasKeyUsage() &&
        !(cert.keyUsage() & (Certificate::DigitalSignature | Certificate::NonRepudiation))) {
        out << CertificateProblem{
            Kind::NoSigningUsage,
            tr("Your certificate may not be used to sign. Ask your administrator for an "
               "e-mail signing certificate.")};
    }
    if (!fromAddress.isEmpty() && !cert.hasEmailAddress(fromAddress)) {
        const QStringList own = cert.emailAddresses();
        out << CertificateProblem{
            Kind::AddressMismatch,
            own.isEmpty() ? tr("Your certificate contains no e-mail address, so it cannot sign mail from %1.")
                                .arg(fromAddress)
                          : tr("Your certificate belongs to %1, but this message is sent from %2. Send from "
                               "the address "
                               "of the certificate, or import the certificate for %2.")
                                .arg(own.join(QLatin1String(", ")), fromAddress)};
    }
    return out;
}

QList<CertificateProblem> CertificateCheck::forEncryption(const Certificate& cert, const QDateTime& now,
                                                          const QString& address)
{
    using Kind = CertificateProblem::Kind;
    const QString who = address.isEmpty() ? cert.commonName() : address;
    QList<CertificateProblem> out;
    if (now > cert.notAfter()) {
        out << CertificateProblem{
            Kind::Expired,
            tr("The certificate of %1 expired on %2. Ask %1 for a new one.").arg(who, day(cert.notAfter()))};
    } else if (now < cert.notBefore()) {
        out << CertificateProblem{
            Kind::NotYetValid,
            tr("The certificate of %1 is valid only from %2.").arg(who, day(cert.notBefore()))};
    }
    if (!cert.allowsEmailProtection()) {
        out << CertificateProblem{Kind::NotForEmail,
                                  tr("The certificate of %1 is not meant for e-mail.").arg(who)};
    }
    if (cert.hasKeyUsage() &&
        !(cert.keyUsage() & (Certificate::KeyEncipherment | Certificate::KeyAgreement))) {
        out << CertificateProblem{Kind::NoEncryptionUsage,
                                  tr("The certificate of %1 may not be used for encryption.").arg(who)};
    }
    if (!address.isEmpty() && !cert.hasEmailAddress(address)) {
        out << CertificateProblem{Kind::AddressMismatch,
                                  tr("The certificate does not contain the address %1.").arg(address)};
    }
    return out;
}

} // namespace Smime
