// Registry exports (.reg) of the policy key: what Group Policy writes reads
// back as the same policy as the INI file (round trip with deploy/).
#include "settings/AdminPolicy.h"
#include "settings/IniPolicySource.h"
#include "settings/RegPolicyFile.h"
#include "settings/Validation.h"

#include <QFile>
#include <QStringDecoder>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::AdminPolicy;
using Settings::PolicyEntry;
using Settings::PolicyTier;
using Settings::RegPolicyFile;

namespace {

// A value as the rules read it: yes/no as a word, lists as their items.
QString normal(const QString& key, const QVariant& v)
{
    const QString spec = key.startsWith(u"accounts/"_s) ? u"account.x/"_s + key.mid(9) : key;
    const QString text =
        v.userType() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString().trimmed();
    if (Settings::Validation::spec(spec)->type == Settings::Validation::Type::Boolean)
        return *Settings::Validation::parseBoolean(text) ? u"true"_s : u"false"_s;
    QStringList parts;
    for (const QString& p : text.split(u','))
        parts << p.trimmed();
    return parts.join(u',');
}

QMap<QString, QString> flatten(const AdminPolicy& p)
{
    QMap<QString, QString> out;
    for (const QString& k : p.lockedKeys())
        out.insert(u"locked "_s + k, normal(k, p.value(k)));
    for (const QString& k : p.recommendedKeys())
        out.insert(u"recommended "_s + k, normal(k, p.recommendedValue(k)));
    return out;
}

QString readUtf16(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QByteArray data = f.readAll();
    if (!data.startsWith("\xFF\xFE"))
        qFatal("%s is not UTF-16LE with a byte-order mark", qPrintable(path));
    QStringDecoder d(QStringDecoder::Utf16LE);
    return QString(d.decode(data.mid(2))).remove(u'\r');
}

PolicyEntry entry(const QString& key, const QVariant& value, PolicyTier tier)
{
    PolicyEntry e;
    e.key = key;
    e.value = value;
    e.tier = tier;
    return e;
}

} // namespace

class TestRegPolicyFile : public QObject
{
    Q_OBJECT
private slots:
    void sampleMatchesIni();
    void writeThenParse();
    void machineWinsOverUser();
    void generalAtTheTop();
};

void TestRegPolicyFile::sampleMatchesIni()
{
    const QString root = QStringLiteral(YUBISASHI_SOURCE_DIR);
    QStringList errors;
    const QList<PolicyEntry> reg = RegPolicyFile::parse(
        readUtf16(root + u"/deploy/windows/yubisashi-sample.reg"_s), u"sample.reg"_s, &errors);
    const AdminPolicy fromReg = AdminPolicy::fromEntries(reg, u"sample.reg"_s, QString(), &errors);
    const AdminPolicy fromIni = AdminPolicy::load(root + u"/deploy/linux/policy.ini"_s, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(!fromReg.lockedKeys().isEmpty() && !fromReg.recommendedKeys().isEmpty());
    QCOMPARE(flatten(fromReg), flatten(fromIni));
}

void TestRegPolicyFile::writeThenParse()
{
    const QList<PolicyEntry> entries{
        entry(u"policy/internal_domains"_s, u"example.co.jp, *.example.co.jp"_s, PolicyTier::Locked),
        entry(u"policy/keywords"_s, u"社外秘, \"quoted\", back\\slash"_s, PolicyTier::Locked),
        entry(u"general/language"_s, u"ja"_s, PolicyTier::Recommended),
        entry(u"accounts/oauth_client_id"_s, u"abc"_s, PolicyTier::Locked),
        entry(u"checks/look-alike-domain"_s, u"block"_s, PolicyTier::Recommended),
    };
    QStringList errors;
    const QList<PolicyEntry> back =
        RegPolicyFile::parse(RegPolicyFile::write(entries).remove(u'\r'), u"x.reg"_s, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(back.size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(back.at(i).key, entries.at(i).key);
        QCOMPARE(back.at(i).value.toString(), entries.at(i).value.toString());
        QCOMPARE(back.at(i).tier, entries.at(i).tier);
        QVERIFY(back.at(i).line > 0);
    }
}

void TestRegPolicyFile::machineWinsOverUser()
{
    const QString text =
        u"Windows Registry Editor Version 5.00\n\n"
        "[HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Yubisashi\\listener]\n\"port\"=dword:00000019\n\n"
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\listener]\n\"port\"=dword:0000024b\n"_s;
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::fromEntries(RegPolicyFile::parse(text, u"x.reg"_s, &errors),
                                                        u"x.reg"_s, QString(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(policy.value(u"listener/port"_s).toString(), u"587"_s);
}

void TestRegPolicyFile::generalAtTheTop()
{
    // Values of the Yubisashi key itself are [general]'s, as QSettings' top level is.
    const QString text =
        u"REGEDIT4\n\n[HKLM\\SOFTWARE\\Policies\\Yubisashi]\n\"language\"=\"ja\"\n@=\"ignored\"\n\n"
        "[HKLM\\SOFTWARE\\Policies\\Yubisashi\\Recommended]\n\"start_at_login\"=dword:1\n"_s;
    QStringList errors;
    const AdminPolicy policy = AdminPolicy::fromEntries(RegPolicyFile::parse(text, u"x.reg"_s, &errors),
                                                        u"x.reg"_s, QString(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(policy.lockedKeys(), QStringList{u"general/language"_s});
    QCOMPARE(policy.recommendedKeys(), QStringList{u"general/start_at_login"_s});
}

QTEST_GUILESS_MAIN(TestRegPolicyFile)
#include "TestRegPolicyFile.moc"
