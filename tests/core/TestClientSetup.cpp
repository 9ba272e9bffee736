// `yubisashi client-setup`: what a person enters in the mail program.

#include "settings/ClientSetup.h"
#include "settings/Config.h"
#include "settings/LocalCredentials.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestClientSetup : public QObject
{
    Q_OBJECT
private slots:
    void accountsWithTheirLocalPasswords();
    void testModeSaysWhereMessagesGo();
};

void TestClientSetup::accountsWithTheirLocalPasswords()
{
    QTemporaryDir dir;
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    QString error;
    QVERIFY(secrets.write(u"work/local_password"_s, u"s3cret-local"_s, &error));
    Settings::Config config;
    Settings::Account work;
    work.name = u"work"_s;
    config.accounts = {work};
    config.listener.port = 10587;
    Settings::LocalCredentials credentials;
    QVERIFY2(credentials.load(&secrets, {u"work"_s}, &error), qPrintable(error));

    const QString text = Settings::ClientSetup::text(config, credentials);
    QCOMPARE(text, u"Set up your mail client's outgoing (SMTP) server like this:\n"
                   "\n  Server: 127.0.0.1   Port: 10587   Security: none (connection stays on this computer)"
                   "\n  Authentication: normal password   User name: work   Password: s3cret-local\n"_s);
    QVERIFY(!text.contains(u"Test mode"_s));
}

void TestClientSetup::testModeSaysWhereMessagesGo()
{
    QTemporaryDir dir;
    Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
    Settings::Config config;
    config.listener.port = 2525;
    config.delivery.testModeFolder = dir.filePath(u"test-mode"_s);
    Settings::LocalCredentials credentials;
    QString error;
    QVERIFY2(credentials.load(&secrets, {u"test"_s}, &error), qPrintable(error));
    const QString password = credentials.password(u"test"_s);
    QVERIFY(!password.isEmpty()); // made at the first run and kept

    const QString text = Settings::ClientSetup::text(config, credentials);
    QVERIFY2(text.startsWith(u"Test mode: no account is configured. Reviewed messages are saved in "_s +
                             QDir::toNativeSeparators(config.delivery.testModeFolder) +
                             u" instead of being sent.\n\n"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"Port: 2525"_s));
    QVERIFY(text.contains(u"User name: test   Password: "_s + password + u'\n'));
}

QTEST_MAIN(TestClientSetup)
#include "TestClientSetup.moc"
