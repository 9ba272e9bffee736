#include "review/checks/FirstTimeDomainCheck.h"

#include "mail/DomainNames.h"

namespace Review {

const CheckInfo& FirstTimeDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("first-time-domain"),
        QT_TRANSLATE_NOOP("Checks", "First message to this organisation"),
        QT_TRANSLATE_NOOP("Checks", "New domain"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up when a message goes to an outside domain for the first time."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> FirstTimeDomainCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    const Outsiders o = outsiders(context, [&context](const Recipient& r) {
        return !context.history->knownDomains.contains(Mail::DomainNames::toAce(r.domain));
    });
    if (o.domains.isEmpty())
        return {};
    return {finding(Severity::Warn,
                    tr("You have never written to %n of these organisations (domains) before: %1", nullptr,
                       int(o.domains.size()))
                        .arg(joined(o.domains)),
                    o.addresses)};
}

} // namespace Review
