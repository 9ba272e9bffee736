#include "ReviewFixture.h"
#include "review/checks/GreetingMismatchCheck.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Review::GreetingMismatchCheck;

class TestGreetingMismatchCheck : public QObject
{
    Q_OBJECT
private slots:
    void greeting_data();
    void greeting();
    void mismatch_data();
    void mismatch();
};

void TestGreetingMismatchCheck::greeting_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("sama") << u"山田様\n\nいつもお世話になっております。"_s << QStringList{u"山田"_s};
    QTest::newRow("full name with space")
        << u"山田 太郎 様\nお世話になっております。"_s << QStringList{u"山田"_s, u"太郎"_s};
    QTest::newRow("company line first")
        << u"株式会社サンプル\n営業部 山田様\n\nお世話になっております。"_s << QStringList{u"山田"_s};
    QTest::newRow("company and person on one line")
        << u"株式会社サンプル 鈴木様、お世話になっております。"_s << QStringList{u"鈴木"_s};
    QTest::newRow("san") << u"佐藤さん\nお疲れさまです。"_s << QStringList{u"佐藤"_s};
    QTest::newRow("dono") << u"田中殿"_s << QStringList{u"田中"_s};
    QTest::newRow("onchu is a company") << u"株式会社サンプル 御中\n"_s << QStringList{};
    QTest::newRow("kakui is a group") << u"関係者各位\n"_s << QStringList{};
    QTest::newRow("minasama") << u"皆様\nお疲れさまです。"_s << QStringList{};
    QTest::newRow("tantousha") << u"ご担当者様\n"_s << QStringList{};
    QTest::newRow("dear") << u"Dear Anna,\n\nPlease find attached."_s << QStringList{u"anna"_s};
    QTest::newRow("dear with title") << u"Dear Mr. Smith,\n"_s << QStringList{u"smith"_s};
    QTest::newRow("hi") << u"Hi Ben!\n"_s << QStringList{u"ben"_s};
    QTest::newRow("hello two") << u"Hello Anna and Ben,\n"_s << QStringList{u"anna"_s, u"ben"_s};
    QTest::newRow("san in latin") << u"Hi Yamada-san,\n"_s << QStringList{u"yamada"_s};
    QTest::newRow("dear all") << u"Dear all,\n"_s << QStringList{};
    QTest::newRow("hi team") << u"Hi team,\n"_s << QStringList{};
    QTest::newRow("dear sir or madam") << u"Dear Sir or Madam,\n"_s << QStringList{};
    QTest::newRow("no greeting") << u"資料を送ります。\n山田様にもよろしくお伝えください。"_s
                                 << QStringList{};
    QTest::newRow("name late in the text") << u"a\nb\nc\nd\ne\n山田様"_s << QStringList{};
}

void TestGreetingMismatchCheck::greeting()
{
    QFETCH(QString, body);
    QFETCH(QStringList, names);
    QCOMPARE(GreetingMismatchCheck::greetingOf(body).names, names);
}

void TestGreetingMismatchCheck::mismatch_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("fires");
    QTest::newRow("matches display name")
        << u"山田様\n"_s << u"t.yamada@partner.example"_s << u"山田 太郎"_s << false;
    QTest::newRow("other person") << u"山田様\n"_s << u"suzuki@partner.example"_s << u"鈴木 一郎"_s << true;
    QTest::newRow("honorific in display name")
        << u"山田太郎様\n"_s << u"y@partner.example"_s << u"山田 太郎 様"_s << false;
    QTest::newRow("no display name: cannot tell")
        << u"山田様\n"_s << u"suzuki@partner.example"_s << QString() << false;
    QTest::newRow("latin display name: cannot tell")
        << u"山田様\n"_s << u"i.suzuki@partner.example"_s << u"Ichiro Suzuki"_s << false;
    QTest::newRow("dear matches local part")
        << u"Dear Anna,\n"_s << u"anna.schmidt@partner.example"_s << QString() << false;
    QTest::newRow("dear matches display name")
        << u"Dear Anna,\n"_s << u"as@partner.example"_s << u"Anna Schmidt"_s << false;
    QTest::newRow("dear other person")
        << u"Dear Anna,\n"_s << u"ben.miller@partner.example"_s << u"Ben Miller"_s << true;
    QTest::newRow("dear, role address")
        << u"Dear Anna,\n"_s << u"info@partner.example"_s << QString() << false;
    QTest::newRow("company greeting")
        << u"株式会社サンプル 御中\n"_s << u"x@partner.example"_s << u"鈴木"_s << false;
}

void TestGreetingMismatchCheck::mismatch()
{
    QFETCH(QString, body);
    QFETCH(QString, address);
    QFETCH(QString, name);
    QFETCH(bool, fires);
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(address, name)}, body,
                                                 {Fixture::mailbox(u"boss@example.co.jp"_s, u"部長"_s)});
    const auto findings = Fixture::run(GreetingMismatchCheck(), v, Fixture::policy());
    QCOMPARE(findings.size(), fires ? 1 : 0);
}

QTEST_GUILESS_MAIN(TestGreetingMismatchCheck)
#include "TestGreetingMismatchCheck.moc"
