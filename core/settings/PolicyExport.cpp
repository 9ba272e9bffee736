#include "settings/PolicyExport.h"

#include "settings/Validation.h"

#include <QDir>
#include <QSaveFile>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

// "accounts/KEY" (every account) has the rules of "account.NAME/KEY".
Validation::Type typeOf(const QString& key)
{
    const QString specKey = key.startsWith(u"accounts/"_s) ? u"account.any/"_s + key.mid(9) : key;
    const std::optional<Validation::KeySpec> spec = Validation::spec(specKey);
    return spec ? spec->type : Validation::Type::Text;
}

QString groupOf(const QString& key)
{
    return key.left(key.lastIndexOf(u'/'));
}

QString nameOf(const QString& key)
{
    return key.mid(key.lastIndexOf(u'/') + 1);
}

// Locked first, then recommended; within a tier by group in the order of
// docs/CONFIG.md's sections as far as they are known, then by key.
QList<PolicyEntry> ordered(const QList<PolicyEntry>& entries)
{
    static const QStringList groupOrder{u"general"_s, u"listener"_s, u"accounts"_s, u"delivery"_s,
                                        u"policy"_s,  u"checks"_s,   u"secrets"_s};
    const auto rank = [](const QString& group) {
        const qsizetype i = groupOrder.indexOf(group);
        return i < 0 ? groupOrder.size() : i;
    };
    QList<PolicyEntry> out = entries;
    std::stable_sort(out.begin(), out.end(), [&](const PolicyEntry& a, const PolicyEntry& b) {
        if (a.tier != b.tier)
            return a.tier == PolicyTier::Locked;
        const QString ga = groupOf(a.key), gb = groupOf(b.key);
        if (ga != gb)
            return rank(ga) != rank(gb) ? rank(ga) < rank(gb) : ga < gb;
        return false; // the caller's order within a group (the window's, the table's)
    });
    return out;
}

// A value QSettings reads back as written: plain where nothing in it means
// something to QSettings' INI reader, else quoted with \" and \\.
QString iniValue(const QString& key, const QString& value)
{
    const bool list =
        typeOf(key) == Validation::Type::DomainList || typeOf(key) == Validation::Type::AddressList ||
        typeOf(key) == Validation::Type::TextList || typeOf(key) == Validation::Type::ExtensionList ||
        typeOf(key) == Validation::Type::DomainGroups;
    bool plain = value == value.trimmed();
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\' || c == u';' || c == u'#' || c == u'=' || c < u' ' ||
            (c == u',' && !list))
            plain = false;
    }
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString regQuote(const QString& s)
{
    QString out = s;
    out.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + out + u'"';
}

// A yes/no or number as a REG_DWORD's value; nullopt when it is neither.
std::optional<quint32> dwordOf(const QString& key, const QString& value)
{
    const Validation::Type type = typeOf(key);
    if (type == Validation::Type::Boolean) {
        const std::optional<bool> b = Validation::parseBoolean(value);
        return b ? std::optional<quint32>(*b ? 1u : 0u) : std::nullopt;
    }
    if (type == Validation::Type::Integer) {
        bool ok = false;
        const quint32 n = value.trimmed().toUInt(&ok);
        return ok ? std::optional<quint32>(n) : std::nullopt;
    }
    return std::nullopt;
}

QString xmlEscaped(const QString& s)
{
    return s.toHtmlEscaped();
}

QString plistValue(const QString& key, const QString& value, const QString& indent)
{
    const Validation::Type type = typeOf(key);
    if (type == Validation::Type::Boolean) {
        if (const std::optional<bool> b = Validation::parseBoolean(value))
            return indent + (*b ? u"<true/>"_s : u"<false/>"_s);
    }
    if (type == Validation::Type::Integer) {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        if (ok)
            return indent + u"<integer>"_s + QString::number(n) + u"</integer>"_s;
    }
    return indent + u"<string>"_s + xmlEscaped(value) + u"</string>"_s;
}

QStringList plistGroups(const QList<PolicyEntry>& entries, PolicyTier tier, const QString& indent)
{
    QStringList lines;
    QString current;
    for (const PolicyEntry& e : entries) {
        if (e.tier != tier)
            continue;
        const QString group = groupOf(e.key);
        if (group != current) {
            if (!current.isEmpty())
                lines << indent + u"</dict>"_s;
            lines << indent + u"<key>"_s + xmlEscaped(group) + u"</key>"_s << indent + u"<dict>"_s;
            current = group;
        }
        lines << indent + u"  <key>"_s + xmlEscaped(nameOf(e.key)) + u"</key>"_s;
        lines << plistValue(e.key, PolicyExport::text(e.value), indent + u"  "_s);
    }
    if (!current.isEmpty())
        lines << indent + u"</dict>"_s;
    return lines;
}

// The profile keeps its identity from one export to the next (the same as
// deploy/macos/yubisashi.mobileconfig's), so installing a new one replaces the old.
QString fixedUuid(const QString& name)
{
    const QUuid urlNamespace(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s);
    return QUuid::createUuidV5(urlNamespace, name).toString(QUuid::WithoutBraces).toUpper();
}

} // namespace

