#include "review/checks/ThreadNewDomainCheck.h"

#include "mail/DomainNames.h"

#include <QSet>

namespace Review {

const CheckInfo& ThreadNewDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("thread-new-domain"),
        QT_TRANSLATE_NOOP("Checks", "A new organisation joins a conversation"),
        QT_TRANSLATE_NOOP("Checks", "New in thread"),
        QT_TRANSLATE_NOOP(
            "Checks",
            "Speaks up when a reply goes to an outside organisation that had no part in the conversation."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> ThreadNewDomainCheck::run(const CheckContext& context) const
{
    if (!context.history || !context.history->threadKnown)
        return {};
    // Compared by organisation: mail.partner.co.jp and partner.co.jp are the same party.
    QSet<QString> thread;
    for (const QString& d : context.history->threadDomains)
        thread.insert(Mail::DomainNames::registrable(Mail::DomainNames::toAce(d)));
    const Outsiders o = outsiders(context, [&thread](const Recipient& r) {
        return !thread.contains(Mail::DomainNames::registrable(Mail::DomainNames::toAce(r.domain)));
    });
    if (o.domains.isEmpty())
        return {};
    return {
        finding(Severity::Warn,
                tr("This is a reply, but %1 took no part in the conversation before.").arg(joined(o.domains)),
                o.addresses)};
}

} // namespace Review
