#include "mime/Charset.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Mime::Charset;

// Byte fixtures were produced with iconv (CP932, EUC-JP-MS) and Python's
// codecs; ISO-2022-JP codes of the NEC and NEC-selected IBM rows were derived
// from their CP932 codes (JIS = the CP932 lead/trail pair shifted back).
class TestCharset : public QObject
{
    Q_OBJECT
private slots:
    void decode_data();
    void decode();
    void decodeUnlabelled_data();
    void decodeUnlabelled();
    void rawIso2022Jp_data();
    void rawIso2022Jp();
    void strictRejectsInvalidBytes();
    void unknownLabels();
};

void TestCharset::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("status");
    const int ok = int(Charset::Status::Ok);
    const int invalid = int(Charset::Status::Invalid);
    const int unknown = int(Charset::Status::UnknownCharset);

    QTest::newRow("utf-8") << QByteArray("\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf")
                           << "UTF-8"_ba << u"こんにちは"_s << ok;
    QTest::newRow("utf8 alias") << QByteArray("caf\xc3\xa9") << "utf8"_ba << u"café"_s << ok;
    QTest::newRow("iso-2022-jp kanji")
        << QByteArray("\x1b$BF|K\\8l\x1b(B") << "ISO-2022-JP"_ba << u"日本語"_s << ok;
    QTest::newRow("iso-2022-jp old JIS escape")
        << QByteArray("\x1b$@F|K\\8l\x1b(B") << "iso-2022-jp"_ba << u"日本語"_s << ok;
    QTest::newRow("iso-2022-jp NEC row 13")
        << QByteArray("\x1b$B\x2d\x21\x2d\x6a\x1b(B") << "ISO-2022-JP"_ba << u"①㈱"_s << ok;
    QTest::newRow("iso-2022-jp NEC-selected IBM")
        << QByteArray("\x1b$B\x79\x21\x79\x75\x7c\x62\x1b(B") << "ISO-2022-JP"_ba << u"纊﨑髙"_s << ok;
    QTest::newRow("iso-2022-jp wave dash")
        << QByteArray("\x1b$B\x21\x41\x1b(B") << "ISO-2022-JP"_ba << u"\uFF5E"_s << ok;
    QTest::newRow("iso-2022-jp half-width katakana ESC ( I")
        << QByteArray("\x1b(I\x31\x32\x33\x1b(B") << "ISO-2022-JP"_ba << u"ｱｲｳ"_s << ok;
    QTest::newRow("iso-2022-jp half-width katakana SO/SI") << QByteArray("a\x0e\x31\x32\x0f"
                                                                         "b")
                                                           << "ISO-2022-JP"_ba << u"aｱｲb"_s << ok;
    QTest::newRow("iso-2022-jp JIS-Roman")
        << QByteArray("\x1b(J\\~\x1b(B") << "ISO-2022-JP"_ba << u"¥‾"_s << ok;
    QTest::newRow("cp50221 label") << QByteArray("\x1b$B\x2d\x21\x1b(B") << "CP50221"_ba << u"①"_s << ok;
    QTest::newRow("iso-2022-jp NEC row 13 symbols")
        << QByteArray("\x1b$B-b-_-s\x1b(B") << "ISO-2022-JP"_ba << u"№㍻∮"_s << ok;
    QTest::newRow("shift_jis wave dash is U+FF5E")
        << QByteArray("\x81\x60") << "Shift_JIS"_ba << u"\uFF5E"_s << ok;
    QTest::newRow("shift_jis CP932 specials")
        << QByteArray("\x81\x5f\x81\x61\x81\x7c") << "shift_jis"_ba << u"\uFF3C\u2225\uFF0D"_s << ok;
    QTest::newRow("shift_jis NEC row 13")
        << QByteArray("\x87\x40\x87\x8a") << "Shift_JIS"_ba << u"①㈱"_s << ok;
    QTest::newRow("cp932 IBM extensions")
        << QByteArray("\xfa\x40\xfa\x5c\xfb\xfc\xfa\xb1") << "CP932"_ba << u"ⅰ纊髙﨑"_s << ok;
    QTest::newRow("windows-31j half-width")
        << QByteArray("\xb1\xb2\xb3") << "windows-31j"_ba << u"ｱｲｳ"_s << ok;
    QTest::newRow("x-sjis") << QByteArray("\x93\xfa\x96\x7b") << "x-sjis"_ba << u"日本"_s << ok;
    QTest::newRow("euc-jp") << QByteArray("\xc6\xfc\xcb\xdc\xb8\xec") << "EUC-JP"_ba << u"日本語"_s << ok;
    QTest::newRow("euc-jp wave dash and NEC row 13")
        << QByteArray("\xa1\xc1\xad\xa1") << "euc-jp"_ba << u"\uFF5E①"_s << ok;
    QTest::newRow("euc-jp half-width katakana") << QByteArray("\x8e\xb1") << "EUC-JP"_ba << u"ｱ"_s << ok;
    QTest::newRow("iso-8859-1 is windows-1252")
        << QByteArray("M\xfcller \x80") << "ISO-8859-1"_ba << u"Müller €"_s << ok;
    QTest::newRow("iso-8859-15 euro") << QByteArray("\xa4") << "iso-8859-15"_ba << u"€"_s << ok;
    QTest::newRow("iso-8859-2") << QByteArray("\xa3\xf3\x64\xbc") << "ISO-8859-2"_ba << u"Łódź"_s << ok;
    QTest::newRow("windows-1251") << QByteArray("\xcf\xf0\xe8\xe2\xe5\xf2") << "windows-1251"_ba
                                  << u"Привет"_s << ok;
    QTest::newRow("windows-1252 quotes") << QByteArray("\x93q\x94") << "windows-1252"_ba << u"“q”"_s << ok;
    QTest::newRow("quoted label with language")
        << QByteArray("\x1b$BF|\x1b(B") << "\"ISO-2022-JP*ja\""_ba << u"日"_s << ok;
    QTest::newRow("ascii") << QByteArray("plain") << "us-ascii"_ba << u"plain"_s << ok;
    QTest::newRow("us-ascii with cp932 bytes")
        << QByteArray("\x93\xfa\x96\x7b") << "us-ascii"_ba << u"日本"_s << invalid;
    QTest::newRow("iso-2022-jp label on utf-8 bytes")
        << QByteArray("\xe6\x97\xa5\xe6\x9c\xac") << "ISO-2022-JP"_ba << u"日本"_s << invalid;
    QTest::newRow("broken utf-8 is substituted")
        << QByteArray("a\xe3\x81z") << "UTF-8"_ba << u"a\uFFFDz"_s << invalid;
    QTest::newRow("unknown label, utf-8 bytes")
        << QByteArray("\xe6\x97\xa5") << "x-no-such-charset"_ba << u"日"_s << unknown;
    QTest::newRow("ICU option string is not a label")
        << QByteArray("\xe6\x97\xa5") << "ISO_2022,locale=ko,version=1"_ba << u"日"_s << unknown;
}

