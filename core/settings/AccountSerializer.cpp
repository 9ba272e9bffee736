#include "settings/AccountSerializer.h"

using namespace Qt::StringLiterals;

namespace Settings {

QStringList AccountSerializer::keys()
{
    return {u"preset"_s, u"host"_s, u"port"_s, u"security"_s, u"auth"_s, u"user"_s, u"from"_s, u"sign"_s};
}

QString AccountSerializer::value(const Account& a, const QString& key)
{
    if (key == u"preset"_s)
        return a.preset;
    if (key == u"host"_s)
        return a.host;
    if (key == u"port"_s)
        return QString::number(a.port);
    if (key == u"security"_s)
        return settingWord(a.security);
    if (key == u"auth"_s)
        return settingWord(a.auth);
    if (key == u"user"_s)
        return a.user;
    if (key == u"from"_s)
        return a.from.join(u", "_s);
    if (key == u"sign"_s)
        return settingWord(a.sign);
    return {};
}

QList<QPair<QString, QVariant>> AccountSerializer::valuesToWrite(const Account& account,
                                                                 const QStringList& keysInFile,
                                                                 const QStringList& lockedKeys)
{
    // What Config::load gives for a key that is not in the file.
    Account base;
    applyPreset(account.preset, &base);
    QList<QPair<QString, QVariant>> out;
    for (const QString& key : keys()) {
        if (lockedKeys.contains(key))
            continue;
        const QString text = value(account, key);
        if (keysInFile.contains(key) || text != value(base, key))
            out << qMakePair(key, key == u"from"_s ? QVariant(account.from) : QVariant(text));
    }
    return out;
}

} // namespace Settings
