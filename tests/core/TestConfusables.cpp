#include "review/Confusables.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Review::Confusables;

class TestConfusables : public QObject
{
    Q_OBJECT
private slots:
    void skeleton_data();
    void skeleton();
    void confusable_data();
    void confusable();
    void mixedScripts();
};

void TestConfusables::skeleton_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"example"_s << u"example"_s;
    QTest::newRow("upper case") << u"EXAMPLE"_s << u"example"_s;
    QTest::newRow("cyrillic a, e, o, p, c, x") << u"\u0430\u0435\u043E\u0440\u0441\u0445"_s << u"aeopcx"_s;
    QTest::newRow("cyrillic in latin") << u"\u0435x\u0430mple"_s << u"example"_s;
    QTest::newRow("greek omicron, alpha, nu") << u"g\u03BF\u03BFgle"_s << u"google"_s;
    QTest::newRow("full-width") << u"\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45"_s << u"example"_s;
    QTest::newRow("digit one as l") << u"examp1e"_s << u"example"_s;
    QTest::newRow("digit zero as o") << u"micr0soft"_s << u"microsoft"_s;
    QTest::newRow("rn as m") << u"exarnple"_s << u"example"_s;
    QTest::newRow("vv as w") << u"vvidget"_s << u"widget"_s;
    QTest::newRow("accent dropped") << u"ex\u00E4mple"_s << u"example"_s;
    QTest::newRow("dotless i") << u"\u0131nfo"_s << u"info"_s;
    QTest::newRow("zero-width joiner removed") << u"exa\u200Dmple"_s << u"example"_s;
    QTest::newRow("ideographic full stop") << u"example\u3002jp"_s << u"example.jp"_s;
    QTest::newRow("kana keeps voicing")
        << u"\u304C\u3063\u3053\u3046"_s << u"\u304B\u3099\u3063\u3053\u3046"_s;
}

void TestConfusables::skeleton()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Confusables::skeleton(input), expected);
}

void TestConfusables::confusable_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("confusable");
    QTest::newRow("homoglyph") << u"p\u0430ypal"_s << u"paypal"_s << true;
    QTest::newRow("identical is not confusable") << u"example"_s << u"example"_s << false;
    QTest::newRow("case only is not confusable") << u"Example"_s << u"example"_s << false;
    QTest::newRow("different words") << u"example"_s << u"sample"_s << false;
    QTest::newRow("different kana") << u"\u304C\u3063\u3053\u3046"_s << u"\u304B\u3063\u3053\u3046"_s
                                    << false;
}

void TestConfusables::confusable()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, confusable);
    QCOMPARE(Confusables::areConfusable(a, b), confusable);
}

void TestConfusables::mixedScripts()
{
    QVERIFY(Confusables::hasMixedScripts(u"\u0435xample"_s));
    QVERIFY(!Confusables::hasMixedScripts(u"example"_s));
    QVERIFY(!Confusables::hasMixedScripts(u"\u043F\u0440\u0438\u043C\u0435\u0440"_s)); // all Cyrillic
}

QTEST_GUILESS_MAIN(TestConfusables)
#include "TestConfusables.moc"
