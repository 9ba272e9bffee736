// The --decide scripts every end-to-end test relies on: what each script
// parses to, the exact error for the ones that do not parse, and what the
// provider then answers to a review request.
#include "delivery/ScriptedDecisionProvider.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using Delivery::Decision;
using Delivery::ReviewRequest;
using Delivery::ScriptedDecisionProvider;

namespace {

QString parseError(const QString& script)
{
    return u"decision script \"%1\" is not one of: wait, send, send:MS, send-bcc, send-bcc:MS, "
           u"cancel:REASON, cancel:MS:REASON"_s.arg(script);
}

ReviewRequest request(const QString& id, const QStringList& bccCandidates = {})
{
    ReviewRequest r;
    r.id = id;
    r.review.bccCandidates = bccCandidates;
    return r;
}

} // namespace

class TestScriptedDecisionProvider : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void malformed_data();
    void malformed();
    void answers_data();
    void answers();
    void waitNeverAnswers();
    void unparsableScriptNeverAnswers();
    void withdrawnBeforeTheAnswer();
};

void TestScriptedDecisionProvider::parse_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("wait");
    QTest::addColumn<bool>("send"); // false: cancel
    QTest::addColumn<bool>("bcc");  // send-bcc: takes the offer to move addresses to Bcc
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("reason");

    QTest::newRow("wait") << u"wait"_s << true << false << false << 0 << QString();
    QTest::newRow("send") << u"send"_s << false << true << false << 0 << QString();
    QTest::newRow("send:0") << u"send:0"_s << false << true << false << 0 << QString();
    QTest::newRow("send:MS") << u"send:1500"_s << false << true << false << 1500 << QString();
    QTest::newRow("send-bcc") << u"send-bcc"_s << false << true << true << 0 << QString();
    QTest::newRow("send-bcc:MS") << u"send-bcc:250"_s << false << true << true << 250 << QString();
    QTest::newRow("cancel:REASON") << u"cancel:Wrong recipient"_s << false << false << false << 0
                                   << u"Wrong recipient"_s;
    QTest::newRow("cancel:MS:REASON")
        << u"cancel:1000:Not this one"_s << false << false << false << 1000 << u"Not this one"_s;
    QTest::newRow("colons in the reason") << u"cancel:2000:Meeting moved: now at 10:30"_s << false << false
                                          << false << 2000 << u"Meeting moved: now at 10:30"_s;
    QTest::newRow("colon in the reason, no delay")
        << u"cancel:See: the policy"_s << false << false << false << 0 << u"See: the policy"_s;
    // A reason that starts with a number needs the delay written out.
    QTest::newRow("reason starting with a number")
        << u"cancel:0:10:30 is too late"_s << false << false << false << 0 << u"10:30 is too late"_s;
    QTest::newRow("a number alone is the reason") << u"cancel:5"_s << false << false << false << 0 << u"5"_s;
}

