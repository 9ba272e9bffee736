#include "review/checks/FirstTimeDomainCheck.h"

#include "mail/DomainNames.h"

namespace Review {

QList<Finding> FirstTimeDomainCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    QStringList domains;
    QStringList addresses;
    for (const Recipient& r : context.recipients) {
        if (r.internal || context.history->knownDomains.contains(Mail::DomainNames::toAce(r.domain)))
            continue;
        if (!domains.contains(r.domain))
            domains << r.domain;
        addresses << r.address;
    }
    if (domains.isEmpty())
        return {};
    return {finding(Severity::Warn,
                    tr("You have never written to %n of these organisations (domains) before: %1", nullptr,
                       int(domains.size()))
                        .arg(joined(domains)),
                    addresses)};
}

} // namespace Review
