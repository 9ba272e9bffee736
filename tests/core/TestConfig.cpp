#include "settings/Config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::Config;

namespace {

// DESIGN.md "Settings and secrets", verbatim, inline comments included: this
// is the interface admins and scripts already rely on.
const char kDesignSample[] = R"INI([listener]
port=10587
require_auth=true

[account.work]                ; one group per account; "work" is its local user name
from=taro@example.co.jp       ; addresses this account sends as (comma list, optional)
host=smtp.office365.com
port=587
security=starttls             ; starttls | tls | none
auth=login                    ; plain | login | xoauth2 | none
user=taro@example.co.jp
ca_file=                      ; extra CA bundle for a private server (added to the system store)
smime_p12=                    ; the account's PKCS#12 file
sign=external                 ; always | external | never

[delivery]
client_wait_seconds=45
countdown_seconds=0
test_mode_folder=             ; where test mode saves .eml files (default: app data)

[policy]
internal_domains=example.co.jp, *.example.co.jp
review=external               ; always | external (all-internal mail skips review) | never

[secrets]
store=keychain                ; keychain | file
file=                         ; the 0600 INI file used when store=file
)INI";

const char kGoodAccount[] = "[account.work]\nhost=smtp.example.co.jp\n";

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void designSample();
    void documentedExample();
    void defaults();
    void defaultLocations();
    void badValues_data();
    void badValues();
    void booleans_data();
    void booleans();
    void presets_data();
    void presets();
    void accountsNeedAServer();
    void accountNames_data();
    void accountNames();
    void severalAccounts();
    void relativePaths();
    void startAtLogin();
    void certificateSource();
    void language_data();
    void language();
    void internalDomains_data();
    void internalDomains();
    void fromList();
    void quotedSemicolon();
    void windowsNotepadFile();
    void retryBounds();
    void unreadableFile();
    void allowPlaintextAuth();
    void reviewBypassKeys();

private:
    QString write(const QByteArray& ini);
    Config load(const QByteArray& ini, QStringList* errors);

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestConfig::initTestCase()
{
    // What the app sets in main(); test mode keeps the real per-user folders out of it.
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
}

void TestConfig::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestConfig::cleanup()
{
    m_tmp.reset();
}

