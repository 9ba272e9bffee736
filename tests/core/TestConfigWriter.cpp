#include "review/CheckPolicy.h"
#include "settings/Config.h"
#include "settings/ConfigWriter.h"
#include "settings/Validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::Config;
using Settings::ConfigWriter;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A typed field of the loaded configuration, as text, for the keys the tests write.
QString field(const Config& c, const QString& key)
{
    const Settings::Account* a = c.account(u"work"_s);
    if (key == u"listener/port"_s)
        return QString::number(c.listener.port);
    if (key == u"listener/require_auth"_s)
        return c.listener.requireAuth ? u"true"_s : u"false"_s;
    if (key == u"delivery/client_wait_seconds"_s)
        return QString::number(c.delivery.clientWaitSeconds);
    if (key == u"delivery/countdown_seconds"_s)
        return QString::number(c.delivery.countdownSeconds);
    if (key == u"policy/internal_domains"_s)
        return c.policy.internalDomains.join(u',');
    if (key == u"policy/review"_s)
        return QString::number(int(c.policy.review));
    if (key == u"secrets/store"_s)
        return QString::number(int(c.secrets.store));
    if (!a)
        return u"<no account>"_s;
    if (key == u"account.work/host"_s)
        return a->host;
    if (key == u"account.work/port"_s)
        return QString::number(a->port);
    if (key == u"account.work/security"_s)
        return QString::number(int(a->security));
    if (key == u"account.work/user"_s)
        return a->user;
    if (key == u"account.work/from"_s)
        return a->from.join(u',');
    return u"<unknown key>"_s;
}

} // namespace

class TestConfigWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void sameRulesAsLoading_data();
    void sameRulesAsLoading();
    void checksAndLists();
    void keepsUnknownKeys();
    void writesOnlyChangedKeys();
    void lockedKeysRefused();
    void removeGroup();
    void generalSection();
    void createsMissingFile();

private:
    QString path() const { return m_tmp->path() + u"/conf/yubisashi.ini"_s; }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestConfigWriter::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
}

void TestConfigWriter::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    QDir().mkpath(m_tmp->path() + u"/conf"_s);
    writeFile(path(), "[account.work]\nhost=smtp.example.co.jp\n");
}

void TestConfigWriter::cleanup()
{
    m_tmp.reset();
}

void TestConfigWriter::roundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("loaded");

    QTest::newRow("listener port") << u"listener/port"_s << QStringList{u"2525"_s} << u"2525"_s;
    QTest::newRow("require_auth") << u"listener/require_auth"_s << QStringList{u"false"_s} << u"false"_s;
    QTest::newRow("client wait") << u"delivery/client_wait_seconds"_s << QStringList{u"90"_s} << u"90"_s;
    QTest::newRow("countdown") << u"delivery/countdown_seconds"_s << QStringList{u"5"_s} << u"5"_s;
    QTest::newRow("internal domains")
        << u"policy/internal_domains"_s << QStringList{u"example.co.jp"_s, u" *.Example.co.jp "_s}
        << u"example.co.jp,*.example.co.jp"_s;
    QTest::newRow("one internal domain")
        << u"policy/internal_domains"_s << QStringList{u"example.co.jp"_s} << u"example.co.jp"_s;
    QTest::newRow("no internal domains") << u"policy/internal_domains"_s << QStringList{} << QString();
    QTest::newRow("review") << u"policy/review"_s << QStringList{u"always"_s}
                            << QString::number(int(Settings::ReviewPolicy::Always));
    QTest::newRow("secrets store") << u"secrets/store"_s << QStringList{u"file"_s}
                                   << QString::number(int(Settings::SecretsBackend::File));
    QTest::newRow("account host") << u"account.work/host"_s << QStringList{u"mail.example.com"_s}
                                  << u"mail.example.com"_s;
    QTest::newRow("account port") << u"account.work/port"_s << QStringList{u"465"_s} << u"465"_s;
    QTest::newRow("account security")
        << u"account.work/security"_s << QStringList{u"tls"_s} << QString::number(int(Smtp::Security::Tls));
    QTest::newRow("user with semicolon")
        << u"account.work/user"_s << QStringList{u"sales;tokyo"_s} << u"sales;tokyo"_s;
    QTest::newRow("from two addresses")
        << u"account.work/from"_s << QStringList{u"taro@example.co.jp"_s, u"sales@example.co.jp"_s}
        << u"taro@example.co.jp,sales@example.co.jp"_s;
}

