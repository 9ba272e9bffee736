#include "review/DomainMatcher.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDomainMatcher : public QObject
{
    Q_OBJECT
private slots:
    void internalPatterns_data();
    void internalPatterns();
};

void TestDomainMatcher::internalPatterns_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("internal");
    QTest::newRow("exact") << u"taro@example.co.jp"_s << true;
    QTest::newRow("case") << u"Taro@EXAMPLE.co.jp"_s << true;
    QTest::newRow("subdomain") << u"hanako@osaka.example.co.jp"_s << true;
    QTest::newRow("deep subdomain") << u"a@x.y.example.co.jp"_s << true;
    QTest::newRow("look-alike suffix") << u"a@badexample.co.jp"_s << false;
    QTest::newRow("other tld") << u"a@example.com"_s << false;
    QTest::newRow("no domain") << u"postmaster"_s << false;
    QTest::newRow("fqdn trailing dot") << u"taro@example.co.jp."_s << true;
}

void TestDomainMatcher::internalPatterns()
{
    QFETCH(QString, address);
    QFETCH(bool, internal);
    const Review::DomainMatcher m({QStringLiteral("example.co.jp"), QStringLiteral("*.example.co.jp")});
    QCOMPARE(m.isInternal(address), internal);
}

QTEST_GUILESS_MAIN(TestDomainMatcher)
#include "TestDomainMatcher.moc"
