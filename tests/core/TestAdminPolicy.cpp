#include "settings/AdminPolicy.h"
#include "settings/Config.h"

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

QTEST_GUILESS_MAIN(TestAdminPolicy)
#include "TestAdminPolicy.moc"
