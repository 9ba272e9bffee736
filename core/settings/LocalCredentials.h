#pragma once

#include "smtp/Authenticator.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Settings {

class SecretStore;

// The local AUTH credentials mail clients use: one user per account (the
// account name), with a random password generated at first run and kept in
// the secret store as "NAME/local_password".
class LocalCredentials : public Smtp::Authenticator
{
public:
    // Loads or creates the password of every name. false with error if the store fails.
    bool load(SecretStore* store, const QStringList& names, QString* error);
    bool verify(const QString& user, const QString& password) const override;
    QString password(const QString& user) const { return m_passwords.value(user); }
    QStringList users() const { return m_passwords.keys(); }

    static QString generatePassword();

private:
    QHash<QString, QString> m_passwords;
};

} // namespace Settings
