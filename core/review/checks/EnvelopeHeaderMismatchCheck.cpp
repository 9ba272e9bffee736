#include "review/checks/EnvelopeHeaderMismatchCheck.h"

namespace Review {

const CheckInfo& EnvelopeHeaderMismatchCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("envelope-header-mismatch"),
        QT_TRANSLATE_NOOP("Checks", "Hidden (Bcc) recipients, or addresses that will not receive it"),
        QT_TRANSLATE_NOOP("Checks", "Hidden"),
        QT_TRANSLATE_NOOP("Checks", "Shows who receives the message without being in To or Cc, and who is in "
                                    "To or Cc but will not receive it."),
        CheckAction::Show,
        CheckCategory::Recipients,
    };
    return info;
}

QList<Finding> EnvelopeHeaderMismatchCheck::run(const CheckContext& context) const
{
    QList<Finding> out;
    QStringList hidden;
    for (const Recipient& r : context.recipients) {
        if (r.field == Field::Bcc)
            hidden << r.address;
    }
    if (!hidden.isEmpty()) {
        out << finding(Severity::Info,
                       tr("%n recipient(s) get a hidden copy (Bcc); the others cannot see them: %1", nullptr,
                          int(hidden.size()))
                           .arg(joined(hidden)),
                       hidden);
    }
    QStringList missing;
    for (const Address& a : context.notReceiving)
        missing << a.address;
    if (!missing.isEmpty()) {
        out << finding(
            Severity::Warn,
            tr("%n address(es) in To or Cc will not receive this message, because your mail program "
               "did not send it to them: %1",
               nullptr, int(missing.size()))
                .arg(joined(missing)),
            missing);
    }
    return out;
}

} // namespace Review