void TestCharset::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, label);
    QFETCH(QString, expected);
    QFETCH(int, status);
    Charset::Status actual = Charset::Status::Ok;
    QCOMPARE(Charset::decode(bytes, label, &actual), expected);
    QCOMPARE(int(actual), status);
}

void TestCharset::decodeUnlabelled_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("hint");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ascii") << QByteArray("Taro") << QByteArray() << u"Taro"_s;
    QTest::newRow("utf-8 first") << QByteArray("\xe5\xb1\xb1\xe7\x94\xb0") << "Shift_JIS"_ba << u"山田"_s;
    QTest::newRow("cp932 when not utf-8")
        << QByteArray("\x8e\x52\x93\x63\x81\x60") << QByteArray() << u"山田\uFF5E"_s;
    QTest::newRow("message charset before cp932")
        << QByteArray("\xbb\xb3\xc5\xc4") << "EUC-JP"_ba << u"山田"_s;
    QTest::newRow("latin-1 hint") << QByteArray("\xe9t\xe9") << "iso-8859-1"_ba << u"été"_s;
    QTest::newRow("windows-1252 last") << QByteArray("\xe9t\xe9") << QByteArray() << u"été"_s;
}

void TestCharset::decodeUnlabelled()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, hint);
    QFETCH(QString, expected);
    QCOMPARE(Charset::decodeUnlabelled(bytes, hint), expected);
}

