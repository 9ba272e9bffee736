#include "review/checks/CautionDomainCheck.h"

namespace Review {

QList<Finding> CautionDomainCheck::run(const CheckContext& context) const
{
    if (context.policy.cautionDomains.isEmpty())
        return {};
    const DomainMatcher caution(context.policy.cautionDomains);
    QStringList hit;
    for (const Recipient& r : context.recipients) {
        if (caution.matchesDomain(r.domain))
            hit << r.address;
    }
    if (hit.isEmpty())
        return {};
    return {
        finding(Severity::Warn,
                tr("Your organisation asks you to take extra care with %1. Check that these recipients are "
                   "right.")
                    .arg(joined(hit)),
                hit)};
}

} // namespace Review
