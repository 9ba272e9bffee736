#include "SmimeTestSupport.h"
#include "delivery/Protection.h"
#include "mime/MessageView.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"
#include "smime/CertificateStore.h"
#include "smime/Encryptor.h"
#include "smime/Identity.h"
#include "smime/Signer.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace SmimeTest;
using Delivery::Protection;
using Delivery::ProtectionPlan;
using Action = Delivery::ProtectionPlan::Action;
using Settings::EncryptPolicy;
using Settings::SignPolicy;

// Protection decides signing and encryption each on its own, with real
// certificates from tests/tools/smime-pki.sh, and what it makes is read back
// with openssl: the signature verifies, the envelope is for exactly the
// visible recipients and the sender, and no Bcc recipient's certificate is in it.
class TestProtection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void opaqueSmimeTheViewCallsNeitherIsNotSignedAgain_data();
    void opaqueSmimeTheViewCallsNeitherIsNotSignedAgain();

private:
    struct Output
    {
        QString kind;             // "plain", "signed", "encrypted"
        QByteArray inner;         // encrypted: the content as one recipient decrypts it
        QSet<QByteArray> serials; // encrypted: the certificates the envelope names
    };
    Output inspect(const QByteArray& out, const QString& decryptAs);
    static QByteArray serialOf(const QString& pem);

    QTemporaryDir m_dir;
    QString m_certificates;
    QString m_secrets;
    QByteArray m_plain;
    QByteArray m_signedByClient;
    QByteArray m_encryptedByClient;
};

namespace {

QByteArray message(const QByteArray& to, const QByteArray& extra = {})
{
    return crlf("From: Taro <taro@example.co.jp>\nTo: " + to + "\n" + extra +
                "Subject: quote\nDate: Thu, 26 Nov 2026 10:00:00 +0900\nMessage-ID: <p@example.co.jp>\n"
                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
                "8bit\n\nThe price is 4711 yen.\n見積書\n");
}

// "0x4C7E..." or the decimal form openssl prints for smaller numbers, as upper-case hex.
QByteArray normalSerial(QByteArray text)
{
    text = text.trimmed();
    if (text.startsWith("0x") || text.startsWith("0X"))
        text = text.mid(2).toUpper();
    else {
        QByteArray hex;
        while (!text.isEmpty() && text != "0") {
            QByteArray quotient;
            int rest = 0;
            for (char c : std::as_const(text)) {
                const int value = rest * 10 + (c - '0');
                if (!quotient.isEmpty() || value / 16 > 0)
                    quotient += char('0' + value / 16);
                rest = value % 16;
            }
            hex.prepend("0123456789ABCDEF"[rest]);
            text = quotient;
        }
        text = hex;
    }
    while (text.startsWith('0'))
        text.remove(0, 1);
    return text;
}

} // namespace

QByteArray TestProtection::serialOf(const QString& pem)
{
    const Run r = run(u"openssl"_s, {u"x509"_s, u"-in"_s, pem, u"-noout"_s, u"-serial"_s});
    return normalSerial("0x" + r.out.trimmed().mid(r.out.indexOf('=') + 1));
}

void TestProtection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certificates = m_dir.filePath(u"certificates"_s);
    m_secrets = m_dir.filePath(u"secrets.ini"_s);
    Smime::CertificateStore store(m_certificates);
    QString error;
    // Recipients whose certificates are known: hanako (internal) and jiro (partner).
    QVERIFY2(!store.importFile(pki("hanako.pem"), {}, &error).isEmpty(), qPrintable(error));
    QVERIFY2(!store.importFile(pki("jiro-ec.pem"), {}, &error).isEmpty(), qPrintable(error));

    m_plain = message("Jiro <jiro@partner.example>");
    const auto taro = Smime::Identity::load(pki("taro-rsa-aes.p12"), u"test-pass"_s);
    QVERIFY(taro);
    // What a mail program that signs or encrypts by itself hands over.
    const auto signedByClient = Smime::Signer::sign(m_plain, *taro, &error);
    QVERIFY2(signedByClient, qPrintable(error));
    m_signedByClient = *signedByClient;
    const auto encrypted = Smime::Encryptor::encrypt(
        m_plain, Smime::Certificate::fromData(readFile(pki("jiro-ec.pem"))), &error);
    QVERIFY2(encrypted, qPrintable(error));
    m_encryptedByClient = *encrypted;
}

