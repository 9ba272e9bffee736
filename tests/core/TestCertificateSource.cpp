// Certificates from the administrator's folder ([general] certificate_source):
// the right person's file is found and imported for their account, another
// person's is refused, a wrong password can be typed again. Real PKCS#12
// files made by openssl (tests/tools/smime-pki.sh): taro@ and hanako@example.co.jp.

#include "SmimeTestSupport.h"
#include "settings/CertificateSource.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"
#include "settings/Validation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Settings::CertificateSource;
using Found = Settings::CertificateSource::Found;
using Opened = Settings::CertificateSource::Opened;

namespace {

// A settings file with one account per address, loaded as the application loads it.
Settings::Config writeConfig(const QString& dir, const QStringList& addresses)
{
    const QString path = dir + u"/yubisashi.ini"_s;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("[general]\ndata_dir = " + dir.toUtf8() + "/data\n");
    for (const QString& a : addresses)
        f.write("\n[account." + a.section(u'@', 0, 0).toUtf8() +
                "]\nhost = smtp.example.co.jp\nuser = " + a.toUtf8() + "\n");
    f.close();
    Settings::Config config;
    QStringList errors;
    Settings::Config::load(path, &config, &errors);
    return config;
}

bool copy(const char* pkiName, const QString& to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(SmimeTest::pki(pkiName), to);
}

const QString taro = u"taro@example.co.jp"_s;
const QString hanako = u"hanako@example.co.jp"_s;

} // namespace

class TestCertificateSource : public QObject
{
    Q_OBJECT
private slots:
    void expand_data();
    void expand();
    void placeholders_data();
    void placeholders();
    void addresses();

    void findsTheFileNamedForThePerson();
    void findsTheOnlyFileInAPersonsFolder();
    void severalCandidates();
    void missingFile();
    void missingFolder();

    void importsTheRightFileForTheRightAccount();
    void refusesAnotherPersonsCertificate();
    void wrongPasswordCanBeRetried();
    void describesSubjectIssuerAndExpiry();
    void noticesANewFile();
};

void TestCertificateSource::expand_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("email") << u"//fs/certs/%email%.p12"_s << u"Ken.Tanaka@Acme.co.jp"_s << u"ken"_s
                           << u"//fs/certs/ken.tanaka@acme.co.jp.p12"_s;
    QTest::newRow("user") << u"//fs/certs/%user%/"_s << u"ken.tanaka@acme.co.jp"_s << u"ktanaka"_s
                          << u"//fs/certs/ktanaka/"_s;
    QTest::newRow("both, any case") << u"C:\\certs\\%USER%\\%Email%.pfx"_s << u"ken@acme.co.jp"_s << u"ken"_s
                                    << u"C:\\certs\\ken\\ken@acme.co.jp.pfx"_s;
    QTest::newRow("none") << u"/srv/certs"_s << QString() << QString() << u"/srv/certs"_s;
    QTest::newRow("no address") << u"/srv/certs/%email%.p12"_s << QString() << u"ken"_s << QString();
    QTest::newRow("a path in the address")
        << u"/srv/certs/%email%.p12"_s << u"../../etc/x@y"_s << u"ken"_s << QString();
    QTest::newRow("user is ..") << u"/srv/certs/%user%"_s << u"ken@acme.co.jp"_s << u".."_s << QString();
    QTest::newRow("unknown placeholder")
        << u"/srv/%domain%/%email%"_s << u"ken@acme.co.jp"_s << u"ken"_s << QString();
}

void TestCertificateSource::expand()
{
    QFETCH(QString, pattern);
    QFETCH(QString, email);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    QString problem;
    QCOMPARE(CertificateSource::expand(pattern, email, user, &problem), expected);
    QCOMPARE(problem.isEmpty(), !expected.isEmpty());
}

void TestCertificateSource::placeholders_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("email") << u"\\\\fs\\certs\\%email%.p12"_s << true;
    QTest::newRow("user, upper case") << u"\\\\fs\\certs\\%USER%"_s << true;
    QTest::newRow("no placeholder") << u"/srv/certs"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("a Windows variable") << u"%USERPROFILE%\\certs"_s << false;
    QTest::newRow("domain") << u"/srv/%domain%/%user%.p12"_s << false;
}

