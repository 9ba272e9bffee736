// "Copy diagnostics": version, OS, Qt, OpenSSL, the effective settings and the
// last log lines, with no secret in it.

#include "diagnostics/Report.h"
#include "diagnostics/SecretMask.h"
#include "settings/Config.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Diagnostics::SecretMask::clearSecrets(); }
    void environmentNamesTheLibraries();
    void textHasVersionSettingsAndLog();
    void settingsReadBackAsTheSameConfig();
    void noSecretInTheText();
};

namespace {

Settings::Config sampleConfig()
{
    Settings::Config config;
    config.path = u"/home/taro/.config/Yubisashi/yubisashi.ini"_s;
    config.dataDir = u"/home/taro/.local/share/Yubisashi/yubisashi"_s;
    config.listener.port = 10599;
    Settings::Account work;
    work.name = u"work"_s;
    work.host = u"smtp.office365.com"_s;
    work.port = 587;
    work.auth = Smtp::AuthMethod::XOAuth2;
    work.user = u"taro@example.co.jp"_s;
    config.accounts = {work};
    config.policy.internalDomains = {u"example.co.jp"_s, u"*.example.co.jp"_s};
    config.checks.actionWords.insert(u"keyword"_s, u"confirm"_s);
    return config;
}

} // namespace

void TestReport::environmentNamesTheLibraries()
{
    const Diagnostics::Report::Environment e = Diagnostics::Report::environment(u"1.2.3"_s);
    QCOMPARE(e.version, u"1.2.3"_s);
    QCOMPARE(e.qt, QString::fromLatin1(qVersion()));
    QVERIFY2(e.openSsl.startsWith(u"OpenSSL 3."_s), qPrintable(e.openSsl));
    QVERIFY(!e.os.isEmpty());
    QVERIFY(!e.tlsBackend.isEmpty());
}

void TestReport::textHasVersionSettingsAndLog()
{
    Diagnostics::Report::Environment e{u"0.9.1"_s, u"Debian GNU/Linux 12"_s, u"6.4.2"_s, u"OpenSSL 3.0.15"_s,
                                       u"openssl: OpenSSL 3.0.15"_s};
    const QString text = Diagnostics::Report::text(e, sampleConfig(), {u"listener/port"_s}, u"/tmp/logs"_s,
                                                   {u"line one"_s, u"line two"_s});
    QVERIFY2(
        text.startsWith(u"Yubisashi 0.9.1\nOS: Debian GNU/Linux 12\nQt: 6.4.2\nOpenSSL: OpenSSL 3.0.15\n"_s),
        qPrintable(text));
    for (const QString& expected :
         {u"Locked by the administrator's policy: listener/port\n"_s, u"Log folder: /tmp/logs\n"_s,
          u"[listener]\nport=10599\nrequire_auth=true\n"_s,
          u"[account.work]\npreset=\nfrom=\nhost=smtp.office365.com\nport=587\nsecurity=starttls\nauth="
          u"xoauth2\n"
          "user=taro@example.co.jp\n"_s,
          u"internal_domains=example.co.jp, *.example.co.jp\nreview=external\n"_s,
          u"[checks]\nkeyword=confirm\n"_s, u"[secrets]\nstore=keychain\n"_s,
          u"--- The last 2 log lines ---\nline one\nline two\n"_s})
        QVERIFY2(text.contains(expected), qPrintable(u"no «%1» in:\n%2"_s.arg(expected, text)));
}

// The settings in a report are the settings file's own words: pasted into a
// file, they give the same configuration (a word of the report's own, such as
// "ask" for many_external_bcc, would not read back).
void TestReport::settingsReadBackAsTheSameConfig()
{
    Settings::Config config = sampleConfig();
    config.policy.review = Settings::ReviewPolicy::Always;
    config.checks.manyExternalAlwaysBcc = false; // "offer"
    config.accounts[0].encrypt = Settings::EncryptPolicy::WhenPossible;
    config.accounts[0].preset = u"microsoft365"_s;
    config.secrets.store = Settings::SecretsBackend::File;
    config.secrets.file = u"/home/taro/secrets.ini"_s;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"yubisashi.ini"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Diagnostics::Report::settingsText(config).toUtf8());
    file.close();
    Settings::Config back;
    QStringList errors;
    QVERIFY(Settings::Config::load(path, &back, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(back.policy.review, Settings::ReviewPolicy::Always);
    QCOMPARE(back.checks.manyExternalAlwaysBcc, false);
    QCOMPARE(back.accounts.size(), 1);
    QCOMPARE(back.accounts[0].encrypt, Settings::EncryptPolicy::WhenPossible);
    QCOMPARE(back.accounts[0].auth, Smtp::AuthMethod::XOAuth2);
    QCOMPARE(back.secrets.store, Settings::SecretsBackend::File);
    QCOMPARE(back.listener.port, 10599);
    QCOMPARE(back.policy.internalDomains, config.policy.internalDomains);
}

void TestReport::noSecretInTheText()
{
    Diagnostics::SecretMask::addSecret(u"local-Pw-4711"_s);
    Settings::Config config = sampleConfig();
    // Nothing secret belongs in the settings, but a value that holds one is masked all the same.
    config.accounts[0].caFile = u"/tmp/local-Pw-4711.pem"_s;
    const QString text =
        Diagnostics::Report::text(Diagnostics::Report::environment(u"1"_s), config, {}, u"/tmp/logs"_s,
                                  {u"upstream: C: AUTH PLAIN AHVwdXNlcgBVcHN0cmVhbS1Qdy0wODE1"_s,
                                   u"yubisashi.oauth: token reply {\"refresh_token\": \"1//0gSECRET\"}"_s,
                                   u"smtp: client sent local-Pw-4711"_s});
    for (const QString& secret :
         {u"local-Pw-4711"_s, u"AHVwdXNlcgBVcHN0cmVhbS1Qdy0wODE1"_s, u"1//0gSECRET"_s})
        QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY(text.contains(u"ca_file=/tmp/****.pem\n"_s));
    QVERIFY(text.contains(u"upstream: C: AUTH PLAIN ****\n"_s));
    QVERIFY(text.contains(u"Locked by the administrator's policy: nothing\n"_s));
}

QTEST_MAIN(TestReport)
#include "TestReport.moc"