void TestProtection::matrix_data()
{
    QTest::addColumn<int>("sign");
    QTest::addColumn<int>("encrypt");
    QTest::addColumn<QString>("p12"); // empty: no certificate set up
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("recipients"); // the envelope
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason"); // a part of plan.reason
    // encrypted: the certificates the envelope must name, exactly; and whose key decrypts it
    QTest::addColumn<QStringList>("encryptedTo");
    QTest::addColumn<QString>("decryptAs");

    const QString p12 = u"taro-rsa-aes.p12"_s;
    const QString pw = u"test-pass"_s;
    const QString jiro = u"jiro@partner.example"_s;
    const QString hanako = u"hanako@example.co.jp"_s;
    const QByteArray toHanako = message("hanako@example.co.jp");
    const QStringList none;
    const QStringList jiroAndTaro{u"jiro-ec"_s, u"taro-rsa"_s};
    const QStringList jiroOnly{u"jiro-ec"_s};

    const struct
    {
        const char* name;
        int sign;
    } signModes[] = {{"always", int(SignPolicy::Always)},
                     {"external", int(SignPolicy::External)},
                     {"never", int(SignPolicy::Never)}};
    const struct
    {
        const char* name;
        int encrypt;
    } encryptModes[] = {{"never", int(EncryptPolicy::Never)},
                        {"when-possible", int(EncryptPolicy::WhenPossible)},
                        {"required", int(EncryptPolicy::RequiredForDomains)}};

    for (const auto& s : signModes) {
        const bool signs = s.sign != int(SignPolicy::Never);
        for (const auto& e : encryptModes) {
            const bool encrypts = e.encrypt != int(EncryptPolicy::Never);
            const auto row = [&](const char* situation) {
                return &QTest::newRow(qPrintable(u"sign=%1 encrypt=%2, %3"_s.arg(
                    QLatin1String(s.name), QLatin1String(e.name), QLatin1String(situation))));
            };
            const int withCertificate = encrypts ? int(signs ? Action::SignAndEncrypt : Action::Encrypt)
                                                 : int(signs ? Action::Sign : Action::None);
            *row("certificate") << s.sign << e.encrypt << p12 << pw << m_plain << QStringList{jiro}
                                << withCertificate << "" << (encrypts ? jiroAndTaro : none) << u"jiro-ec"_s;
            // Without one the account does not sign, but still encrypts (to the recipients only).
            *row("no certificate") << s.sign << e.encrypt << QString() << QString() << m_plain
                                   << QStringList{jiro} << int(encrypts ? Action::Encrypt : Action::None)
                                   << "" << (encrypts ? jiroOnly : none) << u"jiro-ec"_s;
            // sign=external does not sign all-internal mail; encryption is decided on its own.
            const bool signsInternal = s.sign == int(SignPolicy::Always);
            *row("internal only") << s.sign << e.encrypt << p12 << pw << toHanako << QStringList{hanako}
                                  << int(encrypts ? (signsInternal ? Action::SignAndEncrypt : Action::Encrypt)
                                                  : (signsInternal ? Action::Sign : Action::None))
                                  << "" << (encrypts ? QStringList{u"hanako"_s, u"taro-rsa"_s} : none)
                                  << u"hanako"_s;
            // Signed by the mail program: not signed again, encrypted as it is.
            *row("already signed") << s.sign << e.encrypt << p12 << pw << m_signedByClient
                                   << QStringList{jiro} << int(encrypts ? Action::Encrypt : Action::None)
                                   << "" << (encrypts ? jiroAndTaro : none) << u"jiro-ec"_s;
            *row("already encrypted")
                << s.sign << e.encrypt << p12 << pw << m_encryptedByClient << QStringList{jiro}
                << int(Action::None) << (encrypts ? "already encrypted" : "") << none << QString();
            // hanako is a Bcc recipient (in the envelope, not in To/Cc) and has a
            // certificate: an envelope for all would name it to jiro.
            const int withBcc = e.encrypt == int(EncryptPolicy::RequiredForDomains)
                                    ? int(Action::Refuse)
                                    : int(signs ? Action::Sign : Action::None);
            const char* bccReason =
                e.encrypt == int(EncryptPolicy::RequiredForDomains)
                    ? "must be encrypted because it goes to jiro@partner.example, hanako@example.co.jp. It "
                      "has Bcc "
                      "recipients "
                      "(hanako@example.co.jp). Encrypted messages cannot have Bcc recipients here: the "
                      "encryption would show every recipient's certificate to all. Send a separate message "
                      "to the Bcc recipients."
                : encrypts ? "Not encrypted: it has Bcc recipients (hanako@example.co.jp)"
                           : "";
            *row("Bcc") << s.sign << e.encrypt << p12 << pw << m_plain << QStringList{jiro, hanako} << withBcc
                        << bccReason << none << QString();
        }
    }

    const int always = int(SignPolicy::Always), never = int(SignPolicy::Never);
    const int possible = int(EncryptPolicy::WhenPossible), required = int(EncryptPolicy::RequiredForDomains);
    // The case: nothing signed, required encryption still happens.
    QTest::newRow("sign=never required, no certificate, Bcc")
        << never << required << QString() << QString() << m_plain << QStringList{jiro, hanako}
        << int(Action::Refuse) << "Send a separate message to the Bcc recipients." << none << QString();
    // The sender's own Bcc copy reveals nothing: the sender is an encryption recipient anyway.
    QTest::newRow("Bcc to oneself") << always << required << p12 << pw << m_plain
                                    << QStringList{jiro, u"Taro@Example.co.jp"_s}
                                    << int(Action::SignAndEncrypt) << "" << jiroAndTaro << u"taro-rsa"_s;
    QTest::newRow("oneself in Cc, no certificate in the folder")
        << never << required << p12 << pw << message("jiro@partner.example", "Cc: taro@example.co.jp\n")
        << QStringList{jiro, u"taro@example.co.jp"_s} << int(Action::Encrypt) << "" << jiroAndTaro
        << u"taro-rsa"_s;
    QTest::newRow("Bcc after the review's offer")
        << always << possible << p12 << pw << message("undisclosed-recipients:;") << QStringList{jiro}
        << int(Action::Sign) << "Bcc recipients (jiro@partner.example)" << none << QString();
    const QString saburo = u"saburo@partner.example"_s;
    QTest::newRow("required, a certificate missing")
        << never << required << p12 << pw << message("jiro@partner.example, saburo@partner.example")
        << QStringList{jiro, saburo} << int(Action::Refuse)
        << "No valid certificate is known for saburo@partner.example" << none << QString();
    QTest::newRow("when possible, a certificate missing")
        << always << possible << p12 << pw << message("jiro@partner.example, saburo@partner.example")
        << QStringList{jiro, saburo} << int(Action::Sign)
        << "no certificate is known for saburo@partner.example" << none << QString();
    QTest::newRow("certificate unreadable, encryption only")
        << never << possible << p12 << u"wrong"_s << m_plain << QStringList{jiro} << int(Action::Refuse)
        << "cannot be used" << none << QString();
    QTest::newRow("certificate unreadable, nothing wanted")
        << never << int(EncryptPolicy::Never) << p12 << u"wrong"_s << m_plain << QStringList{jiro}
        << int(Action::None) << "" << none << QString();
}

