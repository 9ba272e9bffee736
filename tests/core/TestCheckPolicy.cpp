#include "review/CheckPolicy.h"
#include "review/checks/CheckRegistry.h"
#include "settings/AdminPolicy.h"
#include "settings/Config.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Review::CheckAction;
using Review::CheckPolicy;

class TestCheckPolicy : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void readsEveryKey();
    void actionValues_data();
    void actionValues();
    void errorsNameKeyAndValue_data();
    void errorsNameKeyAndValue();
    void missingFileGivesDefaults();
    void everyCheckHasADefault();

    // The administrator's policy as mail is judged (issue "Tests that fail when a promise breaks")
    void loadEffectiveLockedBeatsUser_data();
    void loadEffectiveLockedBeatsUser();

private:
    QString write(const QByteArray& ini);
    // The checks' keys as every caller reads them: Settings::Config, then fromConfig.
    static bool load(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                     QStringList* errors);
    QTemporaryDir m_dir;
    int m_n = 0;
};

QString TestCheckPolicy::write(const QByteArray& ini)
{
    const QString path = m_dir.filePath(u"y%1.ini"_s.arg(++m_n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(ini);
    return path;
}

bool TestCheckPolicy::load(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                           QStringList* errors)
{
    Settings::Config config;
    const bool ok = Settings::Config::load(path, &config, errors);
    config.policy = policy;
    *out = CheckPolicy::fromConfig(config, errors);
    return ok;
}

void TestCheckPolicy::defaults()
{
    const CheckPolicy p = CheckPolicy::defaults({});
    QCOMPARE(p.action(u"blocked-domain"_s), CheckAction::Block);
    QCOMPARE(p.action(u"external-recipient"_s), CheckAction::Show);
    QCOMPARE(p.action(u"look-alike-domain"_s), CheckAction::Confirm);
    QCOMPARE(p.manyExternalThreshold, 10);
    QVERIFY(p.keywords.contains(u"社外秘"_s));
    QVERIFY(p.riskyExtensions.contains(u"exe"_s));
    QVERIFY(p.riskyExtensions.contains(u"lnk"_s));
}

void TestCheckPolicy::readsEveryKey()
{
    const QString path = write("[checks]\n"
                               "external-recipient=off\n"
                               "keyword=block\n"
                               "first-time-recipient=Confirm\n"
                               "[policy]\n"
                               "internal_domains=example.co.jp\n"
                               "blocked_domains=free-mail.example, *.bad.example\n"
                               "caution_domains=partner.example\n"
                               "known_domains=customer.co.jp\n"
                               "keywords=\xE7\xA4\xBE\xE5\xA4\x96\xE7\xA7\x98, top secret\n"
                               "many_external_threshold=3\n"
                               "many_external_domains_threshold=2\n"
                               "risky_extensions=.exe, js, *.LNK\n"
                               "landline_phone_threshold=5\n");
    Settings::Policy base;
    base.internalDomains = {u"example.co.jp"_s};
    CheckPolicy p;
    QStringList errors;
    QVERIFY(load(path, base, &p, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
    QCOMPARE(p.policy.internalDomains, QStringList{u"example.co.jp"_s});
    QCOMPARE(p.action(u"external-recipient"_s), CheckAction::Off);
    QCOMPARE(p.action(u"keyword"_s), CheckAction::Block);
    QCOMPARE(p.action(u"first-time-recipient"_s), CheckAction::Confirm);
    QCOMPARE(p.action(u"blocked-domain"_s), CheckAction::Block); // untouched default
    QCOMPARE(p.blockedDomains, (QStringList{u"free-mail.example"_s, u"*.bad.example"_s}));
    QCOMPARE(p.cautionDomains, QStringList{u"partner.example"_s});
    QCOMPARE(p.knownDomains, QStringList{u"customer.co.jp"_s});
    QCOMPARE(p.keywords, (QStringList{u"社外秘"_s, u"top secret"_s}));
    QCOMPARE(p.manyExternalThreshold, 3);
    QCOMPARE(p.manyExternalDomainsThreshold, 2);
    QCOMPARE(p.riskyExtensions, (QStringList{u"exe"_s, u"js"_s, u"lnk"_s}));
    QCOMPARE(p.landlinePhoneThreshold, 5);
}

void TestCheckPolicy::actionValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("action");
    QTest::newRow("off") << u"off"_s << int(CheckAction::Off);
    QTest::newRow("show") << u"show"_s << int(CheckAction::Show);
    QTest::newRow("confirm") << u"confirm"_s << int(CheckAction::Confirm);
    QTest::newRow("block") << u"BLOCK"_s << int(CheckAction::Block);
}

void TestCheckPolicy::actionValues()
{
    QFETCH(QString, value);
    QFETCH(int, action);
    CheckPolicy p;
    QStringList errors;
    QVERIFY(load(write("[checks]\ngreeting-mismatch=" + value.toUtf8() + "\n"), {}, &p, &errors));
    QVERIFY(errors.isEmpty());
    QCOMPARE(int(p.action(u"greeting-mismatch"_s)), action);
}

void TestCheckPolicy::errorsNameKeyAndValue_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("bad action") << QByteArray("[checks]\nkeyword=maybe\n") << u"keyword"_s << u"maybe"_s;
    QTest::newRow("unknown check") << QByteArray("[checks]\nfirst-time-recipients=block\n")
                                   << u"first-time-recipients"_s << u"first-time-recipient"_s;
    QTest::newRow("bad number") << QByteArray("[policy]\nmany_external_threshold=ten\n")
                                << u"many_external_threshold"_s << u"ten"_s;
    QTest::newRow("number out of range")
        << QByteArray("[policy]\nmany_external_threshold=0\n") << u"many_external_threshold"_s << u"\"0\""_s;
    QTest::newRow("bad domain") << QByteArray("[policy]\nblocked_domains=good.example, not a domain\n")
                                << u"blocked_domains"_s << u"not a domain"_s;
    QTest::newRow("bad extension") << QByteArray("[policy]\nrisky_extensions=exe, e x e\n")
                                   << u"risky_extensions"_s << u"e x e"_s;
}

void TestCheckPolicy::errorsNameKeyAndValue()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, key);
    QFETCH(QString, value);
    CheckPolicy p;
    QStringList errors;
    QVERIFY(load(write(ini), {}, &p, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(key), qPrintable(errors.first()));
    QVERIFY2(errors.first().contains(value), qPrintable(errors.first()));
    // The rest of the file still counts, and the default stays for the bad key.
    QCOMPARE(p.manyExternalThreshold, 10);
    QCOMPARE(p.action(u"keyword"_s), CheckAction::Confirm);
    if (key == u"blocked_domains"_s)
        QCOMPARE(p.blockedDomains, QStringList{u"good.example"_s});
}

void TestCheckPolicy::missingFileGivesDefaults()
{
    CheckPolicy p;
    QStringList errors;
    QVERIFY(load(m_dir.filePath(u"none.ini"_s), {}, &p, &errors));
    QVERIFY(errors.isEmpty());
    QCOMPARE(p.keywords, CheckPolicy::defaultKeywords());
}

void TestCheckPolicy::everyCheckHasADefault()
{
    // The table in DESIGN.md: every check exists under its documented code.
    const QStringList expected{u"external-recipient"_s, u"first-time-recipient"_s,
                               u"first-time-domain"_s,  u"many-external-visible"_s,
                               u"blocked-domain"_s,     u"caution-domain"_s,
                               u"attachment"_s,         u"keyword"_s,
                               u"personal-data"_s,      u"envelope-header-mismatch"_s,
                               u"look-alike-domain"_s,  u"name-address-mismatch"_s,
                               u"greeting-mismatch"_s,  u"thread-new-domain"_s,
                               u"unusual-recipient"_s,  u"attachment-new-domain"_s,
                               u"sender-certificate"_s};
    QStringList codes = Review::CheckRegistry::codes();
    QCOMPARE(codes.size(), expected.size());
    for (const QString& c : expected)
        QVERIFY2(codes.contains(c), qPrintable(c));
}

// ---------------------------------------------------------------------------
// The administrator's policy as mail is judged: the hop, `check` and Settings
// read the checks from Settings::loadEffective's Config (CheckPolicy::fromConfig).

void TestCheckPolicy::loadEffectiveLockedBeatsUser_data()
{
    QTest::addColumn<bool>("withPolicy");
    QTest::newRow("policy file") << true;
    QTest::newRow("no policy file") << false;
}

void TestCheckPolicy::loadEffectiveLockedBeatsUser()
{
    QFETCH(bool, withPolicy);
    // The user tries to turn the locked keys off and sets keys the policy leaves alone.
    const QString user = write("[checks]\n"
                               "keyword=off\n"
                               "external-recipient=off\n"
                               "[policy]\n"
                               "internal_domains=home.example\n"
                               "blocked_domains=\n"
                               "keywords=top secret\n"
                               "many_external_threshold=3\n");
    const QString policyFile = withPolicy ? write("[checks]\n"
                                                  "keyword=block\n"
                                                  "[policy]\n"
                                                  "internal_domains=corp.example, *.corp.example\n"
                                                  "blocked_domains=rival.example\n")
                                          : m_dir.filePath(u"no-policy.ini"_s);
    qputenv("YUBISASHI_POLICY_FILE", policyFile.toLocal8Bit());
    const auto restore = qScopeGuard([] { qunsetenv("YUBISASHI_POLICY_FILE"); });

    // As the hop and `check` read them: the settings first, then the checks.
    Settings::Config config;
    QStringList errors;
    QVERIFY(Settings::loadEffective(user, &config, &errors, nullptr));
    const CheckPolicy p = CheckPolicy::fromConfig(config);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));

    // Unlocked keys: the user's value wins either way.
    QCOMPARE(p.action(u"external-recipient"_s), CheckAction::Off);
    QCOMPARE(p.keywords, QStringList{u"top secret"_s});
    QCOMPARE(p.manyExternalThreshold, 3);
    if (withPolicy) {
        QCOMPARE(p.action(u"keyword"_s), CheckAction::Block);
        QCOMPARE(p.blockedDomains, QStringList{u"rival.example"_s});
        QCOMPARE(p.policy.internalDomains, (QStringList{u"corp.example"_s, u"*.corp.example"_s}));
    } else {
        QCOMPARE(p.action(u"keyword"_s), CheckAction::Off);
        QVERIFY(p.blockedDomains.isEmpty());
        QCOMPARE(p.policy.internalDomains, QStringList{u"home.example"_s});
    }
    // The user's file itself still says what the user wrote.
    CheckPolicy own;
    QVERIFY(load(user, config.policy, &own, &errors));
    QCOMPARE(own.action(u"keyword"_s), CheckAction::Off);
}

QTEST_GUILESS_MAIN(TestCheckPolicy)
#include "TestCheckPolicy.moc"
