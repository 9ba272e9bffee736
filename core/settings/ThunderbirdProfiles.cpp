#include "settings/ThunderbirdProfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Settings {

QList<ThunderbirdProfiles::Profile> ThunderbirdProfiles::find(const QStringList& roots)
{
    QList<Profile> found;
    for (const QString& root : roots) {
        const QDir dir(root);
        const QString ini = dir.filePath(u"profiles.ini"_s);
        if (!QFileInfo::exists(ini))
            continue;
        QSettings settings(ini, QSettings::IniFormat);
        // Since Thunderbird 68 each installation names its profile in an
        // [Install…] group; older ones mark it with Default=1.
        QString installDefault;
        const QStringList groups = settings.childGroups();
        for (const QString& group : groups) {
            if (group.startsWith(u"Install"_s)) {
                installDefault = settings.value(group + u"/Default"_s).toString();
                if (!installDefault.isEmpty())
                    break;
            }
        }
        QList<Profile> here;
        for (const QString& group : groups) {
            if (!group.startsWith(u"Profile"_s))
                continue;
            settings.beginGroup(group);
            const QString path = settings.value(u"Path"_s).toString();
            const bool relative = settings.value(u"IsRelative"_s, 1).toInt() != 0;
            Profile p;
            p.name = settings.value(u"Name"_s, path).toString();
            p.path = QDir::cleanPath(relative ? dir.filePath(path) : path);
            p.isDefault =
                installDefault.isEmpty() ? settings.value(u"Default"_s).toInt() == 1 : path == installDefault;
            settings.endGroup();
            if (!path.isEmpty() && QFileInfo(p.path).isDir())
                here << p;
        }
        std::stable_sort(here.begin(), here.end(),
                         [](const Profile& a, const Profile& b) { return a.isDefault && !b.isDefault; });
        found << here;
    }
    return found;
}

QString ThunderbirdProfiles::mergeUserJs(const QString& existing, const QString& prefs)
{
    const QString begin = QString::fromLatin1(BeginMarker);
    const QString end = QString::fromLatin1(EndMarker);
    QString block = begin + u'\n' + prefs;
    if (!block.endsWith(u'\n'))
        block += u'\n';
    block += end + u'\n';

    const qsizetype from = existing.indexOf(begin);
    if (from >= 0) {
        const qsizetype to = existing.indexOf(end, from);
        if (to >= 0) {
            qsizetype after = to + end.size();
            if (existing.mid(after, 2) == u"\r\n"_s)
                after += 2;
            else if (after < existing.size() && existing.at(after) == u'\n')
                ++after;
            return existing.left(from) + block + existing.mid(after);
        }
    }
    if (existing.isEmpty())
        return block;
    return existing + (existing.endsWith(u'\n') ? u"\n"_s : u"\n\n"_s) + block;
}

QStringList ThunderbirdProfiles::serverList(const QString& prefsText)
{
    static const QRegularExpression re(uR"re(user_pref\(\s*"mail\.smtpservers"\s*,\s*"([^"]*)"\s*\))re"_s);
    QStringList list;
    // The last one wins, as when Thunderbird reads the file.
    QRegularExpressionMatchIterator it = re.globalMatch(prefsText);
    while (it.hasNext())
        list = it.next().captured(1).split(u',', Qt::SkipEmptyParts);
    for (QString& key : list)
        key = key.trimmed();
    return list;
}

QString ThunderbirdProfiles::profilePreferences(const QString& prefs, const QStringList& serverKeys,
                                                const QString& prefsJs)
{
    QStringList servers = serverList(prefsJs);
    for (const QString& key : serverKeys)
        if (!servers.contains(key))
            servers << key;
    QString out = prefs;
    if (!out.isEmpty() && !out.endsWith(u'\n'))
        out += u'\n';
    // Thunderbird lists only the servers named here; user.js sets it at every
    // start, so it keeps the profile's own servers as they were when written.
    out += u"user_pref(\"mail.smtpservers\", \"%1\");\n"_s.arg(servers.join(u','));
    if (!serverKeys.isEmpty())
        out += u"user_pref(\"mail.smtp.defaultserver\", \"%1\");\n"_s.arg(serverKeys.constFirst());
    return out;
}

bool ThunderbirdProfiles::write(const QString& profileDir, const QString& prefs,
                                const QStringList& serverKeys, QString* error)
{
    const QDir dir(profileDir);
    const auto readAll = [](const QString& path, QString* text, QString* why) {
        QFile f(path);
        if (!f.exists())
            return true;
        if (!f.open(QIODevice::ReadOnly)) {
            *why = f.errorString();
            return false;
        }
        *text = QString::fromUtf8(f.readAll());
        return true;
    };
    QString prefsJs;
    QString userJs;
    QString why;
    if (!readAll(dir.filePath(u"prefs.js"_s), &prefsJs, &why) ||
        !readAll(dir.filePath(u"user.js"_s), &userJs, &why)) {
        *error =
            tr("Cannot read the Thunderbird profile %1: %2").arg(QDir::toNativeSeparators(profileDir), why);
        return false;
    }
    const QString merged = mergeUserJs(userJs, profilePreferences(prefs, serverKeys, prefsJs));
    QSaveFile out(dir.filePath(u"user.js"_s));
    if (!out.open(QIODevice::WriteOnly) || out.write(merged.toUtf8()) < 0 || !out.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(dir.filePath(u"user.js"_s)), out.errorString());
        return false;
    }
    return true;
}

} // namespace Settings
