#include "settings/AdminPolicy.h"
#include "settings/Config.h"
#include "settings/ConfigWriter.h"
#include "settings/IniPolicySource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::AdminPolicy;
using Settings::Config;
using Settings::IniPolicySource;

namespace {

void writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestAdminPolicy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultLocation();
    void noPolicyFile();
    void policyWinsAndLocks();
    void policyAddsAccount();
    void relativePathsKeepTheirMeaning();
    void generalSection();
    void refusedValueStaysLocked();
    void refusedGeneralValueStaysLocked();
    void locksHoldWhenUserFileUnreadable();
    void unknownKeyIgnored();
    void unreadablePolicyReported();
    void policyFileVariableOnlyInTestBuilds();
    void reviewBypass_data();
    void reviewBypass();

    // Tiers (issue 11): locked and recommended keys, and where each comes from.
    void iniTierSyntax();
    void recommendedLosesToUser();
    void recommendedAppliesWhenUserHasNone();
    void lockedWinsOverRecommended();
    void everyAccountKeys();
    void lockedKeyRefusedByConfigWriter();
    void recommendedKeyWrittenByConfigWriter();
    void secretsRefused_data();
    void secretsRefused();
    void oauthKeysAllowed();
    void earlierSourceWins();
    void lineNumbersInErrors();
    void notUtf8ValueRefused();
    void recommendedDoesNotAllowBypass();

private:
    QString userPath() const { return m_tmp->path() + u"/user/yubisashi.ini"_s; }
    QString policyPath() const { return m_tmp->path() + u"/etc/policy.ini"_s; }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestAdminPolicy::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
}

void TestAdminPolicy::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    qputenv("YUBISASHI_POLICY_FILE", policyPath().toLocal8Bit());
}

void TestAdminPolicy::cleanup()
{
    qunsetenv("YUBISASHI_POLICY_FILE");
    m_tmp.reset();
}

void TestAdminPolicy::defaultLocation()
{
    qunsetenv("YUBISASHI_POLICY_FILE");
#if defined(Q_OS_LINUX)
    QCOMPARE(AdminPolicy::defaultPath(), u"/etc/xdg/Yubisashi/policy.ini"_s);
#endif
    QCOMPARE(AdminPolicy::path(), AdminPolicy::defaultPath());
    qputenv("YUBISASHI_POLICY_FILE", policyPath().toLocal8Bit());
    QCOMPARE(AdminPolicy::path(), policyPath());
}

void TestAdminPolicy::noPolicyFile()
{
    writeFile(userPath(), "[listener]\nport=2525\n");
    Config c;
    QStringList errors;
    QStringList locked{u"stale"_s};
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(locked.isEmpty());
    QCOMPARE(c.listener.port, 2525);
    QCOMPARE(c.path, userPath());
}

