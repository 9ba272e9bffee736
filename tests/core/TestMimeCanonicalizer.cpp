#include "SmimeTestSupport.h"
#include "mime/MessageView.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/TransferEncoding.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

using Smime::MimeCanonicalizer;
using Status = Smime::MimeCanonicalizer::Status;
using namespace SmimeTest;

class TestMimeCanonicalizer : public QObject
{
    Q_OBJECT
private slots:
    void sevenBitSafe_data();
    void sevenBitSafe();
    void untouchedWhenSafe();
    void headersSplit();
    void reencodesText_data();
    void reencodesText();
    void binaryBecomesBase64();
    void nestedKeepsStructure();
    void charsetWithoutMime_data();
    void charsetWithoutMime();
    void lineEndsRepaired();
    void alreadyProtected_data();
    void alreadyProtected();
    void malformedMultipart();
    void entityPointsIntoMessage();
    void japaneseHeadersInEntity_data();
    void japaneseHeadersInEntity();
    void toSevenBit_data();
    void toSevenBit();
    void toSevenBitFoldsLongText();
    void toSevenBitKeepsProtectedEntity();
    void toSevenBitRefusesWhatHasNoSevenBitForm();

private:
    static void japaneseRows();
    static QStringList names(const QList<Mime::Attachment>& attachments);
    static QString lineProblem(const QByteArray& message);
};

void TestMimeCanonicalizer::japaneseRows()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("multipart");
    for (const JapaneseSpelling& s : japaneseSpellings()) {
        QTest::newRow(QByteArray(s.label + ", multipart").constData()) << japaneseMessage(s, true) << true;
        QTest::newRow(QByteArray(s.label + ", single part").constData())
            << japaneseMessage(s, false) << false;
    }
}

QStringList TestMimeCanonicalizer::names(const QList<Mime::Attachment>& attachments)
{
    QStringList out;
    for (const Mime::Attachment& a : attachments)
        out << a.filename;
    return out;
}

// Every line 7-bit, without ESC, and under 78 columns; every encoded word whole UTF-8 characters.
QString TestMimeCanonicalizer::lineProblem(const QByteArray& message)
{
    const QList<QByteArray> lines = message.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.size() > 78)
            return u"line %1 has %2 characters"_s.arg(i + 1).arg(line.size());
        for (char c : line) {
            if (static_cast<unsigned char>(c) >= 0x80 || c == '\x1b')
                return u"8-bit or ESC at line %1"_s.arg(i + 1);
        }
    }
    static const QRegularExpression word(u"=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="_s);
    for (auto it = word.globalMatch(QString::fromLatin1(message)); it.hasNext();) {
        const QByteArray bytes = QByteArray::fromBase64(it.next().captured(1).toLatin1());
        if (QString::fromUtf8(bytes).toUtf8() != bytes ||
            QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter))
            return u"an encoded word splits a character: %1"_s.arg(it.peekNext().captured(0));
    }
    return {};
}

void TestMimeCanonicalizer::sevenBitSafe_data()
{
    QTest::addColumn<QByteArray>("message");
    for (const auto& [name, message] : sampleMessages())
        QTest::newRow(name.constData()) << message;
}

// Whatever comes in, the entity to sign is something no relay will alter.
void TestMimeCanonicalizer::sevenBitSafe()
{
    QFETCH(QByteArray, message);
    const auto r = MimeCanonicalizer::canonicalize(message);
    QCOMPARE(int(r.status), int(Status::Ok));
    const QByteArray entity = r.entityBytes();
    QVERIFY(entity.startsWith("Content-Type: "));
    const QString problem = sevenBitProblem(entity);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!r.outerHeaders.contains("Content-"));
    QVERIFY(!r.outerHeaders.contains("MIME-Version"));
    QVERIFY(r.outerHeaders.startsWith("From: "));
}

void TestMimeCanonicalizer::untouchedWhenSafe()
{
    const QByteArray body = crlf("Hello,\n\n  indented.\n.\n--\nTaro\n");
    const QByteArray message =
        crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n"
                       "Content-Transfer-Encoding: 7bit\n\n") +
        body;
    const auto r = MimeCanonicalizer::canonicalize(message);
    QVERIFY(!r.reencoded);
    QCOMPARE(r.entityBytes(), QByteArray("Content-Type: text/plain; charset=us-ascii\r\n"
                                         "Content-Transfer-Encoding: 7bit\r\n\r\n") +
                                  body);
}

