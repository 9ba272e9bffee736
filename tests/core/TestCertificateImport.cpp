// Importing one's own certificate (Settings > Certificates > Import): the
// copy in the data folder, the account it goes to, the settings file and the
// secret store. PKCS#12 files from tests/tools/smime-pki.sh.

#include "SmimeTestSupport.h"
#include "settings/CertificateImport.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Settings::CertificateImport;

namespace {

Settings::Account account(const QString& name, const QString& user, const QStringList& from = {})
{
    Settings::Account a;
    a.name = name;
    a.user = user;
    a.from = from;
    return a;
}

// A settings file with the accounts, loaded as the application loads it.
Settings::Config writeConfig(const QString& dir, const QStringList& names)
{
    const QString path = dir + u"/yubisashi.ini"_s;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("[general]\ndata_dir = " + dir.toUtf8() + "/data\n");
    for (const QString& n : names)
        f.write("\n[account." + n.toUtf8() + "]\nhost = smtp.example.co.jp\nuser = " + n.toUtf8() +
                "@example.co.jp\n");
    f.close();
    Settings::Config config;
    QStringList errors;
    Settings::Config::load(path, &config, &errors);
    config.dataDir = dir + u"/data"_s;
    return config;
}

} // namespace

class TestCertificateImport : public QObject
{
    Q_OBJECT
private slots:
    void accountFor_data();
    void accountFor();
    void importsForTheAccountItNames();
    void wrongPasswordChangesNothing();
    void noAccountNoImport();
    void lockedByTheAdministrator();
};

void TestCertificateImport::accountFor_data()
{
    QTest::addColumn<QStringList>("emails");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the user") << QStringList{u"hanako@example.co.jp"_s} << u"hanako"_s;
    QTest::newRow("the user, other case") << QStringList{u"Hanako@Example.co.jp"_s} << u"hanako"_s;
    QTest::newRow("a sender address") << QStringList{u"sales@example.co.jp"_s} << u"sales"_s;
    QTest::newRow("none: the first") << QStringList{u"someone@else.example"_s} << u"taro"_s;
    QTest::newRow("no address: the first") << QStringList{} << u"taro"_s;
    QTest::newRow("two match: the last")
        << QStringList{u"taro@example.co.jp"_s, u"hanako@example.co.jp"_s} << u"hanako"_s;
}

void TestCertificateImport::accountFor()
{
    QFETCH(QStringList, emails);
    QFETCH(QString, expected);
    const QList<Settings::Account> accounts{
        account(u"taro"_s, u"taro@example.co.jp"_s),
        account(u"hanako"_s, u"hanako@example.co.jp"_s),
        account(u"sales"_s, u"shared-login"_s, {u"sales@example.co.jp"_s, u"info@example.co.jp"_s}),
    };
    const Settings::Account* found = CertificateImport::accountFor(accounts, emails);
    QVERIFY(found);
    QCOMPARE(found->name, expected);
    QCOMPARE(CertificateImport::accountFor({}, emails), nullptr);
}

void TestCertificateImport::importsForTheAccountItNames()
{
    QTemporaryDir dir;
    const Settings::Config config = writeConfig(dir.path(), {u"hanako"_s, u"taro"_s});
    QCOMPARE(config.accounts.size(), 2);
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));

    const CertificateImport::Result r =
        CertificateImport::run(config, {}, &secrets, SmimeTest::pki("taro-rsa-aes.p12"), u"test-pass"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.account, u"taro"_s);
    QCOMPARE(r.emailAddresses, QStringList{u"taro@example.co.jp"_s});
    QVERIFY(r.storedPath.startsWith(dir.filePath(u"data/certificates/"_s)));
    QVERIFY(QFile::exists(r.storedPath));
    QVERIFY2(r.message.startsWith(u"The certificate for taro@example.co.jp is imported for the account "
                                  "\"taro\". Quit Yubisashi and start it again to sign with it."_s),
             qPrintable(r.message));

    Settings::Config saved;
    QStringList errors;
    QVERIFY(Settings::Config::load(config.path, &saved, &errors));
    QCOMPARE(saved.account(u"taro"_s)->smimeP12, r.storedPath);
    QVERIFY(saved.account(u"hanako"_s)->smimeP12.isEmpty());
    QString error;
    QCOMPARE(secrets.read(u"taro/smime_password"_s, &error), std::optional<QString>(u"test-pass"_s));
    QCOMPARE(secrets.read(u"hanako/smime_password"_s, &error), std::nullopt);
}

void TestCertificateImport::wrongPasswordChangesNothing()
{
    QTemporaryDir dir;
    const Settings::Config config = writeConfig(dir.path(), {u"taro"_s});
    QFile f(config.path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));

    const CertificateImport::Result r =
        CertificateImport::run(config, {}, &secrets, SmimeTest::pki("taro-rsa-aes.p12"), u"wrong"_s);
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.message.isEmpty());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QString error;
    QCOMPARE(secrets.read(u"taro/smime_password"_s, &error), std::nullopt);
}

void TestCertificateImport::noAccountNoImport()
{
    QTemporaryDir dir;
    const Settings::Config config = writeConfig(dir.path(), {});
    QVERIFY(config.testMode());
    const QString reason = CertificateImport::unavailableReason(config);
    QCOMPARE(reason, u"Add your mail account first: the certificate belongs to an account."_s);
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    const CertificateImport::Result r =
        CertificateImport::run(config, {}, &secrets, SmimeTest::pki("taro-rsa-aes.p12"), u"test-pass"_s);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, reason);
    QVERIFY(!QFile::exists(dir.filePath(u"data/certificates"_s))); // nothing copied
}

void TestCertificateImport::lockedByTheAdministrator()
{
    QTemporaryDir dir;
    const Settings::Config config = writeConfig(dir.path(), {u"taro"_s});
    QVERIFY(CertificateImport::unavailableReason(config).isEmpty());
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    const CertificateImport::Result r = CertificateImport::run(
        config, {u"account.taro/smime_p12"_s}, &secrets, SmimeTest::pki("taro-rsa-aes.p12"), u"test-pass"_s);
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QString error;
    QCOMPARE(secrets.read(u"taro/smime_password"_s, &error), std::nullopt);
}

QTEST_MAIN(TestCertificateImport)
#include "TestCertificateImport.moc"