void TestAdminPolicy::policyWinsAndLocks()
{
    writeFile(userPath(), "[listener]\nport=2525\n\n[delivery]\ncountdown_seconds=5\n\n"
                          "[policy]\ninternal_domains=home.example\nreview=never\n");
    writeFile(policyPath(),
              "[listener]\nport=10600\n\n[policy]\ninternal_domains=corp.example, *.corp.example\n"
              "review=always\n\n[checks]\nkeyword=block\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.listener.port, 10600);
    QCOMPARE(c.policy.internalDomains, (QStringList{u"corp.example"_s, u"*.corp.example"_s}));
    QCOMPARE(c.policy.review, Settings::ReviewPolicy::Always);
    // What the policy leaves alone is the user's.
    QCOMPARE(c.delivery.countdownSeconds, 5);
    QCOMPARE(c.path, userPath());
    QCOMPARE(locked, (QStringList{u"checks/keyword"_s, u"listener/port"_s, u"policy/internal_domains"_s,
                                  u"policy/review"_s}));
    // The user's file itself is not touched.
    QSettings user(userPath(), QSettings::IniFormat);
    QCOMPARE(user.value(u"listener/port"_s).toString(), u"2525"_s);
}

void TestAdminPolicy::policyAddsAccount()
{
    writeFile(policyPath(), "[account.corp]\nhost=smtp.corp.example\nport=465\nsecurity=tls\nsign=always\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(!c.testMode());
    const Settings::Account* a = c.account(u"corp"_s);
    QVERIFY(a);
    QCOMPARE(a->host, u"smtp.corp.example"_s);
    QCOMPARE(a->port, 465);
    QCOMPARE(a->sign, Settings::SignPolicy::Always);
    QVERIFY(locked.contains(u"account.corp/host"_s));
    QVERIFY(locked.contains(u"account.corp/sign"_s));
}

void TestAdminPolicy::relativePathsKeepTheirMeaning()
{
    writeFile(userPath(), "[account.work]\nhost=smtp.example.co.jp\nca_file=ca.pem\nsmime_p12=~/me.p12\n");
    writeFile(policyPath(), "[delivery]\ntest_mode_folder=shared/test-mode\n");
    Config c;
    QStringList errors;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, nullptr));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const QString userDir = m_tmp->path() + u"/user"_s;
    QCOMPARE(c.account(u"work"_s)->caFile, userDir + u"/ca.pem"_s);
    QCOMPARE(c.account(u"work"_s)->smimeP12, QDir::homePath() + u"/me.p12"_s);
    QCOMPARE(c.delivery.testModeFolder, m_tmp->path() + u"/etc/shared/test-mode"_s);
    // The default secrets file sits next to the user's settings, not the merged copy.
    QCOMPARE(c.secrets.file, userDir + u"/secrets.ini"_s);
}

void TestAdminPolicy::generalSection()
{
    writeFile(userPath(), "[general]\nlanguage=en\n");
    writeFile(policyPath(), "[general]\nlanguage=ja\n");
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::load(policyPath(), &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(policy.lockedKeys(), QStringList{u"general/language"_s});
    QCOMPARE(policy.value(u"general/language"_s).toString(), u"ja"_s);
    Config c;
    QVERIFY(Config::load(userPath(), policy, &c, &errors));
    QCOMPARE(c.language, u"ja"_s);
}

void TestAdminPolicy::refusedValueStaysLocked()
{
    writeFile(userPath(), "[listener]\nport=2525\n");
    writeFile(policyPath(), "[listener]\nport=99999\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(policyPath()) && errors.constFirst().contains(u"65535"_s),
             qPrintable(errors.constFirst()));
    QCOMPARE(locked, QStringList{u"listener/port"_s});
    // Neither the refused value nor the user's: the default.
    QCOMPARE(c.listener.port, 10587);
}

// [general] may be spelled [General] (QSettings' top level) or [general]: a
// refused value in the policy leaves neither spelling of the user's value.
void TestAdminPolicy::refusedGeneralValueStaysLocked()
{
    writeFile(userPath(), "[general]\nlanguage=en\n");
    writeFile(policyPath(), "[General]\nlanguage=fr\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(locked, QStringList{u"general/language"_s});
    QCOMPARE(c.language, u"system"_s);
}

// The merge is in memory: the policy applies even when the user's file cannot be read.
void TestAdminPolicy::locksHoldWhenUserFileUnreadable()
{
    QDir().mkpath(userPath()); // a folder where the file should be
    writeFile(policyPath(), "[listener]\nport=2600\n");
    Config c;
    QStringList errors;
    QVERIFY(!Settings::loadEffective(userPath(), &c, &errors, nullptr));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(c.listener.port, 2600);
    QCOMPARE(c.path, userPath());
}

void TestAdminPolicy::unknownKeyIgnored()
{
    writeFile(policyPath(), "[listener]\nprot=2525\n");
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::load(policyPath(), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"listener/prot"_s), qPrintable(errors.constFirst()));
    QVERIFY(policy.lockedKeys().isEmpty());
}

void TestAdminPolicy::unreadablePolicyReported()
{
    // A folder where the file should be: it exists but cannot be read as a file
    // (permission bits would not stop root, who runs these tests in CI).
    QDir().mkpath(policyPath());
    writeFile(userPath(), "[listener]\nport=2525\n");
    Config c;
    QStringList errors;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, nullptr));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"cannot be read"_s), qPrintable(errors.constFirst()));
    QCOMPARE(c.listener.port, 2525);
}

