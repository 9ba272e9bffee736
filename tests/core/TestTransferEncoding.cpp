#include "smime/TransferEncoding.h"

#include <QRandomGenerator>
#include <QTest>

using Smime::TransferEncoding;

class TestTransferEncoding : public QObject
{
    Q_OBJECT
private slots:
    void base64Lines_data();
    void base64Lines();
    void quotedPrintable_data();
    void quotedPrintable();
    void quotedPrintableRoundTrip_data();
    void quotedPrintableRoundTrip();
    void quotedPrintableDecodeLenient();
};

void TestTransferEncoding::base64Lines_data()
{
    QTest::addColumn<int>("size");
    for (int n : {0, 1, 2, 3, 56, 57, 58, 114, 1000, 100003})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestTransferEncoding::base64Lines()
{
    QFETCH(int, size);
    QByteArray data(size, Qt::Uninitialized);
    for (char& c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    const QByteArray enc = TransferEncoding::base64(data);
    QCOMPARE(TransferEncoding::decodeBase64(enc), data);
    // The same characters as Qt's encoder, cut into 76-column CRLF lines.
    QByteArray joined = enc;
    joined.replace("\r\n", "");
    QCOMPARE(joined, data.toBase64());
    const QList<QByteArray> lines = enc.split('\n');
    QCOMPARE(lines.last(), QByteArray()); // ends with CRLF (or is empty)
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QVERIFY(lines[i].endsWith('\r'));
        QVERIFY2(lines[i].size() - 1 <= 76, lines[i].constData());
        if (i + 2 < lines.size())
            QCOMPARE(lines[i].size() - 1, 76);
    }
}

void TestTransferEncoding::quotedPrintable_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("plain") << QByteArray("Hello\r\n") << QByteArray("Hello\r\n");
    QTest::newRow("equals") << QByteArray("a=b\r\n") << QByteArray("a=3Db\r\n");
    QTest::newRow("trailing space") << QByteArray("end \r\n") << QByteArray("end=20\r\n");
    QTest::newRow("trailing tab, no final CRLF") << QByteArray("end\t") << QByteArray("end=09");
    QTest::newRow("inner space stays") << QByteArray("a b\r\n") << QByteArray("a b\r\n");
    QTest::newRow("From at line start") << QByteArray("x\r\nFrom me\r\n") << QByteArray("x\r\n=46rom me\r\n");
    QTest::newRow("From inside a line") << QByteArray("a From b\r\n") << QByteArray("a From b\r\n");
    QTest::newRow("utf-8") << QByteArray("\xe3\x81\x82\r\n") << QByteArray("=E3=81=82\r\n");
    QTest::newRow("lone LF and CR") << QByteArray("a\nb\rc") << QByteArray("a=0Ab=0Dc");
    QTest::newRow("76 columns fit") << QByteArray(76, 'a') + "\r\n" << QByteArray(76, 'a') + "\r\n";
    QTest::newRow("77 columns break") << QByteArray(77, 'a') + "\r\n" << QByteArray(75, 'a') + "=\r\naa\r\n";
    // A soft break must not leave "From " at the start of the next line.
    QTest::newRow("From after soft break") << QByteArray(75, 'a') + "From x\r\n"
                                           << QByteArray(75, 'a') + "=\r\n=46rom x\r\n";
}

void TestTransferEncoding::quotedPrintable()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(TransferEncoding::quotedPrintable(text), encoded);
}

void TestTransferEncoding::quotedPrintableRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("japanese") << QByteArray(
        "日本語のテキスト、とても長い行になるように繰り返します。"
        "日本語のテキスト、とても長い行になるように繰り返します。\r\n次の行\r\n");
    QTest::newRow("spaces at soft breaks") << QByteArray(74, 'a') + "   b" + QByteArray(200, ' ') + "c\r\n";
    QTest::newRow("binary-ish") << QByteArray("\x00\x01=\xff\r\n\r\n", 8);
    QTest::newRow("empty") << QByteArray();
}

void TestTransferEncoding::quotedPrintableRoundTrip()
{
    QFETCH(QByteArray, text);
    const QByteArray enc = TransferEncoding::quotedPrintable(text);
    QCOMPARE(TransferEncoding::decodeQuotedPrintable(enc), text);
    for (const QByteArray& line : enc.split('\n')) {
        QVERIFY(line.size() <= 77); // 76 + CR
        QVERIFY(!line.startsWith("From "));
        QVERIFY(!line.endsWith(" \r") && !line.endsWith("\t\r"));
        for (char c : line)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);
    }
}

void TestTransferEncoding::quotedPrintableDecodeLenient()
{
    // Transport-added trailing blanks are dropped; a stray "=" is kept.
    QCOMPARE(TransferEncoding::decodeQuotedPrintable("a=3Db  \r\nsoft=\r\nbreak 5=%\r\n"),
             QByteArray("a=b\r\nsoftbreak 5=%\r\n"));
}

QTEST_GUILESS_MAIN(TestTransferEncoding)
#include "TestTransferEncoding.moc"
