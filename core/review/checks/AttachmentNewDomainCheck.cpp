#include "review/checks/AttachmentNewDomainCheck.h"

#include "mail/DomainNames.h"

#include <QSet>

namespace Review {

const CheckInfo& AttachmentNewDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("attachment-new-domain"),
        QT_TRANSLATE_NOOP("Checks", "A file sent before to another organisation"),
        QT_TRANSLATE_NOOP("Checks", "File new here"),
        QT_TRANSLATE_NOOP("Checks",
                          "Speaks up when a file you sent to one outside organisation now goes to another."),
        CheckAction::Confirm,
        CheckCategory::Attachments,
    };
    return info;
}

QList<Finding> AttachmentNewDomainCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    QList<Finding> out;
    for (const Mime::Attachment& a : context.view.attachments) {
        if (a.sha256.isEmpty())
            continue;
        const auto it = context.history->attachmentDomains.constFind(a.sha256);
        if (it == context.history->attachmentDomains.constEnd())
            continue;
        // Only organisations outside count: a draft that went round the
        // office before it goes to the customer is the normal case.
        QSet<QString> before;
        QStringList beforeShown;
        for (const QString& d : *it) {
            if (context.internal.matchesDomain(d))
                continue;
            const QString org = Mail::DomainNames::registrable(Mail::DomainNames::toAce(d));
            if (!before.contains(org)) {
                before.insert(org);
                beforeShown << Mail::DomainNames::toUnicode(org);
            }
        }
        if (before.isEmpty())
            continue;
        const Outsiders now = outsiders(context, [&before](const Recipient& r) {
            return !before.contains(Mail::DomainNames::registrable(Mail::DomainNames::toAce(r.domain)));
        });
        if (now.domains.isEmpty())
            continue;
        out << finding(
            Severity::Warn,
            tr("\"%1\" was sent before to %2; now it goes to %3. Check that this file is meant for them.")
                .arg(a.filename, joined(beforeShown, 3), joined(now.domains, 3)),
            now.addresses, {a.filename});
    }
    return out;
}

} // namespace Review