// Anyone can set an environment variable: in a build people install it must
// not swap the administrator's policy for another file.
void TestAdminPolicy::policyFileVariableOnlyInTestBuilds()
{
    const QString other = policyPath();
    QCOMPARE(AdminPolicy::pathFor(other, false), AdminPolicy::defaultPath());
    QCOMPARE(AdminPolicy::pathFor(QString(), false), AdminPolicy::defaultPath());
    QCOMPARE(AdminPolicy::pathFor(other, true), other);
    QCOMPARE(AdminPolicy::pathFor(QString(), true), AdminPolicy::defaultPath());
    // This build is one made for tests (the asan and debug presets).
#ifdef YUBISASHI_TEST_HOOKS
    QVERIFY(AdminPolicy::honoursPolicyFileVariable());
#else
    QVERIFY(!AdminPolicy::honoursPolicyFileVariable());
#endif
    QCOMPARE(AdminPolicy::path(), AdminPolicy::pathFor(other, AdminPolicy::honoursPolicyFileVariable()));
}

// --decide and Pause protection get around the review: while the policy locks
// `review`, only the policy itself can allow them.
void TestAdminPolicy::reviewBypass_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<bool>("scripted");
    QTest::addColumn<bool>("pause");
    QTest::newRow("no policy") << QByteArray() << QByteArray() << true << true;
    QTest::newRow("policy without review")
        << QByteArray("[policy]\ninternal_domains=corp.example\n") << QByteArray() << true << true;
    QTest::newRow("user turns them off")
        << QByteArray() << QByteArray("[policy]\nallow_scripted_decisions=false\nallow_pause=false\n")
        << false << false;
    QTest::newRow("review locked") << QByteArray("[policy]\nreview=always\n") << QByteArray() << false
                                   << false;
    QTest::newRow("review locked to never")
        << QByteArray("[policy]\nreview=never\n") << QByteArray() << false << false;
    QTest::newRow("review locked, the user cannot allow")
        << QByteArray("[policy]\nreview=always\n")
        << QByteArray("[policy]\nallow_scripted_decisions=true\nallow_pause=true\n") << false << false;
    QTest::newRow("review locked, scripts allowed")
        << QByteArray("[policy]\nreview=always\nallow_scripted_decisions=true\n") << QByteArray() << true
        << false;
    QTest::newRow("review locked, pause allowed")
        << QByteArray("[policy]\nreview=external\nallow_pause=yes\n") << QByteArray() << false << true;
    QTest::newRow("review locked, refused value")
        << QByteArray("[policy]\nreview=always\nallow_pause=maybe\n") << QByteArray() << false << false;
    QTest::newRow("policy forbids without locking review")
        << QByteArray("[policy]\nallow_pause=false\n") << QByteArray("[policy]\nallow_pause=true\n") << true
        << false;
}

void TestAdminPolicy::reviewBypass()
{
    QFETCH(QByteArray, policy);
    QFETCH(QByteArray, user);
    QFETCH(bool, scripted);
    QFETCH(bool, pause);
    if (!policy.isEmpty())
        writeFile(policyPath(), policy);
    writeFile(userPath(), user);
    Config c;
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, nullptr));
    const AdminPolicy admin = AdminPolicy::load(policyPath(), nullptr);
    QCOMPARE(admin.allows(Settings::ReviewBypass::ScriptedDecisions, c), scripted);
    QCOMPARE(admin.allows(Settings::ReviewBypass::Pause, c), pause);
}

