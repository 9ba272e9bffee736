#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Settings {

struct Config;

// The administrator's policy: an INI file in system scope, written like the
// user's settings file (docs/CONFIG.md, "The administrator's policy file").
// Every key it sets wins over the user's value and is locked: Settings shows
// it with a lock and ConfigWriter refuses to change it.
//
//   Linux    /etc/xdg/Yubisashi/policy.ini
//   Windows  %ProgramData%\Yubisashi\policy.ini
//   macOS    /Library/Application Support/Yubisashi/policy.ini
//
// The environment variable YUBISASHI_POLICY_FILE names another file (tests,
// and administrators trying a policy out).
class AdminPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Settings::AdminPolicy)

public:
    // YUBISASHI_POLICY_FILE when set, else defaultPath().
    static QString path();
    static QString defaultPath();

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

    // Writes the user's settings with this policy on top to outPath, with
    // relative paths made absolute first, so that each keeps the meaning it
    // has in its own file. Config::load and Review::CheckPolicy::load read the
    // result like a settings file.
    bool writeEffective(const QString& userPath, const QString& outPath, QString* error) const;

private:
    QString m_path;
    QHash<QString, QVariant> m_values; // "group/key" -> the value as QSettings read it
};

// Config::load with the administrator's policy (AdminPolicy::path()) applied.
// lockedKeys (may be null) receives the keys the policy sets. Returns false
// only when the user's settings file exists but cannot be read.
bool loadEffective(const QString& path, Config* config, QStringList* errors, QStringList* lockedKeys);

} // namespace Settings
