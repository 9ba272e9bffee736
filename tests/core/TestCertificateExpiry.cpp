// When one's own certificate needs attention (the Settings window's details).

#include "smime/CertificateExpiry.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Smime::CertificateExpiry;

class TestCertificateExpiry : public QObject
{
    Q_OBJECT
private slots:
    void state_data();
    void state();
    void reminderDue_data();
    void reminderDue();
    void remindersOverAYear();
};

void TestCertificateExpiry::state_data()
{
    QTest::addColumn<QDateTime>("notAfter");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("advice");
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    QTest::newRow("a year left") << now.addDays(365) << int(CertificateExpiry::State::Valid) << QString();
    QTest::newRow("31 days left") << now.addDays(31) << int(CertificateExpiry::State::Valid) << QString();
    QTest::newRow("30 days left") << now.addDays(30) << int(CertificateExpiry::State::ExpiresSoon)
                                  << u"Expires in 30 day(s): ask for a new certificate and import it."_s;
    QTest::newRow("1 day left") << now.addDays(1) << int(CertificateExpiry::State::ExpiresSoon)
                                << u"Expires in 1 day(s): ask for a new certificate and import it."_s;
    QTest::newRow("ends later today") << now.addSecs(3600) << int(CertificateExpiry::State::ExpiresSoon)
                                      << u"Expires in 0 day(s): ask for a new certificate and import it."_s;
    QTest::newRow("ended an hour ago")
        << now.addSecs(-3600) << int(CertificateExpiry::State::ExpiresSoon)
        << u"Expires in 0 day(s): ask for a new certificate and import it."_s; // daysTo: same day
    QTest::newRow("ended yesterday") << now.addDays(-1) << int(CertificateExpiry::State::Expired)
                                     << u"Expired: messages cannot be signed. Import your new certificate."_s;
    QTest::newRow("in another time zone")
        << QDateTime(QDate(2026, 4, 9), QTime(21, 0), QTimeZone(9 * 3600))
        << int(CertificateExpiry::State::ExpiresSoon)
        << u"Expires in 30 day(s): ask for a new certificate and import it."_s;
}

void TestCertificateExpiry::state()
{
    QFETCH(QDateTime, notAfter);
    QFETCH(int, expected);
    QFETCH(QString, advice);
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    QCOMPARE(int(CertificateExpiry::state(notAfter, now)), expected);
    QCOMPARE(CertificateExpiry::advice(notAfter, now), advice);
}

namespace {
constexpr int kNone = -100; // no reminder (shown yet / due)
constexpr int kExpired = CertificateExpiry::kExpiredReminder;
} // namespace

void TestCertificateExpiry::reminderDue_data()
{
    QTest::addColumn<int>("secondsLeft");
    QTest::addColumn<int>("lastShown");
    QTest::addColumn<int>("due");
    const int day = 86400;
    QTest::newRow("31 days, none shown") << 31 * day << kNone << kNone;
    QTest::newRow("30 days, none shown") << 30 * day << kNone << 30;
    QTest::newRow("30 days, 30 shown") << 30 * day << 30 << kNone;
    QTest::newRow("15 days, 30 shown") << 15 * day << 30 << kNone;
    QTest::newRow("14 days, 30 shown") << 14 * day << 30 << 14;
    QTest::newRow("14 days, 14 shown") << 14 * day << 14 << kNone;
    QTest::newRow("7 days, 14 shown") << 7 * day << 14 << 7;
    QTest::newRow("the last day, 7 shown") << 3600 << 7 << kNone;
    QTest::newRow("expired, 7 shown") << -3600 * 25 << 7 << kExpired;
    QTest::newRow("expired, expiry shown") << -30 * day << kExpired << kNone;
    // Away for weeks: only the most urgent one, not every threshold passed.
    QTest::newRow("5 days, none shown") << 5 * day << kNone << 7;
    QTest::newRow("expired, none shown") << -10 * day << kNone << kExpired;
    QTest::newRow("expired, 30 shown") << -10 * day << 30 << kExpired;
}

void TestCertificateExpiry::reminderDue()
{
    QFETCH(int, secondsLeft);
    QFETCH(int, lastShown);
    QFETCH(int, due);
    const QDateTime now(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC);
    const std::optional<int> last = lastShown == kNone ? std::nullopt : std::optional<int>(lastShown);
    const std::optional<int> got = CertificateExpiry::reminderDue(now.addSecs(secondsLeft), now, last);
    QCOMPARE(got.value_or(kNone), due);
}

// Day by day through a certificate's last 40 days and beyond, as the app
// checks it: each reminder exactly once, in order.
void TestCertificateExpiry::remindersOverAYear()
{
    const QDateTime notAfter(QDate(2027, 3, 31), QTime(14, 59, 59), Qt::UTC);
    std::optional<int> lastShown;
    QList<int> shown;
    for (QDateTime now = notAfter.addDays(-40); now < notAfter.addDays(40); now = now.addSecs(6 * 3600)) {
        if (const std::optional<int> due = CertificateExpiry::reminderDue(notAfter, now, lastShown)) {
            shown << *due;
            lastShown = due;
        }
    }
    QCOMPARE(shown, (QList<int>{30, 14, 7, kExpired}));
}

QTEST_MAIN(TestCertificateExpiry)
#include "TestCertificateExpiry.moc"