void TestAdminPolicy::iniTierSyntax()
{
    // Plain sections lock (as before); [recommended/...] and its spellings recommend.
    writeFile(policyPath(),
              "[policy]\nreview=always\n\n[recommended/policy]\ninternal_domains=corp.example\n\n"
              "[Recommended\\checks]\nkeyword=block\n\n[recommended]\nlanguage=ja\n\n"
              "[recommended/general]\nstart_at_login=true\n");
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::load(policyPath(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(policy.lockedKeys(), QStringList{u"policy/review"_s});
    QCOMPARE(policy.recommendedKeys(),
             (QStringList{u"checks/keyword"_s, u"general/language"_s, u"general/start_at_login"_s,
                          u"policy/internal_domains"_s}));
    QVERIFY(policy.isLocked(u"policy/review"_s));
    QVERIFY(!policy.isLocked(u"policy/internal_domains"_s));
    QVERIFY(policy.isRecommended(u"policy/internal_domains"_s));
    QCOMPARE(policy.recommendedValue(u"general/language"_s).toString(), u"ja"_s);
}

void TestAdminPolicy::recommendedLosesToUser()
{
    writeFile(userPath(), "[delivery]\ncountdown_seconds=2\n\n[general]\nlanguage=en\n");
    writeFile(policyPath(), "[recommended/delivery]\ncountdown_seconds=5\n\n[recommended]\nlanguage=ja\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.delivery.countdownSeconds, 2);
    QCOMPARE(c.language, u"en"_s);
    QVERIFY(locked.isEmpty());
}

void TestAdminPolicy::recommendedAppliesWhenUserHasNone()
{
    writeFile(userPath(), "[listener]\nport=2525\n");
    writeFile(policyPath(),
              "[recommended/delivery]\ncountdown_seconds=5\n\n[recommended/general]\nlanguage=ja\n\n"
              "[recommended/checks]\nkeyword=block\n");
    Config c;
    QStringList errors;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, nullptr));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.delivery.countdownSeconds, 5);
    QCOMPARE(c.language, u"ja"_s);
    QCOMPARE(c.checks.actionWords.value(u"keyword"_s), u"block"_s);
    QCOMPARE(c.listener.port, 2525);
}