void TestScriptedDecisionProvider::parse()
{
    QFETCH(QString, script);
    QFETCH(bool, wait);
    QFETCH(bool, send);
    QFETCH(bool, bcc);
    QFETCH(int, delayMs);
    QFETCH(QString, reason);

    Decision decision;
    int delay = -1;
    bool waits = !wait;
    QString error;
    QVERIFY2(ScriptedDecisionProvider::parse(script, &decision, &delay, &waits, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(waits, wait);
    QCOMPARE(delay, delayMs);
    if (wait)
        return;
    QCOMPARE(decision.kind, send ? Decision::Kind::Send : Decision::Kind::Cancel);
    QCOMPARE(decision.reason, reason);
    QCOMPARE(!decision.toBcc.isEmpty(), bcc);
}

void TestScriptedDecisionProvider::malformed_data()
{
    QTest::addColumn<QString>("script");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown verb") << u"later"_s;
    QTest::newRow("verbs are lower case") << u"Send"_s;
    QTest::newRow("wait takes no delay") << u"wait:100"_s;
    QTest::newRow("send: without a delay") << u"send:"_s;
    QTest::newRow("send:WORD") << u"send:soon"_s;
    QTest::newRow("negative delay") << u"send:-5"_s;
    QTest::newRow("delay beyond int") << u"send:99999999999"_s;
    QTest::newRow("send with two fields") << u"send:10:20"_s;
    QTest::newRow("send-bcc:WORD") << u"send-bcc:x"_s;
    QTest::newRow("send-bcc with two fields") << u"send-bcc:1:2"_s;
    QTest::newRow("cancel without a reason") << u"cancel"_s;
    QTest::newRow("cancel with a negative delay") << u"cancel:-1:x"_s;
}

void TestScriptedDecisionProvider::malformed()
{
    QFETCH(QString, script);
    Decision decision;
    int delay = 0;
    bool wait = false;
    QString error;
    QVERIFY(!ScriptedDecisionProvider::parse(script, &decision, &delay, &wait, &error));
    QCOMPARE(error, parseError(script));
}

void TestScriptedDecisionProvider::answers_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("candidates"); // addresses the review offers to move to Bcc
    QTest::addColumn<bool>("send");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("toBcc");
    QTest::addColumn<int>("delayMs");

    const QStringList offer{u"a@partner.example"_s, u"b@other.example"_s};
    QTest::newRow("send") << u"send"_s << offer << true << QString() << QStringList() << 0;
    QTest::newRow("send:MS") << u"send:300"_s << QStringList() << true << QString() << QStringList() << 300;
    QTest::newRow("send-bcc takes the offer") << u"send-bcc"_s << offer << true << QString() << offer << 0;
    QTest::newRow("send-bcc without an offer")
        << u"send-bcc:200"_s << QStringList() << true << QString() << QStringList() << 200;
    QTest::newRow("cancel") << u"cancel:Wrong: recipient"_s << offer << false << u"Wrong: recipient"_s
                            << QStringList() << 0;
    QTest::newRow("cancel:MS") << u"cancel:300:Not now"_s << QStringList() << false << u"Not now"_s
                               << QStringList() << 300;
}

void TestScriptedDecisionProvider::answers()
{
    QFETCH(QString, script);
    QFETCH(QStringList, candidates);
    QFETCH(bool, send);
    QFETCH(QString, reason);
    QFETCH(QStringList, toBcc);
    QFETCH(int, delayMs);

    ScriptedDecisionProvider provider(script);
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    QElapsedTimer clock;
    clock.start();
    provider.requestDecision(request(u"m1"_s, candidates));
    QVERIFY2(decided.isEmpty(), "the answer must come from the event loop, never inside requestDecision()");
    QVERIFY(decided.wait(10000));
    QVERIFY2(clock.elapsed() >= delayMs, qPrintable(u"answered after %1 ms"_s.arg(clock.elapsed())));
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.first().at(0).toString(), u"m1"_s);
    const auto decision = decided.first().at(1).value<Decision>();
    QCOMPARE(decision.kind, send ? Decision::Kind::Send : Decision::Kind::Cancel);
    QCOMPARE(decision.reason, reason);
    QCOMPARE(decision.toBcc, toBcc);
}

void TestScriptedDecisionProvider::waitNeverAnswers()
{
    ScriptedDecisionProvider provider(u"wait"_s);
    ScriptedDecisionProvider control(u"send:200"_s);
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    QSignalSpy controlDecided(&control, &Delivery::DecisionProvider::decided);
    provider.requestDecision(request(u"m1"_s));
    control.requestDecision(request(u"m1"_s));
    // By the time the control has answered after its delay, "wait" had every chance to.
    QVERIFY(controlDecided.wait(10000));
    QTest::qWait(100);
    QCOMPARE(decided.size(), 0);
}

void TestScriptedDecisionProvider::unparsableScriptNeverAnswers()
{
    // The app checks the script with parse() before it starts; should one get
    // through anyway, it must never send a message nobody confirmed.
    ScriptedDecisionProvider provider(u"send:soon"_s);
    ScriptedDecisionProvider control(u"send:200"_s);
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    QSignalSpy controlDecided(&control, &Delivery::DecisionProvider::decided);
    provider.requestDecision(request(u"m1"_s));
    control.requestDecision(request(u"m1"_s));
    QVERIFY(controlDecided.wait(10000));
    QTest::qWait(100);
    QCOMPARE(decided.size(), 0);
}

void TestScriptedDecisionProvider::withdrawnBeforeTheAnswer()
{
    // The client went away while the review was open: no answer for that
    // message, and the others are answered as usual.
    ScriptedDecisionProvider provider(u"send:300"_s);
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    provider.requestDecision(request(u"gone"_s));
    provider.requestDecision(request(u"kept"_s));
    provider.withdraw(u"gone"_s, u"the mail program disconnected"_s);
    QVERIFY(decided.wait(10000));
    QTest::qWait(100);
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.first().at(0).toString(), u"kept"_s);

    // A message asked about again after a withdrawal (a restart) is answered.
    provider.requestDecision(request(u"gone"_s));
    QVERIFY(decided.wait(10000));
    QCOMPARE(decided.size(), 2);
    QCOMPARE(decided.at(1).at(0).toString(), u"gone"_s);
}

QTEST_GUILESS_MAIN(TestScriptedDecisionProvider)
#include "TestScriptedDecisionProvider.moc"
