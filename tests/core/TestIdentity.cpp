#include "SmimeTestSupport.h"
#include "smime/Identity.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using Smime::Certificate;
using Smime::Identity;
using Error = Smime::Identity::Error;
using namespace SmimeTest;

Q_DECLARE_METATYPE(Smime::Identity::Error)

class TestIdentity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(QFile::exists(pki("ca.pem"))); }
    void load_data();
    void load();
    void details();
    void subjectEmail();
    void chainOrderAndMissingChain();
    void import_data();
    void import();
    void importSavesPrivateCopy();
    void unreadableFile();
};

void TestIdentity::load_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Error>("error");
    QTest::newRow("AES-256 (OpenSSL 3 default)") << "taro-rsa-aes.p12"
                                                 << "test-pass" << Error::None;
    QTest::newRow("3DES") << "taro-rsa-3des.p12"
                          << "test-pass" << Error::None;
    QTest::newRow("RC2-40 (legacy provider)") << "taro-rsa-rc2.p12"
                                              << "test-pass" << Error::None;
    QTest::newRow("ECDSA P-256") << "taro-ec.p12"
                                 << "test-pass" << Error::None;
    QTest::newRow("UTF-8 password") << "taro-utf8.p12"
                                    << "日本語パス" << Error::None;
    QTest::newRow("wrong password, AES") << "taro-rsa-aes.p12"
                                         << "Test-pass" << Error::WrongPassword;
    QTest::newRow("wrong password, RC2") << "taro-rsa-rc2.p12"
                                         << "" << Error::WrongPassword;
    QTest::newRow("PEM certificate") << "taro-rsa.pem"
                                     << "" << Error::NotPkcs12;
    QTest::newRow("PEM key") << "taro-rsa.key"
                             << "" << Error::NotPkcs12;
    QTest::newRow("DER certificate") << "hanako.der"
                                     << "" << Error::NotPkcs12;
    QTest::newRow("key of another certificate") << "mismatch.p12"
                                                << "test-pass" << Error::KeyMismatch;
}

void TestIdentity::load()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(Error, error);
    QString message;
    Error code = Error::Damaged;
    const std::optional<Identity> id =
        Identity::load(pki(file.toLatin1().constData()), password, &message, &code);
    QCOMPARE(code, error);
    QCOMPARE(id.has_value(), error == Error::None);
    QCOMPARE(message.isEmpty(), error == Error::None);
    if (id)
        QVERIFY(id->certificate().hasEmailAddress(QStringLiteral("taro@example.co.jp")));
}

void TestIdentity::details()
{
    const auto id = Identity::load(pki("taro-rsa-3des.p12"), QStringLiteral("test-pass"));
    QVERIFY(id);
    const Certificate c = id->certificate();
    QCOMPARE(id->subject(), QStringLiteral("CN=Yamada Taro,O=Example"));
    QCOMPARE(c.commonName(), QStringLiteral("Yamada Taro"));
    QCOMPARE(id->issuer(), QStringLiteral("CN=Yubisashi SMIME Test Issuing CA,O=Yubisashi tests"));
    QCOMPARE(id->emailAddresses(), QStringList{QStringLiteral("taro@example.co.jp")});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(c.notBefore() < now && now < c.notAfter());
    QVERIFY(c.notAfter() > now.addDays(365 * 4));
    QVERIFY(c.hasKeyUsage());
    QCOMPARE(c.keyUsage(), unsigned(Certificate::DigitalSignature | Certificate::NonRepudiation |
                                    Certificate::KeyEncipherment));
    QCOMPARE(c.extendedKeyUsage(), QStringList{QStringLiteral("emailProtection")});
    QVERIFY(c.allowsEmailProtection());
    QCOMPARE(c.keyDescription(), QStringLiteral("RSA 2048"));
    QCOMPARE(c.fingerprint().size(), 64);
    // The same certificate whatever the file's protection.
    QCOMPARE(Identity::load(pki("taro-rsa-rc2.p12"), QStringLiteral("test-pass"))->certificate(), c);
    QCOMPARE(c, Certificate::fromData(readFile(pki("taro-rsa.pem"))).value(0));

    const auto noeku = Identity::load(pki("noeku.p12"), QStringLiteral("test-pass"));
    QCOMPARE(noeku->certificate().extendedKeyUsage(), QStringList{QStringLiteral("clientAuth")});
    QVERIFY(!noeku->certificate().allowsEmailProtection());
}

