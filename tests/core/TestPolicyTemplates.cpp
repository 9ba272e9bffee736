// The policy templates under deploy/ (written by scripts/policy-templates.py)
// against the keys the code accepts: every key in the ADMX is one a policy may
// set and every such key is in it, in both tiers; the XML is well-formed; each
// ADML has every string and presentation the ADMX names; the mobileconfig sets
// only keys the code accepts.
#include "review/checks/CheckRegistry.h"
#include "settings/AdminPolicy.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

using Settings::AdminPolicy;

namespace {

QByteArray readSource(const QString& rel)
{
    QFile f(QStringLiteral(YUBISASHI_SOURCE_DIR) + u'/' + rel);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(rel));
    return f.readAll();
}

// The keys a policy may set that a template can name.
QSet<QString> acceptedKeys()
{
    QSet<QString> keys;
    for (const QString& k : AdminPolicy::templateKeys())
        keys << k;
    for (const QString& code : Review::CheckRegistry::codes())
        keys << u"checks/"_s + code;
    return keys;
}

struct Admx
{
    QSet<QString> locked, recommended; // "group/key"
    QSet<QString> strings, presentations;
    QString error;
};

Admx readAdmx(const QByteArray& xml)
{
    Admx out;
    QXmlStreamReader r(xml);
    const QString base = u"Software\\Policies\\Yubisashi\\"_s;
    QString key;       // the current policy's registry key
    QString valueName; // the current policy's own value (yes/no policies)
    const auto add = [&out, &base](const QString& regKey, const QString& name) {
        QString rest = regKey.mid(base.size());
        QSet<QString>* tier = &out.locked;
        if (rest.startsWith(u"Recommended\\"_s)) {
            tier = &out.recommended;
            rest = rest.mid(12);
        }
        *tier << rest + u'/' + name;
    };
    const auto refs = [&out](const QString& value) {
        if (value.startsWith(u"$(string."_s))
            out.strings << value.mid(9, value.size() - 10);
        else if (value.startsWith(u"$(presentation."_s))
            out.presentations << value.mid(15, value.size() - 16);
    };
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        for (const QXmlStreamAttribute& a : r.attributes())
            refs(a.value().toString());
        if (r.name() == u"policy"_s) {
            key = r.attributes().value(u"key"_s).toString();
            if (!key.startsWith(base))
                out.error = u"a policy outside Policies\\Yubisashi: "_s + key;
            valueName = r.attributes().value(u"valueName"_s).toString();
            if (!valueName.isEmpty())
                add(key, valueName);
        } else if (r.attributes().hasAttribute(u"valueName"_s) && !key.isEmpty()) {
            add(key, r.attributes().value(u"valueName"_s).toString());
        }
    }
    if (r.hasError())
        out.error = r.errorString() + u" at line "_s + QString::number(r.lineNumber());
    return out;
}

struct Adml
{
    QSet<QString> strings, presentations;
    QString error;
};

Adml readAdml(const QByteArray& xml)
{
    Adml out;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == u"string"_s)
            out.strings << r.attributes().value(u"id"_s).toString();
        else if (r.name() == u"presentation"_s)
            out.presentations << r.attributes().value(u"id"_s).toString();
    }
    if (r.hasError())
        out.error = r.errorString() + u" at line "_s + QString::number(r.lineNumber());
    return out;
}

QStringList sorted(const QSet<QString>& s)
{
    QStringList l(s.begin(), s.end());
    l.sort();
    return l;
}

} // namespace

class TestPolicyTemplates : public QObject
{
    Q_OBJECT
private slots:
    void admxHasEveryKeyInBothTiers();
    void admlComplete_data();
    void admlComplete();
    void mobileconfigKeysAccepted();
};

void TestPolicyTemplates::admxHasEveryKeyInBothTiers()
{
    const Admx admx = readAdmx(readSource(u"deploy/windows/yubisashi.admx"_s));
    QVERIFY2(admx.error.isEmpty(), qPrintable(admx.error));
    const QSet<QString> accepted = acceptedKeys();
    QCOMPARE(sorted(admx.locked), sorted(accepted));
    QCOMPARE(sorted(admx.recommended), sorted(accepted));
    for (const QString& key : accepted)
        QVERIFY2(AdminPolicy::refusal(key).isEmpty(), qPrintable(key));
}

void TestPolicyTemplates::admlComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("en-US") << u"deploy/windows/en-US/yubisashi.adml"_s;
    QTest::newRow("ja-JP") << u"deploy/windows/ja-JP/yubisashi.adml"_s;
}

void TestPolicyTemplates::admlComplete()
{
    QFETCH(QString, file);
    const Admx admx = readAdmx(readSource(u"deploy/windows/yubisashi.admx"_s));
    const Adml adml = readAdml(readSource(file));
    QVERIFY2(adml.error.isEmpty(), qPrintable(adml.error));
    QVERIFY(!admx.strings.isEmpty());
    QCOMPARE(sorted(admx.strings - adml.strings), QStringList());
    QCOMPARE(sorted(admx.presentations - adml.presentations), QStringList());
}

// The profile's payload: a dictionary per group, and "Recommended" with the same layout.
void TestPolicyTemplates::mobileconfigKeysAccepted()
{
    QXmlStreamReader r(readSource(u"deploy/macos/yubisashi.mobileconfig"_s));
    QStringList path; // the dictionary keys down to here
    QString lastKey;
    QStringList keys;
    int depth = 0;
    int payloadDepth = -1;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == u"dict"_s) {
                ++depth;
                if (payloadDepth < 0 && depth == 2)
                    payloadDepth = depth; // the dictionary inside PayloadContent
                else if (payloadDepth > 0)
                    path << lastKey;
            } else if (r.name() == u"key"_s) {
                lastKey = r.readElementText();
            } else if (payloadDepth > 0 && depth >= payloadDepth && !lastKey.startsWith(u"Payload"_s) &&
                       r.name() != u"array"_s) {
                QStringList groups = path;
                if (!groups.isEmpty() && groups.constFirst() == u"Recommended"_s)
                    groups.removeFirst();
                keys << groups.join(u'.') + u'/' + lastKey;
            }
        } else if (r.isEndElement() && r.name() == u"dict"_s) {
            if (payloadDepth > 0 && depth > payloadDepth)
                path.removeLast();
            --depth;
        }
    }
    QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
    QVERIFY(keys.size() >= 5);
    for (const QString& key : std::as_const(keys))
        QVERIFY2(AdminPolicy::refusal(key).isEmpty(), qPrintable(key + u": "_s + AdminPolicy::refusal(key)));
}

QTEST_GUILESS_MAIN(TestPolicyTemplates)
#include "TestPolicyTemplates.moc"
