#include "review/checks/FirstTimeRecipientCheck.h"

#include "mail/DomainNames.h"

namespace Review {

const CheckInfo& FirstTimeRecipientCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("first-time-recipient"),
        QT_TRANSLATE_NOOP("Checks", "First message to this person"),
        QT_TRANSLATE_NOOP("Checks", "First time"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up for an outside address you have never sent mail to before."),
        CheckAction::Show,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> FirstTimeRecipientCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    // Internal colleagues are not flagged: the first message to a new
    // colleague is ordinary, and would drown the warnings that matter.
    QStringList first;
    for (const Recipient& r : context.recipients) {
        if (!r.internal &&
            !context.history->knownAddresses.contains(Mail::DomainNames::addressKey(r.address)))
            first << r.address;
    }
    if (first.isEmpty())
        return {};
    return {
        finding(Severity::Warn,
                tr("You have never written to %n of these recipients before: %1", nullptr, int(first.size()))
                    .arg(joined(first)),
                first)};
}

} // namespace Review