QString TestConfig::write(const QByteArray& ini)
{
    const QString path = m_tmp->path() + u"/conf/yubisashi.ini"_s;
    QDir().mkpath(m_tmp->path() + u"/conf"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(ini) != ini.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Config TestConfig::load(const QByteArray& ini, QStringList* errors)
{
    Config c;
    if (!Config::load(write(ini), &c, errors))
        qWarning("load returned false");
    return c;
}

void TestConfig::designSample()
{
    QStringList errors;
    const Config c = load(kDesignSample, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    const QString dir = m_tmp->path() + u"/conf"_s;
    QCOMPARE(c.path, dir + u"/yubisashi.ini"_s);

    QCOMPARE(c.listener.port, 10587);
    QCOMPARE(c.listener.requireAuth, true);

    QCOMPARE(c.accounts.size(), 1);
    QVERIFY(!c.testMode());
    const Settings::Account* a = c.account(u"work"_s);
    QVERIFY(a);
    QCOMPARE(a->name, u"work"_s);
    QCOMPARE(a->preset, QString());
    QCOMPARE(a->from, QStringList{u"taro@example.co.jp"_s}); // the comment's comma did not make a list
    QCOMPARE(a->host, u"smtp.office365.com"_s);
    QCOMPARE(a->port, 587);
    QCOMPARE(a->security, Smtp::Security::StartTls);
    QCOMPARE(a->auth, Smtp::AuthMethod::Login);
    QCOMPARE(a->user, u"taro@example.co.jp"_s);
    QCOMPARE(a->caFile, QString());
    QCOMPARE(a->smimeP12, QString());
    QCOMPARE(a->sign, Settings::SignPolicy::External);
    QVERIFY(!c.account(u"other"_s));

    QCOMPARE(c.delivery.clientWaitSeconds, 45);
    QCOMPARE(c.delivery.countdownSeconds, 0);
    QCOMPARE(c.delivery.testModeFolder, c.dataDir + u"/test-mode"_s);

    QCOMPARE(c.policy.internalDomains, (QStringList{u"example.co.jp"_s, u"*.example.co.jp"_s}));
    QCOMPARE(c.policy.review, Settings::ReviewPolicy::External);

    QCOMPARE(c.secrets.store, Settings::SecretsBackend::Keychain);
    QCOMPARE(c.secrets.file, dir + u"/secrets.ini"_s);
    QCOMPARE(c.dataDir, Config::defaultDataDir());
}

void TestConfig::documentedExample()
{
    // The example at the end of docs/CONFIG.md must load without a single complaint.
    QFile doc(QStringLiteral(YUBISASHI_SOURCE_DIR "/docs/CONFIG.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray text = doc.readAll();
    const qsizetype start = text.indexOf("```ini\n", text.indexOf("## Example"));
    QVERIFY(start > 0);
    const qsizetype end = text.indexOf("```", start + 7);
    QVERIFY(end > start);
    QStringList errors;
    const Config c = load(text.mid(start + 7, end - start - 7), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.accounts.size(), 2);
    QCOMPARE(c.account(u"home"_s)->host, u"smtp.gmail.com"_s);
    QCOMPARE(c.account(u"work"_s)->auth, Smtp::AuthMethod::Login);
    QCOMPARE(c.dataDir, Config::defaultDataDir());
}

void TestConfig::defaults()
{
    Config c;
    c.listener.port = 1;
    QStringList errors;
    const QString path = m_tmp->path() + u"/missing/yubisashi.ini"_s;
    QVERIFY(Config::load(path, &c, &errors)); // first run: no file yet is fine
    QVERIFY(errors.isEmpty());
    QVERIFY(!QFile::exists(path)); // and reading does not create it
    QCOMPARE(c.path, path);
    QVERIFY(c.testMode());
    QCOMPARE(c.dataDir, Config::defaultDataDir());
    QCOMPARE(c.listener.port, 10587);
    QCOMPARE(c.listener.requireAuth, true);
    QCOMPARE(c.listener.maxSessions, 16);
    QCOMPARE(c.listener.maxMessageSize, 64LL * 1024 * 1024);
    QCOMPARE(c.listener.maxRecipients, 1000);
    QCOMPARE(c.delivery.clientWaitSeconds, 45);
    QCOMPARE(c.delivery.countdownSeconds, 0);
    QCOMPARE(c.delivery.testModeFolder, Config::defaultDataDir() + u"/test-mode"_s);
    QCOMPARE(c.delivery.retryInitialSeconds, 60);
    QCOMPARE(c.delivery.retryMaxSeconds, 3600);
    QCOMPARE(c.delivery.giveUpHours, 120);
    QCOMPARE(c.delivery.retentionDays, 7);
    QCOMPARE(c.delivery.upstreamTimeoutSeconds, 120);
    QVERIFY(c.policy.internalDomains.isEmpty());
    QCOMPARE(c.policy.review, Settings::ReviewPolicy::External);
    QCOMPARE(c.secrets.store, Settings::SecretsBackend::Keychain);
    QCOMPARE(c.secrets.file, m_tmp->path() + u"/missing/secrets.ini"_s);

    // An empty path means the per-user default file.
    Config d;
    QVERIFY(Config::load(QString(), &d, &errors));
    QCOMPARE(d.path, Config::defaultPath());
}

void TestConfig::defaultLocations()
{
    QCOMPARE(Config::defaultPath(),
             QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/yubisashi.ini"_s);
    QVERIFY2(Config::defaultPath().endsWith(u"/Yubisashi/yubisashi/yubisashi.ini"_s),
             qPrintable(Config::defaultPath()));
    QCOMPARE(Config::defaultDataDir(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY2(Config::defaultDataDir().endsWith(u"/Yubisashi/yubisashi"_s),
             qPrintable(Config::defaultDataDir()));
}

void TestConfig::badValues_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QStringList>("mentions"); // key, bad value, what is allowed, what is used

    QTest::newRow("listener port text")
        << QByteArray("[listener]\nport=abc\n")
        << QStringList{u"\"port\""_s, u"[listener]"_s, u"\"abc\""_s, u"1 to 65535"_s, u"10587"_s};
    QTest::newRow("listener port zero")
        << QByteArray("[listener]\nport=0\n") << QStringList{u"\"port\""_s, u"\"0\""_s, u"1 to 65535"_s};
    QTest::newRow("listener port big")
        << QByteArray("[listener]\nport=70000\n") << QStringList{u"\"port\""_s, u"\"70000\""_s};
    QTest::newRow("require_auth") << QByteArray("[listener]\nrequire_auth=ture\n")
                                  << QStringList{u"\"require_auth\""_s, u"\"ture\""_s, u"true or false"_s,
                                                 u"Using true"_s};
    QTest::newRow("max_sessions") << QByteArray("[listener]\nmax_sessions=-1\n")
                                  << QStringList{u"\"max_sessions\""_s, u"\"-1\""_s, u"16"_s};
    QTest::newRow("max_message_size") << QByteArray("[listener]\nmax_message_size=25MB\n")
                                      << QStringList{u"\"max_message_size\""_s, u"\"25MB\""_s, u"67108864"_s};
    QTest::newRow("max_recipients") << QByteArray("[listener]\nmax_recipients=0\n")
                                    << QStringList{u"\"max_recipients\""_s, u"1000"_s};
    QTest::newRow("account port") << QByteArray(kGoodAccount) + "port=smtp\n"
                                  << QStringList{u"\"port\""_s, u"[account.work]"_s, u"\"smtp\""_s, u"587"_s};
    QTest::newRow("security") << QByteArray(kGoodAccount) + "security=ssl\n"
                              << QStringList{u"\"security\""_s, u"\"ssl\""_s, u"starttls, tls, none"_s,
                                             u"Using starttls"_s};
    QTest::newRow("auth") << QByteArray(kGoodAccount) + "auth=oauth\n"
                          << QStringList{u"\"auth\""_s, u"\"oauth\""_s, u"plain, login, xoauth2, none"_s,
                                         u"Using login"_s};
    QTest::newRow("sign") << QByteArray(kGoodAccount) + "sign=sometimes\n"
                          << QStringList{u"\"sign\""_s, u"\"sometimes\""_s, u"always, external, never"_s,
                                         u"Using external"_s};
    QTest::newRow("preset") << QByteArray(kGoodAccount) + "preset=yahoo\n"
                            << QStringList{u"\"preset\""_s, u"\"yahoo\""_s,
                                           u"microsoft365, google, generic"_s};
    QTest::newRow("client_wait_seconds")
        << QByteArray("[delivery]\nclient_wait_seconds=601\n")
        << QStringList{u"\"client_wait_seconds\""_s, u"\"601\""_s, u"0 to 600"_s, u"45"_s};
    QTest::newRow("countdown_seconds") << QByteArray("[delivery]\ncountdown_seconds=90\n")
                                       << QStringList{u"\"countdown_seconds\""_s, u"0 to 60"_s};
    QTest::newRow("retry_initial_seconds") << QByteArray("[delivery]\nretry_initial_seconds=0\n")
                                           << QStringList{u"\"retry_initial_seconds\""_s, u"60"_s};
    QTest::newRow("retry_max_seconds") << QByteArray("[delivery]\nretry_max_seconds=1h\n")
                                       << QStringList{u"\"retry_max_seconds\""_s, u"\"1h\""_s, u"3600"_s};
    QTest::newRow("give_up_hours") << QByteArray("[delivery]\ngive_up_hours=5 days\n")
                                   << QStringList{u"\"give_up_hours\""_s, u"\"5 days\""_s, u"120"_s};
    QTest::newRow("retention_days") << QByteArray("[delivery]\nretention_days=-7\n")
                                    << QStringList{u"\"retention_days\""_s, u"\"-7\""_s, u"0 to 3650"_s};
    QTest::newRow("upstream_timeout_seconds") << QByteArray("[delivery]\nupstream_timeout_seconds=1\n")
                                              << QStringList{u"\"upstream_timeout_seconds\""_s, u"120"_s};
    QTest::newRow("review") << QByteArray("[policy]\nreview=internal\n")
                            << QStringList{u"\"review\""_s, u"[policy]"_s, u"\"internal\""_s,
                                           u"always, external, never"_s, u"Using external"_s};
    QTest::newRow("internal_domains")
        << QByteArray("[policy]\ninternal_domains=example.co.jp, taro@example.co.jp\n")
        << QStringList{u"\"internal_domains\""_s, u"\"taro@example.co.jp\""_s};
    QTest::newRow("internal_domains star")
        << QByteArray("[policy]\ninternal_domains=*\n") << QStringList{u"\"internal_domains\""_s, u"\"*\""_s};
    QTest::newRow("store") << QByteArray("[secrets]\nstore=plaintext\n")
                           << QStringList{u"\"store\""_s, u"[secrets]"_s, u"\"plaintext\""_s,
                                          u"keychain, file"_s, u"Using keychain"_s};
}

void TestConfig::badValues()
{
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, mentions);
    QStringList errors;
    const Config c = load(ini, &errors);
    QCOMPARE(errors.size(), 1);
    for (const QString& m : mentions)
        QVERIFY2(errors.first().contains(m), qPrintable(u"\""_s + m + u"\" not in: "_s + errors.first()));

    // The default stays.
    const Config d;
    QCOMPARE(c.listener.port, d.listener.port);
    QCOMPARE(c.listener.requireAuth, d.listener.requireAuth);
    QCOMPARE(c.listener.maxSessions, d.listener.maxSessions);
    QCOMPARE(c.listener.maxMessageSize, d.listener.maxMessageSize);
    QCOMPARE(c.listener.maxRecipients, d.listener.maxRecipients);
    QCOMPARE(c.delivery.clientWaitSeconds, d.delivery.clientWaitSeconds);
    QCOMPARE(c.delivery.countdownSeconds, d.delivery.countdownSeconds);
    QCOMPARE(c.delivery.retryInitialSeconds, d.delivery.retryInitialSeconds);
    QCOMPARE(c.delivery.retryMaxSeconds, d.delivery.retryMaxSeconds);
    QCOMPARE(c.delivery.giveUpHours, d.delivery.giveUpHours);
    QCOMPARE(c.delivery.retentionDays, d.delivery.retentionDays);
    QCOMPARE(c.delivery.upstreamTimeoutSeconds, d.delivery.upstreamTimeoutSeconds);
    QCOMPARE(c.policy.review, d.policy.review);
    QCOMPARE(c.secrets.store, d.secrets.store);
    if (!c.accounts.isEmpty()) {
        const Settings::Account& a = c.accounts.first();
        const Settings::Account defaults;
        QCOMPARE(a.port, defaults.port);
        QCOMPARE(a.security, defaults.security);
        QCOMPARE(a.auth, defaults.auth);
        QCOMPARE(a.sign, defaults.sign);
        QCOMPARE(a.preset, QString());
    }
    if (QByteArray(QTest::currentDataTag()) == "internal_domains")
        QCOMPARE(c.policy.internalDomains, QStringList{u"example.co.jp"_s}); // the good one is kept
}

void TestConfig::booleans_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("false") << QByteArray("false") << false;
    QTest::newRow("FALSE") << QByteArray("FALSE") << false;
    QTest::newRow("no") << QByteArray("no") << false;
    QTest::newRow("off") << QByteArray("off") << false;
    QTest::newRow("0") << QByteArray("0") << false;
    QTest::newRow("true") << QByteArray("true") << true;
    QTest::newRow("Yes") << QByteArray("Yes") << true;
    QTest::newRow("on") << QByteArray("on") << true;
    QTest::newRow("1") << QByteArray("1") << true;
}

void TestConfig::booleans()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, expected);
    QStringList errors;
    const Config c = load("[listener]\nrequire_auth=" + value + "   ; comment\n", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.listener.requireAuth, expected);
}

void TestConfig::presets_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("auth");
    const int starttls = int(Smtp::Security::StartTls);
    const int tls = int(Smtp::Security::Tls);
    const int xoauth2 = int(Smtp::AuthMethod::XOAuth2);
    const int login = int(Smtp::AuthMethod::Login);
    const int plain = int(Smtp::AuthMethod::Plain);

    QTest::newRow("microsoft365") << QByteArray("preset=microsoft365\n") << u"smtp.office365.com"_s << 587
                                  << starttls << xoauth2;
    QTest::newRow("google") << QByteArray("preset=google\n") << u"smtp.gmail.com"_s << 465 << tls << xoauth2;
    QTest::newRow("case") << QByteArray("preset=Microsoft365\n") << u"smtp.office365.com"_s << 587 << starttls
                          << xoauth2;
    QTest::newRow("explicit auth wins") << QByteArray("preset=microsoft365\nauth=login\n")
                                        << u"smtp.office365.com"_s << 587 << starttls << login;
    QTest::newRow("explicit keys win, any order")
        << QByteArray("port=587\nsecurity=starttls\nhost=smtp-relay.gmail.com\npreset=google\nauth=plain\n")
        << u"smtp-relay.gmail.com"_s << 587 << starttls << plain;
    QTest::newRow("generic") << QByteArray("preset=generic\nhost=mail.example.co.jp\n")
                             << u"mail.example.co.jp"_s << 587 << starttls << login;
    QTest::newRow("no preset") << QByteArray("host=mail.example.co.jp\nport=465\nsecurity=TLS\n")
                               << u"mail.example.co.jp"_s << 465 << tls << login;
}

void TestConfig::presets()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, security);
    QFETCH(int, auth);
    QStringList errors;
    const Config c = load("[account.work]\n" + ini, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.accounts.size(), 1);
    const Settings::Account& a = c.accounts.first();
    QCOMPARE(a.host, host);
    QCOMPARE(int(a.port), port);
    QCOMPARE(int(a.security), security);
    QCOMPARE(int(a.auth), auth);

    // applyPreset itself.
    Settings::Account b;
    QVERIFY(Settings::applyPreset(u"google"_s, &b));
    QCOMPARE(b.host, u"smtp.gmail.com"_s);
    Settings::Account g;
    QVERIFY(Settings::applyPreset(u"generic"_s, &g));
    QVERIFY(g.host.isEmpty());
    QVERIFY(!Settings::applyPreset(u"yahoo"_s, &g));
}

