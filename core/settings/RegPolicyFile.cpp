#include "settings/RegPolicyFile.h"

#include "settings/IniPolicySource.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

const QString kPoliciesKey = u"\\SOFTWARE\\Policies\\Yubisashi"_s;

// [HKEY_...\SOFTWARE\Policies\Yubisashi\REST] -> REST with "/" (empty: the key
// itself); false for a key elsewhere. *machine: HKEY_LOCAL_MACHINE.
bool policyPath(const QString& key, QString* rest, bool* machine)
{
    static const QStringList machineHives{u"HKEY_LOCAL_MACHINE"_s, u"HKLM"_s};
    static const QStringList userHives{u"HKEY_CURRENT_USER"_s, u"HKCU"_s};
    const qsizetype slash = key.indexOf(u'\\');
    const QString hive = (slash < 0 ? key : key.left(slash)).toUpper();
    if (!machineHives.contains(hive) && !userHives.contains(hive))
        return false;
    *machine = machineHives.contains(hive);
    const QString path = slash < 0 ? QString() : key.mid(slash);
    if (path.compare(kPoliciesKey, Qt::CaseInsensitive) == 0) {
        rest->clear();
        return true;
    }
    if (!path.startsWith(kPoliciesKey + u'\\', Qt::CaseInsensitive))
        return false;
    *rest = path.mid(kPoliciesKey.size() + 1).replace(u'\\', u'/');
    return true;
}

// "text" with \\ and \" escapes; false when it is not a whole quoted string.
bool unquote(const QString& s, QString* out, qsizetype* end = nullptr)
{
    if (!s.startsWith(u'"'))
        return false;
    out->clear();
    for (qsizetype i = 1; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'\\' && i + 1 < s.size()) {
            *out += s.at(++i);
            continue;
        }
        if (c == u'"') {
            if (end)
                *end = i + 1;
            return true;
        }
        *out += c;
    }
    return false;
}

QString quote(const QString& s)
{
    QString out = s;
    out.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + out + u'"';
}

} // namespace

bool RegPolicyFile::looksLikeReg(const QString& text)
{
    const QString first = text.section(u'\n', 0, 0).trimmed();
    return first.startsWith(u"Windows Registry Editor Version"_s) || first == u"REGEDIT4"_s;
}

QList<PolicyEntry> RegPolicyFile::parse(const QString& text, const QString& location, QStringList* errors)
{
    QList<PolicyEntry> machine, user;
    QList<PolicyEntry>* current = nullptr;
    QString group; // "" (the key itself), "policy", "Recommended/policy"
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        QString line = lines.at(i).trimmed();
        // A value may go on over lines that end in "\" (hex values).
        while (line.endsWith(u'\\') && i + 1 < lines.size())
            line = line.chopped(1) + lines.at(++i).trimmed();
        if (number == 1 && looksLikeReg(line))
            continue;
        if (line.isEmpty() || line.startsWith(u';'))
            continue;
        const QString where = IniPolicySource::where(location, number);
        if (line.startsWith(u'[')) {
            current = nullptr;
            if (!line.endsWith(u']')) {
                *errors << tr("%1: a registry key must be written in square brackets.").arg(where);
                continue;
            }
            const QString key = line.mid(1, line.size() - 2);
            QString rest;
            bool isMachine = false;
            if (key.startsWith(u'-')) {
                *errors
                    << tr("%1: this deletes a registry key; a policy file only sets values. It is ignored.")
                           .arg(where);
            } else if (!policyPath(key, &rest, &isMachine)) {
                *errors << tr("%1: the key %2 is not under HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER"
                              "\\SOFTWARE\\Policies\\Yubisashi; its values are ignored.")
                               .arg(where, key);
            } else {
                current = isMachine ? &machine : &user;
                group = rest;
            }
            continue;
        }
        if (!current)
            continue; // values of a key already reported
        QString name;
        qsizetype end = 0;
        if (line.startsWith(u'@')) {
            end = 1;
            name.clear();
        } else if (!unquote(line, &name, &end)) {
            *errors << tr("%1: this line is neither a [registry key] nor \"name\"=value; it is ignored.")
                           .arg(where);
            continue;
        }
        const QString rhs = line.mid(end).trimmed();
        if (!rhs.startsWith(u'=')) {
            *errors << tr("%1: this line is neither a [registry key] nor \"name\"=value; it is ignored.")
                           .arg(where);
            continue;
        }
        if (name.isEmpty())
            continue; // the key's unnamed (default) value: not a setting
        const QString data = rhs.mid(1).trimmed();
        QVariant value;
        QString quoted;
        static const QRegularExpression dword(u"^dword:([0-9A-Fa-f]{1,8})$"_s);
        if (const auto m = dword.match(data); m.hasMatch()) {
            value = QString::number(m.captured(1).toUInt(nullptr, 16));
        } else if (unquote(data, &quoted)) {
            value = quoted;
        } else if (data == u"-"_s) {
            *errors << tr("%1: this deletes the value \"%2\"; a policy file only sets values. It is ignored.")
                           .arg(where, name);
            continue;
        } else {
            *errors << tr("%1: the value of \"%2\" is neither text (\"...\") nor a number (dword:...); write "
                          "it as text.")
                           .arg(where, name);
            continue;
        }
        PolicyEntry e = PolicySource::entryFor(group.isEmpty() ? name : group + u'/' + name, value);
        e.line = number;
        *current << e;
    }
    return machine + user;
}

QString RegPolicyFile::write(const QList<PolicyEntry>& entries)
{
    QString out = u"Windows Registry Editor Version 5.00\r\n"_s;
    QString lastKey;
    for (const PolicyEntry& e : entries) {
        const qsizetype slash = e.key.lastIndexOf(u'/');
        QString key = u"HKEY_LOCAL_MACHINE"_s + kPoliciesKey;
        if (e.tier == PolicyTier::Recommended)
            key += u"\\Recommended"_s;
        key += u'\\' + e.key.left(slash);
        if (key != lastKey) {
            out += u"\r\n["_s + key + u"]\r\n"_s;
            lastKey = key;
        }
        const QString value = e.value.userType() == QMetaType::QStringList
                                  ? e.value.toStringList().join(u", "_s)
                                  : e.value.toString();
        out += quote(e.key.mid(slash + 1)) + u'=' + quote(value) + u"\r\n"_s;
    }
    return out;
}

} // namespace Settings
