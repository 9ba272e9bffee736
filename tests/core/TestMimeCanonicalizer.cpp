#include "SmimeTestSupport.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/TransferEncoding.h"

#include <QTest>

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
};

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

QTEST_GUILESS_MAIN(TestMimeCanonicalizer)
#include "TestMimeCanonicalizer.moc"
