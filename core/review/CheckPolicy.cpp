#include "review/CheckPolicy.h"

#include "review/checks/CheckRegistry.h"

using namespace Qt::StringLiterals;

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

CheckPolicy CheckPolicy::fromConfig(const Settings::Config& config, QStringList* problems)
{
    CheckPolicy p;
    static_cast<Settings::ChecksConfig&>(p) = config.checks;
    p.policy = config.policy;
    const QStringList codes = CheckRegistry::codes();
    const QStringList words{u"off"_s, u"show"_s, u"confirm"_s, u"block"_s};
    for (auto it = config.checks.actionWords.constBegin(); it != config.checks.actionWords.constEnd(); ++it) {
        const QString& code = it.key();
        QString problem;
        CheckAction action = CheckAction::Show;
        if (!codes.contains(code)) {
            problem = tr("Setting \"%1\" in [checks]: there is no check with this name; the checks are %2.")
                          .arg(code, codes.join(u", "_s));
        } else if (!Settings::fromSettingWord(it.value().trimmed(), &action)) {
            problem =
                tr("Setting \"%1\" in [checks]: \"%2\" is not allowed; use one of %3. Using %4 instead.")
                    .arg(code, it.value(), words.join(u", "_s), actionName(defaultAction(code)));
        } else {
            p.actions.insert(code, action);
        }
        if (!problem.isEmpty() && problems)
            *problems << problem;
    }
    return p;
}

} // namespace Review
