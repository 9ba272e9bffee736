#include "smime/CertificateExpiry.h"

namespace Smime {

qint64 CertificateExpiry::daysLeft(const QDateTime& notAfter, const QDateTime& now)
{
    return now.daysTo(notAfter);
}

CertificateExpiry::State CertificateExpiry::state(const QDateTime& notAfter, const QDateTime& now)
{
    const qint64 days = daysLeft(notAfter, now);
    if (days < 0)
        return State::Expired;
    if (days <= kWarningDays)
        return State::ExpiresSoon;
    return State::Valid;
}

QString CertificateExpiry::advice(const QDateTime& notAfter, const QDateTime& now)
{
    switch (state(notAfter, now)) {
    case State::Expired:
        return tr("Expired: messages cannot be signed. Import your new certificate.");
    case State::ExpiresSoon:
        return tr("Expires in %n day(s): ask for a new certificate and import it.", nullptr,
                  int(daysLeft(notAfter, now)));
    case State::Valid:
        break;
    }
    return {};
}

std::optional<int> CertificateExpiry::reminderDue(const QDateTime& notAfter, const QDateTime& now,
                                                  std::optional<int> lastShown)
{
    const qint64 days = daysLeft(notAfter, now);
    std::optional<int> reached;
    if (days < 0) {
        reached = kExpiredReminder;
    } else {
        for (int threshold : kReminderDays) {
            if (days <= threshold)
                reached = threshold; // the thresholds go down: the last one reached is the most urgent
        }
    }
    if (!reached || (lastShown && *lastShown <= *reached))
        return std::nullopt;
    return reached;
}

} // namespace Smime