QString PolicyExport::text(const QVariant& value)
{
    if (value.userType() == QMetaType::QStringList)
        return value.toStringList().join(u", "_s);
    return value.toString();
}

QByteArray PolicyExport::ini(const QList<PolicyEntry>& entries)
{
    QStringList out{
        u"; Yubisashi: the administrator's policy (docs/ADMIN.md, docs/CONFIG.md), written by yubisashi admin."_s,
        u"; Linux: /etc/xdg/Yubisashi/policy.ini. Saved as UTF-8. Check it with"_s,
        u";   yubisashi admin --check /etc/xdg/Yubisashi/policy.ini"_s,
        u"; [group] locks a key: every person gets the value and cannot change it."_s,
        u"; [recommended/group] recommends one: a default the person may change."_s,
        u"; [accounts] applies to every account, whatever each person named it."_s,
    };
    QString section;
    for (const PolicyEntry& e : ordered(entries)) {
        const QString s =
            (e.tier == PolicyTier::Recommended ? u"recommended/"_s : QString()) + groupOf(e.key);
        if (s != section) {
            out << QString() << u'[' + s + u']';
            section = s;
        }
        out << nameOf(e.key) + u'=' + iniValue(e.key, text(e.value));
    }
    return (out.join(u'\n') + u'\n').toUtf8();
}

QByteArray PolicyExport::reg(const QList<PolicyEntry>& entries)
{
    QStringList out{u"Windows Registry Editor Version 5.00"_s};
    QString lastKey;
    for (const PolicyEntry& e : ordered(entries)) {
        QString key = u"HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi"_s;
        if (e.tier == PolicyTier::Recommended)
            key += u"\\Recommended"_s;
        key += u'\\' + QString(groupOf(e.key)).replace(u'/', u'\\');
        if (key != lastKey) {
            out << QString() << u'[' + key + u']';
            lastKey = key;
        }
        const QString value = text(e.value);
        const std::optional<quint32> dword = dwordOf(e.key, value);
        out << regQuote(nameOf(e.key)) + u'=' +
                   (dword ? u"dword:"_s + QString::number(*dword, 16).rightJustified(8, u'0')
                          : regQuote(value));
    }
    // regedit ends the file with an empty line.
    const QString text = out.join(u"\r\n"_s) + u"\r\n\r\n"_s;
    QByteArray data("\xFF\xFE", 2);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        data.append(char(u & 0xFF));
        data.append(char(u >> 8));
    }
    return data;
}

QByteArray PolicyExport::mobileconfig(const QList<PolicyEntry>& entries)
{
    const QList<PolicyEntry> sorted = ordered(entries);
    QStringList out{
        u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"_s,
        u"<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"_s,
        u"<!-- Yubisashi: the administrator's policy, written by yubisashi admin (docs/ADMIN.md). -->"_s,
        u"<plist version=\"1.0\">"_s,
        u"<dict>"_s,
        u"  <key>PayloadContent</key>"_s,
        u"  <array>"_s,
        u"    <dict>"_s,
        u"      <key>PayloadType</key>"_s,
        u"      <string>org.yubisashi.Yubisashi</string>"_s,
        u"      <key>PayloadIdentifier</key>"_s,
        u"      <string>org.yubisashi.Yubisashi.policy.settings</string>"_s,
        u"      <key>PayloadUUID</key>"_s,
        u"      <string>"_s + fixedUuid(u"https://yubisashi.org/policy/content"_s) + u"</string>"_s,
        u"      <key>PayloadVersion</key>"_s,
        u"      <integer>1</integer>"_s,
        u"      <key>PayloadDisplayName</key>"_s,
        u"      <string>Yubisashi settings</string>"_s,
    };
    out << plistGroups(sorted, PolicyTier::Locked, u"      "_s);
    const QStringList recommended = plistGroups(sorted, PolicyTier::Recommended, u"        "_s);
    if (!recommended.isEmpty())
        out << u"      <key>Recommended</key>"_s << u"      <dict>"_s << recommended << u"      </dict>"_s;
    out << u"    </dict>"_s << u"  </array>"_s << u"  <key>PayloadDisplayName</key>"_s
        << u"  <string>Yubisashi policy</string>"_s << u"  <key>PayloadIdentifier</key>"_s
        << u"  <string>org.yubisashi.Yubisashi.policy</string>"_s << u"  <key>PayloadScope</key>"_s
        << u"  <string>System</string>"_s << u"  <key>PayloadType</key>"_s
        << u"  <string>Configuration</string>"_s << u"  <key>PayloadUUID</key>"_s
        << u"  <string>"_s + fixedUuid(u"https://yubisashi.org/policy/profile"_s) + u"</string>"_s
        << u"  <key>PayloadVersion</key>"_s << u"  <integer>1</integer>"_s << u"</dict>"_s << u"</plist>"_s;
    return (out.join(u'\n') + u'\n').toUtf8();
}

bool PolicyExport::save(const QByteArray& data, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = tr("%1 could not be written: %2. Choose another folder or check its permissions.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace Settings
