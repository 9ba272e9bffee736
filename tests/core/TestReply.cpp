#include "smtp/Reply.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Smtp::Reply;

class TestReply : public QObject
{
    Q_OBJECT
private slots:
    void toWire_data();
    void toWire();
    void longTextWraps_data();
    void longTextWraps();
    void toString_data();
    void toString();
    void classes_data();
    void classes();
};

void TestReply::toWire_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("one line") << 250 << u"2.0.0"_s << u"OK"_s << QByteArray("250 2.0.0 OK\r\n");
    QTest::newRow("no enhanced code")
        << 220 << QString() << u"localhost ESMTP"_s << QByteArray("220 localhost ESMTP\r\n");
    QTest::newRow("multi-line, code on every line")
        << 250 << QString() << u"localhost\nPIPELINING\nSMTPUTF8"_s
        << QByteArray("250-localhost\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n");
    QTest::newRow("multi-line with enhanced code")
        << 550 << u"5.7.1"_s << u"Blocked\nsee the policy"_s
        << QByteArray("550-5.7.1 Blocked\r\n550 5.7.1 see the policy\r\n");
    QTest::newRow("empty text (AUTH continuation)")
        << 334 << QString() << QString() << QByteArray("334 \r\n");
    QTest::newRow("CR in text cannot break the line")
        << 554 << u"5.0.0"_s << u"a\rb"_s << QByteArray("554 5.0.0 a b\r\n");
    QTest::newRow("UTF-8 text")
        << 550 << u"5.7.1"_s << u"宛先を確認"_s
        << QByteArray("550 5.7.1 \xE5\xAE\x9B\xE5\x85\x88\xE3\x82\x92\xE7\xA2\xBA\xE8\xAA\x8D\r\n");
}

void TestReply::toWire()
{
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, text);
    QFETCH(QByteArray, wire);
    QCOMPARE(Reply::make(code, enhanced, text).toWire(), wire);
}

// RFC 5321 4.5.3.1.5: no reply line over 512 octets with its CRLF, however
// long the reason (a refusal that lists every Bcc recipient): the text goes on
// in a multi-line reply, and nothing of it is lost or cut inside a character.
void TestReply::longTextWraps_data()
{
    QTest::addColumn<QString>("text");
    QStringList addresses;
    for (int i = 0; i < 60; ++i)
        addresses << u"recipient-number-%1@partner-company.example.co.jp"_s.arg(i);
    QTest::newRow("many addresses") << u"It has Bcc recipients (%1). Send them a separate message."_s.arg(
        addresses.join(u", "_s));
    QTest::newRow("one long word") << QString(1500, u'x');
    QTest::newRow("Japanese without spaces")
        << u"a"_s + QString(600, QChar(0x5B9B)); // 宛: 3 bytes in UTF-8, off by one
}

void TestReply::longTextWraps()
{
    QFETCH(QString, text);
    const QByteArray wire = Reply::make(550, u"5.7.1"_s, text).toWire();
    QVERIFY(wire.endsWith("\r\n"));
    QList<QByteArray> lines = wire.split('\n');
    lines.removeLast(); // after the final LF
    QVERIFY2(lines.size() > 1, "a long text must become a multi-line reply");
    QByteArray joined;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        QVERIFY(line.endsWith('\r'));
        QVERIFY2(line.size() + 1 <= 512, qPrintable(u"line %1 has %2 octets"_s.arg(i).arg(line.size() + 1)));
        const QByteArray prefix = i + 1 < lines.size() ? "550-5.7.1 " : "550 5.7.1 ";
        QVERIFY(line.startsWith(prefix));
        const QByteArray piece = line.sliced(prefix.size()).chopped(1); // without the CR
        QVERIFY2(QString::fromUtf8(piece).toUtf8() == piece, "a character was cut in two");
        joined += piece;
    }
    // Nothing lost: only the spaces where the text was broken are gone.
    QString expected = text;
    expected.remove(u' ');
    QCOMPARE(QString::fromUtf8(joined).remove(u' '), expected);
}

void TestReply::toString_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("string");
    QTest::newRow("full") << 550 << u"5.7.1"_s << u"Cancelled at review"_s
                          << u"550 5.7.1 Cancelled at review"_s;
    QTest::newRow("no enhanced") << 220 << QString() << u"ready"_s << u"220 ready"_s;
    QTest::newRow("no text") << 250 << u"2.0.0"_s << QString() << u"250 2.0.0"_s;
    QTest::newRow("multi-line on one line") << 250 << QString() << u"a\nb\nc"_s << u"250 a b c"_s;
}

void TestReply::toString()
{
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, text);
    QFETCH(QString, string);
    QCOMPARE(Reply::make(code, enhanced, text).toString(), string);
}

void TestReply::classes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("positive");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<bool>("permanent");
    QTest::newRow("250") << 250 << true << false << false;
    QTest::newRow("354") << 354 << true << false << false;
    QTest::newRow("451") << 451 << false << true << false;
    QTest::newRow("550") << 550 << false << false << true;
}

void TestReply::classes()
{
    QFETCH(int, code);
    QFETCH(bool, positive);
    QFETCH(bool, transient);
    QFETCH(bool, permanent);
    const Reply r = Reply::make(code, {}, {});
    QCOMPARE(r.isPositive(), positive);
    QCOMPARE(r.isTransient(), transient);
    QCOMPARE(r.isPermanent(), permanent);
}

QTEST_GUILESS_MAIN(TestReply)
#include "TestReply.moc"