void TestConfigWriter::roundTrip()
{
    QFETCH(QString, key);
    QFETCH(QStringList, values);
    QFETCH(QString, loaded);

    ConfigWriter writer(path());
    QString error;
    QVERIFY2(writer.setList(key, values, &error), qPrintable(error));
    QVERIFY2(writer.commit(&error), qPrintable(error));
    QCOMPARE(writer.writtenKeys(), QStringList{key});

    Config c;
    QStringList errors;
    QVERIFY(Config::load(path(), &c, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(field(c, key), loaded);
}

// Every value the writer accepts must load without complaint, and every value
// it refuses must be one Config::load reports: the
// Settings window then never writes a file that start-up complains about.
void TestConfigWriter::sameRulesAsLoading_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("port min") << u"listener/port"_s << u"1"_s << true;
    QTest::newRow("port max") << u"listener/port"_s << u"65535"_s << true;
    QTest::newRow("port 0") << u"listener/port"_s << u"0"_s << false;
    QTest::newRow("port too large") << u"listener/port"_s << u"65536"_s << false;
    QTest::newRow("port word") << u"listener/port"_s << u"smtp"_s << false;
    QTest::newRow("max size min") << u"listener/max_message_size"_s << u"1024"_s << true;
    QTest::newRow("max size low") << u"listener/max_message_size"_s << u"1023"_s << false;
    QTest::newRow("sessions max") << u"listener/max_sessions"_s << u"1000"_s << true;
    QTest::newRow("sessions over") << u"listener/max_sessions"_s << u"1001"_s << false;
    QTest::newRow("require_auth yes") << u"listener/require_auth"_s << u"yes"_s << true;
    QTest::newRow("require_auth maybe") << u"listener/require_auth"_s << u"maybe"_s << false;
    QTest::newRow("wait 0") << u"delivery/client_wait_seconds"_s << u"0"_s << true;
    QTest::newRow("wait 600") << u"delivery/client_wait_seconds"_s << u"600"_s << true;
    QTest::newRow("wait 601") << u"delivery/client_wait_seconds"_s << u"601"_s << false;
    QTest::newRow("countdown 60") << u"delivery/countdown_seconds"_s << u"60"_s << true;
    QTest::newRow("countdown 61") << u"delivery/countdown_seconds"_s << u"61"_s << false;
    QTest::newRow("countdown negative") << u"delivery/countdown_seconds"_s << u"-1"_s << false;
    QTest::newRow("timeout 4") << u"delivery/upstream_timeout_seconds"_s << u"4"_s << false;
    QTest::newRow("retention 0") << u"delivery/retention_days"_s << u"0"_s << true;
    QTest::newRow("domain") << u"policy/internal_domains"_s << u"example.co.jp"_s << true;
    QTest::newRow("wildcard") << u"policy/internal_domains"_s << u"*.example.co.jp"_s << true;
    QTest::newRow("at domain") << u"policy/internal_domains"_s << u"@example.co.jp"_s << true;
    QTest::newRow("japanese domain") << u"policy/internal_domains"_s << u"例え.jp"_s << true;
    QTest::newRow("address as domain") << u"policy/internal_domains"_s << u"taro@example.co.jp"_s << false;
    QTest::newRow("inner star") << u"policy/internal_domains"_s << u"ex*ample.co.jp"_s << false;
    QTest::newRow("double dot") << u"policy/internal_domains"_s << u"example..jp"_s << false;
    QTest::newRow("domain with space") << u"policy/internal_domains"_s << u"exa mple.jp"_s << false;
    QTest::newRow("review never") << u"policy/review"_s << u"never"_s << true;
    QTest::newRow("review sometimes") << u"policy/review"_s << u"sometimes"_s << false;
    QTest::newRow("store file") << u"secrets/store"_s << u"file"_s << true;
    QTest::newRow("store plain") << u"secrets/store"_s << u"plain"_s << false;
    QTest::newRow("security TLS") << u"account.work/security"_s << u"TLS"_s << true;
    QTest::newRow("security ssl") << u"account.work/security"_s << u"ssl"_s << false;
    QTest::newRow("auth xoauth2") << u"account.work/auth"_s << u"xoauth2"_s << true;
    QTest::newRow("auth cram") << u"account.work/auth"_s << u"cram-md5"_s << false;
    QTest::newRow("sign always") << u"account.work/sign"_s << u"always"_s << true;
    QTest::newRow("sign sometimes") << u"account.work/sign"_s << u"sometimes"_s << false;
    QTest::newRow("preset google") << u"account.work/preset"_s << u"google"_s << true;
    QTest::newRow("preset yahoo") << u"account.work/preset"_s << u"yahoo"_s << false;
    QTest::newRow("account port 0") << u"account.work/port"_s << u"0"_s << false;
    QTest::newRow("from address") << u"account.work/from"_s << u"taro@example.co.jp"_s << true;
    QTest::newRow("from no at") << u"account.work/from"_s << u"taro"_s << false;
    QTest::newRow("check off") << u"checks/keyword"_s << u"off"_s << true;
    QTest::newRow("check block") << u"checks/first-time-domain"_s << u"block"_s << true;
    QTest::newRow("check warn") << u"checks/keyword"_s << u"warn"_s << false;
    QTest::newRow("blocked domain") << u"policy/blocked_domains"_s << u"*.example.com"_s << true;
    QTest::newRow("blocked not domain") << u"policy/blocked_domains"_s << u"a b"_s << false;
    QTest::newRow("caution domain") << u"policy/caution_domains"_s << u"example.net"_s << true;
    QTest::newRow("extension") << u"policy/risky_extensions"_s << u".exe"_s << true;
    QTest::newRow("extension path") << u"policy/risky_extensions"_s << u"a/b"_s << false;
    QTest::newRow("threshold 0") << u"policy/many_external_threshold"_s << u"0"_s << false;
    QTest::newRow("landline 1000") << u"policy/landline_phone_threshold"_s << u"1000"_s << true;
}

void TestConfigWriter::sameRulesAsLoading()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);

    ConfigWriter writer(path());
    QString error;
    QCOMPARE(writer.set(key, value, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(Settings::Validation::check(key, value).isEmpty(), valid);

    // The same value written by hand must load the same way.
    const qsizetype slash = key.lastIndexOf(u'/');
    const QString group = key.left(slash);
    QByteArray ini = "[" + group.toUtf8() + "]\n" + key.mid(slash + 1).toUtf8() + "=" + value.toUtf8() + "\n";
    if (group == u"account.work"_s)
        ini += "host=smtp.example.co.jp\n";
    writeFile(path(), ini);
    Config c;
    QStringList errors;
    QVERIFY(Config::load(path(), &c, &errors));
    Review::CheckPolicy::fromConfig(c, &errors); // the checks' keys, as every caller reads them
    QVERIFY2(errors.isEmpty() == valid, qPrintable(errors.join(u'\n')));
}

void TestConfigWriter::checksAndLists()
{
    ConfigWriter writer(path());
    QString error;
    QVERIFY(writer.set(u"checks/keyword"_s, u"block"_s, &error));
    QVERIFY(writer.set(u"checks/external-recipient"_s, u"off"_s, &error));
    QVERIFY(writer.setList(u"policy/keywords"_s, {u"社外秘"_s, u"極秘"_s, u"internal only"_s}, &error));
    QVERIFY(writer.setList(u"policy/blocked_domains"_s, {u"evil.example"_s}, &error));
    QVERIFY(
        writer.setList(u"policy/caution_domains"_s, {u"partner.example"_s, u"*.partner.example"_s}, &error));
    QVERIFY2(writer.commit(&error), qPrintable(error));

    Config c;
    QStringList errors;
    QVERIFY(Config::load(path(), &c, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const Review::CheckPolicy p = Review::CheckPolicy::fromConfig(c);
    QCOMPARE(p.action(u"keyword"_s), Review::CheckAction::Block);
    QCOMPARE(p.action(u"external-recipient"_s), Review::CheckAction::Off);
    QCOMPARE(p.keywords, (QStringList{u"社外秘"_s, u"極秘"_s, u"internal only"_s}));
    QCOMPARE(p.blockedDomains, QStringList{u"evil.example"_s});
    QCOMPARE(p.cautionDomains, (QStringList{u"partner.example"_s, u"*.partner.example"_s}));
    // Japanese stays readable for an administrator opening the file.
    QVERIFY(readAll(path()).contains(u"社外秘"_s.toUtf8()));
}

void TestConfigWriter::keepsUnknownKeys()
{
    writeFile(path(), "[listener]\nport=10587\nfuture_key=42\n\n[account.work]\nhost=smtp.example.co.jp\n"
                      "x-custom=keep me\n\n[vendor]\nthing=\"a;b\"\n");
    ConfigWriter writer(path());
    QVERIFY(writer.set(u"listener/port"_s, u"2525"_s));
    QVERIFY(writer.commit());

    QSettings s(path(), QSettings::IniFormat);
    QCOMPARE(s.value(u"listener/port"_s).toString(), u"2525"_s);
    QCOMPARE(s.value(u"listener/future_key"_s).toString(), u"42"_s);
    QCOMPARE(s.value(u"account.work/x-custom"_s).toString(), u"keep me"_s);
    QCOMPARE(s.value(u"vendor/thing"_s).toString(), u"a;b"_s);
    QCOMPARE(s.value(u"account.work/host"_s).toString(), u"smtp.example.co.jp"_s);
}

void TestConfigWriter::writesOnlyChangedKeys()
{
    const QByteArray original = "; written by hand\n[listener]\nport=10587\n\n[policy]\nreview=EXTERNAL\n"
                                "internal_domains=example.co.jp, *.example.co.jp\n\n"
                                "[account.work]\nhost=smtp.example.co.jp\n";
    writeFile(path(), original);
    {
        ConfigWriter writer(path());
        QVERIFY(writer.set(u"listener/port"_s, u"10587"_s));
        QVERIFY(writer.set(u"policy/review"_s, u"external"_s));
        QVERIFY(writer.setList(u"policy/internal_domains"_s, {u"Example.co.jp"_s, u"*.example.co.jp"_s}));
        QVERIFY(writer.commit());
        QVERIFY(writer.writtenKeys().isEmpty());
    }
    // Nothing differed: the file, comment included, is as it was.
    QCOMPARE(readAll(path()), original);

    ConfigWriter writer(path());
    QVERIFY(writer.set(u"listener/port"_s, u"10587"_s));
    QVERIFY(writer.set(u"delivery/countdown_seconds"_s, u"3"_s));
    QVERIFY(writer.commit());
    QCOMPARE(writer.writtenKeys(), QStringList{u"delivery/countdown_seconds"_s});
    QSettings s(path(), QSettings::IniFormat);
    QVERIFY(!s.contains(u"delivery/client_wait_seconds"_s));
    QCOMPARE(s.value(u"delivery/countdown_seconds"_s).toString(), u"3"_s);
}

void TestConfigWriter::lockedKeysRefused()
{
    const QByteArray original = "[listener]\nport=2525\n\n[account.corp]\nhost=smtp.corp.example\n";
    writeFile(path(), original);
    ConfigWriter writer(path(), {u"listener/port"_s, u"account.corp/host"_s});
    QString error;
    QVERIFY(!writer.set(u"listener/port"_s, u"2626"_s, &error));
    QVERIFY2(error.contains(u"administrator"_s), qPrintable(error));
    error.clear();
    QVERIFY(!writer.remove(u"listener/port"_s, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!writer.removeGroup(u"account.corp"_s, &error));
    QVERIFY2(error.contains(u"administrator"_s), qPrintable(error));
    QVERIFY(writer.commit());
    QCOMPARE(readAll(path()), original);
}

void TestConfigWriter::removeGroup()
{
    writeFile(path(), "[account.work]\nhost=smtp.example.co.jp\n\n[account.home]\npreset=google\n");
    ConfigWriter writer(path());
    QVERIFY(writer.removeGroup(u"account.home"_s));
    QVERIFY(writer.removeGroup(u"account.absent"_s));
    QVERIFY(writer.commit());
    QCOMPARE(writer.writtenKeys(), QStringList{u"account.home"_s});
    Config c;
    QVERIFY(Config::load(path(), &c, nullptr));
    QCOMPARE(c.accounts.size(), 1);
    QCOMPARE(c.accounts.constFirst().name, u"work"_s);
}

void TestConfigWriter::generalSection()
{
    writeFile(path(), "[general]\ndata_dir=data\n");
    ConfigWriter writer(path());
    QString error;
    QVERIFY(!writer.set(u"general/language"_s, u"fr"_s, &error));
    QVERIFY2(error.contains(u"ja"_s), qPrintable(error));
    QVERIFY(writer.set(u"general/language"_s, u"ja"_s));
    QVERIFY(writer.commit());
    QSettings s(path(), QSettings::IniFormat);
    QCOMPARE(s.value(u"language"_s).toString(), u"ja"_s);
    Config c;
    QVERIFY(Config::load(path(), &c, nullptr));
    QCOMPARE(c.dataDir, m_tmp->path() + u"/conf/data"_s);
}

void TestConfigWriter::createsMissingFile()
{
    const QString fresh = m_tmp->path() + u"/new/dir/yubisashi.ini"_s;
    ConfigWriter writer(fresh);
    QVERIFY(writer.setList(u"policy/internal_domains"_s, {u"example.co.jp"_s}));
    QString error;
    QVERIFY2(writer.commit(&error), qPrintable(error));
    Config c;
    QVERIFY(Config::load(fresh, &c, nullptr));
    QCOMPARE(c.policy.internalDomains, QStringList{u"example.co.jp"_s});
    QVERIFY(c.testMode());
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "TestConfigWriter.moc"
