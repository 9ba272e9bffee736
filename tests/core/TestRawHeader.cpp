#include "mime/RawHeader.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Mime::RawHeader;

class TestRawHeader : public QObject
{
    Q_OBJECT
private slots:
    void fields_data();
    void fields();
    void unfoldedValue_data();
    void unfoldedValue();
    void viewsPointIntoTheInput();
};

// Each field as "begin-end|name|value" (value with \r and \n made visible).
static QStringList describe(const RawHeader& header)
{
    QStringList out;
    for (const RawHeader::Field& f : header.fields()) {
        QByteArray value = f.value.toByteArray();
        value.replace("\r", "\\r").replace("\n", "\\n");
        out << QString::number(f.begin) + u'-' + QString::number(f.end) + u'|' + QString::fromLatin1(f.name) +
                   u'|' + QString::fromLatin1(value);
    }
    return out;
}

void TestRawHeader::fields_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<qsizetype>("end");

    QTest::newRow("crlf") << "To: a@x\r\nSubject: hi\r\n\r\nbody\r\n"_ba
                          << QStringList{u"0-9|To| a@x\\r\\n"_s, u"9-22|Subject| hi\\r\\n"_s}
                          << qsizetype(22);
    QTest::newRow("lf") << "To: a@x\nCc:b@y\n\nbody"_ba
                        << QStringList{u"0-8|To| a@x\\n"_s, u"8-15|Cc|b@y\\n"_s} << qsizetype(15);
    QTest::newRow("mixed line ends") << "A: 1\r\nB: 2\n\r\nbody"_ba
                                     << QStringList{u"0-6|A| 1\\r\\n"_s, u"6-11|B| 2\\n"_s} << qsizetype(11);
    QTest::newRow("folded, space and tab")
        << "To: a@x,\r\n b@y,\r\n\tc@z\r\nX: 1\r\n\r\n"_ba
        << QStringList{u"0-23|To| a@x,\\r\\n b@y,\\r\\n\tc@z\\r\\n"_s, u"23-29|X| 1\\r\\n"_s}
        << qsizetype(29);
    QTest::newRow("line without colon is a field")
        << "From x Mon\r\nTo: a@x\r\n\r\n"_ba << QStringList{u"0-12||"_s, u"12-21|To| a@x\\r\\n"_s}
        << qsizetype(21);
    QTest::newRow("colon first: no name")
        << ":x\r\nA: 1\r\n"_ba << QStringList{u"0-4||"_s, u"4-10|A| 1\\r\\n"_s} << qsizetype(10);
    QTest::newRow("continuation first is its own field")
        << " lost\r\nA: 1\r\n\r\n"_ba << QStringList{u"0-7||"_s, u"7-13|A| 1\\r\\n"_s} << qsizetype(13);
    QTest::newRow("name trimmed") << "Subject : x\r\n\r\n"_ba << QStringList{u"0-13|Subject| x\\r\\n"_s}
                                  << qsizetype(13);
    QTest::newRow("no body, no final break")
        << "A: 1\r\nB: 2"_ba << QStringList{u"0-6|A| 1\\r\\n"_s, u"6-10|B| 2"_s} << qsizetype(10);
    QTest::newRow("empty header") << "\r\nbody"_ba << QStringList{} << qsizetype(0);
    QTest::newRow("empty input") << QByteArray() << QStringList{} << qsizetype(0);
}

void TestRawHeader::fields()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, fields);
    QFETCH(qsizetype, end);
    const RawHeader header = RawHeader::read(bytes);
    QCOMPARE(describe(header), fields);
    QCOMPARE(header.end(), end);
    // The fields tile the header: no byte lost, none counted twice.
    qsizetype next = 0;
    for (const RawHeader::Field& f : header.fields()) {
        QCOMPARE(f.begin, next);
        QCOMPARE(f.raw, QByteArrayView(bytes).sliced(f.begin, f.end - f.begin));
        next = f.end;
    }
    QCOMPARE(next, end);
}

void TestRawHeader::unfoldedValue_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("unfolded");
    QTest::newRow("plain") << "Subject:  hi there \r\n"_ba
                           << "hi there"_ba;
    QTest::newRow("folded") << "Content-Type: multipart/mixed;\r\n\tboundary=\"b\"\r\n"_ba
                            << "multipart/mixed; boundary=\"b\""_ba;
    QTest::newRow("empty first line") << "Subject:\r\n folded\r\n"_ba
                                      << " folded"_ba;
    QTest::newRow("lf") << "A: x\n  y\n"_ba
                        << "x y"_ba;
    QTest::newRow("8-bit kept") << "Subject: caf\xc3\xa9\r\n \x82\xa0\r\n"_ba
                                << "caf\xc3\xa9 \x82\xa0"_ba;
    QTest::newRow("no colon") << "garbage\r\n more\r\n"_ba << QByteArray();
}

void TestRawHeader::unfoldedValue()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, unfolded);
    const RawHeader header = RawHeader::read(bytes);
    QCOMPARE(header.fields().size(), 1);
    QCOMPARE(header.fields().constFirst().unfoldedValue(), unfolded);
}

void TestRawHeader::viewsPointIntoTheInput()
{
    const QByteArray bytes = "X-8bit: \xe6\x97\xa5\xe6\x9c\xac\r\nTo: a@x\r\n\r\n"_ba;
    const RawHeader header = RawHeader::read(bytes);
    QCOMPARE(header.fields().size(), 2);
    for (const RawHeader::Field& f : header.fields()) {
        QCOMPARE(f.raw.data(), bytes.constData() + f.begin);
        QCOMPARE(f.name.data(), bytes.constData() + f.begin);
        QCOMPARE(f.value.data() + f.value.size(), bytes.constData() + f.end);
    }
    QVERIFY(header.fields().at(1).is("TO"));
    QVERIFY(!header.fields().at(0).is("X-8bi"));
}

QTEST_GUILESS_MAIN(TestRawHeader)
#include "TestRawHeader.moc"
