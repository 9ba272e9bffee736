// `yubisashi client-setup`: what a person enters in the mail program.

#include "settings/ClientSetup.h"
#include "settings/Config.h"
#include "settings/LocalCredentials.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestClientSetup : public QObject
{
    Q_OBJECT
private slots:
    void accountsWithTheirLocalPasswords();
    void testModeSaysWhereMessagesGo();
    void jsonHasTheStableKeys();
    void jsonDoesNotFollowTheLanguage();
    void jsonOfAnotherAccount();
    void msmtprcHasAnAccountPerUser();
    void msmtprcPasswordCommandReadsThePassword();
    void msmtprcWithoutAuth();
    void thunderbirdPreferences();
    void formatNames();
};

namespace {

// Two accounts, "work" (listed first) and "home", with their local passwords in a file store.
struct TwoAccounts
{
    QTemporaryDir dir;
    Settings::Config config;
    Settings::LocalCredentials credentials;

    TwoAccounts()
    {
        Settings::FileSecretStore secrets(dir.filePath(u"secrets.ini"_s));
        QString error;
        secrets.write(u"work/local_password"_s, u"s3cret-work"_s, &error);
        secrets.write(u"home/local_password"_s, u"s3cret-home"_s, &error);
        Settings::Account work;
        work.name = u"work"_s;
        work.user = u"taro@example.co.jp"_s;
        Settings::Account home;
        home.name = u"home"_s;
        home.from = {u"taro@home.example"_s};
        config.accounts = {work, home};
        config.listener.port = 10588;
        credentials.load(&secrets, {u"work"_s, u"home"_s}, &error);
    }
};

// Stands in for the Japanese translation: every text of the program comes out changed.
class EverythingTranslated : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char*, const char* source, const char* = nullptr, int = -1) const override
    {
        return u"訳:"_s + QString::fromUtf8(source);
    }
};

QJsonObject parseJson(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s\n%s", qPrintable(error.errorString()), bytes.constData());
    return doc.object();
}

} // namespace

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

void TestClientSetup::jsonHasTheStableKeys()
{
    TwoAccounts setup;
    QString error;
    const QByteArray bytes = Settings::ClientSetup::json(setup.config, setup.credentials, QString(), &error);
    const QJsonObject o = parseJson(bytes);
    QCOMPARE(o.value(u"host"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(o.value(u"port"_s).toInt(), 10588);
    QCOMPARE(o.value(u"user"_s).toString(), u"work"_s); // the first account of the file
    QCOMPARE(o.value(u"password"_s).toString(), u"s3cret-work"_s);
    QCOMPARE(o.value(u"security"_s).toString(), u"none"_s);
    QCOMPARE(o.value(u"auth"_s).toString(), u"plain"_s);
    QCOMPARE(o.value(u"accounts"_s).toArray(), QJsonArray({u"work"_s, u"home"_s}));
    QCOMPARE(o.value(u"test_mode"_s).toBool(), false);
    // One key a line: the password extractor of msmtprc reads it so.
    QVERIFY2(bytes.contains("\n    \"password\": \"s3cret-work\",\n"), bytes.constData());
}

void TestClientSetup::jsonDoesNotFollowTheLanguage()
{
    // The keys and values are for programs: the same whatever language the
    // person reads, while the text for people is translated.
    TwoAccounts setup;
    QString error;
    const QByteArray english =
        Settings::ClientSetup::json(setup.config, setup.credentials, QString(), &error);
    const QString englishText = Settings::ClientSetup::text(setup.config, setup.credentials);
    EverythingTranslated translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QByteArray japanese =
        Settings::ClientSetup::json(setup.config, setup.credentials, QString(), &error);
    const QString japaneseText = Settings::ClientSetup::text(setup.config, setup.credentials);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(japaneseText.startsWith(u"訳:"_s), qPrintable(japaneseText));
    QCOMPARE(japanese, english);
    const QJsonObject o = parseJson(japanese);
    for (const QString& key : {u"host"_s, u"port"_s, u"user"_s, u"password"_s, u"security"_s, u"auth"_s})
        QVERIFY2(o.contains(key), qPrintable(key));
}

void TestClientSetup::jsonOfAnotherAccount()
{
    TwoAccounts setup;
    QString error;
    const QJsonObject o =
        parseJson(Settings::ClientSetup::json(setup.config, setup.credentials, u"home"_s, &error));
    QCOMPARE(o.value(u"user"_s).toString(), u"home"_s);
    QCOMPARE(o.value(u"password"_s).toString(), u"s3cret-home"_s);

    QVERIFY(Settings::ClientSetup::json(setup.config, setup.credentials, u"nobody"_s, &error).isEmpty());
    QCOMPARE(error, u"There is no account \"nobody\". The accounts are: work, home."_s);
}

void TestClientSetup::msmtprcHasAnAccountPerUser()
{
    TwoAccounts setup;
    Settings::ClientSetup::Program program{u"/opt/Yubi Sashi/yubisashi"_s, u"/home/taro/my settings.ini"_s};
    const QString rc = Settings::ClientSetup::msmtprc(setup.config, program);
    const QString passwordeval =
        uR"(passwordeval "'/opt/Yubi Sashi/yubisashi' --config '/home/taro/my settings.ini' client-setup )"
        uR"(--format json --account work | grep '^ *"password":' | cut -d'"' -f4")"_s;
    QCOMPARE(rc, u"account work\nhost 127.0.0.1\nport 10588\ntls off\nauth plain\nuser work\n"_s +
                     passwordeval +
                     u"\nfrom taro@example.co.jp\n\n"
                     "account home\nhost 127.0.0.1\nport 10588\ntls off\nauth plain\nuser home\n"_s +
                     QString(passwordeval).replace(u"--account work"_s, u"--account home"_s) +
                     u"\nfrom taro@home.example\n\naccount default : work\n"_s);
}

void TestClientSetup::msmtprcPasswordCommandReadsThePassword()
{
    // The command msmtp runs, run by a real shell over real JSON: it prints the password alone.
    const QString sh = QStandardPaths::findExecutable(u"sh"_s);
    if (sh.isEmpty())
        QSKIP("no POSIX shell here");
    TwoAccounts setup;
    QString error;
    const QString jsonFile = setup.dir.filePath(u"it's.json"_s);
    QFile f(jsonFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Settings::ClientSetup::json(setup.config, setup.credentials, u"home"_s, &error));
    f.close();
    // "cat FILE" stands in for "yubisashi client-setup --format json": the same words follow it.
    QString command = Settings::ClientSetup::passwordCommand({u"cat"_s, QString()}, u"home"_s);
    command.replace(u"cat client-setup --format json --account home"_s,
                    u"cat "_s + Settings::ClientSetup::shellQuote(jsonFile));
    QVERIFY2(command.startsWith(u"cat '"_s), qPrintable(command));
    QProcess p;
    p.start(sh, {u"-c"_s, command});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), QByteArray("s3cret-home\n"));
}

