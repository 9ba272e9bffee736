#include "settings/AdminPolicy.h"
#include "settings/IniPolicySource.h"
#include "settings/PolicySource.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

// HKLM or HKCU \SOFTWARE\Policies\Yubisashi, where Group Policy (the ADMX
// templates in deploy/windows) and Intune write: a subkey per group ("policy",
// "account.corp", "accounts"), its values the keys; the subkey "Recommended"
// holds the same layout for the recommended tier. REG_SZ, REG_DWORD (numbers
// and yes/no as 1/0) and REG_MULTI_SZ (lists) are read. Only administrators
// may write under Policies, in either hive.
class RegistryPolicySource : public PolicySource
{
    Q_DECLARE_TR_FUNCTIONS(Settings::RegistryPolicySource)

public:
    explicit RegistryPolicySource(const QString& hive) : m_key(hive + u"\\SOFTWARE\\Policies\\Yubisashi"_s) {}

    QString location() const override { return m_key; }

    QList<PolicyEntry> read(QStringList* errors) const override
    {
        // The Policies key is shared between the 32- and 64-bit views.
        const QSettings settings(m_key, QSettings::NativeFormat);
        if (settings.status() == QSettings::AccessError) {
            *errors << tr("The administrator's policy in the registry key %1 cannot be read, so its settings "
                          "are not applied. Ask your administrator to check its permissions.")
                           .arg(m_key);
            return {};
        }
        QList<PolicyEntry> entries;
        for (const QString& k : settings.allKeys()) {
            // QSettings names a key's unnamed value "Default": not a setting.
            if (k.endsWith(u"/Default"_s) || k == u"Default"_s || k == u"."_s)
                continue;
            entries << entryFor(k, settings.value(k));
        }
        return entries;
    }

private:
    QString m_key;
};

} // namespace

// The machine's policy wins over the user's (HKLM before HKCU); the INI file
// of earlier versions (%ProgramData%\Yubisashi\policy.ini) still applies
// where neither sets a key.
std::vector<std::unique_ptr<PolicySource>> PolicySource::system()
{
    std::vector<std::unique_ptr<PolicySource>> sources;
    sources.push_back(std::make_unique<RegistryPolicySource>(u"HKEY_LOCAL_MACHINE"_s));
    sources.push_back(std::make_unique<RegistryPolicySource>(u"HKEY_CURRENT_USER"_s));
    sources.push_back(std::make_unique<IniPolicySource>(AdminPolicy::defaultPath()));
    return sources;
}

} // namespace Settings
