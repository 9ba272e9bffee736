#include "settings/LocalCredentials.h"

#include "settings/SecretStore.h"

#include <QRandomGenerator>

namespace Settings {

QString LocalCredentials::generatePassword()
{
    // 20 characters from an alphabet without look-alikes (0/O/o, 1/l/I): 56 symbols, ~116 bits,
    // easy to read aloud or retype when copy and paste is not at hand.
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const int n = int(sizeof(alphabet)) - 1;
    QString pw;
    auto* rng = QRandomGenerator::system();
    for (int i = 0; i < 20; ++i)
        pw += QLatin1Char(alphabet[rng->bounded(n)]);
    return pw;
}

bool LocalCredentials::load(SecretStore* store, const QStringList& names, QString* error)
{
    m_passwords.clear();
    for (const QString& name : names) {
        const QString key = name + QLatin1String("/local_password");
        // A store signals failure through the error text, so it must start
        // empty: a caller's leftover message must not read as a failure.
        QString readError;
        std::optional<QString> pw = store->read(key, &readError);
        if (!readError.isEmpty()) {
            if (error)
                *error = readError;
            return false;
        }
        // An empty password would let anyone log in with an empty password.
        if (!pw || pw->isEmpty()) {
            pw = generatePassword();
            QString writeError;
            if (!store->write(key, *pw, &writeError)) {
                if (error)
                    *error = writeError;
                return false;
            }
        }
        m_passwords.insert(name, *pw);
    }
    return true;
}

bool LocalCredentials::verify(const QString& user, const QString& password) const
{
    const auto it = m_passwords.constFind(user);
    const QByteArray expected = it == m_passwords.constEnd() ? QByteArray(32, 'x') : it->toUtf8();
    const QByteArray given = password.toUtf8();
    // Constant time over the expected length: no early exit on the first difference.
    unsigned diff = unsigned(expected.size() ^ given.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= unsigned(expected.at(i) ^ (i < given.size() ? given.at(i) : 0));
    return it != m_passwords.constEnd() && diff == 0;
}

} // namespace Settings
