#include "review/checks/ExternalRecipientCheck.h"

namespace Review {

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
