#include "review/checks/CautionDomainCheck.h"

namespace Review {

const CheckInfo& CautionDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("caution-domain"),
        QT_TRANSLATE_NOOP("Checks", "A recipient's domain is on the caution list"),
        QT_TRANSLATE_NOOP("Checks", "Caution"),
        QT_TRANSLATE_NOOP(
            "Checks",
            "Speaks up for a recipient whose domain is on the caution list of the Recipients page."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

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
