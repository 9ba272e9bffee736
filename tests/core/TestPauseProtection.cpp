// Pause protection against a real Dispatcher and Spool: while paused a
// message to an outside address is sent without review; once the pause runs
// out (by the clock), the next one is reviewed again. (The pause dialog's
// end times are tested in tests/ui/TestPauseDialog.cpp.)

#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Dispatcher.h"
#include "delivery/PauseProtection.h"
#include "delivery/ScriptedDecisionProvider.h"
#include "delivery/Transport.h"
#include "spool/Queue.h"
#include "store/History.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Delivery::PauseProtection;

namespace {

class DeliveringTransport : public Delivery::Transport
{
public:
    DeliveringTransport(QStringList* delivered, QObject* parent) : Transport(parent), m_delivered(delivered)
    {}
    void deliver(const Spool::Entry& entry, const QByteArray&) override
    {
        *m_delivered << entry.id;
        Smtp::SubmitResult r;
        r.kind = Smtp::SubmitResult::Kind::Delivered;
        r.dataSent = true;
        r.reply = Smtp::Reply::make(250, u"2.0.0"_s, u"OK"_s);
        QTimer::singleShot(0, this, [this, r] { emit finished(r); });
    }
    void abort() override {}

private:
    QStringList* m_delivered;
};

} // namespace

class TestPauseProtection : public QObject
{
    Q_OBJECT
private slots:
    void pausedMessagesSkipReviewUntilThePauseEnds();
    void resumeEndsThePauseAtOnce();
    void pauseInThePastDoesNothing();
    void refusedWhenTheAdministratorForbidsIt();
};

void TestPauseProtection::pausedMessagesSkipReviewUntilThePauseEnds()
{
    QTemporaryDir dir;
    Spool::Queue spool(dir.filePath(u"spool"_s));
    QString error;
    QVERIFY(spool.open(&error));
    Settings::Config config;
    config.policy.internalDomains = {u"example.co.jp"_s};
    config.policy.review = Settings::ReviewPolicy::Always;
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    Delivery::Assessor assessor(config, &history);
    Delivery::AuditRecorder audit(&history);
    Delivery::ScriptedDecisionProvider decisions(u"wait"_s);
    QStringList delivered;
    Delivery::Dispatcher dispatcher(config, &spool, &assessor, &audit, &decisions,
                                    [&delivered](const QString&, QObject* parent) {
                                        return new DeliveringTransport(&delivered, parent);
                                    });
    QSignalSpy states(&dispatcher, &Delivery::Dispatcher::stateChanged);

    QDateTime now = QDateTime::currentDateTimeUtc();
    PauseProtection pause(&dispatcher);
    pause.setClock([&now] { return now; });
    pause.setCheckInterval(20);
    QSignalSpy changed(&pause, &PauseProtection::changed);
    QSignalSpy expired(&pause, &PauseProtection::expired);
    pause.pauseUntil(now.addSecs(15 * 60));
    QVERIFY(pause.isPaused());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), true);

    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"client@partner.jp"_s};
    const QByteArray content = "From: taro@example.co.jp\r\nTo: client@partner.jp\r\nSubject: x\r\n\r\nx\r\n";
    dispatcher.submit(env, content, u"work"_s, nullptr);
    QTRY_COMPARE(delivered.size(), 1); // no review: "wait" would have kept it forever
    for (const QList<QVariant>& s : std::as_const(states))
        QVERIFY(s.at(0).value<Spool::Entry>().state != Spool::State::Reviewing);

    // The clock passes the end: protection comes back by itself.
    now = now.addSecs(16 * 60);
    QTRY_VERIFY(!pause.isPaused());
    QCOMPARE(expired.size(), 1);
    QCOMPARE(changed.constLast().at(0).toBool(), false);
    states.clear();
    dispatcher.submit(env, content, u"work"_s, nullptr);
    QTRY_VERIFY(!states.isEmpty());
    QCOMPARE(states.constLast().at(0).value<Spool::Entry>().state, Spool::State::Reviewing);
    QCOMPARE(delivered.size(), 1);
}