void TestMimeCanonicalizer::headersSplit()
{
    // Folding, order and odd spacing of both kinds of fields are kept byte for byte.
    const QByteArray message =
        crlf("Received: from x\n\tby y\nContent-Type: text/plain;\n\tcharset=\"us-ascii\"\n"
             "Subject:  two  spaces\nMIME-Version: 1.0 (comment)\nContent-ID: <c@x>\n"
             "X-Mailer: test\n\nbody\n");
    const auto r = MimeCanonicalizer::canonicalize(message);
    QCOMPARE(r.outerHeaders, crlf("Received: from x\n\tby y\nSubject:  two  spaces\nX-Mailer: test\n"));
    QCOMPARE(r.entityBytes(),
             crlf("Content-Type: text/plain;\n\tcharset=\"us-ascii\"\nContent-ID: <c@x>\n\nbody\n"));
}

void TestMimeCanonicalizer::reencodesText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("a few 8-bit bytes")
        << QByteArray("Caf\xc3\xa9 au lait for everyone, 5 \xe2\x82\xac each, served at ten.\r\n")
        << QByteArray("quoted-printable");
    // Mostly 8-bit text is a third of the size in base64.
    QTest::newRow("Japanese utf-8") << QByteArray("日本語の本文です。\r\n") << QByteArray("base64");
    QTest::newRow("long line") << QByteArray(2000, 'a') + "\r\n" << QByteArray("quoted-printable");
    QTest::newRow("From line") << QByteArray("x\r\nFrom y\r\n") << QByteArray("quoted-printable");
    QTest::newRow("trailing space") << QByteArray("x \r\n") << QByteArray("quoted-printable");
    QTest::newRow("NUL") << QByteArray("a\0b\r\n", 5) << QByteArray("quoted-printable");
}

void TestMimeCanonicalizer::reencodesText()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, encoding);
    const QByteArray message = crlf("From: a@b\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                                    "Content-Transfer-Encoding: 8bit\n\n") +
                               body;
    const auto r = MimeCanonicalizer::canonicalize(message);
    QVERIFY(r.reencoded);
    const QByteArray entity = r.entityBytes();
    const QByteArray head =
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n";
    QVERIFY2(entity.startsWith(head), entity.constData());
    const QByteArray encoded = entity.mid(head.size());
    QCOMPARE(encoding == "base64" ? Smime::TransferEncoding::decodeBase64(encoded)
                                  : Smime::TransferEncoding::decodeQuotedPrintable(encoded),
             body);
    QVERIFY2(sevenBitProblem(entity).isEmpty(), qPrintable(sevenBitProblem(entity)));
}

void TestMimeCanonicalizer::binaryBecomesBase64()
{
    const QByteArray data("\x00\x01\xff\r\nFrom \xfe", 10);
    const QByteArray message = crlf("From: a@b\nContent-Type: application/octet-stream\n\n") + data;
    const auto r = MimeCanonicalizer::canonicalize(message);
    QCOMPARE(r.entityBytes(),
             "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                 Smime::TransferEncoding::base64(data));
}

void TestMimeCanonicalizer::nestedKeepsStructure()
{
    QByteArray message;
    for (const auto& [name, m] : sampleMessages()) {
        if (name == "nested multipart")
            message = m;
    }
    const QByteArray entity = MimeCanonicalizer::canonicalize(message).entityBytes();
    // Boundaries, preamble, epilogue and the untouched base64 part as they were.
    for (const QByteArray& kept :
         {QByteArray("Content-Type: multipart/mixed;\r\n boundary=\"outer-b\"\r\n\r\n"
                     "This is a multi-part message in MIME format.\r\n--outer-b\r\n"
                     "Content-Type: multipart/alternative; boundary=inner-b\r\n\r\n--inner-b\r\n"),
          QByteArray("\r\n--inner-b--\r\n--outer-b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n"
                     "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; "
                     "filename=\"a.pdf\"\r\n\r\n"
                     "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n--outer-b\r\n"),
          QByteArray("\r\n--outer-b--\r\nepilogue text\r\n")}) {
        QVERIFY2(entity.contains(kept), kept.constData());
    }
    // 8-bit parts re-encoded, with the right encoding per type.
    QVERIFY(
        entity.contains(QByteArray("Content-Type: text/plain; charset=utf-8\r\n"
                                   "Content-Transfer-Encoding: base64\r\n\r\n" +
                                   Smime::TransferEncoding::base64("本文です。 ") + "\r\n--inner-b\r\n")));
    // The new Content-Transfer-Encoding takes the place of the old one.
    QVERIFY(entity.contains(QByteArray(
        "Content-Type: application/octet-stream; name=\"raw.bin\"\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Disposition: attachment; filename=\"raw.bin\"\r\n\r\n" +
        Smime::TransferEncoding::base64("\x01\x02\xff\xfe bytes \xe3\x81\x82") + "\r\n--outer-b\r\n")));
    // Inside the attached message: its header stays, its body is re-encoded.
    QVERIFY(entity.contains("Content-Type: message/rfc822\r\n\r\nFrom: a@example.com\r\nSubject: inner\r\n"
                            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                            "Content-Transfer-Encoding: base64\r\n\r\n6Lui6YCB"));
}

void TestMimeCanonicalizer::charsetWithoutMime_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<bool>("quoted");
    QTest::newRow("ascii") << QByteArray("hello\r\n") << QByteArray("us-ascii") << false;
    QTest::newRow("iso-2022-jp") << QByteArray("\x1b$B%F%9%H\x1b(B\r\n") << QByteArray("iso-2022-jp")
                                 << false;
    QTest::newRow("utf-8") << QByteArray("a test: テスト, and nothing more to say about it today\r\n")
                           << QByteArray("utf-8") << true;
    QTest::newRow("euc-jp") << QByteArray(
                                   "test \xa5\xc6\xa5\xb9\xa5\xc8, in EUC-JP, with enough ASCII around\r\n")
                            << QByteArray("euc-jp") << true;
    QTest::newRow("shift_jis") << QByteArray("test \x83\x65\x83\x58\x83\x67, in Shift_JIS\r\n")
                               << QByteArray("shift_jis") << true;
    QTest::newRow("garbage") << QByteArray("bytes \xff\xfe\x80 that are no charset at all\r\n")
                             << QByteArray("unknown-8bit") << true;
}

