#pragma once

#include "settings/CertificateImport.h"
#include "settings/Config.h"
#include "smime/Certificate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Settings {

class SecretStore;

// [general] certificate_source: the folder or share where the administrator
// keeps each person's PKCS#12 file (JCAN certificates arrive as .p12/.pfx).
// After %email% (the account's address) and %user% (the login name) are
// replaced, it is either the file itself (\\fs\certs\%email%.p12) or a folder
// holding it: the one file there, or the one named after the address or the
// login name. The person only types the file's password; a certificate that
// names someone else is refused, so nobody signs as a colleague by mistake.
class CertificateSource
{
    Q_DECLARE_TR_FUNCTIONS(Settings::CertificateSource)

public:
    struct Found
    {
        enum class Status
        {
            Found,
            NotSet,     // no certificate_source
            NoFile,     // nothing for this person there
            Several,    // more than one file could be theirs
            Unreadable, // the folder or the file cannot be read (share offline, permissions)
        };
        Status status = Status::NotSet;
        QString path;           // the file, when Found
        QStringList candidates; // the files, when Several
        QString message;        // translated, when not Found
        bool ok() const { return status == Status::Found; }
    };

    struct Opened
    {
        enum class Status
        {
            Opened,
            WrongPassword, // say so and let them type it again
            OtherPerson,   // the certificate names another address: never imported
            Unusable,      // damaged, expired, not for e-mail…
        };
        Status status = Status::Unusable;
        QString message; // translated, when not Opened
        Smime::Certificate certificate;
        bool ok() const { return status == Status::Opened; }
    };

    // The addresses a certificate for the account may name: its From
    // addresses and its user name when that is an address, lower case.
    static QStringList addressesOf(const Account& account);
    // The address %email% stands for: the first of addressesOf(), or empty.
    static QString addressOf(const Account& account);
    // The name the person logged in to the computer with (%user%).
    static QString loginName();

    // A placeholder other than %email% and %user%, as a translated sentence; empty when fine.
    static QString placeholderProblem(const QString& pattern);
    // pattern with %email% and %user% replaced (in any letter case). Empty,
    // with problem set, when a value it needs is missing or cannot be part of a path.
    static QString expand(const QString& pattern, const QString& email, const QString& user,
                          QString* problem = nullptr);

    static Found find(const QString& pattern, const QString& email, const QString& user);
    // Opens the file with password; the certificate must name one of addresses and be able to sign at now.
    static Opened open(const QString& path, const QString& password, const QStringList& addresses,
                       const QDateTime& now);
    // open() for the account, then CertificateImport::run for that account.
    static CertificateImport::Result import(const Config& config, const QStringList& lockedKeys,
                                            SecretStore* secrets, const QString& accountName,
                                            const QString& path, const QString& password);

    // Subject, issuer and expiry on three lines, and what to do about the
    // expiry when it is near (translated).
    static QString describe(const Smime::Certificate& certificate, const QDateTime& now);

    // Whether sourceFile holds other bytes than the imported copy (no copy: true;
    // an unreadable sourceFile: false, there is nothing to offer).
    static bool differs(const QString& sourceFile, const QString& importedCopy);
};

} // namespace Settings
