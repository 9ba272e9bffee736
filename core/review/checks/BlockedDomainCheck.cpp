#include "review/checks/BlockedDomainCheck.h"

namespace Review {

const CheckInfo& BlockedDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("blocked-domain"),
        QT_TRANSLATE_NOOP("Checks", "A recipient's domain is on the blocked list"),
        QT_TRANSLATE_NOOP("Checks", "Blocked"),
        QT_TRANSLATE_NOOP(
            "Checks",
            "Speaks up for a recipient whose domain is on the blocked list of the Recipients page."),
        CheckAction::Block,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> BlockedDomainCheck::run(const CheckContext& context) const
{
    if (context.policy.blockedDomains.isEmpty())
        return {};
    const DomainMatcher blocked(context.policy.blockedDomains);
    QStringList hit;
    for (const Recipient& r : context.recipients) {
        if (blocked.matchesDomain(r.domain))
            hit << r.address;
    }
    if (hit.isEmpty())
        return {};
    return {finding(
        Severity::Warn,
        tr("Your organisation does not allow sending to %1. Remove these recipients.").arg(joined(hit)),
        hit)};
}

} // namespace Review