void TestCertificateSource::placeholders()
{
    QFETCH(QString, value);
    QFETCH(bool, allowed);
    // The rule the Settings window, ConfigWriter and the policy check apply.
    const QString problem = Settings::Validation::check(u"general/certificate_source"_s, value);
    QVERIFY2(problem.isEmpty() == allowed, qPrintable(problem));
    if (!allowed)
        QVERIFY2(problem.contains(u"%email%"_s) && problem.contains(u"%user%"_s), qPrintable(problem));
}

void TestCertificateSource::addresses()
{
    Settings::Account a;
    a.user = u"shared-login"_s;
    a.from = QStringList{u"Sales@Example.co.jp"_s, u"info@example.co.jp"_s};
    QCOMPARE(CertificateSource::addressesOf(a),
             (QStringList{u"sales@example.co.jp"_s, u"info@example.co.jp"_s}));
    QCOMPARE(CertificateSource::addressOf(a), u"sales@example.co.jp"_s);
    a.from.clear();
    a.user = u"Taro@Example.co.jp"_s;
    QCOMPARE(CertificateSource::addressOf(a), taro);
    a.user = u"taro"_s;
    QVERIFY(CertificateSource::addressOf(a).isEmpty());
}

void TestCertificateSource::findsTheFileNamedForThePerson()
{
    QTemporaryDir dir;
    QVERIFY(copy("taro-rsa-aes.p12", dir.filePath(taro + u".p12"_s)));
    QVERIFY(copy("hanako-3des.p12", dir.filePath(hanako + u".pfx"_s)));

    // The folder itself: the file named after the address among several.
    Found f = CertificateSource::find(dir.path(), taro, u"nobody"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.path, dir.filePath(taro + u".p12"_s));
    f = CertificateSource::find(dir.path(), hanako, u"nobody"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.path, dir.filePath(hanako + u".pfx"_s));

    // A file path with %email%.
    f = CertificateSource::find(dir.path() + u"/%email%.p12"_s, u"Taro@Example.co.jp"_s, u"x"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.path, dir.filePath(taro + u".p12"_s));

    // The file named after the login name.
    QVERIFY(copy("taro-rsa-aes.p12", dir.filePath(u"yamada.p12"_s)));
    f = CertificateSource::find(dir.path(), u"someone@example.co.jp"_s, u"yamada"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.path, dir.filePath(u"yamada.p12"_s));
}

void TestCertificateSource::findsTheOnlyFileInAPersonsFolder()
{
    QTemporaryDir dir;
    // One folder per login name, each with one file whose name says nothing.
    QVERIFY(copy("taro-rsa-aes.p12", dir.filePath(u"tyamada/JCAN-2026.pfx"_s)));
    QVERIFY(copy("hanako-3des.p12", dir.filePath(u"hsuzuki/JCAN-2026.pfx"_s)));
    QVERIFY(SmimeTest::writeFile(dir.filePath(u"tyamada/readme.txt"_s), "not a certificate"));
    const Found f = CertificateSource::find(dir.path() + u"/%user%"_s, taro, u"tyamada"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    QCOMPARE(f.path, dir.filePath(u"tyamada/JCAN-2026.pfx"_s));
}

void TestCertificateSource::severalCandidates()
{
    QTemporaryDir dir;
    QVERIFY(copy("taro-rsa-aes.p12", dir.filePath(u"a.p12"_s)));
    QVERIFY(copy("hanako-3des.p12", dir.filePath(u"b.pfx"_s)));
    const Found f = CertificateSource::find(dir.path(), u"ken.tanaka@acme.co.jp"_s, u"ken"_s);
    QCOMPARE(int(f.status), int(Found::Status::Several));
    QCOMPARE(f.candidates, (QStringList{u"a.p12"_s, u"b.pfx"_s}));
    QVERIFY2(f.message.contains(u"a.p12, b.pfx"_s) && f.message.contains(u"ken.tanaka@acme.co.jp.p12"_s),
             qPrintable(f.message));
}

void TestCertificateSource::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(copy("hanako-3des.p12", dir.filePath(hanako + u".p12"_s)));
    const QString folder = QDir::toNativeSeparators(dir.path());
    Found f = CertificateSource::find(dir.path() + u"/%email%.p12"_s, u"ken.tanaka@acme.co.jp"_s, u"ken"_s);
    QCOMPARE(int(f.status), int(Found::Status::NoFile));
    QCOMPARE(f.message,
             u"No certificate for ken.tanaka@acme.co.jp in %1. Ask your administrator."_s.arg(folder));
    QVERIFY(f.path.isEmpty());

    QTemporaryDir empty;
    f = CertificateSource::find(empty.path(), u"ken.tanaka@acme.co.jp"_s, u"ken"_s);
    QCOMPARE(int(f.status), int(Found::Status::NoFile));
    QCOMPARE(f.message, u"No certificate for ken.tanaka@acme.co.jp in %1. Ask your administrator."_s.arg(
                            QDir::toNativeSeparators(empty.path())));

    f = CertificateSource::find(QString(), taro, u"taro"_s);
    QCOMPARE(int(f.status), int(Found::Status::NotSet));
}

