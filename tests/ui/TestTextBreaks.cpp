#include "TextBreaks.h"

#include <QTest>
#include <QTextBoundaryFinder>

using namespace Qt::StringLiterals;

// Where Qt's own line breaker (the one QLabel wraps with) may break the text,
// shown as "|" between the visible characters.
static QString lineBreaks(const QString& text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    QString shown;
    for (qsizetype i = 0; i < text.size(); ++i) {
        finder.setPosition(i);
        if (i > 0 && finder.isAtBoundary() && text.at(i - 1) != QChar(0x2060))
            shown += u'|';
        if (text.at(i) != QChar(0x2060))
            shown += text.at(i);
    }
    return shown;
}

class TestTextBreaks : public QObject
{
    Q_OBJECT

private slots:
    void breaksOnlyBetweenPhrases_data();
    void breaksOnlyBetweenPhrases();
};

void TestTextBreaks::breaksOnlyBetweenPhrases_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("breaks");

    QTest::newRow("no word is split")
        << u"送信先のメールボックスがありません"_s << u"送信先の|メールボックスがありません"_s;
    QTest::newRow("after punctuation and spaces") << u"メールサーバーがメールを拒否しました: 送信先"_s
                                                  << u"メールサーバーが|メールを|拒否しました: |送信先"_s;
    QTest::newRow("an inflection inside a compound verb stays")
        << u"メールに貼り付けてください"_s << u"メールに|貼り付けてください"_s;
    QTest::newRow("a small kana or ー does not start a word")
        << u"ちょっとコーヒー"_s << u"ちょっと|コーヒー"_s;
    QTest::newRow("Latin text as Qt breaks it")
        << u"The mail server refused it"_s << u"The |mail |server |refused |it"_s;
    QTest::newRow("Japanese beside Latin")
        << u"smtp.example.jp に接続できません"_s << u"smtp.example.jp |に|接続できません"_s;
}

void TestTextBreaks::breaksOnlyBetweenPhrases()
{
    QFETCH(QString, text);
    QFETCH(QString, breaks);
    QCOMPARE(lineBreaks(Ui::phraseBreaks(text)), breaks);
}

QTEST_APPLESS_MAIN(TestTextBreaks)
#include "TestTextBreaks.moc"
