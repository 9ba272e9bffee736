// The pause dialog's choices and the moment each one ends.

#include "PauseDialog.h"

#include <QDateTime>
#include <QTest>

class TestPauseDialog : public QObject
{
    Q_OBJECT
private slots:
    void dialogEndTimes_data();
    void dialogEndTimes();
};

void TestPauseDialog::dialogEndTimes_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("end");
    const QDateTime afternoon(QDate(2026, 3, 10), QTime(14, 20));
    QTest::newRow("15 minutes") << int(Ui::PauseDialog::Choice::FifteenMinutes) << afternoon
                                << QDateTime(QDate(2026, 3, 10), QTime(14, 35));
    QTest::newRow("one hour") << int(Ui::PauseDialog::Choice::OneHour) << afternoon
                              << QDateTime(QDate(2026, 3, 10), QTime(15, 20));
    QTest::newRow("until tomorrow") << int(Ui::PauseDialog::Choice::UntilTomorrow) << afternoon
                                    << QDateTime(QDate(2026, 3, 11), QTime(0, 0));
    QTest::newRow("until tomorrow, late")
        << int(Ui::PauseDialog::Choice::UntilTomorrow) << QDateTime(QDate(2026, 12, 31), QTime(23, 50))
        << QDateTime(QDate(2027, 1, 1), QTime(0, 0));
}

void TestPauseDialog::dialogEndTimes()
{
    QFETCH(int, choice);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, end);
    QCOMPARE(Ui::PauseDialog::endOf(static_cast<Ui::PauseDialog::Choice>(choice), now), end);
    // The same moment when asked in UTC.
    QCOMPARE(Ui::PauseDialog::endOf(static_cast<Ui::PauseDialog::Choice>(choice), now.toUTC()), end.toUTC());
}

QTEST_MAIN(TestPauseDialog)
#include "TestPauseDialog.moc"