void TestConfig::accountsNeedAServer()
{
    QStringList errors;
    const Config c =
        load("[account.work]\nuser=taro@example.co.jp\n\n[account.home]\npreset=generic\n", &errors);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.join(u"\n"_s).contains(u"\"work\" has no server"_s), qPrintable(errors.join(u"\n"_s)));
    QVERIFY2(errors.join(u"\n"_s).contains(u"\"home\" has no server"_s), qPrintable(errors.join(u"\n"_s)));
    QVERIFY2(errors.first().contains(u"host="_s), qPrintable(errors.first()));
    QVERIFY(c.accounts.isEmpty());
    QVERIFY(c.testMode());
}

void TestConfig::accountNames_data()
{
    QTest::addColumn<QByteArray>("group");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QByteArray("work") << true;
    QTest::newRow("dots dashes underscores") << QByteArray("taro.yamada_2-work") << true;
    QTest::newRow("space") << QByteArray("taro yamada") << false;
    QTest::newRow("at") << QByteArray("taro@work") << false;
    QTest::newRow("japanese") << QByteArray("仕事") << false;
    QTest::newRow("empty") << QByteArray("") << false;
    QTest::newRow("colon") << QByteArray("a:b") << false;
}

void TestConfig::accountNames()
{
    QFETCH(QByteArray, group);
    QFETCH(bool, valid);
    QStringList errors;
    const Config c = load("[account." + group + "]\nhost=smtp.example.co.jp\n", &errors);
    QCOMPARE(c.accounts.size(), valid ? 1 : 0);
    QCOMPARE(errors.size(), valid ? 0 : 1);
    if (valid) {
        QCOMPARE(c.accounts.first().name, QString::fromUtf8(group));
    } else {
        QVERIFY2(errors.first().contains(u"letters"_s), qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(QString::fromUtf8(group)), qPrintable(errors.first()));
    }
}

