#include "settings/AdminPolicy.h"

#include "settings/Config.h"
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
QString documentedKey(const QString& settingsKey)
{
    return settingsKey.contains(u'/') ? settingsKey : u"general/"_s + settingsKey;
}

QString asText(const QVariant& v)
{
    if (v.userType() == QMetaType::QStringList)
        return v.toStringList().join(u',');
    return v.toString();
}

bool isPathKey(const QString& key)
{
    const std::optional<Validation::KeySpec> spec = Validation::spec(key);
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
    if (p.isEmpty() || p == u"~"_s || p.startsWith(u"~/"_s) || QDir::isAbsolutePath(p))
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

AdminPolicy AdminPolicy::load(const QString& path, QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    AdminPolicy policy;
    policy.m_path = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(policy.m_path);
    if (!info.exists())
        return policy;
    const QString shown = QDir::toNativeSeparators(policy.m_path);
    if (!info.isFile() || !info.isReadable()) {
        *errors << tr("The administrator's policy file %1 cannot be read, so its settings are not applied. "
                      "Ask your administrator to check its permissions.")
                       .arg(shown);
        return policy;
    }
    QSettings settings(policy.m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *errors << tr("The administrator's policy file %1 is not a valid INI file, so its settings are not "
                      "applied.")
                       .arg(shown);
        return policy;
    }
    const QString base = info.absolutePath();
    for (const QString& k : settings.allKeys()) {
        const QString key = documentedKey(k);
        const QVariant value = settings.value(k);
        if (!Validation::spec(key)) {
            *errors << tr("The administrator's policy file %1 sets \"%2\", which is not a setting Yubisashi "
                          "knows; it is ignored.")
                           .arg(shown, key);
            continue;
        }
        const QString problem = Validation::check(key, asText(value));
        if (!problem.isEmpty()) {
            // Still locked: the user's own value is not what the administrator wants either.
            *errors << tr("The administrator's policy file %1 sets \"%2\": %3 The default is used.")
                           .arg(shown, key, problem);
            policy.m_values.insert(key, QVariant());
            continue;
        }
        policy.m_values.insert(key, resolved(key, value, base));
    }
    return policy;
}

QStringList AdminPolicy::lockedKeys() const
{
    QStringList keys = m_values.keys();
    keys.sort();
    return keys;
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
    const AdminPolicy policy = AdminPolicy::load(AdminPolicy::path(), errors);
    if (lockedKeys)
        *lockedKeys = policy.lockedKeys();
    return Config::load(path, policy, config, errors);
}

} // namespace Settings
