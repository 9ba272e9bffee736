#include "review/CheckPolicy.h"

#include "review/checks/CheckRegistry.h"
#include "settings/AdminPolicy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Review {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Review::CheckPolicy", text);
}

const QStringList kActionNames{u"off"_s, u"show"_s, u"confirm"_s, u"block"_s};
const QList<CheckAction> kActionValues{CheckAction::Off, CheckAction::Show, CheckAction::Confirm,
                                       CheckAction::Block};

// QSettings returns "a, b" as a list and "a" or a quoted "a, b" as one string.
QStringList readList(const QSettings& s, const QString& key)
{
    const QVariant v = s.value(key);
    const QStringList parts =
        v.userType() == QMetaType::QStringList ? v.toStringList() : v.toString().split(QLatin1Char(','));
    QStringList out;
    for (const QString& p : parts) {
        const QString t = p.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QString readText(const QSettings& s, const QString& key)
{
    const QVariant v = s.value(key);
    if (v.userType() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(',')).trimmed();
    return v.toString().trimmed();
}

bool isDomainPattern(const QString& pattern)
{
    static const QRegularExpression re(u"^(\\*\\.|@)?[^\\s@*.,;/\\\\]+(\\.[^\\s@*.,;/\\\\]+)*$"_s);
    return re.match(pattern).hasMatch();
}

void readDomains(const QSettings& s, const char* key, QStringList* out, QStringList* errors)
{
    const QString fullKey = u"policy/"_s + QLatin1String(key);
    if (!s.contains(fullKey))
        return;
    out->clear();
    for (const QString& d : readList(s, fullKey)) {
        if (isDomainPattern(d.toLower())) {
            *out << d.toLower();
        } else {
            *errors << tr("Setting \"%1\" in [policy]: \"%2\" is not a domain; write example.co.jp, or "
                          "*.example.co.jp for its subdomains. It is ignored.")
                           .arg(QLatin1String(key), d);
        }
    }
}

void readInt(const QSettings& s, const char* key, int min, int max, int* out, QStringList* errors)
{
    const QString fullKey = u"policy/"_s + QLatin1String(key);
    if (!s.contains(fullKey))
        return;
    const QString text = readText(s, fullKey);
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < min || n > max) {
        *errors << tr("Setting \"%1\" in [policy]: \"%2\" is not allowed; use a whole number from %3 to %4. "
                      "Using %5 instead.")
                       .arg(QLatin1String(key), text)
                       .arg(min)
                       .arg(max)
                       .arg(*out);
        return;
    }
    *out = n;
}

} // namespace

CheckAction CheckPolicy::action(const QString& code) const
{
    const auto it = actions.constFind(code);
    return it != actions.constEnd() ? *it : defaultAction(code);
}

CheckAction CheckPolicy::defaultAction(const QString& code)
{
    // Facts are shown; what is likely a mistake needs its own tick; what an
    // admin listed as forbidden, or a signature that cannot be made, blocks.
    static const QHash<QString, CheckAction> defaults{
        {u"external-recipient"_s, CheckAction::Show},
        {u"first-time-recipient"_s, CheckAction::Show},
        {u"first-time-domain"_s, CheckAction::Confirm},
        {u"many-external-visible"_s, CheckAction::Confirm},
        {u"blocked-domain"_s, CheckAction::Block},
        {u"caution-domain"_s, CheckAction::Confirm},
        {u"attachment"_s, CheckAction::Confirm},
        {u"keyword"_s, CheckAction::Confirm},
        {u"personal-data"_s, CheckAction::Confirm},
        {u"envelope-header-mismatch"_s, CheckAction::Show},
        {u"look-alike-domain"_s, CheckAction::Confirm},
        {u"name-address-mismatch"_s, CheckAction::Confirm},
        {u"greeting-mismatch"_s, CheckAction::Confirm},
        {u"thread-new-domain"_s, CheckAction::Confirm},
        {u"attachment-new-domain"_s, CheckAction::Confirm},
        {u"sender-certificate"_s, CheckAction::Block},
    };
    return defaults.value(code, CheckAction::Show);
}

QStringList CheckPolicy::defaultKeywords()
{
    return {u"社外秘"_s, u"極秘"_s,         u"部外秘"_s,        u"関係者外秘"_s, u"取扱注意"_s,
            u"機密"_s,   u"confidential"_s, u"internal only"_s, u"secret"_s};
}

QStringList CheckPolicy::defaultRiskyExtensions()
{
    return {u"exe"_s, u"com"_s,  u"scr"_s, u"pif"_s, u"bat"_s, u"cmd"_s,  u"js"_s,  u"jse"_s, u"vbs"_s,
            u"vbe"_s, u"wsf"_s,  u"wsh"_s, u"hta"_s, u"ps1"_s, u"msi"_s,  u"lnk"_s, u"iso"_s, u"img"_s,
            u"vhd"_s, u"vhdx"_s, u"jar"_s, u"cpl"_s, u"reg"_s, u"html"_s, u"htm"_s, u"svg"_s, u"one"_s};
}