TestProtection::Output TestProtection::inspect(const QByteArray& out, const QString& decryptAs)
{
    Output o;
    const Mime::MessageView view = Mime::MessageView::parse(out);
    if (view.isSigned) {
        o.kind = u"signed"_s;
        return o;
    }
    if (!view.isEncrypted) {
        o.kind = u"plain"_s;
        return o;
    }
    o.kind = u"encrypted"_s;
    QTemporaryDir tmp;
    const QString der = tmp.filePath(u"env.der"_s);
    writeFile(der, QByteArray::fromBase64(out.mid(out.indexOf("\r\n\r\n") + 4)));
    const Run print =
        run(u"openssl"_s, {u"cms"_s, u"-cmsout"_s, u"-print"_s, u"-inform"_s, u"DER"_s, u"-in"_s, der});
    const QRegularExpression serial(u"serialNumber: (\\S+)"_s);
    for (auto it = serial.globalMatch(QString::fromLatin1(print.out)); it.hasNext();)
        o.serials.insert(normalSerial(it.next().captured(1).toLatin1()));
    // Every RecipientInfo is named by issuer and serial (none by key identifier, which this would miss).
    if (print.out.count("d.issuerAndSerialNumber:") != o.serials.size())
        o.serials.insert("(a recipient not named by issuer and serial)");
    const Run dec = run(u"openssl"_s, {u"cms"_s, u"-decrypt"_s, u"-binary"_s, u"-inform"_s, u"DER"_s,
                                       u"-in"_s, der, u"-recip"_s, pki(qPrintable(decryptAs + u".pem"_s)),
                                       u"-inkey"_s, pki(qPrintable(decryptAs + u".key"_s))});
    o.inner = dec.ok() ? dec.out : QByteArray();
    return o;
}

