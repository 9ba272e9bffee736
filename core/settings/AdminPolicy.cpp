#include "settings/AdminPolicy.h"

#include "settings/Config.h"
#include "settings/IniPolicySource.h"
#include "settings/Validation.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <atomic>

Q_LOGGING_CATEGORY(lcPolicy, "settings.policy")

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

// QSettings' key ("data_dir" at its top level, "listener/port") -> the
// documented "group/key".
QString asText(const QVariant& v)
{
    if (v.userType() == QMetaType::QStringList)
        return v.toStringList().join(u',');
    return v.toString();
}

// "accounts/KEY" (every account) has the rules of "account.NAME/KEY".
QString specKey(const QString& key)
{
    return key.startsWith(u"accounts/"_s) ? u"account.any/"_s + key.mid(9) : key;
}

std::optional<Validation::KeySpec> policySpec(const QString& key)
{
    return Validation::spec(specKey(key));
}

// "account.NAME/KEY" -> "accounts/KEY"; empty for any other key.
QString accountsKey(const QString& key)
{
    if (!key.startsWith(u"account."_s))
        return QString();
    const qsizetype slash = key.indexOf(u'/');
    return slash < 0 ? QString() : u"accounts/"_s + key.mid(slash + 1);
}

bool isPathKey(const QString& key)
{
    const std::optional<Validation::KeySpec> spec = policySpec(key);
    return spec && spec->type == Validation::Type::Path;
}

// Config::load resolves a relative path against the folder of the user's
// file; a path in the policy is made absolute against the policy's folder
// first, so that it keeps the meaning it has there.
QVariant resolved(const QString& key, const QVariant& value, const QString& base)
{
    if (!isPathKey(key))
        return value;
    const QString p = asText(value).trimmed();
    if (p.isEmpty() || base.isEmpty() || p == u"~"_s || p.startsWith(u"~/"_s) || QDir::isAbsolutePath(p))
        return p;
    return QDir::cleanPath(QDir(base).absoluteFilePath(p));
}

} // namespace

QString AdminPolicy::defaultPath()
{
#if defined(Q_OS_WIN)
    const QString programData = qEnvironmentVariable("ProgramData", u"C:/ProgramData"_s);
    return QDir::fromNativeSeparators(programData) + u"/Yubisashi/policy.ini"_s;
#elif defined(Q_OS_MACOS)
    return u"/Library/Application Support/Yubisashi/policy.ini"_s;
#else
    return u"/etc/xdg/Yubisashi/policy.ini"_s;
#endif
}

bool AdminPolicy::honoursPolicyFileVariable()
{
#ifdef YUBISASHI_TEST_HOOKS
    return true;
#else
    return false;
#endif
}

QString AdminPolicy::pathFor(const QString& variable, bool honoured)
{
    return honoured && !variable.isEmpty() ? variable : defaultPath();
}

QString AdminPolicy::path()
{
    const QString variable = qEnvironmentVariable("YUBISASHI_POLICY_FILE");
    const bool honoured = honoursPolicyFileVariable();
    if (!variable.isEmpty() && !honoured) {
        static std::atomic<bool> told{false};
        if (!told.exchange(true))
            qCWarning(lcPolicy).noquote()
                << "YUBISASHI_POLICY_FILE is ignored: only builds made for testing read it; the policy is"
                << QDir::toNativeSeparators(defaultPath());
    }
    return pathFor(variable, honoured);
}

AdminPolicy AdminPolicy::system(QStringList* errors)
{
    const QString variable = qEnvironmentVariable("YUBISASHI_POLICY_FILE");
    if (!variable.isEmpty() && honoursPolicyFileVariable())
        return load(path(), errors);
    if (!variable.isEmpty())
        path(); // says once in the log that the variable is ignored
    const std::vector<std::unique_ptr<PolicySource>> sources = PolicySource::system();
    QList<const PolicySource*> list;
    for (const auto& s : sources)
        list << s.get();
    return load(list, errors);
}

AdminPolicy AdminPolicy::load(const QString& path, QStringList* errors)
{
    const IniPolicySource source(path);
    AdminPolicy policy = load(QList<const PolicySource*>{&source}, errors);
    policy.m_path = QFileInfo(path).absoluteFilePath();
    return policy;
}

AdminPolicy AdminPolicy::load(const QList<const PolicySource*>& sources, QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    AdminPolicy merged;
    for (const PolicySource* source : sources) {
        const AdminPolicy one =
            fromEntries(source->read(errors), source->location(), source->baseFolder(), errors);
        if (one.isEmpty())
            continue;
        if (merged.m_path.isEmpty())
            merged.m_path = source->location();
        for (auto it = one.m_locked.constBegin(); it != one.m_locked.constEnd(); ++it) {
            if (!merged.m_locked.contains(it.key()))
                merged.m_locked.insert(it.key(), it.value());
        }
        for (auto it = one.m_recommended.constBegin(); it != one.m_recommended.constEnd(); ++it) {
            if (!merged.m_recommended.contains(it.key()))
                merged.m_recommended.insert(it.key(), it.value());
        }
    }
    for (const QString& key : merged.m_locked.keys())
        merged.m_recommended.remove(key);
    return merged;
}

