#include "SmimeTestSupport.h"
#include "mime/MessageView.h"
#include "smime/Identity.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/Signer.h"

#include <QTemporaryDir>
#include <QTest>

using Smime::Identity;
using Smime::Signer;
using namespace SmimeTest;

class TestSigner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signVerifiesWithTwoTools_data();
    void signVerifiesWithTwoTools();
    void signatureContents();
    void wholeMessageParsedByOpenssl();
    void alreadySignedPassesUntouched();
    void refusesUnusableCertificate_data();
    void refusesUnusableCertificate();
    void japaneseNamesInHeaders_data();
    void japaneseNamesInHeaders();

private:
    std::optional<Identity> m_rsa;
    std::optional<Identity> m_ec;
    std::unique_ptr<Gpgsm> m_gpgsm;
};

void TestSigner::initTestCase()
{
    m_rsa = Identity::load(pki("taro-rsa-aes.p12"), QStringLiteral("test-pass"));
    m_ec = Identity::load(pki("taro-ec.p12"), QStringLiteral("test-pass"));
    QVERIFY(m_rsa && m_ec);
    m_gpgsm = std::make_unique<Gpgsm>();
    QVERIFY(m_gpgsm->ready());
}

void TestSigner::signVerifiesWithTwoTools_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("ec");
    for (const auto& [name, message] : sampleMessages()) {
        QTest::newRow(QByteArray("RSA, " + name).constData()) << message << false;
        QTest::newRow(QByteArray("ECDSA, " + name).constData()) << message << true;
    }
}

// The first part, cut out of the result exactly, verifies with openssl
// (-binary -crlfeol: no re-canonicalisation) and with gpgsm; one changed
// byte fails both.
void TestSigner::signVerifiesWithTwoTools()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, ec);
    QString error;
    const std::optional<QByteArray> out = Signer::sign(message, ec ? *m_ec : *m_rsa, &error);
    QVERIFY2(out, qPrintable(error));

    const SignedParts parts = splitSigned(*out);
    QVERIFY(parts.ok);
    // The message header stays outside, unchanged and in order.
    const Smime::MimeCanonicalizer::Result expected = Smime::MimeCanonicalizer::canonicalize(message);
    QVERIFY(out->startsWith(QByteArray(expected.outerHeaders +
                                       "MIME-Version: 1.0\r\nContent-Type: multipart/signed; "
                                       "protocol=\"application/pkcs7-signature\"; micalg=sha-256;")));
    QCOMPARE(parts.firstPart, expected.entityBytes());
    QVERIFY2(sevenBitProblem(parts.firstPart).isEmpty(), qPrintable(sevenBitProblem(parts.firstPart)));
    QVERIFY2(sevenBitProblem(out->mid(parts.headers.size())).isEmpty(),
             "the signature part is not 7-bit clean");

    const Run openssl = opensslVerify(parts.firstPart, parts.signature);
    QVERIFY2(openssl.ok(), openssl.err.constData());
    QByteArray log;
    QVERIFY2(m_gpgsm->verify(parts.firstPart, parts.signature, &log), log.constData());

    QByteArray tampered = parts.firstPart;
    const qsizetype at = tampered.size() - 5;
    tampered[at] = tampered[at] == 'x' ? 'y' : 'x';
    QVERIFY(!opensslVerify(tampered, parts.signature).ok());
    QVERIFY(!m_gpgsm->verify(tampered, parts.signature));
    // Appending a line is a change too (no lenient canonicalisation).
    QVERIFY(!opensslVerify(parts.firstPart + "\r\n", parts.signature).ok());
}

// SHA-256, signing time, our capabilities in our order, the chain.
void TestSigner::signatureContents()
{
    const QByteArray message = sampleMessages().first().second;
    const auto out = Signer::sign(message, *m_rsa);
    QVERIFY(out);
    const SignedParts parts = splitSigned(*out);
    QTemporaryDir tmp;
    writeFile(tmp.filePath(QStringLiteral("sig.der")), parts.signature);
    const Run print = run(QStringLiteral("openssl"),
                          {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"),
                           QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                           tmp.filePath(QStringLiteral("sig.der"))});
    QVERIFY2(print.ok(), print.err.constData());
    const QByteArray text = print.out;
    QVERIFY(text.contains("eContent: <ABSENT>")); // detached
    QVERIFY(text.contains("algorithm: sha256"));
    QVERIFY(text.contains("object: signingTime"));
    const qsizetype caps = text.indexOf("object: S/MIME Capabilities");
    const qsizetype gcm = text.indexOf("OBJECT            :aes-256-gcm", caps);
    const qsizetype cbc256 = text.indexOf("OBJECT            :aes-256-cbc", caps);
    const qsizetype cbc128 = text.indexOf("OBJECT            :aes-128-cbc", caps);
    QVERIFY(caps > 0 && gcm > caps && gcm < cbc256 && cbc256 < cbc128);
    QCOMPARE(text.count(":aes-"), 3);        // exactly ours:
    QVERIFY(!text.contains("des-ede3-cbc")); // none of OpenSSL's default, weaker list
    // Leaf, issuing CA and root: openssl verified with only the root as trust anchor.
    QCOMPARE(text.count("subject: "), 3);

    // The signature part itself.
    QVERIFY(out->contains("\r\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                          "Content-Transfer-Encoding: base64\r\n"
                          "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"));
    QVERIFY(out->endsWith("--\r\n"));
}

