#pragma once

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

// The administrator's policy: an INI file in system scope, written like the
// user's settings file (docs/CONFIG.md, "The administrator's policy file").
// Every key it sets wins over the user's value and is locked: Settings shows
// it with a lock and ConfigWriter refuses to change it.
//
//   Linux    /etc/xdg/Yubisashi/policy.ini
//   Windows  %ProgramData%\Yubisashi\policy.ini
//   macOS    /Library/Application Support/Yubisashi/policy.ini
//
// The environment variable YUBISASHI_POLICY_FILE names another file, but only
// in builds made for testing (CMake option YUBISASHI_TEST_HOOKS): anyone can
// set an environment variable, so in a real installation it would let the
// user swap the administrator's policy for an empty one.
class AdminPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Settings::AdminPolicy)

public:
    // YUBISASHI_POLICY_FILE when set and honoured, else defaultPath().
    static QString path();
    static QString defaultPath();
    // Whether this build honours YUBISASHI_POLICY_FILE (YUBISASHI_TEST_HOOKS).
    static bool honoursPolicyFileVariable();
    // path() for a given value of the variable: the rule itself, for tests of both kinds of build.
    static QString pathFor(const QString& variable, bool honoured);

    // Reads the policy file. A missing file is an empty policy. A file that
    // exists but cannot be read, or a value that breaks its key's rule, is
    // reported in errors (the key stays locked: the administrator meant to
    // decide it, so the user's value does not apply either).
    static AdminPolicy load(const QString& path, QStringList* errors);

    bool isEmpty() const { return m_values.isEmpty(); }
    QString filePath() const { return m_path; }
    // "group/key" as in docs/CONFIG.md ("listener/port", "general/language").
    QStringList lockedKeys() const;
    bool isLocked(const QString& key) const { return m_values.contains(key); }
    QVariant value(const QString& key) const { return m_values.value(key); }

    // Whether a way around the review may be used. While this policy locks
    // `policy/review`, only this policy can allow it (its key set to true; a
    // missing or refused value does not). Otherwise the effective setting
    // decides (default true). effective: the configuration with this policy applied.
    bool allows(ReviewBypass which, const Config& effective) const;

private:
    QString m_path;
    QHash<QString, QVariant> m_values; // "group/key" -> the value as QSettings read it
};

// Config::load with the administrator's policy (AdminPolicy::path()) applied,
// in memory. lockedKeys (may be null) receives the keys the policy sets.
// Returns false only when the user's settings file exists but cannot be read.
bool loadEffective(const QString& path, Config* config, QStringList* errors, QStringList* lockedKeys);

} // namespace Settings