void TestProtection::matrix()
{
    QFETCH(int, sign);
    QFETCH(int, encrypt);
    QFETCH(QString, p12);
    QFETCH(QString, password);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, recipients);
    QFETCH(int, action);
    QFETCH(QString, reason);
    QFETCH(QStringList, encryptedTo);
    QFETCH(QString, decryptAs);

    Settings::Config config;
    config.policy.internalDomains = {u"example.co.jp"_s};
    Settings::Account account;
    account.name = u"work"_s;
    account.smimeP12 = p12.isEmpty() ? QString() : pki(qPrintable(p12));
    account.sign = SignPolicy(sign);
    account.encrypt = EncryptPolicy(encrypt);
    account.encryptDomains = {u"*.partner.example"_s, u"example.co.jp"_s};
    config.accounts << account;
    QFile::remove(m_secrets);
    Settings::FileSecretStore secrets(m_secrets);
    QString error;
    if (!password.isEmpty())
        QVERIFY2(secrets.write(u"work/smime_password"_s, password, &error), qPrintable(error));

    Spool::Entry entry;
    entry.account = u"work"_s;
    entry.envelope.mailFrom = u"taro@example.co.jp"_s;
    entry.envelope.recipients = recipients;
    Protection protection(config, &secrets, m_certificates);
    const ProtectionPlan plan = protection.plan(entry, content, Mime::MessageView::parse(content));
    QVERIFY2(int(plan.action) == action,
             qPrintable(u"action %1, expected %2: %3"_s.arg(int(plan.action)).arg(action).arg(plan.reason)));
    QVERIFY2(plan.reason.contains(reason), qPrintable(plan.reason));

    const std::optional<QByteArray> out = protection.apply(plan, entry, content, &error);
    if (plan.action == Action::Refuse) {
        // Held, never sent: nothing to send, and the reason says why.
        QVERIFY(!out);
        QCOMPARE(error, plan.reason);
        QVERIFY(!plan.signingProblem); // an encryption problem: not the sender-certificate finding
        return;
    }
    QVERIFY2(out, qPrintable(error));
    const Output o = inspect(*out, decryptAs);
    switch (plan.action) {
    case Action::None:
        QCOMPARE(*out, content);
        break;
    case Action::Sign: {
        QCOMPARE(o.kind, u"signed"_s);
        const SignedParts parts = splitSigned(*out);
        QVERIFY(parts.ok);
        const Run verify = opensslVerify(parts.firstPart, parts.signature);
        QVERIFY2(verify.ok(), verify.err.constData());
        break;
    }
    case Action::Encrypt:
    case Action::SignAndEncrypt: {
        QCOMPARE(o.kind, u"encrypted"_s);
        QSet<QByteArray> expected;
        for (const QString& name : std::as_const(encryptedTo))
            expected.insert(serialOf(pki(qPrintable(name + u".pem"_s))));
        // Exactly the visible recipients and the sender: never hanako when she is a Bcc recipient.
        QCOMPARE(o.serials, expected);
        QVERIFY2(!o.inner.isEmpty(), "the intended recipient cannot decrypt it");
        QVERIFY(!out->contains("The price is"));
        if (plan.action == Action::SignAndEncrypt || content == m_signedByClient) {
            const SignedParts parts = splitSigned(o.inner);
            QVERIFY(parts.ok);
            const Run verify = opensslVerify(parts.firstPart, parts.signature);
            QVERIFY2(verify.ok(), verify.err.constData());
            if (content == m_signedByClient) // as the mail program signed it, not signed twice
                QCOMPARE(parts.signature, splitSigned(m_signedByClient).signature);
        } else {
            QVERIFY(!o.inner.contains("pkcs7-signature"));
            QVERIFY(o.inner.startsWith("Content-Type: text/plain"));
        }
        break;
    }
    case Action::Refuse:
        break;
    }
}