void TestMimeCanonicalizer::charsetWithoutMime()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, charset);
    QFETCH(bool, quoted);
    const auto r = MimeCanonicalizer::canonicalize("From: a@b\r\nSubject: x\r\n\r\n" + body);
    const QByteArray entity = r.entityBytes();
    QByteArray head = "Content-Type: text/plain; charset=" + charset + "\r\n";
    if (quoted)
        head += "Content-Transfer-Encoding: quoted-printable\r\n";
    QVERIFY2(entity.startsWith(QByteArray(head + "\r\n")), entity.constData());
    QCOMPARE(Smime::TransferEncoding::decodeQuotedPrintable(entity.mid(head.size() + 2)), body);
}

void TestMimeCanonicalizer::lineEndsRepaired()
{
    const auto r =
        MimeCanonicalizer::canonicalize("From: a@b\nContent-Type: text/plain\n\nline\nline2\rend\n");
    QCOMPARE(r.outerHeaders, QByteArray("From: a@b\r\n"));
    QCOMPARE(r.entityBytes(), QByteArray("Content-Type: text/plain\r\n\r\nline\r\nline2\r\nend\r\n"));
}

void TestMimeCanonicalizer::alreadyProtected_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("multipart/signed") << QByteArray(
        "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=x");
    QTest::newRow("pkcs7-mime enveloped") << QByteArray("application/pkcs7-mime; smime-type=enveloped-data");
    QTest::newRow("pkcs7-mime signed") << QByteArray("Application/PKCS7-MIME; smime-type=signed-data");
    QTest::newRow("x-pkcs7-mime") << QByteArray("application/x-pkcs7-mime");
    QTest::newRow("multipart/encrypted")
        << QByteArray("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=y");
}

void TestMimeCanonicalizer::alreadyProtected()
{
    QFETCH(QByteArray, contentType);
    const QByteArray message =
        "From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n\r\n\xff\r\n";
    QCOMPARE(int(MimeCanonicalizer::canonicalize(message).status), int(Status::AlreadyProtected));
    QVERIFY(MimeCanonicalizer::isProtected(message));
    QVERIFY(!MimeCanonicalizer::isProtected(sampleMessages().first().second));
}

void TestMimeCanonicalizer::malformedMultipart()
{
    const auto r =
        MimeCanonicalizer::canonicalize("From: a@b\r\nContent-Type: multipart/mixed\r\n\r\n\xff\r\n");
    QCOMPARE(int(r.status), int(Status::Malformed));
    QVERIFY(!r.error.isEmpty());
}

