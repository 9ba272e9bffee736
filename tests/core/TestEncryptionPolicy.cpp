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
    QTest::addColumn<QStringList>("visible"); // To/Cc
    QTest::addColumn<QStringList>("hidden");  // Bcc
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<bool>("encryptedAlready");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason");

    const QStringList both{QStringLiteral("hanako@example.co.jp"), QStringLiteral("jiro@partner.example")};
    const QStringList jiro{QStringLiteral("jiro@partner.example")};
    const QStringList hanako{QStringLiteral("hanako@example.co.jp")};
    const QStringList boss{QStringLiteral("boss@example.co.jp")};
    const QStringList none;
    const int never = int(EncryptMode::Never), possible = int(EncryptMode::WhenPossible),
              required = int(EncryptMode::RequiredForDomains);
    QTest::newRow("never") << never << both << none << none << false << int(Action::DontEncrypt) << "off";
    QTest::newRow("never, Bcc") << never << both << boss << none << false << int(Action::DontEncrypt)
                                << "off";
    QTest::newRow("when possible, all known")
        << possible << both << none << none << false << int(Action::Encrypt) << "";
    QTest::newRow("when possible, one missing")
        << possible << both << none << jiro << false << int(Action::DontEncrypt) << "jiro@partner.example";
    QTest::newRow("required, all known")
        << required << both << none << none << false << int(Action::Encrypt) << "";
    QTest::newRow("required domain, certificate missing")
        << required << both << none << jiro << false << int(Action::Hold)
        << "must be encrypted because it goes to jiro@partner.example. No valid certificate is known for "
           "jiro@partner.example";
    // All or nothing: the required recipient has a certificate, another one does not.
    QTest::newRow("required domain known, other missing")
        << required << both << none << hanako << false << int(Action::Hold) << "hanako@example.co.jp";
    QTest::newRow("no required domain, missing") << required << hanako << none << hanako << false
                                                 << int(Action::DontEncrypt) << "hanako@example.co.jp";
    QTest::newRow("already encrypted")
        << required << both << boss << jiro << true << int(Action::DontEncrypt) << "already encrypted";
    // One envelope for all would name the Bcc recipient's certificate to everyone.
    QTest::newRow("when possible, Bcc")
        << possible << both << boss << none << false << int(Action::DontEncrypt)
        << "Not encrypted: it has Bcc recipients (boss@example.co.jp)";
    QTest::newRow("required for a visible recipient, Bcc")
        << required << both << boss << none << false << int(Action::Hold)
        << "goes to jiro@partner.example. It has Bcc recipients (boss@example.co.jp). Encrypted messages "
           "cannot "
           "have Bcc recipients here: the encryption would show every recipient's certificate to all. Send a "
           "separate message to the Bcc recipients.";
    QTest::newRow("required for the Bcc recipient")
        << required << hanako << jiro << none << false << int(Action::Hold)
        << "must be encrypted because it goes to jiro@partner.example. It has Bcc recipients "
           "(jiro@partner.example)";
    QTest::newRow("required, Bcc and a certificate missing")
        << required << both << boss << jiro << false << int(Action::Hold)
        << "Send a separate message to the Bcc recipients. No valid certificate is known for "
           "jiro@partner.example";
    QTest::newRow("required elsewhere, Bcc")
        << required << hanako << boss << none << false << int(Action::DontEncrypt)
        << "Bcc recipients (boss@example.co.jp)";
    QTest::newRow("only Bcc recipients, required")
        << required << none << jiro << none << false << int(Action::Hold)
        << "Bcc recipients (jiro@partner.example)";
}

void TestEncryptionPolicy::decide()
{
    QFETCH(int, mode);
    QFETCH(QStringList, visible);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, missing);
    QFETCH(bool, encryptedAlready);
    QFETCH(int, action);
    QFETCH(QString, reason);
    const EncryptionDecision d = EncryptionPolicy::decide(
        EncryptMode(mode), {QStringLiteral("*.partner.example")}, visible, hidden, missing, encryptedAlready);
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
