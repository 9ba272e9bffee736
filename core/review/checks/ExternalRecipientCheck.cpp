#include "review/checks/ExternalRecipientCheck.h"

namespace Review {

const CheckInfo& ExternalRecipientCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("external-recipient"),
        QT_TRANSLATE_NOOP("Checks", "A recipient is outside your organisation"),
        QT_TRANSLATE_NOOP("Checks", "External"),
        QT_TRANSLATE_NOOP("Checks",
                          "Speaks up for every recipient whose domain is not one of your internal domains."),
        CheckAction::Show,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> ExternalRecipientCheck::run(const CheckContext& context) const
{
    QStringList external;
    for (const Recipient& r : context.recipients) {
        if (!r.internal)
            external << r.address;
    }
    if (external.isEmpty())
        return {};
    return {finding(Severity::Warn,
                    tr("%n recipient(s) outside your organisation: %1", nullptr, int(external.size()))
                        .arg(joined(external)),
                    external)};
}

} // namespace Review
