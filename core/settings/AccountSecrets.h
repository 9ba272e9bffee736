#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Settings {

class SecretStore;

// The secret-store entries an account owns ("NAME/password" and the rest),
// and what saving the accounts in the Settings window changes in the store:
// a removed account's entries go with it, unless an account of the same name
// is still there (a new one took the name); a typed password is stored; new
// local mail-client passwords are stored.
class AccountSecrets
{
public:
    // Everything an account owns: its server password, its local mail-client
    // password, its OAuth refresh token and its certificate's password.
    static QStringList keys(const QString& account);
    static QString passwordKey(const QString& account);
    static QString localPasswordKey(const QString& user);

    struct Plan
    {
        QStringList remove;                   // first; a failure is not reported (the account is gone)
        QList<QPair<QString, QString>> write; // then these, in order: key, value
    };
    // removedAccounts: the accounts removed in the window. accounts: every
    // remaining account's name and the password typed for it (empty: keep the
    // stored one). localPasswords: user -> local password to store.
    static Plan plan(const QStringList& removedAccounts, const QList<QPair<QString, QString>>& accounts,
                     const QList<QPair<QString, QString>>& localPasswords);
    // Carries plan out; the store's reasons for each write that failed.
    static QStringList apply(SecretStore* store, const Plan& plan);
};

} // namespace Settings
