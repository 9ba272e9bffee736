#include "smime/EncryptionPolicy.h"

#include <QTest>

using Smime::EncryptionDecision;
using Smime::EncryptionPolicy;
using Smime::EncryptMode;
using Action = Smime::EncryptionDecision::Action;

class TestEncryptionPolicy : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void domains_data();
    void domains();
    void modeNames();
};

void TestEncryptionPolicy::decide_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<bool>("protectedAlready");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");

    const QStringList both{QStringLiteral("hanako@example.co.jp"), QStringLiteral("jiro@partner.example")};
    const QStringList jiro{QStringLiteral("jiro@partner.example")};
    const QStringList hanako{QStringLiteral("hanako@example.co.jp")};
    const int never = int(EncryptMode::Never), possible = int(EncryptMode::WhenPossible),
              required = int(EncryptMode::RequiredForDomains);
    QTest::newRow("never") << never << both << QStringList() << false << int(Action::DontEncrypt) << "off";
    QTest::newRow("when possible, all known")
        << possible << both << QStringList() << false << int(Action::Encrypt) << "";
    QTest::newRow("when possible, one missing")
        << possible << both << jiro << false << int(Action::DontEncrypt) << "jiro@partner.example";
    QTest::newRow("required, all known")
        << required << both << QStringList() << false << int(Action::Encrypt) << "";
    QTest::newRow("required domain, certificate missing")
        << required << both << jiro << false << int(Action::Hold)
        << "must be encrypted because it goes to jiro@partner.example, but no valid certificate is known for "
           "jiro@partner.example";
    // All or nothing: the required recipient has a certificate, another one does not.
    QTest::newRow("required domain known, other missing")
        << required << both << hanako << false << int(Action::Hold) << "hanako@example.co.jp";
    QTest::newRow("no required domain, missing")
        << required << hanako << hanako << false << int(Action::DontEncrypt) << "hanako@example.co.jp";
    QTest::newRow("already protected")
        << required << both << jiro << true << int(Action::DontEncrypt) << "already";
}

void TestEncryptionPolicy::decide()
{
    QFETCH(int, mode);
    QFETCH(QStringList, recipients);
    QFETCH(QStringList, missing);
    QFETCH(bool, protectedAlready);
    QFETCH(int, action);
    QFETCH(QString, reason);
    const EncryptionDecision d = EncryptionPolicy::decide(
        EncryptMode(mode), {QStringLiteral("*.partner.example")}, recipients, missing, protectedAlready);
    QCOMPARE(int(d.action), action);
    QVERIFY2(d.reason.contains(reason), qPrintable(d.reason));
    if (d.action == Action::Hold)
        QCOMPARE(d.missing, missing);
}

void TestEncryptionPolicy::domains_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("match");
    QTest::newRow("exact") << "a@bank.example" << true;
    QTest::newRow("case") << "a@BANK.Example" << true;
    QTest::newRow("subdomain of wildcard") << "a@x.partner.example" << true;
    QTest::newRow("wildcard base") << "a@partner.example" << true;
    QTest::newRow("subdomain of exact") << "a@x.bank.example" << false;
    QTest::newRow("suffix lookalike") << "a@evilpartner.example" << false;
    QTest::newRow("no domain") << "local" << false;
}

void TestEncryptionPolicy::domains()
{
    QFETCH(QString, address);
    QFETCH(bool, match);
    QCOMPARE(EncryptionPolicy::domainMatches(
                 address, {QStringLiteral("bank.example"), QStringLiteral(" *.partner.example")}),
             match);
}

void TestEncryptionPolicy::modeNames()
{
    for (EncryptMode m : {EncryptMode::Never, EncryptMode::WhenPossible, EncryptMode::RequiredForDomains}) {
        EncryptMode parsed = EncryptMode::Never;
        QVERIFY(EncryptionPolicy::modeFromString(EncryptionPolicy::modeName(m), &parsed));
        QCOMPARE(int(parsed), int(m));
    }
    QVERIFY(!EncryptionPolicy::modeFromString(QStringLiteral("always"), nullptr));
}

QTEST_GUILESS_MAIN(TestEncryptionPolicy)
#include "TestEncryptionPolicy.moc"
