#pragma once

#include "settings/PolicySource.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Settings {

struct Config;

// The ways around the review a person does.
enum class ReviewBypass
{
    ScriptedDecisions, // --decide: reviews answered by a script (policy/allow_scripted_decisions)
    Pause,             // Pause protection (policy/allow_pause)
};

// The administrator's policy, read from the OS's own places (PolicySource.h:
// /etc/xdg/Yubisashi/policy.ini on Linux, the Policies registry key on
// Windows, managed preferences on macOS) and merged in memory with the user's
// settings (docs/CONFIG.md, "The administrator's policy"). Each key has a tier:
// a locked key wins over the user's value, Settings shows it with a lock and
// ConfigWriter refuses to change it; a recommended key is a default the user's
// own value wins over. Any documented key may be set except secrets
// (passwords and sign-in tokens), which are refused with the reason.
//
// [accounts] sets keys for every account ("accounts/oauth_client_id"), so one
// policy serves every desk whatever each person named their account.
//
// The environment variable YUBISASHI_POLICY_FILE names an INI file that
// replaces the system's sources, but only in builds made for testing (CMake
// option YUBISASHI_TEST_HOOKS): anyone can set an environment variable, so in
// a real installation it would let the user swap the administrator's policy
// for an empty one.
class AdminPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Settings::AdminPolicy)

public:
    // The INI file: YUBISASHI_POLICY_FILE when set and honoured, else defaultPath().
    static QString path();
    // The policy INI file of this OS (on Windows and macOS read after the OS's own places).
    static QString defaultPath();
    // Whether this build honours YUBISASHI_POLICY_FILE (YUBISASHI_TEST_HOOKS).
    static bool honoursPolicyFileVariable();
    // path() for a given value of the variable: the rule itself, for tests of both kinds of build.
    static QString pathFor(const QString& variable, bool honoured);

    // The policy of this computer: every PolicySource::system() source, or
    // only YUBISASHI_POLICY_FILE where that is honoured and set.
    static AdminPolicy system(QStringList* errors);
    // One INI file (IniPolicySource). A missing file is an empty policy.
    static AdminPolicy load(const QString& path, QStringList* errors);
    // Several sources; where two set the same key in the same tier, the
    // earlier wins (HKLM before HKCU). A locked key is never also recommended.
    static AdminPolicy load(const QList<const PolicySource*>& sources, QStringList* errors);
    // Entries read from one source (location and baseFolder as PolicySource's).
    // A value that breaks its key's rule is reported in errors; a locked one
    // stays locked (the administrator meant to decide it, so the user's value
    // does not apply either) and gives the default. A key Yubisashi does not
    // know, and a secret, are reported and ignored.
    static AdminPolicy fromEntries(const QList<PolicyEntry>& entries, const QString& location,
                                   const QString& baseFolder, QStringList* errors);

    // Whether "group/key" may be set in a policy at all, and the reason when
    // not (translated; empty when it may).
    static QString refusal(const QString& key);
    // The keys a template offers (ADMX, mobileconfig, the sample INI): every
    // fixed key of docs/CONFIG.md and [accounts]' keys; [checks]' codes are
    // core/review's (Review::CheckRegistry) and added by whoever lists them.
    static QStringList templateKeys();

    bool isEmpty() const { return m_locked.isEmpty() && m_recommended.isEmpty(); }
    // Where it was read from (the first source with something in it).
    QString filePath() const { return m_path; }
    // "group/key" as in docs/CONFIG.md ("listener/port", "general/language",
    // "accounts/oauth_client_id"), sorted.
    QStringList lockedKeys() const;
    QStringList recommendedKeys() const;
    // Also true for "account.NAME/KEY" while "accounts/KEY" is locked.
    bool isLocked(const QString& key) const;
    bool isRecommended(const QString& key) const;
    // The locked value (invalid for a refused one).
    QVariant value(const QString& key) const { return m_locked.value(key); }
    QVariant recommendedValue(const QString& key) const { return m_recommended.value(key); }

    // Whether a way around the review may be used. While this policy locks
    // `policy/review`, only this policy can allow it (its key locked to true; a
    // missing, recommended or refused value does not). Otherwise the effective
    // setting decides (default true). effective: the configuration with this policy applied.
    bool allows(ReviewBypass which, const Config& effective) const;

private:
    QString m_path;
    QHash<QString, QVariant> m_locked;      // "group/key" -> value as the source read it
    QHash<QString, QVariant> m_recommended; // never a key that is also locked
};

// Config::load with the administrator's policy (AdminPolicy::system()) applied,
// in memory. lockedKeys (may be null) receives the keys the policy locks, with
// [accounts]' keys also named for each account ("account.work/oauth_client_id").
// Returns false only when the user's settings file exists but cannot be read.
bool loadEffective(const QString& path, Config* config, QStringList* errors, QStringList* lockedKeys);
// The same with a given policy (tests, `yubisashi admin --check`).
bool loadEffective(const QString& path, const AdminPolicy& policy, Config* config, QStringList* errors,
                   QStringList* lockedKeys);

} // namespace Settings
