#include "mime/HeaderEncoder.h"

#include <QTest>

using Mime::HeaderEncoder;

// Expected fields: base64 and percent-encoding of the UTF-8 text made with
// Python (base64.b64encode, urllib.parse.quote), ISO-2022-JP bytes with its
// 'iso2022_jp' codec; never with the code under test.
class TestHeaderEncoder : public QObject
{
    Q_OBJECT
private slots:
    void sevenBit_data();
    void sevenBit();
    void encodedWordsFold();
};

void TestHeaderEncoder::sevenBit_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("fallback");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("7-bit: as it was") << QByteArray("Subject:  two  spaces\r\n\tfolded\r\n") << QByteArray()
                                      << QByteArray("Subject:  two  spaces\r\n\tfolded\r\n");
    QTest::newRow("words around stay readable; one that looks encoded is encoded")
        << QByteArray("Subject: Re: \xe8\xa6\x8b\xe7\xa9\x8d =?x?= (2)\r\n") << QByteArray()
        << QByteArray("Subject: Re: =?UTF-8?B?6KaL56mNID0/eD89?= (2)\r\n");
    QTest::newRow("raw iso-2022-jp (7-bit, but not text)")
        << QByteArray("Subject: \x1b$B<R30Hk\x1b(B\r\n") << QByteArray()
        << QByteArray("Subject: =?UTF-8?B?56S+5aSW56eY?=\r\n");
    QTest::newRow("encoded word next to raw text")
        << QByteArray("Subject: =?UTF-8?B?5bGx55Sw?=\r\n \xe7\x94\xb0\r\n") << QByteArray()
        << QByteArray("Subject: =?UTF-8?B?5bGx55SwIOeUsA==?=\r\n");
    QTest::newRow("no space after the colon")
        << QByteArray("X-Note:\xe5\xb1\xb1\xe7\x94\xb0\r\n") << QByteArray()
        << QByteArray("X-Note: =?UTF-8?B?5bGx55Sw?=\r\n");
    QTest::newRow("quoted name with a comma")
        << QByteArray("To: \"\xe5\xb1\xb1\xe7\x94\xb0, \xe5\xa4\xaa\xe9\x83\x8e\" <t@x.jp>, b@y.jp\r\n")
        << QByteArray() << QByteArray("To: =?UTF-8?B?5bGx55SwLCDlpKrpg44=?= <t@x.jp>,\r\n b@y.jp\r\n");
    QTest::newRow("latin-1 name read with the message's charset")
        << QByteArray("From: M\xfcller <m@x.de>\r\n") << QByteArray("iso-8859-1")
        << QByteArray("From: =?UTF-8?B?TcO8bGxlcg==?= <m@x.de>\r\n");
    QTest::newRow("group")
        << QByteArray("Cc: \xe5\x96\xb6\xe6\xa5\xad\xe9\x83\xa8: a@x.jp, \xe5\xb1\xb1\xe7\x94\xb0"
                      " <y@x.jp>;\r\n")
        << QByteArray()
        << QByteArray("Cc: =?UTF-8?B?5Za25qWt6YOo?=: a@x.jp,\r\n =?UTF-8?B?5bGx55Sw?= <y@x.jp>;\r\n");
    QTest::newRow("filename becomes RFC 2231")
        << QByteArray(
               "Content-Disposition: attachment; filename=\"\xe8\xb3\x87\xe6\x96\x99.pdf\"; size=12\r\n")
        << QByteArray()
        << QByteArray("Content-Disposition: attachment;\r\n filename*=UTF-8''%E8%B3%87%E6%96%99.pdf;\r\n "
                      "size=12\r\n");
    QTest::newRow("RFC 2231 without a charset over ISO-2022-JP")
        << QByteArray("Content-Disposition: attachment; filename*=''%1B%24B%3F%3D%40A%3Dq%1B%28B.xlsx\r\n")
        << QByteArray()
        << QByteArray(
               "Content-Disposition: attachment;\r\n filename*=UTF-8''%E7%94%B3%E8%AB%8B%E6%9B%B8.xlsx\r\n");
    QTest::newRow("RFC 2231 without a charset over ASCII: as it was")
        << QByteArray("Content-Disposition: attachment; filename*=''a%20b.txt\r\n") << QByteArray()
        << QByteArray("Content-Disposition: attachment; filename*=''a%20b.txt\r\n");
    QTest::newRow("Content-Type name becomes a quoted encoded word")
        << QByteArray("Content-Type: application/pdf; name=\xe8\xb3\x87\xe6\x96\x99.pdf\r\n") << QByteArray()
        << QByteArray("Content-Type: application/pdf;\r\n name=\"=?UTF-8?B?6LOH5paZLnBkZg==?=\"\r\n");
    QTest::newRow("other parameters kept, quoted as needed")
        << QByteArray(
               "Content-Type: multipart/mixed; boundary=\"=_a b?\"; x=\"\xe5\xb1\xb1\xe7\x94\xb0\"\r\n")
        << QByteArray()
        << QByteArray("Content-Type: multipart/mixed;\r\n boundary=\"=_a b?\";\r\n "
                      "x*=UTF-8''%E5%B1%B1%E7%94%B0\r\n");
    // The writer would make "a@x.example" a recipient the parser never saw: the field stays as written.
    QTest::newRow("damaged address list left as written")
        << QByteArray("To: team: \"Yamada, Hanako\" <h@x.com>, (Jiro) jiro@b\xff.exaam: a@x.example;\r\n")
        << QByteArray()
        << QByteArray("To: team: \"Yamada, Hanako\" <h@x.com>, (Jiro) jiro@b\xff.exaam: a@x.example;\r\n");
    // A raw 8-bit byte inside base64 makes the first word text; the second
    // decodes to nothing, so the text ends in the space between them, which
    // only an encoded word can carry.
    QTest::newRow("raw byte inside an encoded word")
        << QByteArray("Subject: =?UTF-8?B?44\xe5=?= =?UTF-8?B?M=?=\r\n") << QByteArray("shift_jis")
        << QByteArray("Subject: =?UTF-8?B?PT9VVEYtOD9CPzQ077+9PT89IA==?=\r\n");
    QTest::newRow("Message-ID has no encoded form")
        << QByteArray("Message-ID: <\xe5\xb1\xb1@x>\r\n") << QByteArray()
        << QByteArray("Message-ID: <\xe5\xb1\xb1@x>\r\n");
}

void TestHeaderEncoder::sevenBit()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, fallback);
    QFETCH(QByteArray, expected);
    QCOMPARE(HeaderEncoder::sevenBit(field, fallback), expected);
    if (field != expected)
        QVERIFY(HeaderEncoder::needsEncoding(field));
}

// Lines stay under 78 columns from wherever the first word starts; each word
// holds whole characters (a surrogate pair is one).
void TestHeaderEncoder::encodedWordsFold()
{
    const QString text = QStringLiteral("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷");
    for (qsizetype column : {0, 9, 40, 60, 75}) {
        const QByteArray words = HeaderEncoder::encodedWords(text, column);
        QString decoded;
        const QList<QByteArray> lines = words.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
            QVERIFY2((i == 0 ? column : 0) + line.size() <= 78, words.constData());
            for (const QByteArray& word : line.split(' ')) {
                if (word.isEmpty())
                    continue;
                QVERIFY2(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word.constData());
                const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
                QCOMPARE(bytes.size() % 4, 0); // four bytes a character here: none split
                decoded += QString::fromUtf8(bytes);
            }
        }
        QCOMPARE(decoded, text);
    }
}

QTEST_GUILESS_MAIN(TestHeaderEncoder)
#include "TestHeaderEncoder.moc"
