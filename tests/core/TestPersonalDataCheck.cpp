#include "ReviewFixture.h"
#include "review/checks/PersonalDataCheck.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Review::PersonalDataCheck;

class TestPersonalDataCheck : public QObject
{
    Q_OBJECT
private slots:
    void myNumberCheckDigit_data();
    void myNumberCheckDigit();
    void luhnAndBrand_data();
    void luhnAndBrand();
    void body_data();
    void body();
    void numbersAreMasked();
    void landlineThreshold();
};

void TestPersonalDataCheck::myNumberCheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid 1") << u"123456789018"_s << true;
    QTest::newRow("valid 2") << u"987654321093"_s << true;
    QTest::newRow("valid 3") << u"314159265352"_s << true;
    QTest::newRow("wrong check digit") << u"123456789012"_s << false;
    QTest::newRow("11 digits") << u"12345678901"_s << false;
    QTest::newRow("letters") << u"12345678901a"_s << false;
}

void TestPersonalDataCheck::myNumberCheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(PersonalDataCheck::isMyNumber(digits), valid);
}

void TestPersonalDataCheck::luhnAndBrand_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("luhn");
    QTest::addColumn<QString>("brand");
    QTest::newRow("visa") << u"4111111111111111"_s << true << u"Visa"_s;
    QTest::newRow("mastercard") << u"5555555555554444"_s << true << u"Mastercard"_s;
    QTest::newRow("mastercard 2-series") << u"2223003122003222"_s << true << u"Mastercard"_s;
    QTest::newRow("amex") << u"378282246310005"_s << true << u"American Express"_s;
    QTest::newRow("jcb") << u"3530111333300000"_s << true << u"JCB"_s;
    QTest::newRow("diners") << u"30569309025904"_s << true << u"Diners Club"_s;
    QTest::newRow("discover") << u"6011111111111117"_s << true << u"Discover"_s;
    QTest::newRow("luhn fails") << u"4111111111111112"_s << false << u"Visa"_s;
    QTest::newRow("no issuer") << u"9111111111111111"_s << false << QString();
}

void TestPersonalDataCheck::luhnAndBrand()
{
    QFETCH(QString, digits);
    QFETCH(bool, luhn);
    QFETCH(QString, brand);
    QCOMPARE(PersonalDataCheck::passesLuhn(digits), luhn);
    QCOMPARE(PersonalDataCheck::cardBrand(digits), brand);
}

void TestPersonalDataCheck::body_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("findings");
    QTest::newRow("nothing") << u"お世話になっております。\n資料を送ります。"_s << 0;
    QTest::newRow("my number") << u"個人番号: 123456789018 です"_s << 1;
    QTest::newRow("my number in groups") << u"マイナンバーは 1234 5678 9018"_s << 1;
    QTest::newRow("my number with full-width digits") << u"番号は１２３４５６７８９０１８です"_s << 1;
    QTest::newRow("12 digits, wrong check digit") << u"注文番号 123456789012"_s << 0;
    QTest::newRow("my number inside a longer number") << u"ID 99123456789018"_s << 0;
    QTest::newRow("my number glued to letters") << u"ORD-123456789018"_s << 0;
    QTest::newRow("timestamp with valid check digit") << u"log 202401151232"_s << 0;
    QTest::newRow("card with spaces") << u"カード 4111 1111 1111 1111 でお願いします"_s << 1;
    QTest::newRow("card with hyphens") << u"card: 5555-5555-5555-4444"_s << 1;
    QTest::newRow("card without separators") << u"4111111111111111"_s << 1;
    QTest::newRow("card number fails luhn") << u"4111 1111 1111 1112"_s << 0;
    QTest::newRow("long number that contains a card") << u"24111111111111111"_s << 0;
    QTest::newRow("amount with decimals") << u"合計 4111111111111111.50 円"_s << 0;
    QTest::newRow("mobile") << u"山田様の携帯は 090-1234-5678 です"_s << 1;
    QTest::newRow("mobile with katakana dash") << u"連絡先 080ー1234ー5678"_s << 1;
    QTest::newRow("mobile without hyphens") << u"09012345678"_s << 1;
    QTest::newRow("one landline is a contact") << u"代表 03-1234-5678 までお電話ください"_s << 0;
    QTest::newRow("three landlines are a list") << u"A 03-1234-5678\nB 06-1234-5678\nC 045-123-4567"_s << 1;
    QTest::newRow("toll free is a business") << u"0120-123-456"_s << 0;
    QTest::newRow("date") << u"2024-01-15 と 2024/01/15 と 20240115"_s << 0;
    QTest::newRow("mobile in the signature")
        << u"よろしくお願いします。\n\n--\n山田太郎\n携帯 090-1234-5678\nTEL 03-1234-5678"_s << 0;
    QTest::newRow("mobile in a drawn signature")
        << u"本文\n━━━━━━━━━━━━\n山田太郎\nMobile: 090-1234-5678\n━━━━━━━━━━━━"_s << 0;
    QTest::newRow("mobile in quoted text") << u"了解です。\n> 090-1234-5678 に電話ください"_s << 0;
    QTest::newRow("international") << u"+81-90-1234-5678"_s << 0;
    QTest::newRow("my number and card") << u"123456789018\n4111-1111-1111-1111"_s << 2;
}

void TestPersonalDataCheck::body()
{
    QFETCH(QString, body);
    QFETCH(int, findings);
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(u"a@partner.example"_s)}, body);
    const auto result = Fixture::run(PersonalDataCheck(), v, Fixture::policy());
    QStringList messages;
    for (const auto& f : result)
        messages << f.message;
    QVERIFY2(result.size() == findings, qPrintable(messages.join(u" | "_s)));
}

void TestPersonalDataCheck::numbersAreMasked()
{
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(u"a@partner.example"_s)},
                                                 u"123456789018\n4111 1111 1111 1111\n090-1234-5678"_s);
    const auto result = Fixture::run(PersonalDataCheck(), v, Fixture::policy());
    QCOMPARE(result.size(), 3);
    const QString all = result.at(0).message + result.at(1).message + result.at(2).message;
    QVERIFY2(!all.contains(u"12345678"_s), qPrintable(all));
    QVERIFY2(!all.contains(u"1111 1111"_s), qPrintable(all));
    QVERIFY2(all.contains(u"9018"_s) && all.contains(u"Visa"_s) && all.contains(u"090-XXXX-5678"_s),
             qPrintable(all));
}

void TestPersonalDataCheck::landlineThreshold()
{
    const Mime::MessageView v =
        Fixture::message({Fixture::mailbox(u"a@partner.example"_s)}, u"03-1234-5678 / 06-1234-5678"_s);
    Review::CheckPolicy p = Fixture::policy();
    QCOMPARE(Fixture::run(PersonalDataCheck(), v, p).size(), 0);
    p.landlinePhoneThreshold = 2;
    QCOMPARE(Fixture::run(PersonalDataCheck(), v, p).size(), 1);
}

QTEST_GUILESS_MAIN(TestPersonalDataCheck)
#include "TestPersonalDataCheck.moc"
