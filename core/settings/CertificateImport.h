#pragma once

#include "settings/Config.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Settings {

class SecretStore;

// "Import certificate…" in Settings: copies one's own PKCS#12 file into the
// data folder (Smime::Identity::import), gives it to the account whose user
// or sender addresses the certificate names (else the first account), and
// writes smime_p12 to the settings file and the password to the secret
// store as "ACCOUNT/smime_password".
class CertificateImport
{
    Q_DECLARE_TR_FUNCTIONS(Settings::CertificateImport)

public:
    struct Result
    {
        bool ok = false;
        QString error;   // translated, when !ok
        QString account; // the account it now belongs to
        QStringList emailAddresses;
        QString storedPath; // the copy in the data folder
        QString message;    // translated, for the person, when ok (with the import's warnings)
    };

    // The account for a certificate naming emails: one whose user is one of
    // them or whose From addresses contain one (the last such account wins),
    // else the first; nullptr when there is no account.
    static const Account* accountFor(const QList<Account>& accounts, const QStringList& emails);

    // Why nothing can be imported yet (translated; no account to give it to), or empty.
    static QString unavailableReason(const Config& config);

    // config: the loaded settings (path, data folder, accounts); lockedKeys:
    // keys the administrator sets (the writer refuses them). accountName: the
    // account it is for (CertificateSource); empty: accountFor() decides.
    static Result run(const Config& config, const QStringList& lockedKeys, SecretStore* secrets,
                      const QString& p12Path, const QString& password, const QString& accountName = {});
};

} // namespace Settings