// A large 7-bit body is referenced, not copied (the 25 MB memory budget), and
// stays valid after the caller's message is gone.
void TestMimeCanonicalizer::entityPointsIntoMessage()
{
    const QByteArray message =
        "From: a@b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        Smime::TransferEncoding::base64(QByteArray(1 << 20, 'z'));
    const auto r = MimeCanonicalizer::canonicalize(message);
    QCOMPARE(r.entity.size(), 2);
    QCOMPARE(r.entity.last().constData(), message.constData() + message.indexOf("\r\n\r\n") + 4);

    auto temporary = MimeCanonicalizer::canonicalize(QByteArray("From: a@b\r\n\r\n") + QByteArray(100, 'q'));
    QCOMPARE(temporary.entityBytes(),
             "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + QByteArray(100, 'q'));
}

void TestMimeCanonicalizer::japaneseHeadersInEntity_data()
{
    japaneseRows();
}

// Japanese file names written raw (UTF-8, Shift_JIS, ISO-2022-JP) in the
// Content-* fields of the signed entity become RFC 2231 (filename*) and a
// quoted RFC 2047 word (name=), and read back as the same names.
void TestMimeCanonicalizer::japaneseHeadersInEntity()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, multipart);
    const auto r = MimeCanonicalizer::canonicalize(message);
    QCOMPARE(int(r.status), int(Status::Ok));
    QVERIFY(r.reencoded);
    const QByteArray entity = r.entityBytes();
    QVERIFY2(sevenBitProblem(entity).isEmpty(), qPrintable(sevenBitProblem(entity)));
    QVERIFY2(lineProblem(entity).isEmpty(), qPrintable(lineProblem(entity)));
    // What Thunderbird writes; the percent-encoding and base64 are Python's
    // (urllib.parse.quote, base64.b64encode of the UTF-8 name).
    QVERIFY2(entity.contains("Content-Type: application/pdf;\r\n"
                             " name=\"=?UTF-8?B?6KaL56mN5pu477yI56ysM+eJiO+8iS5wZGY=?=\"\r\n"),
             entity.constData());
    QVERIFY2(
        entity.contains("Content-Disposition: attachment;\r\n"
                        " filename*0*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8%EF%BC%88%E7%AC%AC3%E7%89%88;\r\n"
                        " filename*1*=%EF%BC%89.pdf\r\n"),
        entity.constData());
    // The outer fields stay as they were (signing does not change them), and the whole reads back the same.
    QVERIFY(message.startsWith(r.outerHeaders));
    const Mime::MessageView signedView =
        Mime::MessageView::parse(r.outerHeaders + "MIME-Version: 1.0\r\n" + entity);
    QStringList expected{u"見積書（第3版）.pdf"_s};
    if (multipart)
        expected << u"会議資料.pptx"_s;
    QCOMPARE(names(signedView.attachments), expected);
    QCOMPARE(names(Mime::MessageView::parse(message).attachments), expected);
    QCOMPARE(signedView.subject, u"見積書の送付について ①"_s);
}

void TestMimeCanonicalizer::toSevenBit_data()
{
    japaneseRows();
}

// For an upstream without 8BITMIME: nothing 8-bit (or raw ISO-2022-JP) is
// left, the fields are RFC 2047 words, and the recipient sees the same names.
void TestMimeCanonicalizer::toSevenBit()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, multipart);
    const std::optional<QByteArray> out = MimeCanonicalizer::toSevenBit(message);
    QVERIFY(out);
    QVERIFY2(lineProblem(*out).isEmpty(), qPrintable(lineProblem(*out)));
    // Base64 of the UTF-8 names by Python's base64.b64encode.
    for (const QByteArray& field :
         {QByteArray("\r\nSubject: =?UTF-8?B?6KaL56mN5pu444Gu6YCB5LuY44Gr44Gk44GE44GmIOKRoA==?=\r\n"),
          QByteArray("From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.co.jp>\r\n"),
          QByteArray("\r\nCc: =?UTF-8?B?6auZ76iRIOiKseWtkA==?= <takasaki@partner.example>,\r\n"
                     " jiro@partner.example\r\n"),
          QByteArray("\r\nTo: hanako@example.co.jp\r\nCc: "),
          QByteArray("\r\nMessage-ID: <jp@example.co.jp>\r\n")})
        QVERIFY2(out->contains(field), out->constData());

    const Mime::MessageView before = Mime::MessageView::parse(message);
    const Mime::MessageView after = Mime::MessageView::parse(*out);
    QCOMPARE(after.subject, u"見積書の送付について ①"_s);
    QCOMPARE(after.from.name, u"山田 太郎"_s);
    QCOMPARE(after.cc.size(), 2);
    QCOMPARE(after.cc.first().name, u"髙﨑 花子"_s);
    QCOMPARE(after.cc, before.cc);
    QCOMPARE(after.from, before.from);
    QCOMPARE(after.to, before.to);
    QCOMPARE(after.subject, before.subject);
    QCOMPARE(names(after.attachments), names(before.attachments));
    QCOMPARE(names(after.attachments).value(0), u"見積書（第3版）.pdf"_s);
    QCOMPARE(names(after.attachments).size(), multipart ? 2 : 1);
    QCOMPARE(after.date, before.date);
}

