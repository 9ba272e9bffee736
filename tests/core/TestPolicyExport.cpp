// Settings::PolicyExport: what `yubisashi admin` saves is read back the same
// by each system's reader: policy.ini by AdminPolicy::load and `admin --check`,
// the .reg by RegPolicyFile (what PolicySource_win reads from the registry),
// the .mobileconfig by xmllint and Python's plistlib, its payload laid out as
// PolicySource_mac.cpp collects it.
#include "settings/AdminPolicy.h"
#include "settings/PolicyCheck.h"
#include "settings/PolicyExport.h"
#include "settings/RegPolicyFile.h"
#include "settings/Validation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::AdminPolicy;
using Settings::PolicyEntry;
using Settings::PolicyExport;
using Settings::PolicyTier;

namespace {

PolicyEntry entry(const QString& key, const QVariant& value, PolicyTier tier)
{
    PolicyEntry e;
    e.key = key;
    e.value = value;
    e.tier = tier;
    return e;
}

// Locked and recommended keys, lists, Japanese text, [accounts], [checks],
// numbers and yes/no, and text with the characters each format escapes.
QList<PolicyEntry> samplePolicy()
{
    const PolicyTier L = PolicyTier::Locked;
    const PolicyTier R = PolicyTier::Recommended;
    return {
        entry(u"policy/internal_domains"_s, QStringList{u"example.co.jp"_s, u"*.example.co.jp"_s}, L),
        entry(u"policy/review"_s, u"always"_s, L),
        entry(u"policy/allow_pause"_s, u"false"_s, L),
        entry(u"policy/keywords"_s, u"社外秘, 機密, confidential"_s, R),
        entry(u"policy/same_organisation"_s, u"example.co.jp example.com, acme.co.jp acme.com"_s, L),
        entry(u"listener/port"_s, u"10588"_s, L),
        entry(u"listener/require_auth"_s, u"true"_s, R),
        entry(u"general/language"_s, u"ja"_s, R),
        entry(u"delivery/countdown_seconds"_s, u"5"_s, R),
        entry(u"delivery/test_mode_folder"_s, u"/srv/テスト; \"保存\" #1 \\ = x &<R&D>"_s, L),
        entry(u"accounts/oauth_client_id"_s, u"00000000-0000-0000-0000-000000000000"_s, L),
        entry(u"accounts/oauth_tenant"_s, u"example.onmicrosoft.com"_s, R),
        entry(u"accounts/oauth_scopes"_s, u"https://outlook.office.com/SMTP.Send offline_access"_s, L),
        entry(u"accounts/user"_s, u"山田 太郎, 営業部"_s, R),
        entry(u"checks/sender-certificate"_s, u"block"_s, L),
        entry(u"checks/first-time-recipient"_s, u"confirm"_s, R),
    };
}

QString specKey(const QString& key)
{
    return key.startsWith(u"accounts/"_s) ? u"account.any/"_s + key.mid(9) : key;
}

// A value as Yubisashi understands it, whichever way a format spells it
// (a list or text with commas, yes/no or 1/0, a number as text).
QString meaning(const QString& key, const QVariant& value)
{
    const QString text = PolicyExport::text(value);
    const auto spec = Settings::Validation::spec(specKey(key));
    using T = Settings::Validation::Type;
    if (spec && (spec->type == T::DomainList || spec->type == T::TextList || spec->type == T::AddressList ||
                 spec->type == T::ExtensionList || spec->type == T::DomainGroups)) {
        QStringList items =
            value.userType() == QMetaType::QStringList ? value.toStringList() : text.split(u',');
        for (QString& i : items)
            i = i.trimmed();
        return items.join(u'|');
    }
    if (spec && spec->type == T::Boolean)
        return Settings::Validation::parseBoolean(text).value_or(false) ? u"true"_s : u"false"_s;
    return text;
}

QStringList keysOf(const QList<PolicyEntry>& entries, PolicyTier tier)
{
    QStringList keys;
    for (const PolicyEntry& e : entries) {
        if (e.tier == tier)
            keys << e.key;
    }
    keys.sort();
    return keys;
}

QString writeFile(const QString& path, const QByteArray& data)
{
    QString error;
    if (!PolicyExport::save(data, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

} // namespace

class TestPolicyExport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void iniRoundTrip();
    void regRoundTrip();
    void regIsRegeditsFormat();
    void mobileconfigWellFormed();
    void saveReplacesWhole();

private:
    // Every entry of samplePolicy() is in policy with its tier and meaning.
    void compareWithSample(const AdminPolicy& policy);
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestPolicyExport::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestPolicyExport::compareWithSample(const AdminPolicy& policy)
{
    const QList<PolicyEntry> sample = samplePolicy();
    QCOMPARE(policy.lockedKeys(), keysOf(sample, PolicyTier::Locked));
    QCOMPARE(policy.recommendedKeys(), keysOf(sample, PolicyTier::Recommended));
    for (const PolicyEntry& e : sample) {
        const QVariant got =
            e.tier == PolicyTier::Locked ? policy.value(e.key) : policy.recommendedValue(e.key);
        QCOMPARE(meaning(e.key, got), meaning(e.key, e.value));
    }
}

void TestPolicyExport::iniRoundTrip()
{
    const QString path = writeFile(m_tmp->filePath(u"policy.ini"_s), PolicyExport::ini(samplePolicy()));
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::load(path, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    compareWithSample(policy);

    const Settings::PolicyCheck::Result check = Settings::PolicyCheck::checkFile(path);
    QVERIFY2(check.valid, qPrintable(check.problems.join(u'\n')));
    QCOMPARE(check.locked, int(keysOf(samplePolicy(), PolicyTier::Locked).size()));
    QCOMPARE(check.recommended, int(keysOf(samplePolicy(), PolicyTier::Recommended).size()));
}

void TestPolicyExport::regRoundTrip()
{
    const QString path = writeFile(m_tmp->filePath(u"policy.reg"_s), PolicyExport::reg(samplePolicy()));
    QStringList problems;
    QString base;
    bool readable = false;
    const QList<PolicyEntry> entries = Settings::PolicyCheck::readEntries(path, &problems, &base, &readable);
    QVERIFY(readable);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::fromEntries(entries, path, QString(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    compareWithSample(policy);

    const Settings::PolicyCheck::Result check = Settings::PolicyCheck::checkFile(path);
    QVERIFY2(check.valid, qPrintable(check.problems.join(u'\n')));
    QCOMPARE(check.locked, int(keysOf(samplePolicy(), PolicyTier::Locked).size()));
    QCOMPARE(check.recommended, int(keysOf(samplePolicy(), PolicyTier::Recommended).size()));
}

// What PolicySource_win reads: GROUP and Recommended\GROUP under the
// Policies key of HKLM, numbers and yes/no as REG_DWORD, as regedit writes it.
void TestPolicyExport::regIsRegeditsFormat()
{
    const QByteArray data = PolicyExport::reg(samplePolicy());
    QVERIFY(data.startsWith("\xFF\xFE"));
    QStringDecoder decoder(QStringDecoder::Utf16LE);
    const QString text = decoder.decode(data.mid(2));
    QVERIFY(!decoder.hasError());
    QVERIFY(text.startsWith(u"Windows Registry Editor Version 5.00\r\n"_s));
    QVERIFY(!text.contains(QRegularExpression(u"[^\r]\n"_s)));
    QVERIFY(text.contains(u"\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\policy]\r\n"_s));
    QVERIFY(
        text.contains(u"\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\Recommended\\policy]\r\n"_s));
    QVERIFY(text.contains(u"\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\accounts]\r\n"_s));
    QVERIFY(text.contains(u"\r\n\"port\"=dword:0000295c\r\n"_s));
    QVERIFY(text.contains(u"\r\n\"allow_pause\"=dword:00000000\r\n"_s));
    QVERIFY(text.contains(u"\"keywords\"=\"社外秘, 機密, confidential\""_s));
    QVERIFY(text.contains(u"\"test_mode_folder\"=\"/srv/テスト; \\\"保存\\\" #1 \\\\ = x &<R&D>\""_s));
}

// A configuration profile macOS installs: well-formed XML, a property list,
// and its payload holds every entry where PolicySource_mac looks for it.
void TestPolicyExport::mobileconfigWellFormed()
{
    const QString path =
        writeFile(m_tmp->filePath(u"policy.mobileconfig"_s), PolicyExport::mobileconfig(samplePolicy()));
    QProcess xmllint;
    xmllint.start(u"xmllint"_s, {u"--noout"_s, path});
    QVERIFY(xmllint.waitForFinished(60000));
    QVERIFY2(xmllint.exitStatus() == QProcess::NormalExit && xmllint.exitCode() == 0,
             xmllint.readAllStandardError().constData());

    // plistlib reads it as macOS would; the payload is handed back as JSON.
    const QString script =
        u"import json, plistlib, sys\n"
        "with open(sys.argv[1], 'rb') as f:\n"
        "    profile = plistlib.load(f)\n"
        "assert profile['PayloadType'] == 'Configuration'\n"
        "payload = profile['PayloadContent'][0]\n"
        "assert payload['PayloadType'] == 'org.yubisashi.Yubisashi'\n"
        "print(json.dumps({k: v for k, v in payload.items() if not k.startswith('Payload')}))\n"_s;
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s, script, path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             python.readAllStandardError().constData());
    const QJsonObject payload = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QVERIFY(!payload.isEmpty());

    // Dictionaries become "group/key" as PolicySource_mac's collect() names them.
    QList<PolicyEntry> entries;
    std::function<void(const QJsonObject&, const QString&)> collect = [&](const QJsonObject& o,
                                                                          const QString& prefix) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isObject()) {
                collect(it.value().toObject(), prefix + it.key() + u'/');
                continue;
            }
            const QJsonValue v = it.value();
            const QVariant value = v.isBool()     ? QVariant(v.toBool() ? u"true"_s : u"false"_s)
                                   : v.isDouble() ? QVariant(QString::number(qint64(v.toDouble())))
                                                  : QVariant(v.toString());
            entries << Settings::PolicySource::entryFor(prefix + it.key(), value);
        }
    };
    collect(payload, QString());
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::fromEntries(entries, path, QString(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    compareWithSample(policy);
    // Numbers and yes/no are typed, as a profile editor writes them.
    QVERIFY(payload.value(u"listener"_s).toObject().value(u"port"_s).isDouble());
    QVERIFY(payload.value(u"policy"_s).toObject().value(u"allow_pause"_s).isBool());
}

void TestPolicyExport::saveReplacesWhole()
{
    const QString path = m_tmp->filePath(u"policy.ini"_s);
    writeFile(path, QByteArray(5000, 'x'));
    writeFile(path, PolicyExport::ini(samplePolicy()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), PolicyExport::ini(samplePolicy()));
    QString error;
    QVERIFY(!PolicyExport::save("x", m_tmp->filePath(u"no/such/folder/policy.ini"_s), &error));
    QVERIFY(error.contains(u"could not be written"_s));
}

QTEST_GUILESS_MAIN(TestPolicyExport)
#include "TestPolicyExport.moc"
