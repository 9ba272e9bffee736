#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace Smime {

// When one's own certificate needs attention: a certificate that has expired
// cannot sign, and one that ends within kWarningDays should be renewed now,
// while there is time to get the new one.
class CertificateExpiry
{
    Q_DECLARE_TR_FUNCTIONS(Smime::CertificateExpiry)

public:
    static constexpr int kWarningDays = 30;

    enum class State
    {
        Valid,
        ExpiresSoon, // within kWarningDays (the last day counts as 0 days left)
        Expired
    };

    // Whole days from now to notAfter (negative once it has passed).
    static qint64 daysLeft(const QDateTime& notAfter, const QDateTime& now);
    static State state(const QDateTime& notAfter, const QDateTime& now);
    // What a person should do about it (translated), or empty while it is simply valid.
    static QString advice(const QDateTime& notAfter, const QDateTime& now);

    // Reminders in the tray at 30, 14 and 7 days left and on expiry
    // (kExpiredReminder), each once per certificate: lastShown is the last
    // threshold shown for it (nullopt: none yet). The most urgent threshold
    // reached and not yet shown, or nullopt; after a long absence only that
    // one, not every threshold passed on the way.
    static constexpr int kReminderDays[] = {30, 14, 7};
    static constexpr int kExpiredReminder = -1;
    static std::optional<int> reminderDue(const QDateTime& notAfter, const QDateTime& now,
                                          std::optional<int> lastShown);
};

} // namespace Smime
