#include "mail/DomainNames.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Mail::DomainNames;

class TestDomainNames : public QObject
{
    Q_OBJECT
private slots:
    void domainOf_data();
    void domainOf();
    void addressKey_data();
    void addressKey();
    void aceAndUnicode();
};

void TestDomainNames::domainOf_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("domain");
    QTest::newRow("plain") << u"taro@example.co.jp"_s << u"example.co.jp"_s;
    QTest::newRow("lower-cased") << u"Taro@Example.CO.JP"_s << u"example.co.jp"_s;
    // The root label of a fully qualified name is not part of the domain.
    QTest::newRow("fqdn trailing dot") << u"taro@example.co.jp."_s << u"example.co.jp"_s;
    QTest::newRow("several trailing dots") << u"taro@example.com.."_s << u"example.com"_s;
    QTest::newRow("last at wins") << u"\"a@b\"@example.com"_s << u"example.com"_s;
    QTest::newRow("no at") << u"postmaster"_s << QString();
    QTest::newRow("unicode kept") << u"a@例え.jp"_s << u"例え.jp"_s;
}

void TestDomainNames::domainOf()
{
    QFETCH(QString, address);
    QFETCH(QString, domain);
    QCOMPARE(DomainNames::domainOf(address), domain);
}

void TestDomainNames::addressKey_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");
    QTest::newRow("case") << u" Taro@Example.COM "_s << u"taro@example.com"_s;
    QTest::newRow("fqdn trailing dot") << u"taro@example.com."_s << u"taro@example.com"_s;
    QTest::newRow("idn to ace") << u"a@例え.jp"_s << u"a@xn--r8jz45g.jp"_s;
    QTest::newRow("ace kept") << u"a@XN--R8JZ45G.jp"_s << u"a@xn--r8jz45g.jp"_s;
    QTest::newRow("no at") << u"Postmaster"_s << u"postmaster"_s;
}

void TestDomainNames::addressKey()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(DomainNames::addressKey(address), key);
}

void TestDomainNames::aceAndUnicode()
{
    QCOMPARE(DomainNames::toAce(u"例え.JP"_s), u"xn--r8jz45g.jp"_s);
    QCOMPARE(DomainNames::toUnicode(u"xn--r8jz45g.jp"_s), u"例え.jp"_s);
    QCOMPARE(DomainNames::registrable(u"mail.example.co.jp"_s), u"example.co.jp"_s);
    QCOMPARE(DomainNames::registrable(u"mail.example.com"_s), u"example.com"_s);
}

QTEST_GUILESS_MAIN(TestDomainNames)
#include "TestDomainNames.moc"