// Raw ISO-2022-JP, unlabelled, as older Japanese mailers put it into header
// fields. Bytes: Python's '…'.encode('iso2022_jp_ext'); the NEC and IBM rows
// from '…'.encode('cp932') shifted back to JIS row/cell by hand.
void TestCharset::rawIso2022Jp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("hint");
    QTest::addColumn<QString>("expected");

    QTest::newRow("kanji") << QByteArray("\x1b$B8+@Q=q\x1b(B") << QByteArray() << u"見積書"_s;
    QTest::newRow("ASCII around") << QByteArray("Re: \x1b$B8f8+@Q=q!JBh\x1b(B3\x1b$BHG!K\x1b(B.pdf")
                                  << QByteArray() << u"Re: 御見積書（第3版）.pdf"_s;
    QTest::newRow("old JIS escape") << QByteArray("\x1b$@;3ED\x1b(B") << QByteArray() << u"山田"_s;
    QTest::newRow("NEC row 13 and NEC-selected IBM rows")
        << QByteArray("\x1b$B-!-b-j|byu\x1b(B") << QByteArray() << u"①№㈱髙﨑"_s;
    QTest::newRow("half-width katakana") << QByteArray("\x1b(I12345\x1b(B") << QByteArray() << u"ｱｲｳｴｵ"_s;
    QTest::newRow("JIS-Roman") << QByteArray("\x1b(J\\100\x1b(B") << QByteArray() << u"¥100"_s;
    QTest::newRow("announcer before ESC $ B")
        << QByteArray("\x1b&@\x1b$B;3ED\x1b(B") << QByteArray() << u"山田"_s;
    QTest::newRow("no return to ASCII") << QByteArray("\x1b$B;3ED") << QByteArray() << u"山田"_s;
    // "=?UTF-8?B?5pel?=" is eight kanji here, not an encoded word.
    QTest::newRow("JIS bytes that look like an encoded word")
        << QByteArray("\x1b$B=?UTF-8?B?5pel?=\x1b(B") << QByteArray() << u"戎孕騰舷多巨繻申"_s;
    QTest::newRow("raw utf-8 next to it")
        << QByteArray("\xe8\xa6\x8b\xe7\xa9\x8d \x1b$B=q\x1b(B") << QByteArray() << u"見積 書"_s;
    QTest::newRow("raw cp932 next to it, with a EUC-JP hint that does not fit")
        << QByteArray("\x8e\x52\x93\x63 \x1b$B=q\x1b(B") << "EUC-JP"_ba << u"山田 書"_s;
    QTest::newRow("an odd byte is replaced, the rest kept")
        << QByteArray("\x1b$B;3E\x1b(Bx") << QByteArray() << u"山\uFFFDx"_s;
    QTest::newRow("ESC without a designation stays as written")
        << QByteArray("a\x1b[0m \x1b$B;3\x1b(B") << QByteArray() << u"a\x1b[0m 山"_s;
}

void TestCharset::rawIso2022Jp()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, hint);
    QFETCH(QString, expected);
    QVERIFY(Charset::hasIso2022JpEscape(bytes));
    QCOMPARE(Charset::decodeUnlabelled(bytes, hint), expected);
}

void TestCharset::strictRejectsInvalidBytes()
{
    QVERIFY(!Charset::decodeStrict("\xff\xfe\xfd", "UTF-8").has_value());
    QVERIFY(!Charset::decodeStrict("\xe3\x81", "UTF-8").has_value()); // cut in the middle of a character
    QVERIFY(!Charset::decodeStrict("abc", "x-no-such-charset").has_value());
    QCOMPARE(Charset::decodeStrict("\x87\x40", "Shift_JIS").value_or(QString()), u"①"_s);
}

void TestCharset::unknownLabels()
{
    QVERIFY(Charset::isKnown("ISO-2022-JP"));
    QVERIFY(Charset::isKnown("us-ascii"));
    QVERIFY(Charset::isKnown(""));
    QVERIFY(Charset::isKnown("koi8-r"));
    QVERIFY(!Charset::isKnown("x-no-such-charset"));
    QVERIFY(!Charset::isKnown("UTF-8,version=1"));
    QCOMPARE(Charset::icuName("Shift_JIS"), Charset::icuName("cp932"));

    QVERIFY(!Charset::hasIso2022JpEscape("plain text"));
    QVERIFY(!Charset::hasIso2022JpEscape("\x1b(B only back to ASCII"));
    QVERIFY(!Charset::hasIso2022JpEscape("\x1b[1m terminal colours"));
    QVERIFY(!Charset::hasIso2022JpEscape("\x1b$"));
}

QTEST_GUILESS_MAIN(TestCharset)
#include "TestCharset.moc"
