#include "settings/AdminPolicy.h"
#include "settings/IniPolicySource.h"
#include "settings/PolicySource.h"

namespace Settings {

// Linux and the other XDG systems: the one INI file, /etc/xdg/Yubisashi/policy.ini.
std::vector<std::unique_ptr<PolicySource>> PolicySource::system()
{
    std::vector<std::unique_ptr<PolicySource>> sources;
    sources.push_back(std::make_unique<IniPolicySource>(AdminPolicy::defaultPath()));
    return sources;
}

} // namespace Settings
