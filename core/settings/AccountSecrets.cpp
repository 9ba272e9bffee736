#include "settings/AccountSecrets.h"

#include "settings/SecretStore.h"

using namespace Qt::StringLiterals;

namespace Settings {

QStringList AccountSecrets::keys(const QString& account)
{
    return {passwordKey(account), localPasswordKey(account), account + u"/refresh_token"_s,
            account + u"/smime_password"_s};
}

QString AccountSecrets::passwordKey(const QString& account)
{
    return account + u"/password"_s;
}

QString AccountSecrets::localPasswordKey(const QString& user)
{
    return user + u"/local_password"_s;
}

AccountSecrets::Plan AccountSecrets::plan(const QStringList& removedAccounts,
                                          const QList<QPair<QString, QString>>& accounts,
                                          const QList<QPair<QString, QString>>& localPasswords)
{
    Plan p;
    QStringList current;
    for (const auto& [name, password] : accounts)
        current << name;
    for (const QString& name : removedAccounts) {
        if (!current.contains(name))
            p.remove << keys(name);
    }
    for (const auto& [name, password] : accounts) {
        if (!password.isEmpty())
            p.write << qMakePair(passwordKey(name), password);
    }
    for (const auto& [user, password] : localPasswords)
        p.write << qMakePair(localPasswordKey(user), password);
    return p;
}

QStringList AccountSecrets::apply(SecretStore* store, const Plan& plan)
{
    for (const QString& key : plan.remove) {
        QString ignored;
        store->remove(key, &ignored);
    }
    QStringList problems;
    for (const auto& [key, value] : plan.write) {
        QString error;
        if (!store->write(key, value, &error))
            problems << error;
    }
    return problems;
}

} // namespace Settings
