#include "review/checks/NameAddressMismatchCheck.h"

#include "mail/DomainNames.h"
#include "mail/PersonNames.h"

namespace Review {

const CheckInfo& NameAddressMismatchCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("name-address-mismatch"),
        QT_TRANSLATE_NOOP("Checks", "A known name with a different address"),
        QT_TRANSLATE_NOOP("Checks", "Name mismatch"),
        QT_TRANSLATE_NOOP(
            "Checks", "Speaks up when a name you sent to before comes with a different address this time."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> NameAddressMismatchCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    QList<Finding> out;
    for (const Recipient& r : context.recipients) {
        const QString key = Mail::PersonNames::key(r.name);
        if (key.isEmpty())
            continue;
        const QString address = Mail::DomainNames::addressKey(r.address);

        // The same person's name with a different address: autocomplete picked
        // the wrong entry, or someone set up a look-alike mailbox.
        const QStringList withName = context.history->addressesByName.value(key);
        if (!withName.isEmpty() && !withName.contains(address)) {
            out << finding(Severity::Warn,
                           tr("\"%1\" was written to before at %2, not at %3.")
                               .arg(r.name, joined(withName, 3), r.address),
                           {r.address});
            continue;
        }

        // The address had other names before: a shared or reassigned mailbox,
        // or a name typed onto the wrong address. Loose matching (one name
        // contains the other) keeps "Taro" vs "Taro Yamada" quiet.
        const QStringList names = context.history->namesByAddress.value(address);
        if (names.isEmpty())
            continue;
        bool seen = false;
        for (const QString& n : names) {
            const QString k = Mail::PersonNames::key(n);
            if (k.isEmpty() || k.contains(key) || key.contains(k)) {
                seen = true;
                break;
            }
        }
        if (!seen) {
            out << finding(
                Severity::Warn,
                tr("%1 was called \"%2\" before, not \"%3\".").arg(r.address, names.constFirst(), r.name),
                {r.address});
        }
    }
    return out;
}

} // namespace Review
