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

QTEST_MAIN(TestCertificateExpiry)
#include "TestCertificateExpiry.moc"
