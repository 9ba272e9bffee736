#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <vector>

namespace Settings {

// How firmly the administrator sets a key.
enum class PolicyTier
{
    Locked,      // wins over the user's value; the user cannot change it
    Recommended, // a default: the user's own value wins over it
};

// One key as a policy source spells it, before any rule is checked.
struct PolicyEntry
{
    QString key;    // "group/key" as in docs/CONFIG.md ("policy/review", "general/language")
    QVariant value; // text, number or list, as the source stores it
    PolicyTier tier = PolicyTier::Locked;
    int line = 0; // in a file: the line the key is on (1-based); 0 when there is none
};

// Where the administrator's policy comes from: a file or the OS's own place
// for policies. A source only reads; AdminPolicy checks every entry against
// the rules (Validation) and merges the sources.
//
//   Linux    /etc/xdg/Yubisashi/policy.ini                   (IniPolicySource)
//   Windows  HKLM, then HKCU \SOFTWARE\Policies\Yubisashi    (PolicySource_win.cpp)
//            and %ProgramData%\Yubisashi\policy.ini
//   macOS    /Library/Managed Preferences/[USER/]org.yubisashi.Yubisashi.plist (PolicySource_mac.cpp)
//            and /Library/Application Support/Yubisashi/policy.ini
class PolicySource
{
public:
    virtual ~PolicySource() = default;

    // Where it is, as an administrator would look it up: a file's path or a registry key.
    virtual QString location() const = 0;
    // The folder a relative path in it is relative to; empty when the source
    // is not a file (relative paths then stay as written).
    virtual QString baseFolder() const { return QString(); }
    // The entries. A source that does not exist is empty and no error; one
    // that exists and cannot be read adds a translated sentence to errors.
    virtual QList<PolicyEntry> read(QStringList* errors) const = 0;

    // This computer's sources, the one that wins first (PolicySource_{unix,win,mac}.cpp).
    static std::vector<std::unique_ptr<PolicySource>> system();

    // A key as QSettings spells it in a policy ("policy/review",
    // "Recommended/policy/review", "language" at the top level) -> the
    // documented "group/key" and its tier. Every source lays its keys out
    // this way: INI sections, registry subkeys, plist dictionaries.
    static PolicyEntry entryFor(const QString& settingsKey, const QVariant& value);
};

} // namespace Settings