// openssl's own S/MIME parser finds the same parts in the assembled message
// (-crlfeol: otherwise it hands the content on with LF line ends).
void TestSigner::wholeMessageParsedByOpenssl()
{
    QTemporaryDir tmp;
    for (const auto& [name, message] : sampleMessages()) {
        const auto out = Signer::sign(message, *m_ec);
        QVERIFY(out);
        writeFile(tmp.filePath(QStringLiteral("m.eml")), *out);
        const Run r = run(QStringLiteral("openssl"),
                          {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
                           QStringLiteral("-crlfeol"), QStringLiteral("-CAfile"), pki("ca.pem"),
                           QStringLiteral("-in"), tmp.filePath(QStringLiteral("m.eml")),
                           QStringLiteral("-out"), tmp.filePath(QStringLiteral("content.bin"))});
        QVERIFY2(r.ok(), QByteArray(name + ": " + r.err).constData());
        QCOMPARE(readFile(tmp.filePath(QStringLiteral("content.bin"))), splitSigned(*out).firstPart);
    }
}

void TestSigner::alreadySignedPassesUntouched()
{
    const auto once = Signer::sign(sampleMessages().first().second, *m_rsa);
    QVERIFY(once);
    const auto twice = Signer::sign(*once, *m_ec);
    QVERIFY(twice);
    QCOMPARE(*twice, *once);
    const QByteArray enveloped =
        "From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; "
        "smime-type=enveloped-data; name=smime.p7m\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIAC\r\n";
    QCOMPARE(Signer::sign(enveloped, *m_rsa).value_or(QByteArray()), enveloped);
}

void TestSigner::refusesUnusableCertificate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("expired") << "expired.p12"
                             << "Your certificate expired on";
    QTest::newRow("not yet valid") << "future.p12"
                                   << "Your certificate is valid only from";
    QTest::newRow("no emailProtection") << "noeku.p12"
                                        << "not meant for e-mail";
}

void TestSigner::refusesUnusableCertificate()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const auto id = Identity::load(pki(file.toLatin1().constData()), QStringLiteral("test-pass"));
    QVERIFY(id);
    QString error;
    QVERIFY(!Signer::sign(sampleMessages().first().second, *id, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!Signer::sign(sampleMessages().first().second, Identity(), &error));
    QVERIFY(error.contains(QStringLiteral("Import your certificate")));
}

void TestSigner::japaneseNamesInHeaders_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("files");
    for (const JapaneseSpelling& s : japaneseSpellings()) {
        QTest::newRow(QByteArray(s.label + ", multipart").constData())
            << japaneseMessage(s, true)
            << QStringList{QStringLiteral("見積書（第3版）.pdf"), QStringLiteral("会議資料.pptx")};
        QTest::newRow(QByteArray(s.label + ", single part").constData())
            << japaneseMessage(s, false) << QStringList{QStringLiteral("見積書（第3版）.pdf")};
    }
}

// Japanese file names written raw (UTF-8, Shift_JIS, ISO-2022-JP) in the
// Content-* fields of the signed entity: the entity is 7-bit, the signature
// verifies with openssl (-binary -crlfeol) and gpgsm, and the recipient sees
// the names. Converted for a 7-bit upstream afterwards, the signed entity is
// untouched (it still verifies) and the outer fields become encoded words.
void TestSigner::japaneseNamesInHeaders()
{
    QFETCH(QByteArray, message);
    QFETCH(QStringList, files);
    const auto attachmentNames = [](const QByteArray& m) {
        QStringList names;
        for (const Mime::Attachment& a : Mime::MessageView::parse(m).attachments)
            names << a.filename;
        return names;
    };
    QString error;
    const std::optional<QByteArray> out = Signer::sign(message, *m_rsa, &error);
    QVERIFY2(out, qPrintable(error));
    const SignedParts parts = splitSigned(*out);
    QVERIFY(parts.ok);
    QVERIFY2(sevenBitProblem(parts.firstPart).isEmpty(), qPrintable(sevenBitProblem(parts.firstPart)));
    QVERIFY(!parts.firstPart.contains('\x1b'));
    const Run openssl = opensslVerify(parts.firstPart, parts.signature);
    QVERIFY2(openssl.ok(), openssl.err.constData());
    QByteArray log;
    QVERIFY2(m_gpgsm->verify(parts.firstPart, parts.signature, &log), log.constData());
    const Mime::MessageView view = Mime::MessageView::parse(*out);
    QVERIFY(view.isSigned);
    QCOMPARE(attachmentNames(parts.firstPart), files);
    QCOMPARE(view.subject, QStringLiteral("見積書の送付について ①"));

    const std::optional<QByteArray> sevenBit = Smime::MimeCanonicalizer::toSevenBit(*out);
    QVERIFY(sevenBit);
    QVERIFY(std::all_of(sevenBit->cbegin(), sevenBit->cend(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\x1b'; }));
    const SignedParts sent = splitSigned(*sevenBit);
    QVERIFY(sent.ok);
    QCOMPARE(sent.firstPart, parts.firstPart);
    QVERIFY2(opensslVerify(sent.firstPart, sent.signature).ok(), "the 7-bit copy no longer verifies");
    const Mime::MessageView sentView = Mime::MessageView::parse(*sevenBit);
    QCOMPARE(sentView.subject, QStringLiteral("見積書の送付について ①"));
    QCOMPARE(sentView.from.name, QStringLiteral("山田 太郎"));
    QCOMPARE(sentView.cc.value(0).name, QStringLiteral("髙﨑 花子"));
}

QTEST_GUILESS_MAIN(TestSigner)
#include "TestSigner.moc"