void TestCertificateSource::missingFolder()
{
    QTemporaryDir dir;
    // The share is not there (offline, or not connected to the network).
    const Found f = CertificateSource::find(dir.path() + u"/share/%email%.p12"_s, taro, u"taro"_s);
    QCOMPARE(int(f.status), int(Found::Status::Unreadable));
    QVERIFY2(f.message.contains(QDir::toNativeSeparators(dir.path() + u"/share"_s)) &&
                 f.message.contains(u"network"_s),
             qPrintable(f.message));
}

void TestCertificateSource::importsTheRightFileForTheRightAccount()
{
    QTemporaryDir dir;
    const QString certs = dir.filePath(u"certs"_s);
    QVERIFY(copy("taro-rsa-aes.p12", certs + u"/"_s + taro + u".p12"_s));
    QVERIFY(copy("hanako-3des.p12", certs + u"/"_s + hanako + u".p12"_s));
    const Settings::Config config = writeConfig(dir.path(), {hanako, taro});
    QCOMPARE(config.accounts.size(), 2);
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));

    // taro's account: taro's file, although hanako's account comes first.
    const Settings::Account& account = *config.account(u"taro"_s);
    const Found f = CertificateSource::find(certs + u"/%email%.p12"_s, CertificateSource::addressOf(account),
                                            u"tyamada"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    const Settings::CertificateImport::Result r =
        CertificateSource::import(config, {}, &secrets, u"taro"_s, f.path, u"test-pass"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.account, u"taro"_s);

    Settings::Config saved;
    QStringList errors;
    QVERIFY(Settings::Config::load(config.path, &saved, &errors));
    QCOMPARE(saved.account(u"taro"_s)->smimeP12, r.storedPath);
    QVERIFY(saved.account(u"hanako"_s)->smimeP12.isEmpty());
    QCOMPARE(SmimeTest::readFile(r.storedPath), SmimeTest::readFile(f.path));
    QString error;
    QCOMPARE(secrets.read(u"taro/smime_password"_s, &error), std::optional<QString>(u"test-pass"_s));
    QCOMPARE(secrets.read(u"hanako/smime_password"_s, &error), std::nullopt);
    // Now the imported copy is the file in the folder: nothing new to offer.
    QVERIFY(!CertificateSource::differs(f.path, saved.account(u"taro"_s)->smimeP12));
}

void TestCertificateSource::refusesAnotherPersonsCertificate()
{
    QTemporaryDir dir;
    // The administrator put hanako's certificate in taro's folder by mistake.
    const QString folder = dir.filePath(u"certs/tyamada"_s);
    QVERIFY(copy("hanako-3des.p12", folder + u"/cert.p12"_s));
    const Settings::Config config = writeConfig(dir.path(), {taro});
    QFile settings(config.path);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray before = settings.readAll();
    settings.close();
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));

    const Found f = CertificateSource::find(dir.filePath(u"certs/%user%"_s), taro, u"tyamada"_s);
    QVERIFY2(f.ok(), qPrintable(f.message));
    const Opened o = CertificateSource::open(f.path, u"test-pass"_s, {taro}, QDateTime::currentDateTimeUtc());
    QCOMPARE(int(o.status), int(Opened::Status::OtherPerson));
    QCOMPARE(o.message, u"This certificate belongs to hanako@example.co.jp, not to you (taro@example.co.jp). "
                        "Nothing was imported. Ask your administrator for your own certificate."_s);

    const Settings::CertificateImport::Result r =
        CertificateSource::import(config, {}, &secrets, u"taro"_s, f.path, u"test-pass"_s);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, o.message);
    QVERIFY(!QFile::exists(dir.filePath(u"data/certificates"_s))); // nothing copied
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QCOMPARE(settings.readAll(), before);
    QString error;
    QCOMPARE(secrets.read(u"taro/smime_password"_s, &error), std::nullopt);
}