QString CheckPolicy::actionName(CheckAction action)
{
    return kActionNames.value(kActionValues.indexOf(action));
}

CheckPolicy CheckPolicy::defaults(const Settings::Policy& policy)
{
    CheckPolicy p;
    p.policy = policy;
    p.keywords = defaultKeywords();
    p.riskyExtensions = defaultRiskyExtensions();
    return p;
}

bool CheckPolicy::load(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                       QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    *out = defaults(policy);
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    if (!info.isFile() || !info.isReadable()) {
        *errors
            << tr("The settings file %1 cannot be read. Check that it is a file and that you may read it.")
                   .arg(path);
        return false;
    }
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError) {
        *errors << tr("The settings file %1 could not be read: it is not a valid INI file.").arg(path);
        return false;
    }

    const QStringList codes = CheckRegistry::codes();
    s.beginGroup(u"checks"_s);
    const QStringList keys = s.childKeys();
    s.endGroup();
    for (const QString& key : keys) {
        const QString value = readText(s, u"checks/"_s + key);
        if (!codes.contains(key)) {
            *errors << tr("Setting \"%1\" in [checks]: there is no check with this name; the checks are %2.")
                           .arg(key, codes.join(u", "_s));
            continue;
        }
        const qsizetype i = kActionNames.indexOf(value.toLower());
        if (i < 0) {
            *errors
                << tr("Setting \"%1\" in [checks]: \"%2\" is not allowed; use one of %3. Using %4 instead.")
                       .arg(key, value, kActionNames.join(u", "_s), actionName(defaultAction(key)));
            continue;
        }
        out->actions.insert(key, kActionValues.at(i));
    }

    readDomains(s, "blocked_domains", &out->blockedDomains, errors);
    readDomains(s, "caution_domains", &out->cautionDomains, errors);
    readDomains(s, "known_domains", &out->knownDomains, errors);
    if (s.contains(u"policy/keywords"_s))
        out->keywords = readList(s, u"policy/keywords"_s);
    if (s.contains(u"policy/risky_extensions"_s)) {
        out->riskyExtensions.clear();
        for (QString e : readList(s, u"policy/risky_extensions"_s)) {
            e = e.toLower();
            while (e.startsWith(QLatin1Char('.')) || e.startsWith(QLatin1Char('*')))
                e.remove(0, 1);
            static const QRegularExpression extension(u"^[a-z0-9_~-]{1,16}$"_s);
            if (extension.match(e).hasMatch()) {
                out->riskyExtensions << e;
            } else {
                *errors
                    << tr("Setting \"risky_extensions\" in [policy]: \"%1\" is not a file extension (like "
                          "exe or .exe). It is ignored.")
                           .arg(e);
            }
        }
    }
    readInt(s, "many_external_threshold", 1, 100000, &out->manyExternalThreshold, errors);
    readInt(s, "many_external_domains_threshold", 0, 100000, &out->manyExternalDomainsThreshold, errors);
    readInt(s, "landline_phone_threshold", 1, 1000, &out->landlinePhoneThreshold, errors);
    if (s.contains(u"policy/many_external_bcc"_s)) {
        const QString value = s.value(u"policy/many_external_bcc"_s).toString().trimmed().toLower();
        if (value == u"always"_s || value == u"offer"_s) {
            out->manyExternalAlwaysBcc = value == u"always"_s;
        } else {
            *errors << tr("Setting \"many_external_bcc\" in [policy]: \"%1\" is not one of offer, always. "
                          "The default (offer) is used.")
                           .arg(value);
        }
    }
    return true;
}

bool CheckPolicy::loadEffective(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                                QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    // The administrator's problems are reported by Settings::loadEffective, which reads the same file.
    const QString policyPath = Settings::AdminPolicy::path();
    QStringList policyErrors;
    const Settings::AdminPolicy admin = QFileInfo::exists(policyPath)
                                            ? Settings::AdminPolicy::load(policyPath, &policyErrors)
                                            : Settings::AdminPolicy();
    QTemporaryDir merged;
    QString checksPath = path;
    if (!admin.isEmpty() && merged.isValid()) {
        QString error;
        const QString effective = merged.filePath(QStringLiteral("effective.ini"));
        if (admin.writeEffective(path, effective, &error))
            checksPath = effective;
        else
            *errors << tr("The administrator's policy could not be applied to the checks: %1").arg(error);
    }
    return load(checksPath, policy, out, errors);
}

} // namespace Review