void TestConfig::severalAccounts()
{
    QStringList errors;
    const Config c = load("[account.home]\npreset=google\nuser=taro@gmail.com\n\n"
                          "[account.work]\npreset=microsoft365\nuser=taro@example.co.jp\nsign=always\n\n"
                          "[accounts]\nhost=not-an-account\n",
                          &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.accounts.size(), 2);
    QCOMPARE(c.accounts.at(0).name, u"home"_s);
    QCOMPARE(c.accounts.at(1).name, u"work"_s);
    QCOMPARE(c.account(u"home"_s)->host, u"smtp.gmail.com"_s);
    QCOMPARE(c.account(u"home"_s)->preset, u"google"_s);
    QCOMPARE(c.account(u"work"_s)->sign, Settings::SignPolicy::Always);
    QCOMPARE(c.account(u"work"_s)->user, u"taro@example.co.jp"_s);
}

void TestConfig::relativePaths()
{
    QStringList errors;
    const Config c = load("[general]\ndata_dir=data\n\n"
                          "[account.work]\nhost=mail.example.co.jp\nca_file=certs/ca.pem\n"
                          "smime_p12=../keys/taro.p12\n\n"
                          "[delivery]\ntest_mode_folder=out   ; relative\n\n"
                          "[secrets]\nstore=file\nfile=private/secrets.ini\n",
                          &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    const QString conf = m_tmp->path() + u"/conf"_s;
    QCOMPARE(c.dataDir, conf + u"/data"_s);
    QCOMPARE(c.accounts.first().caFile, conf + u"/certs/ca.pem"_s);
    QCOMPARE(c.accounts.first().smimeP12, m_tmp->path() + u"/keys/taro.p12"_s);
    QCOMPARE(c.delivery.testModeFolder, conf + u"/out"_s);
    QCOMPARE(c.secrets.store, Settings::SecretsBackend::File);
    QCOMPARE(c.secrets.file, conf + u"/private/secrets.ini"_s);

    // Absolute paths stay; "~/" is the home folder; test mode follows data_dir by default.
    const Config d =
        load("[general]\ndata_dir=/var/tmp/yubi\n\n[secrets]\nfile=~/yubisashi-secrets.ini\n", &errors);
    QCOMPARE(d.dataDir, u"/var/tmp/yubi"_s);
    QCOMPARE(d.delivery.testModeFolder, u"/var/tmp/yubi/test-mode"_s);
    QCOMPARE(d.secrets.file, QDir::homePath() + u"/yubisashi-secrets.ini"_s);

    // An empty data_dir means the default.
    const Config e = load("[general]\ndata_dir=    ; default\n", &errors);
    QCOMPARE(e.dataDir, Config::defaultDataDir());
    QVERIFY(!e.startAtLogin);
}

void TestConfig::certificateSource()
{
    QStringList errors;
    // The placeholders stay for CertificateSource to fill in; a relative path is the settings file's
    // folder's.
    QCOMPARE(load("[general]\ncertificate_source=/srv/certs/%email%.p12\n", &errors).certificateSource,
             u"/srv/certs/%email%.p12"_s);
    QCOMPARE(load("certificate_source=certs/%USER%\n", &errors).certificateSource,
             m_tmp->path() + u"/conf/certs/%USER%"_s);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QVERIFY(load("[general]\nlanguage=en\n", &errors).certificateSource.isEmpty());
}

void TestConfig::startAtLogin()
{
    QStringList errors;
    QVERIFY(load("[general]\nstart_at_login=true\n", &errors).startAtLogin);
    QVERIFY(errors.isEmpty());
    QVERIFY(!load("[general]\nstart_at_login=no\n", &errors).startAtLogin);
    QVERIFY(errors.isEmpty());
    QVERIFY(!load("[general]\nstart_at_login=sometimes\n", &errors).startAtLogin);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"start_at_login"_s) && errors.first().contains(u"sometimes"_s),
             qPrintable(errors.first()));
}