// A long subject and name: folded under 78 columns, never inside a character
// (4-byte UTF-8 ones included), and read back exactly.
void TestMimeCanonicalizer::toSevenBitFoldsLongText()
{
    const QString subject =
        u"【至急】Re: 株式会社サンプル様 御見積書（第3版）送付のご案内と今後の日程調整のお願い 𠮷野家 "
        u"😀 plain words at the end"_s;
    const QString name = u"株式会社サンプル 営業本部 第一営業部 課長代理 𠮷田 花子"_s;
    const QByteArray message = "From: \"" + name.toUtf8() +
                               "\" <hanako@example.co.jp>\r\nTo: a@example.co.jp\r\n"
                               "Subject: " +
                               subject.toUtf8() + "\r\n\r\nbody\r\n";
    const std::optional<QByteArray> out = MimeCanonicalizer::toSevenBit(message);
    QVERIFY(out);
    QVERIFY2(lineProblem(*out).isEmpty(), qPrintable(lineProblem(*out)));
    QVERIFY2(out->contains("?=\r\n =?UTF-8?B?"), out->constData());             // folded between words
    QVERIFY2(out->contains("?= plain words at the end\r\n"), out->constData()); // readable words stay
    const Mime::MessageView view = Mime::MessageView::parse(*out);
    QCOMPARE(view.subject, subject);
    QCOMPARE(view.from.name, name);
    QVERIFY(view.problems.isEmpty());
}

// A signed message keeps its signed entity byte for byte; only the fields
// outside the signature are encoded.
void TestMimeCanonicalizer::toSevenBitKeepsProtectedEntity()
{
    const QByteArray entity =
        "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
        " micalg=sha-256; boundary=\"s\"\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\n"
        "signed\r\n--s\r\nContent-Type: application/pkcs7-signature\r\n\r\nAAAA\r\n--s--\r\n";
    const QByteArray message =
        "From: a@example.co.jp\r\nSubject: \x1b$B8+@Q=q\x1b(B \xe9\x80\x81\xe4\xbb\x98\r\n"
        "MIME-Version: 1.0\r\n" +
        entity;
    const std::optional<QByteArray> out = MimeCanonicalizer::toSevenBit(message);
    QVERIFY(out);
    // 見積書 送付, base64 by Python.
    QCOMPARE(*out, "From: a@example.co.jp\r\nSubject: =?UTF-8?B?6KaL56mN5pu4IOmAgeS7mA==?=\r\n"
                   "MIME-Version: 1.0\r\n" +
                       entity);
    // 8-bit bytes inside the signature cannot be changed without breaking it.
    QVERIFY(!MimeCanonicalizer::toSevenBit("From: a@b\r\n" +
                                           QByteArray(entity).replace("signed", "\xe7\xbd\xb2\xe5\x90\x8d")));
}

void TestMimeCanonicalizer::toSevenBitRefusesWhatHasNoSevenBitForm()
{
    // An SMTPUTF8 local part has no 7-bit spelling (RFC 6531): the upstream must refuse, not get it mangled.
    QVERIFY(!MimeCanonicalizer::toSevenBit("From: \xe5\xa4\xaa\xe9\x83\x8e@example.co.jp\r\n\r\nbody\r\n"));
    // An IDN domain has one: its A-label.
    const std::optional<QByteArray> idn = MimeCanonicalizer::toSevenBit(
        "From: a@\xe4\xbe\x8b\xe3\x81\x88.jp\r\nTo: team: b@example.co.jp, \xe5\xb1\xb1\xe7\x94\xb0"
        " <c@example.co.jp>;\r\n\r\nbody\r\n");
    QVERIFY(idn);
    QVERIFY2(idn->startsWith("From: a@xn--r8jz45g.jp\r\nTo: team: b@example.co.jp,\r\n =?UTF-8?B?5bGx55Sw?="
                             " <c@example.co.jp>;\r\n"),
             idn->constData());
}

QTEST_GUILESS_MAIN(TestMimeCanonicalizer)
#include "TestMimeCanonicalizer.moc"
