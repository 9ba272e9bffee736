#include "SmimeTestSupport.h"
#include "smime/Identity.h"
#include "smime/SigningPolicy.h"

#include <QTest>

using Smime::Identity;
using Smime::SigningDecision;
using Smime::SigningPolicy;
using Smime::SignMode;
using Action = Smime::SigningDecision::Action;
using namespace SmimeTest;

class TestSigningPolicy : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void modeNames();
};

void TestSigningPolicy::decide_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("external");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("p12"); // empty: no certificate set up
    QTest::addColumn<bool>("protectedAlready");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reason"); // a part of the message the person reads

    const QString taro = QStringLiteral("taro@example.co.jp");
    const int always = int(SignMode::Always), external = int(SignMode::External),
              never = int(SignMode::Never);
    QTest::newRow("always, internal")
        << always << false << taro << "taro-rsa-aes.p12" << false << int(Action::Sign) << "";
    QTest::newRow("external, external")
        << external << true << taro << "taro-ec.p12" << false << int(Action::Sign) << "";
    QTest::newRow("external, internal only")
        << external << false << taro << "taro-rsa-aes.p12" << false << int(Action::DontSign) << "internal";
    QTest::newRow("never") << never << true << taro << "expired.p12" << false << int(Action::DontSign)
                           << "off";
    QTest::newRow("From in other case") << always << true << "Taro@EXAMPLE.co.jp"
                                        << "taro-ec.p12" << false << int(Action::Sign) << "";
    QTest::newRow("already signed") << always << true << taro << "expired.p12" << true
                                    << int(Action::DontSign) << "already signed";
    QTest::newRow("no certificate") << always << true << taro << "" << false << int(Action::Refuse)
                                    << "no certificate is set up";
    QTest::newRow("expired") << always << true << taro << "expired.p12" << false << int(Action::Refuse)
                             << "Your certificate expired on";
    QTest::newRow("not yet valid") << external << true << taro << "future.p12" << false << int(Action::Refuse)
                                   << "Your certificate is valid only from";
    QTest::newRow("no emailProtection")
        << always << true << taro << "noeku.p12" << false << int(Action::Refuse) << "not meant for e-mail";
    QTest::newRow("another address") << always << true << "hanako@example.co.jp"
                                     << "taro-rsa-aes.p12" << false << int(Action::Refuse)
                                     << "belongs to taro@example.co.jp, but this message is sent from "
                                        "hanako@example.co.jp";
}

void TestSigningPolicy::decide()
{
    QFETCH(int, mode);
    QFETCH(bool, external);
    QFETCH(QString, from);
    QFETCH(QString, p12);
    QFETCH(bool, protectedAlready);
    QFETCH(int, action);
    QFETCH(QString, reason);
    std::optional<Identity> id;
    if (!p12.isEmpty()) {
        id = Identity::load(pki(p12.toLatin1().constData()), QStringLiteral("test-pass"));
        QVERIFY(id);
    }
    const SigningDecision d =
        SigningPolicy::decide(SignMode(mode), external, from, id ? &*id : nullptr, protectedAlready);
    QCOMPARE(int(d.action), action);
    QVERIFY2(d.reason.contains(reason), qPrintable(d.reason));
    QCOMPARE(d.reason.isEmpty(), d.action == Action::Sign);
}

void TestSigningPolicy::modeNames()
{
    for (SignMode m : {SignMode::Always, SignMode::External, SignMode::Never}) {
        SignMode parsed = SignMode::Never;
        QVERIFY(SigningPolicy::modeFromString(SigningPolicy::modeName(m), &parsed));
        QCOMPARE(int(parsed), int(m));
    }
    SignMode untouched = SignMode::External;
    QVERIFY(SigningPolicy::modeFromString(QStringLiteral(" Always "), &untouched));
    QVERIFY(!SigningPolicy::modeFromString(QStringLiteral("sometimes"), &untouched));
    QCOMPARE(int(untouched), int(SignMode::Always));
}

QTEST_GUILESS_MAIN(TestSigningPolicy)
#include "TestSigningPolicy.moc"