// [general] language, read with the rest (main.cpp and Settings take it from Config).
void TestConfig::language_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("errorCount");
    QTest::newRow("missing") << QByteArray() << u"system"_s << 0;
    QTest::newRow("General") << QByteArray("[General]\nlanguage=ja\n") << u"ja"_s << 0;
    QTest::newRow("general") << QByteArray("[general]\nlanguage=EN\n") << u"en"_s << 0;
    QTest::newRow("system") << QByteArray("[general]\nlanguage=system\n") << u"system"_s << 0;
    QTest::newRow("unknown") << QByteArray("[general]\nlanguage=fr\n") << u"system"_s << 1;
}

void TestConfig::language()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, language);
    QFETCH(int, errorCount);
    QStringList errors;
    QCOMPARE(load(ini, &errors).language, language);
    QCOMPARE(errors.size(), errorCount);
    if (errorCount)
        QVERIFY2(errors.first().contains(u"language"_s) && errors.first().contains(u"fr"_s),
                 qPrintable(errors.first()));
}

void TestConfig::internalDomains_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("domains");
    const QStringList two{u"example.co.jp"_s, u"*.example.co.jp"_s};
    QTest::newRow("list") << QByteArray("example.co.jp, *.example.co.jp") << two;
    QTest::newRow("list no spaces") << QByteArray("example.co.jp,*.example.co.jp") << two;
    QTest::newRow("quoted") << QByteArray("\"example.co.jp, *.example.co.jp\"") << two;
    QTest::newRow("one") << QByteArray("example.co.jp") << QStringList{u"example.co.jp"_s};
    QTest::newRow("case and blanks") << QByteArray(" Example.CO.jp , , *.Example.co.jp ,") << two;
    QTest::newRow("comment") << QByteArray("example.co.jp, *.example.co.jp   ; ours") << two;
    QTest::newRow("at form") << QByteArray("@example.co.jp") << QStringList{u"@example.co.jp"_s};
    QTest::newRow("unicode") << QByteArray("例え.jp") << QStringList{u"例え.jp"_s};
    QTest::newRow("empty") << QByteArray("") << QStringList();
}