void TestIdentity::subjectEmail()
{
    // The EC certificate names its address only as emailAddress in the subject, in mixed case.
    const auto id = Identity::load(pki("taro-ec.p12"), QStringLiteral("test-pass"));
    QVERIFY(id);
    QCOMPARE(id->emailAddresses(), QStringList{QStringLiteral("taro@example.co.jp")});
    QVERIFY(id->certificate().hasEmailAddress(QStringLiteral("TARO@example.CO.JP")));
    QCOMPARE(id->certificate().keyDescription(), QStringLiteral("EC 256"));
    QVERIFY(id->subject().contains(QStringLiteral("emailAddress=Taro@Example.co.jp")));
}

void TestIdentity::chainOrderAndMissingChain()
{
    const auto full = Identity::load(pki("taro-rsa-aes.p12"), QStringLiteral("test-pass"));
    QCOMPARE(full->chain().size(), 2);
    QCOMPARE(full->chain().at(0), Certificate::fromData(readFile(pki("sub.pem"))).value(0));
    QCOMPARE(full->chain().at(1), Certificate::fromData(readFile(pki("ca.pem"))).value(0));
    QVERIFY(full->warnings().isEmpty());

    const auto bare = Identity::load(pki("taro-nochain.p12"), QStringLiteral("test-pass"));
    QVERIFY(bare);
    QVERIFY(bare->chain().isEmpty());
    QCOMPARE(bare->warnings().size(), 1);
}

void TestIdentity::import_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Error>("error");
    QTest::newRow("good") << "taro-rsa-rc2.p12"
                          << "test-pass" << Error::None;
    QTest::newRow("expired") << "expired.p12"
                             << "test-pass" << Error::Expired;
    QTest::newRow("not yet valid") << "future.p12"
                                   << "test-pass" << Error::NotYetValid;
    QTest::newRow("no emailProtection") << "noeku.p12"
                                        << "test-pass" << Error::NotForEmail;
    QTest::newRow("wrong password") << "taro-rsa-aes.p12"
                                    << "nope" << Error::WrongPassword;
    QTest::newRow("not PKCS#12") << "ca.pem"
                                 << "" << Error::NotPkcs12;
}

void TestIdentity::import()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(Error, error);
    QTemporaryDir dest;
    const QString folder = dest.filePath(QStringLiteral("smime"));
    const Identity::ImportResult r = Identity::import(pki(file.toLatin1().constData()), password, folder);
    QCOMPARE(r.error, error);
    QCOMPARE(r.ok(), error == Error::None);
    QCOMPARE(r.message.isEmpty(), r.ok());
    // Nothing is saved unless the certificate can be used.
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), r.ok() ? 1 : 0);
    if (error == Error::Expired)
        QVERIFY2(r.message.contains(QStringLiteral("expired")), qPrintable(r.message));
    if (error == Error::NotForEmail)
        QVERIFY2(r.message.contains(QStringLiteral("not meant for e-mail")), qPrintable(r.message));
}

void TestIdentity::importSavesPrivateCopy()
{
    QTemporaryDir dest;
    const QString folder = dest.filePath(QStringLiteral("app/smime"));
    const Identity::ImportResult r =
        Identity::import(pki("taro-nochain.p12"), QStringLiteral("test-pass"), folder);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.warnings.size(), 1); // the chain is missing: a warning, not a refusal
    QVERIFY(r.storedPath.startsWith(folder + QLatin1Char('/')));
    QCOMPARE(readFile(r.storedPath), readFile(pki("taro-nochain.p12")));
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFileInfo(r.storedPath).permissions() & (others | QFile::ReadOwner | QFile::WriteOwner),
             QFile::ReadOwner | QFile::WriteOwner); // 0600
    QCOMPARE(QFileInfo(folder).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
             QFile::Permissions());
    // The copy loads with the same password.
    QVERIFY(Identity::load(r.storedPath, QStringLiteral("test-pass")));
    // Importing again replaces it in place.
    const Identity::ImportResult again =
        Identity::import(pki("taro-rsa-aes.p12"), QStringLiteral("test-pass"), folder);
    QCOMPARE(again.storedPath, r.storedPath);
    QCOMPARE(readFile(again.storedPath), readFile(pki("taro-rsa-aes.p12")));
}

void TestIdentity::unreadableFile()
{
    Error code = Error::None;
    QString message;
    QVERIFY(!Identity::load(QStringLiteral("/nonexistent/x.p12"), QString(), &message, &code));
    QCOMPARE(code, Error::FileUnreadable);
    QVERIFY(message.contains(QStringLiteral("/nonexistent/x.p12")));
}

QTEST_GUILESS_MAIN(TestIdentity)
#include "TestIdentity.moc"