void TestAdminPolicy::lockedWinsOverRecommended()
{
    writeFile(userPath(), "[delivery]\ncountdown_seconds=2\n");
    writeFile(policyPath(),
              "[recommended/delivery]\ncountdown_seconds=5\n\n[delivery]\ncountdown_seconds=9\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QCOMPARE(c.delivery.countdownSeconds, 9);
    QCOMPARE(locked, QStringList{u"delivery/countdown_seconds"_s});
    const AdminPolicy policy = AdminPolicy::load(policyPath(), nullptr);
    QVERIFY(policy.recommendedKeys().isEmpty());
}

// [accounts]: one policy for every account, whatever each person named theirs.
void TestAdminPolicy::everyAccountKeys()
{
    writeFile(userPath(), "[account.work]\nhost=smtp.office365.com\nsign=never\nencrypt=when-possible\n\n"
                          "[account.home]\nhost=smtp.gmail.com\n");
    writeFile(policyPath(),
              "[accounts]\noauth_client_id=corp-client\nsign=always\n\n"
              "[account.home]\noauth_client_id=home-client\n\n"
              "[recommended/accounts]\nencrypt=required-for-domains\nencrypt_domains=corp.example\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const Settings::Account* work = c.account(u"work"_s);
    const Settings::Account* home = c.account(u"home"_s);
    QVERIFY(work && home);
    // Locked for every account, over the user's own value.
    QCOMPARE(work->sign, Settings::SignPolicy::Always);
    QCOMPARE(home->sign, Settings::SignPolicy::Always);
    // Recommended: the user's own value stays; where there is none, the policy's applies.
    QCOMPARE(work->encrypt, Settings::EncryptPolicy::WhenPossible);
    QCOMPARE(home->encrypt, Settings::EncryptPolicy::RequiredForDomains);
    QCOMPARE(home->encryptDomains, QStringList{u"corp.example"_s});
    // The locks, named per account for whoever shows them.
    for (const QString& key :
         {u"account.work/sign"_s, u"account.home/sign"_s, u"account.work/oauth_client_id"_s,
          u"account.home/oauth_client_id"_s, u"accounts/sign"_s})
        QVERIFY2(locked.contains(key), qPrintable(key));
    QVERIFY(!locked.contains(u"account.work/encrypt"_s));
    // An account by name wins over [accounts]; a new account gets [accounts]' keys too.
    const AdminPolicy policy = AdminPolicy::load(policyPath(), nullptr);
    QCOMPARE(Config::accountValues(userPath(), policy, u"home"_s).value(u"oauth_client_id"_s),
             u"home-client"_s);
    QCOMPARE(Config::accountValues(userPath(), policy, u"work"_s).value(u"oauth_client_id"_s),
             u"corp-client"_s);
    QCOMPARE(Config::accountValues(userPath(), policy, u"new"_s).value(u"oauth_client_id"_s),
             u"corp-client"_s);
    QVERIFY(policy.isLocked(u"account.new/sign"_s));
    QVERIFY(policy.isRecommended(u"account.new/encrypt"_s));
}

// A locked key cannot be changed through ConfigWriter (Settings, the wizard), also for an account added
// later.
void TestAdminPolicy::lockedKeyRefusedByConfigWriter()
{
    writeFile(userPath(), "[listener]\nport=2525\n\n[account.work]\nhost=smtp.example.co.jp\n");
    writeFile(policyPath(), "[listener]\nport=10600\n\n[accounts]\noauth_client_id=corp-client\n");
    Config c;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, &locked));
    Settings::ConfigWriter writer(userPath(), locked);
    QString error;
    QVERIFY(!writer.set(u"listener/port"_s, u"2526"_s, &error));
    QVERIFY2(error.contains(u"administrator"_s), qPrintable(error));
    QVERIFY(!writer.set(u"account.work/oauth_client_id"_s, u"mine"_s, &error));
    // An account being added (the wizard's): the key is locked too; saving the
    // account does not fail over it, and the value is not written.
    QVERIFY(writer.isLocked(u"account.later/oauth_client_id"_s));
    QVERIFY(writer.set(u"account.later/oauth_client_id"_s, u"mine"_s, &error));
    QVERIFY(writer.set(u"account.later/host"_s, u"smtp.example.co.jp"_s, &error));
    QVERIFY(writer.set(u"delivery/countdown_seconds"_s, u"3"_s, &error));
    QVERIFY2(writer.commit(&error), qPrintable(error));
    const QSettings file(userPath(), QSettings::IniFormat);
    QCOMPARE(file.value(u"listener/port"_s).toString(), u"2525"_s);
    QVERIFY(!file.contains(u"account.later/oauth_client_id"_s));
    QCOMPARE(file.value(u"account.later/host"_s).toString(), u"smtp.example.co.jp"_s);
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, nullptr));
    QCOMPARE(Config::accountValues(userPath(), AdminPolicy::load(policyPath(), nullptr), u"later"_s)
                 .value(u"oauth_client_id"_s),
             u"corp-client"_s);
    // Keys locked for every account do not keep a person from removing one of theirs.
    Settings::ConfigWriter remover(userPath(), locked);
    QVERIFY2(remover.removeGroup(u"account.work"_s, &error), qPrintable(error));
}