void TestConfig::internalDomains()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, domains);
    QStringList errors;
    const Config c = load("[policy]\ninternal_domains=" + line + "\n", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.policy.internalDomains, domains);
}

void TestConfig::fromList()
{
    QStringList errors;
    const Config c = load("[account.work]\nhost=h\nfrom=taro@example.co.jp, t.yamada@example.co.jp,"
                          "  sales@example.co.jp ; comment\n",
                          &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.accounts.first().from,
             (QStringList{u"taro@example.co.jp"_s, u"t.yamada@example.co.jp"_s, u"sales@example.co.jp"_s}));

    const Config d = load("[account.work]\nhost=h\nfrom=taro@example.co.jp, Taro Yamada\n", &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"\"Taro Yamada\""_s) && errors.first().contains(u"\"from\""_s),
             qPrintable(errors.first()));
    QCOMPARE(d.accounts.first().from, QStringList{u"taro@example.co.jp"_s});
}

void TestConfig::quotedSemicolon()
{
    // ';' starts a comment unless the value is in double quotes.
    QStringList errors;
    const Config c = load("[account.work]\nhost=h\nuser=\"dept;taro\"   ; quoted\n\n"
                          "[account.other]\nhost=h\nuser=dept;taro\n",
                          &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.account(u"work"_s)->user, u"dept;taro"_s);
    QCOMPARE(c.account(u"other"_s)->user, u"dept"_s);
}