void TestCertificateSource::wrongPasswordCanBeRetried()
{
    QTemporaryDir dir;
    QVERIFY(copy("taro-rsa-aes.p12", dir.filePath(taro + u".p12"_s)));
    const Settings::Config config = writeConfig(dir.path(), {taro});
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    const QString path = dir.filePath(taro + u".p12"_s);

    const Opened wrong = CertificateSource::open(path, u"wrong"_s, {taro}, QDateTime::currentDateTimeUtc());
    QCOMPARE(int(wrong.status), int(Opened::Status::WrongPassword));
    QVERIFY2(wrong.message.contains(u"password is not correct"_s), qPrintable(wrong.message));
    Settings::CertificateImport::Result r =
        CertificateSource::import(config, {}, &secrets, u"taro"_s, path, u"wrong"_s);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, wrong.message);
    QVERIFY(!QFile::exists(dir.filePath(u"data/certificates"_s)));

    // The second try with the right password works.
    const Opened right =
        CertificateSource::open(path, u"test-pass"_s, {taro}, QDateTime::currentDateTimeUtc());
    QVERIFY2(right.ok(), qPrintable(right.message));
    r = CertificateSource::import(config, {}, &secrets, u"taro"_s, path, u"test-pass"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
}

void TestCertificateSource::describesSubjectIssuerAndExpiry()
{
    const Opened o = CertificateSource::open(SmimeTest::pki("taro-rsa-aes.p12"), u"test-pass"_s, {taro},
                                             QDateTime::currentDateTimeUtc());
    QVERIFY2(o.ok(), qPrintable(o.message));
    const QDateTime notAfter = o.certificate.notAfter();
    QLocale::setDefault(QLocale::c());
    const QString date = QLocale().toString(notAfter.toLocalTime().date(), QLocale::LongFormat);
    QCOMPARE(CertificateSource::describe(o.certificate, notAfter.addDays(-100)),
             u"Subject: %1\nIssued by: %2\nValid until: %3"_s.arg(o.certificate.subject(),
                                                                  o.certificate.issuer(), date));
    QVERIFY(o.certificate.subject().contains(u"Yamada Taro"_s));
    QVERIFY(o.certificate.issuer().contains(u"Yubisashi SMIME Test Issuing CA"_s));
    QCOMPARE(
        CertificateSource::describe(o.certificate, notAfter.addDays(-10)),
        u"Subject: %1\nIssued by: %2\nValid until: %3\nExpires in 10 day(s): ask for a new certificate and "
        "import it."_s.arg(o.certificate.subject(), o.certificate.issuer(), date));
}

void TestCertificateSource::noticesANewFile()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.p12"_s);
    const QString imported = dir.filePath(u"imported.p12"_s);
    QVERIFY(copy("taro-rsa-aes.p12", source));
    QVERIFY(copy("taro-rsa-aes.p12", imported));
    QVERIFY(!CertificateSource::differs(source, imported));
    // The administrator replaces the file with a renewed one (other bytes).
    QVERIFY(QFile::remove(source));
    QVERIFY(copy("taro-rsa-3des.p12", source));
    QVERIFY(CertificateSource::differs(source, imported));
    QVERIFY(CertificateSource::differs(source, QString()));                      // nothing imported yet
    QVERIFY(!CertificateSource::differs(dir.filePath(u"gone.p12"_s), imported)); // nothing to offer
}

QTEST_MAIN(TestCertificateSource)
#include "TestCertificateSource.moc"