void TestAdminPolicy::recommendedKeyWrittenByConfigWriter()
{
    writeFile(policyPath(), "[recommended/delivery]\ncountdown_seconds=5\n");
    Config c;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, &locked));
    QCOMPARE(c.delivery.countdownSeconds, 5);
    Settings::ConfigWriter writer(userPath(), locked);
    QString error;
    QVERIFY2(writer.set(u"delivery/countdown_seconds"_s, u"1"_s, &error), qPrintable(error));
    QVERIFY2(writer.commit(&error), qPrintable(error));
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, nullptr));
    QCOMPARE(c.delivery.countdownSeconds, 1);
}

void TestAdminPolicy::secretsRefused_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QString>("key");
    QTest::newRow("password") << QByteArray("[account.work]\nhost=h.example\npassword=hunter2\n")
                              << u"account.work/password"_s;
    QTest::newRow("refresh token, every account")
        << QByteArray("[accounts]\nrefresh_token=abc\n") << u"accounts/refresh_token"_s;
    QTest::newRow("local password, recommended")
        << QByteArray("[recommended/account.work]\nlocal_password=x\n") << u"account.work/local_password"_s;
    QTest::newRow("PKCS#12 password")
        << QByteArray("[accounts]\nsmime_password=x\n") << u"accounts/smime_password"_s;
}

void TestAdminPolicy::secretsRefused()
{
    QFETCH(QByteArray, policy);
    QFETCH(QString, key);
    writeFile(policyPath(), policy);
    QStringList errors;
    const AdminPolicy admin = AdminPolicy::load(policyPath(), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(key) &&
                 errors.constFirst().contains(u"password or sign-in token"_s),
             qPrintable(errors.constFirst()));
    QVERIFY(!admin.isLocked(key));
    QVERIFY(!admin.isRecommended(key));
}

void TestAdminPolicy::oauthKeysAllowed()
{
    writeFile(policyPath(),
              "[accounts]\noauth_client_id=00000000-1111-2222-3333-444444444444\n"
              "oauth_tenant=example.onmicrosoft.com\noauth_scopes=https://outlook.office.com/SMTP.Send "
              "offline_access\noauth_authorize_url=https://login.example.com/authorize\n"
              "oauth_token_url=http://login.example.com/token\n\n"
              "[account.corp]\nhost=smtp.office365.com\noauth_client_secret=GOCSPX-x\n"
              "oauth_device_url=\n");
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::load(policyPath(), &errors);
    // Only the http endpoint to another computer is refused (tokens would cross the network in clear).
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"accounts/oauth_token_url"_s) &&
                 errors.constFirst().contains(u"https"_s),
             qPrintable(errors.constFirst()));
    for (const QString& key : {u"accounts/oauth_client_id"_s, u"accounts/oauth_tenant"_s,
                               u"accounts/oauth_scopes"_s, u"accounts/oauth_authorize_url"_s,
                               u"account.corp/oauth_client_secret"_s, u"account.corp/oauth_device_url"_s})
        QVERIFY2(policy.isLocked(key) && policy.value(key).isValid(), qPrintable(key));
    QVERIFY(policy.isLocked(u"accounts/oauth_token_url"_s));
    QVERIFY(!policy.value(u"accounts/oauth_token_url"_s).isValid());
}

namespace {

class FakeSource : public Settings::PolicySource
{
public:
    FakeSource(const QString& location, const QList<Settings::PolicyEntry>& entries)
        : m_location(location), m_entries(entries)
    {}
    QString location() const override { return m_location; }
    QList<Settings::PolicyEntry> read(QStringList*) const override { return m_entries; }

private:
    QString m_location;
    QList<Settings::PolicyEntry> m_entries;
};

Settings::PolicyEntry entry(const QString& key, const QString& value, Settings::PolicyTier tier)
{
    Settings::PolicyEntry e;
    e.key = key;
    e.value = value;
    e.tier = tier;
    return e;
}

} // namespace