QString AdminPolicy::refusal(const QString& key)
{
    const qsizetype slash = key.lastIndexOf(u'/');
    const QString group = key.left(slash);
    const QString name = key.mid(slash + 1);
    const bool accountGroup = group == u"accounts"_s || group.startsWith(u"account."_s);
    static const QStringList secrets{u"password"_s, u"smime_password"_s, u"refresh_token"_s,
                                     u"local_password"_s};
    if (slash > 0 && (accountGroup || group == u"secrets"_s) && secrets.contains(name))
        return tr("\"%1\" is a password or sign-in token. Secrets are never taken from the policy: each "
                  "person enters their own, and Yubisashi keeps it in the keychain.")
            .arg(key);
    if (!policySpec(key))
        return tr("\"%1\" is not a setting Yubisashi knows.").arg(key);
    return QString();
}

QStringList AdminPolicy::templateKeys()
{
    QStringList keys = Validation::fixedKeyNames();
    for (const QString& k : Validation::accountKeyNames())
        keys << u"accounts/"_s + k;
    keys.sort();
    return keys;
}

AdminPolicy AdminPolicy::fromEntries(const QList<PolicyEntry>& entries, const QString& location,
                                     const QString& baseFolder, QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    AdminPolicy policy;
    policy.m_path = location;
    for (const PolicyEntry& e : entries) {
        const QString where = IniPolicySource::where(location, e.line);
        QHash<QString, QVariant>& tier =
            e.tier == PolicyTier::Locked ? policy.m_locked : policy.m_recommended;
        if (tier.contains(e.key))
            continue; // the same key twice in one source (a .reg with HKLM and HKCU): the first wins
        if (const QString why = refusal(e.key); !why.isEmpty()) {
            *errors << tr("The administrator's policy (%1) sets \"%2\", which is ignored: %3")
                           .arg(where, e.key, why);
            continue;
        }
        if (!e.value.isValid()) {
            // The source could not read the value (it said why): locked keys keep the default.
            if (e.tier == PolicyTier::Locked)
                tier.insert(e.key, QVariant());
            continue;
        }
        const QString problem = Validation::check(specKey(e.key), asText(e.value));
        if (!problem.isEmpty()) {
            if (e.tier == PolicyTier::Locked) {
                // Still locked: the user's own value is not what the administrator wants either.
                *errors << tr("The administrator's policy (%1) sets \"%2\": %3 The default is used.")
                               .arg(where, e.key, problem);
                tier.insert(e.key, QVariant());
            } else {
                *errors << tr("The administrator's policy (%1) recommends \"%2\": %3 It is ignored.")
                               .arg(where, e.key, problem);
            }
            continue;
        }
        tier.insert(e.key, resolved(e.key, e.value, baseFolder));
    }
    return policy;
}

QStringList AdminPolicy::lockedKeys() const
{
    QStringList keys = m_locked.keys();
    keys.sort();
    return keys;
}

QStringList AdminPolicy::recommendedKeys() const
{
    QStringList keys = m_recommended.keys();
    keys.sort();
    return keys;
}

bool AdminPolicy::isLocked(const QString& key) const
{
    return m_locked.contains(key) || m_locked.contains(accountsKey(key));
}

bool AdminPolicy::isRecommended(const QString& key) const
{
    return !isLocked(key) && (m_recommended.contains(key) || m_recommended.contains(accountsKey(key)));
}

bool AdminPolicy::allows(ReviewBypass which, const Config& effective) const
{
    const bool scripted = which == ReviewBypass::ScriptedDecisions;
    if (!isLocked(u"policy/review"_s))
        return scripted ? effective.policy.allowScriptedDecisions : effective.policy.allowPause;
    // The administrator decided when a person reviews: only the administrator makes an exception.
    const QString key = scripted ? u"policy/allow_scripted_decisions"_s : u"policy/allow_pause"_s;
    return Validation::parseBoolean(asText(value(key))).value_or(false);
}

bool loadEffective(const QString& path, Config* config, QStringList* errors, QStringList* lockedKeys)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    const AdminPolicy policy = AdminPolicy::system(errors);
    return loadEffective(path, policy, config, errors, lockedKeys);
}

bool loadEffective(const QString& path, const AdminPolicy& policy, Config* config, QStringList* errors,
                   QStringList* lockedKeys)
{
    const bool ok = Config::load(path, policy, config, errors);
    if (lockedKeys) {
        QStringList keys = policy.lockedKeys();
        for (const QString& key : policy.lockedKeys()) {
            if (!key.startsWith(u"accounts/"_s))
                continue;
            for (const Account& a : std::as_const(config->accounts))
                keys << Validation::accountGroup(a.name) + key.mid(8);
        }
        keys.removeDuplicates();
        keys.sort();
        *lockedKeys = keys;
    }
    return ok;
}

} // namespace Settings