void TestConfig::windowsNotepadFile()
{
    // UTF-8 with a byte-order mark and CRLF line ends, as Notepad saves it.
    QStringList errors;
    const Config c =
        load("\xEF\xBB\xBF[listener]\r\nport=2525\r\n\r\n[account.work]\r\nhost=mail.example.co.jp\r\n"
             "user=\xE5\xA4\xAA\xE9\x83\x8E\r\n",
             &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(c.listener.port, 2525);
    QCOMPARE(c.account(u"work"_s)->user, u"太郎"_s);
}

void TestConfig::retryBounds()
{
    QStringList errors;
    const Config c = load("[delivery]\nretry_initial_seconds=600\nretry_max_seconds=300\n", &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"retry_max_seconds"_s), qPrintable(errors.first()));
    QCOMPARE(c.delivery.retryInitialSeconds, 600);
    QCOMPARE(c.delivery.retryMaxSeconds, 600);
}

void TestConfig::unreadableFile()
{
    // A folder where the file should be.
    QDir().mkpath(m_tmp->path() + u"/dir.ini"_s);
    Config c;
    QStringList errors;
    QVERIFY(!Config::load(m_tmp->path() + u"/dir.ini"_s, &c, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(m_tmp->path() + u"/dir.ini"_s), qPrintable(errors.first()));
    QCOMPARE(c.listener.port, 10587); // usable defaults all the same
    QVERIFY(!c.secrets.file.isEmpty());

    const QString path = write("[listener]\nport=2525\n");
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    if (QFileInfo(path).isReadable()) {
#ifdef Q_OS_WIN
        QSKIP("Windows: the owner can read a file whatever its read-only flag says");
#else
        // Privileged (root, as CI runs): permissions do not stop this process
        // reading the file. Run this test function again in a child as an
        // unprivileged user, for whom they do.
        QVERIFY2(qEnvironmentVariableIsEmpty("YUBISASHI_TEST_UNPRIVILEGED"),
                 "the child meant to run unprivileged can still read a file without read permission");
        const QString runuser = QStandardPaths::findExecutable(u"runuser"_s, {u"/usr/sbin"_s, u"/sbin"_s});
        QVERIFY2(!runuser.isEmpty(), "runuser (util-linux) is needed to run this case without privileges");
        QTemporaryDir childTmp; // the child's QTemporaryDir must be writable for it
        QVERIFY(childTmp.isValid());
        QVERIFY(QFile::setPermissions(childTmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                           QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                           QFileDevice::WriteOther | QFileDevice::ExeOther));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"YUBISASHI_TEST_UNPRIVILEGED"_s, u"1"_s);
        env.insert(u"TMPDIR"_s, childTmp.path());
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(runuser, {u"-u"_s, u"nobody"_s, u"--"_s, QCoreApplication::applicationFilePath(),
                              u"unreadableFile"_s});
        QVERIFY2(child.waitForFinished(120000), "the unprivileged child did not finish");
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestConfig::unreadableFile"), output.constData());
        return;
#endif
    }
    errors.clear();
    QVERIFY(!Config::load(path, &c, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(c.listener.port, 10587);
}

// [account.NAME] allow_plaintext_auth: off unless written, checked like every boolean.
void TestConfig::allowPlaintextAuth()
{
    QStringList errors;
    Config c = load("[account.work]\nhost=mail.lan\nsecurity=none\n", &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(!c.accounts.constFirst().allowPlaintextAuth);
    c = load("[account.work]\nhost=mail.lan\nsecurity=none\nallow_plaintext_auth=true\n", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(c.accounts.constFirst().allowPlaintextAuth);
    c = load("[account.work]\nhost=mail.lan\nallow_plaintext_auth=perhaps\n", &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"allow_plaintext_auth"_s) && errors.first().contains(u"perhaps"_s),
             qPrintable(errors.first()));
    QVERIFY(!c.accounts.constFirst().allowPlaintextAuth);
}

// [policy] allow_scripted_decisions and allow_pause: on unless written.
void TestConfig::reviewBypassKeys()
{
    QStringList errors;
    Config c = load("[policy]\nreview=always\n", &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(c.policy.allowScriptedDecisions);
    QVERIFY(c.policy.allowPause);
    c = load("[policy]\nallow_scripted_decisions=false\nallow_pause=no\n", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(!c.policy.allowScriptedDecisions);
    QVERIFY(!c.policy.allowPause);
    c = load("[policy]\nallow_pause=never\n", &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"allow_pause"_s), qPrintable(errors.first()));
    QVERIFY(c.policy.allowPause);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "TestConfig.moc"