// HKLM before HKCU: the earlier source wins in the same tier; a lock anywhere wins over a recommendation.
void TestAdminPolicy::earlierSourceWins()
{
    using Settings::PolicyTier;
    const FakeSource machine(u"HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi"_s,
                             {entry(u"listener/port"_s, u"10600"_s, PolicyTier::Locked),
                              entry(u"delivery/countdown_seconds"_s, u"5"_s, PolicyTier::Recommended)});
    const FakeSource user(u"HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Yubisashi"_s,
                          {entry(u"listener/port"_s, u"10700"_s, PolicyTier::Locked),
                           entry(u"delivery/countdown_seconds"_s, u"7"_s, PolicyTier::Locked),
                           entry(u"policy/review"_s, u"always"_s, PolicyTier::Recommended)});
    QStringList errors;
    const AdminPolicy policy =
        AdminPolicy::load(QList<const Settings::PolicySource*>{&machine, &user}, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(policy.value(u"listener/port"_s).toString(), u"10600"_s);
    QCOMPARE(policy.value(u"delivery/countdown_seconds"_s).toString(), u"7"_s);
    QCOMPARE(policy.lockedKeys(), (QStringList{u"delivery/countdown_seconds"_s, u"listener/port"_s}));
    QCOMPARE(policy.recommendedKeys(), QStringList{u"policy/review"_s});
    QCOMPARE(policy.filePath(), machine.location());
}

void TestAdminPolicy::lineNumbersInErrors()
{
    writeFile(policyPath(),
              "; comment\n[listener]\nport=10600\n\n[policy]\nreview=sometimes\nthis is not a setting\n");
    QStringList errors;
    AdminPolicy::load(policyPath(), &errors);
    QCOMPARE(errors.size(), 2);
    const QString all = errors.join(u'\n');
    QVERIFY2(all.contains(IniPolicySource::where(QDir::toNativeSeparators(policyPath()), 6)) &&
                 all.contains(u"policy/review"_s),
             qPrintable(all));
    QVERIFY2(all.contains(IniPolicySource::where(QDir::toNativeSeparators(policyPath()), 7)),
             qPrintable(all));
}

// A value saved as Shift_JIS would be read as something else: it is refused, and the file named with the fix.
void TestAdminPolicy::notUtf8ValueRefused()
{
    writeFile(userPath(), "[policy]\nkeywords=mine\n");
    writeFile(policyPath(), "[listener]\nport=10600\n\n[policy]\nkeywords=\x8e\xd0\x8aO\x94\xe9, secret\n");
    Config c;
    QStringList errors;
    QStringList locked;
    QVERIFY(Settings::loadEffective(userPath(), &c, &errors, &locked));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(u"UTF-8"_s) && errors.constFirst().contains(u"Shift_JIS"_s) &&
                 errors.constFirst().contains(u"line 5"_s),
             qPrintable(errors.constFirst()));
    QCOMPARE(c.listener.port, 10600);
    QVERIFY(locked.contains(u"policy/keywords"_s));
    QCOMPARE(c.checks.keywords, Settings::ChecksConfig::defaultKeywords());
}

// Only a locked value lets a way around a locked review: a recommended one does not.
void TestAdminPolicy::recommendedDoesNotAllowBypass()
{
    writeFile(policyPath(), "[policy]\nreview=always\n\n[recommended/policy]\nallow_pause=true\n"
                            "allow_scripted_decisions=true\n");
    Config c;
    QVERIFY(Settings::loadEffective(userPath(), &c, nullptr, nullptr));
    const AdminPolicy admin = AdminPolicy::load(policyPath(), nullptr);
    QVERIFY(!admin.allows(Settings::ReviewBypass::Pause, c));
    QVERIFY(!admin.allows(Settings::ReviewBypass::ScriptedDecisions, c));
}

QTEST_GUILESS_MAIN(TestAdminPolicy)
#include "TestAdminPolicy.moc"
