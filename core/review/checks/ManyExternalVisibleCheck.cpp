#include "review/checks/ManyExternalVisibleCheck.h"

#include "mail/DomainNames.h"

#include <QSet>

namespace Review {

const CheckInfo& ManyExternalVisibleCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("many-external-visible"),
        QT_TRANSLATE_NOOP("Checks", "Many outside addresses can see each other (use Bcc)"),
        QT_TRANSLATE_NOOP("Checks", "Many visible"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up when more outside addresses than the limit are in To and Cc, "
                                    "where every recipient sees them."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> ManyExternalVisibleCheck::run(const CheckContext& context) const
{
    // What the recipients see is the header, not the envelope.
    QStringList addresses;
    QSet<QString> keys;
    QSet<QString> domains;
    for (const QList<Mime::Mailbox>* list : {&context.view.to, &context.view.cc}) {
        for (const Mime::Mailbox& m : *list) {
            const QString a = m.addressAce.isEmpty() ? m.address : m.addressAce;
            if (a.isEmpty() || context.internal.isInternal(a))
                continue;
            const QString key = Mail::DomainNames::addressKey(a);
            if (keys.contains(key))
                continue;
            keys.insert(key);
            addresses << (m.address.isEmpty() ? a : m.address);
            domains.insert(Mail::DomainNames::domainOf(key));
        }
    }
    const int many = context.policy.manyExternalThreshold;
    const int manyDomains = context.policy.manyExternalDomainsThreshold;
    const bool tooManyAddresses = addresses.size() > many;
    const bool tooManyDomains = manyDomains > 0 && domains.size() > manyDomains;
    if (!tooManyAddresses && !tooManyDomains)
        return {};
    return {
        finding(Severity::Warn,
                tr("%1 external addresses from %2 organisations are in To and Cc, so every recipient sees "
                   "all of them. Put them in Bcc to keep them private.")
                    .arg(addresses.size())
                    .arg(domains.size()),
                addresses)};
}

} // namespace Review