QTEST_GUILESS_MAIN(TestProtection)
// certs-only and compressed-data are S/MIME bodies that MessageView calls
// neither signed nor encrypted; wrapping them in a signature would break what
// the mail program made, so the plan still leaves them as they are.
void TestProtection::opaqueSmimeTheViewCallsNeitherIsNotSignedAgain_data()
{
    QTest::addColumn<QByteArray>("smimeType");
    QTest::newRow("certs-only") << QByteArray("certs-only");
    QTest::newRow("compressed-data") << QByteArray("compressed-data");
}

void TestProtection::opaqueSmimeTheViewCallsNeitherIsNotSignedAgain()
{
    QFETCH(QByteArray, smimeType);
    const QByteArray content = "From: taro@example.co.jp\r\nTo: jiro@partner.example\r\nSubject: s\r\n"
                               "MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=" +
                               smimeType +
                               "; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nMIIBAA==\r\n";
    const Mime::MessageView view = Mime::MessageView::parse(content);
    QVERIFY(!view.isSigned);
    QVERIFY(!view.isEncrypted);

    Settings::Config config;
    Settings::Account account;
    account.name = u"work"_s;
    account.smimeP12 = pki("taro-rsa-aes.p12");
    account.sign = SignPolicy::Always;
    account.encrypt = EncryptPolicy::Never;
    config.accounts << account;
    QFile::remove(m_secrets);
    Settings::FileSecretStore secrets(m_secrets);
    QString error;
    QVERIFY2(secrets.write(u"work/smime_password"_s, u"test-pass"_s, &error), qPrintable(error));
    Spool::Entry entry;
    entry.account = u"work"_s;
    entry.envelope.mailFrom = u"taro@example.co.jp"_s;
    entry.envelope.recipients = {u"jiro@partner.example"_s};
    Protection protection(config, &secrets, m_certificates);
    const ProtectionPlan plan = protection.plan(entry, content, view);
    QCOMPARE(int(plan.action), int(Action::None));
    QVERIFY2(plan.reason.contains(u"already signed or encrypted"_s), qPrintable(plan.reason));
}

#include "TestProtection.moc"
