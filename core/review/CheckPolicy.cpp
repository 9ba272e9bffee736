#include "review/CheckPolicy.h"

#include "review/checks/CheckRegistry.h"

namespace Review {

CheckAction CheckPolicy::action(const QString& code) const
{
    const auto it = actions.constFind(code);
    return it != actions.constEnd() ? *it : defaultAction(code);
}

CheckAction CheckPolicy::defaultAction(const QString& code)
{
    const CheckInfo* info = CheckRegistry::info(code);
    return info ? info->defaultAction : CheckAction::Show;
}

QString CheckPolicy::actionName(CheckAction action)
{
    return Settings::settingWord(action);
}

CheckPolicy CheckPolicy::defaults(const Settings::Policy& policy)
{
    Settings::Config config;
    config.policy = policy;
    return fromConfig(config);
}

CheckPolicy CheckPolicy::fromConfig(const Settings::Config& config)
{
    CheckPolicy p;
    static_cast<Settings::ChecksConfig&>(p) = config.checks;
    p.policy = config.policy;
    return p;
}

} // namespace Review