void TestPauseProtection::resumeEndsThePauseAtOnce()
{
    QTemporaryDir dir;
    Spool::Queue spool(dir.filePath(u"spool"_s));
    QString error;
    QVERIFY(spool.open(&error));
    Settings::Config config;
    config.policy.review = Settings::ReviewPolicy::Always;
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    Delivery::Assessor assessor(config, &history);
    Delivery::AuditRecorder audit(&history);
    Delivery::ScriptedDecisionProvider decisions(u"wait"_s);
    QStringList delivered;
    Delivery::Dispatcher dispatcher(config, &spool, &assessor, &audit, &decisions,
                                    [&delivered](const QString&, QObject* parent) {
                                        return new DeliveringTransport(&delivered, parent);
                                    });
    PauseProtection pause(&dispatcher);
    QSignalSpy expired(&pause, &PauseProtection::expired);
    pause.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(3600));
    pause.resume();
    QVERIFY(!pause.isPaused());
    QVERIFY(!pause.until().isValid());
    QCOMPARE(expired.size(), 0); // ended by the person, not by time

    QSignalSpy states(&dispatcher, &Delivery::Dispatcher::stateChanged);
    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"client@partner.jp"_s};
    dispatcher.submit(env, "Subject: x\r\n\r\nx\r\n", u"work"_s, nullptr);
    QTRY_VERIFY(!states.isEmpty());
    QCOMPARE(states.constLast().at(0).value<Spool::Entry>().state, Spool::State::Reviewing);
    QVERIFY(delivered.isEmpty());
}

void TestPauseProtection::pauseInThePastDoesNothing()
{
    QTemporaryDir dir;
    Spool::Queue spool(dir.filePath(u"spool"_s));
    Settings::Config config;
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    Delivery::Assessor assessor(config, &history);
    Delivery::AuditRecorder audit(&history);
    Delivery::ScriptedDecisionProvider decisions(u"wait"_s);
    Delivery::Dispatcher dispatcher(config, &spool, &assessor, &audit, &decisions,
                                    [](const QString&, QObject*) -> Delivery::Transport* { return nullptr; });
    PauseProtection pause(&dispatcher);
    pause.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(-1));
    QVERIFY(!pause.isPaused());
}

// The administrator's policy locks the review and does not allow pausing: the
// menu entry is greyed out, and the rule holds for every other way in too.
void TestPauseProtection::refusedWhenTheAdministratorForbidsIt()
{
    QTemporaryDir dir;
    Spool::Queue spool(dir.filePath(u"spool"_s));
    QString error;
    QVERIFY(spool.open(&error));
    Settings::Config config;
    config.policy.review = Settings::ReviewPolicy::Always;
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    Delivery::Assessor assessor(config, &history);
    Delivery::AuditRecorder audit(&history);
    Delivery::ScriptedDecisionProvider decisions(u"wait"_s);
    QStringList delivered;
    Delivery::Dispatcher dispatcher(config, &spool, &assessor, &audit, &decisions,
                                    [&delivered](const QString&, QObject* parent) {
                                        return new DeliveringTransport(&delivered, parent);
                                    });
    PauseProtection pause(&dispatcher);
    QSignalSpy changed(&pause, &PauseProtection::changed);

    // Forbidding it ends a pause that is on.
    QVERIFY(pause.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(900)));
    pause.setAllowed(false);
    QVERIFY(!pause.isAllowed());
    QVERIFY(!pause.isPaused());
    QCOMPARE(changed.size(), 2);

    QVERIFY(!pause.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(900)));
    QVERIFY(!pause.isPaused());
    QCOMPARE(changed.size(), 2);

    // Messages are still reviewed.
    QSignalSpy states(&dispatcher, &Delivery::Dispatcher::stateChanged);
    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"client@partner.jp"_s};
    dispatcher.submit(env, "Subject: x\r\n\r\nx\r\n", u"work"_s, nullptr);
    QTRY_VERIFY(!states.isEmpty() &&
                states.constLast().at(0).value<Spool::Entry>().state == Spool::State::Reviewing);
    QVERIFY(delivered.isEmpty());

    pause.setAllowed(true);
    QVERIFY(pause.pauseUntil(QDateTime::currentDateTimeUtc().addSecs(900)));
}

QTEST_MAIN(TestPauseProtection)
#include "TestPauseProtection.moc"