void TestClientSetup::msmtprcWithoutAuth()
{
    TwoAccounts setup;
    setup.config.listener.requireAuth = false;
    const QString rc = Settings::ClientSetup::msmtprc(setup.config, {u"/usr/bin/yubisashi"_s, QString()});
    QVERIFY2(rc.startsWith(u"account work\nhost 127.0.0.1\nport 10588\ntls off\nauth off\nfrom "_s),
             qPrintable(rc));
    QVERIFY(!rc.contains(u"passwordeval"_s));
}

void TestClientSetup::thunderbirdPreferences()
{
    TwoAccounts setup;
    QCOMPARE(Settings::ClientSetup::thunderbird(setup.config),
             u"user_pref(\"mail.smtpserver.smtp90.description\", \"Yubisashi (work)\");\n"
             "user_pref(\"mail.smtpserver.smtp90.hostname\", \"127.0.0.1\");\n"
             "user_pref(\"mail.smtpserver.smtp90.port\", 10588);\n"
             "user_pref(\"mail.smtpserver.smtp90.authMethod\", 3);\n"
             "user_pref(\"mail.smtpserver.smtp90.username\", \"work\");\n"
             "user_pref(\"mail.smtpserver.smtp90.try_ssl\", 0);\n"
             "user_pref(\"mail.smtpserver.smtp91.description\", \"Yubisashi (home)\");\n"
             "user_pref(\"mail.smtpserver.smtp91.hostname\", \"127.0.0.1\");\n"
             "user_pref(\"mail.smtpserver.smtp91.port\", 10588);\n"
             "user_pref(\"mail.smtpserver.smtp91.authMethod\", 3);\n"
             "user_pref(\"mail.smtpserver.smtp91.username\", \"home\");\n"
             "user_pref(\"mail.smtpserver.smtp91.try_ssl\", 0);\n"_s);
    // Without AUTH at the listener: Thunderbird's "no authentication" (1).
    setup.config.listener.requireAuth = false;
    QVERIFY(Settings::ClientSetup::thunderbird(setup.config)
                .contains(u"user_pref(\"mail.smtpserver.smtp90.authMethod\", 1);\n"_s));
    // A user name with a quote stays one JavaScript string.
    Settings::Config odd;
    Settings::Account a;
    a.name = u"a\"b"_s;
    odd.accounts = {a};
    QVERIFY(Settings::ClientSetup::thunderbird(odd).contains(
        u"user_pref(\"mail.smtpserver.smtp90.username\", \"a\\\"b\");\n"_s));
}

void TestClientSetup::formatNames()
{
    using F = Settings::ClientSetup::Format;
    QCOMPARE(Settings::ClientSetup::formatFromName(u"json"_s), std::optional<F>(F::Json));
    QCOMPARE(Settings::ClientSetup::formatFromName(u"MSMTPRC"_s), std::optional<F>(F::Msmtprc));
    QCOMPARE(Settings::ClientSetup::formatFromName(u"thunderbird"_s), std::optional<F>(F::Thunderbird));
    QCOMPARE(Settings::ClientSetup::formatFromName(u"text"_s), std::optional<F>(F::Text));
    QVERIFY(!Settings::ClientSetup::formatFromName(u"yaml"_s));
}

QTEST_MAIN(TestClientSetup)
#include "TestClientSetup.moc"
