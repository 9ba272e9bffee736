#include "SmimeTestSupport.h"
#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Dispatcher.h"
#include "delivery/ScriptedDecisionProvider.h"
#include "delivery/Transport.h"
#include "mail/DomainNames.h"
#include "settings/SecretStore.h"
#include "smtp/SmtpServer.h"
#include "spool/Queue.h"
#include "store/History.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Kind = Smtp::SubmitResult::Kind;

namespace {

// The seam to the upstream: answers deliveries from a script of results and
// records what it was given. Everything else in these tests is real.
class ScriptedTransport : public Delivery::Transport
{
public:
    struct Shared
    {
        QList<Smtp::SubmitResult> results; // consumed in order; empty = delivered
        QStringList delivered;             // ids handed to deliver()
        QList<QByteArray> contents;
        QList<QStringList> rcpts; // the envelope recipients of each attempt
        int aborts = 0;
        int delayMs = 0;
        std::function<void()> onDeliver; // called as each attempt starts
    };
    ScriptedTransport(Shared* shared, QObject* parent) : Transport(parent), m_shared(shared) {}
    void deliver(const Spool::Entry& entry, const QByteArray& content) override
    {
        m_shared->delivered << entry.id;
        m_shared->contents << content;
        m_shared->rcpts << entry.envelope.recipients;
        if (m_shared->onDeliver)
            m_shared->onDeliver();
        Smtp::SubmitResult r;
        if (!m_shared->results.isEmpty()) {
            r = m_shared->results.takeFirst();
        } else {
            r.kind = Kind::Delivered;
            r.dataSent = true;
            r.reply = Smtp::Reply::make(250, u"2.0.0"_s, u"OK queued as 12345"_s);
        }
        m_pending = true;
        QTimer::singleShot(m_shared->delayMs, this, [this, r] {
            if (m_pending) {
                m_pending = false;
                emit finished(r);
            }
        });
    }
    void abort() override
    {
        ++m_shared->aborts;
        if (m_pending) {
            m_pending = false;
            Smtp::SubmitResult r;
            r.kind = Kind::Temporary;
            r.detail = u"cancelled"_s;
            emit finished(r);
        }
    }

private:
    Shared* m_shared;
    bool m_pending = false;
};

Smtp::SubmitResult result(Kind kind, int code, const QString& enhanced, const QString& text)
{
    Smtp::SubmitResult r;
    r.kind = kind;
    r.reply = Smtp::Reply::make(code, enhanced, text);
    r.detail = text;
    return r;
}

// The person at the review window, answering with a decision given by the test
// (the scripted provider does not replace recipients).
class FixedDecisionProvider : public Delivery::DecisionProvider
{
public:
    FixedDecisionProvider(const Delivery::Decision& decision, QObject* parent)
        : DecisionProvider(parent), m_decision(decision)
    {}
    void requestDecision(const Delivery::ReviewRequest& request) override
    {
        const QString id = request.id;
        QTimer::singleShot(0, this, [this, id] { emit decided(id, m_decision); });
    }
    void withdraw(const QString&, const QString&) override {}

private:
    Delivery::Decision m_decision;
};

} // namespace

class TestDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void passPathDeliversAndAnswersWithUpstreamReply();
    void allInternalSkipsReview();
    void reviewConfirmedWithinBudget();
    void reviewCancelledWithinBudget();
    void budgetExpiryQueuesThenHonoursLaterDecision_data();
    void budgetExpiryQueuesThenHonoursLaterDecision();
    void zeroBudgetAlwaysQueues();
    void temporaryFailureQueuesAndRetries();
    void permanentFailureWhileClientWaits();
    void permanentFailureAfterClientLeftIsKeptAsFailed();
    void configurationProblemTellsWaitingClient();
    void clientGoneDuringReviewDropsMessage();
    void clientGoneDuringDeliveryAbortsIt();
    void resumeDeliversApprovedAndReAsksReviewing();
    void spoolFailureAnswers451();
    void clientGoneWhileStoringDropsMessage();
    void shutdownLeavesWaitingMessagesWithTheirClients();
    void visibleExternalMovedToBccWhenChosen_data();
    void visibleExternalMovedToBccWhenChosen();
    void policyMovesToBccWithoutReview();

    // Parsed and reviewed once (issue 10, the hop)
    void assessedOnceUnlessTheBytesChange_data();
    void assessedOnceUnlessTheBytesChange();
    void resumedApprovedAssessedOnceBeforeDeliveryAndRecordedAfter();
    void resumedApprovedRefusedIsRecorded();

    // Promises after the 250 (issue "Tests that fail when a promise breaks")
    void certificateReplacedByExpiredOneHoldsQueuedMessage();
    void certificateExpiringWhileQueuedHoldsMessage();
    void retryingGivesUpAfterGiveUpHours_data();
    void retryingGivesUpAfterGiveUpHours();

    void sentContentPurgedWhileRunning();
    void configurationProblemWaitsForTheUser_data();
    void configurationProblemWaitsForTheUser();
    void replacedRecipientInHeaderAndEnvelope_data();
    void replacedRecipientInHeaderAndEnvelope();
    void replacementThatCannotBeMadeHoldsMessage_data();
    void replacementThatCannotBeMadeHoldsMessage();
    void replacedThenMovedToBcc();

private:
    Delivery::Dispatcher* make(const QString& script);
    Delivery::Dispatcher* make(const Delivery::Decision& decision);
    Smtp::Envelope envelope(const QStringList& rcpts) const;
    Smtp::PendingReply* newReply();
    Smtp::Reply waitForAnswer(Smtp::PendingReply* reply, int timeoutMs = 5000);
    QList<Spool::Entry> spoolEntries();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool::Queue> m_spool;
    Settings::Config m_config;
    ScriptedTransport::Shared m_transport;
    QObject* m_owner = nullptr;
    std::unique_ptr<Store::History> m_history;
    std::unique_ptr<Delivery::Assessor> m_assessor;
    std::unique_ptr<Delivery::AuditRecorder> m_audit;
    QHash<Smtp::PendingReply*, QSignalSpy*> m_spies;
};

void TestDispatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = std::make_unique<Spool::Queue>(m_dir->filePath(u"spool"_s));
    QString error;
    QVERIFY2(m_spool->open(&error), qPrintable(error));
    m_config = Settings::Config();
    m_config.policy.internalDomains = {u"example.co.jp"_s};
    m_config.policy.review = Settings::ReviewPolicy::External;
    m_config.delivery.clientWaitSeconds = 5;
    m_config.delivery.retryInitialSeconds = 1;
    m_config.delivery.retryMaxSeconds = 1;
    m_transport = ScriptedTransport::Shared();
    m_owner = new QObject;
}

void TestDispatcher::cleanup()
{
    qDeleteAll(m_spies);
    m_spies.clear();
    delete m_owner;
    m_owner = nullptr;
    m_audit.reset();
    m_assessor.reset();
    m_history.reset();
    m_spool.reset();
    m_dir.reset();
}

Delivery::Dispatcher* TestDispatcher::make(const QString& script)
{
    auto* decisions = new Delivery::ScriptedDecisionProvider(script, m_owner);
    ScriptedTransport::Shared* shared = &m_transport;
    m_history = std::make_unique<Store::History>(u":memory:"_s);
    m_history->open();
    m_assessor = std::make_unique<Delivery::Assessor>(m_config, m_history.get());
    m_audit = std::make_unique<Delivery::AuditRecorder>(m_history.get());
    return new Delivery::Dispatcher(
        m_config, m_spool.get(), m_assessor.get(), m_audit.get(), decisions,
        [shared](const QString&, QObject* parent) { return new ScriptedTransport(shared, parent); }, m_owner);
}

Delivery::Dispatcher* TestDispatcher::make(const Delivery::Decision& decision)
{
    Delivery::Dispatcher* d = make(u"wait"_s);
    auto* decisions = new FixedDecisionProvider(decision, m_owner);
    // The same dispatcher, answered by this provider instead.
    delete d;
    ScriptedTransport::Shared* shared = &m_transport;
    return new Delivery::Dispatcher(
        m_config, m_spool.get(), m_assessor.get(), m_audit.get(), decisions,
        [shared](const QString&, QObject* parent) { return new ScriptedTransport(shared, parent); }, m_owner);
}

Smtp::Envelope TestDispatcher::envelope(const QStringList& rcpts) const
{
    Smtp::Envelope e;
    e.mailFrom = u"taro@example.co.jp"_s;
    e.recipients = rcpts;
    return e;
}

// A reply seam with its spy attached before submit(), so answers given
// synchronously inside submit() (a spool failure, a zero budget) are seen too.
Smtp::PendingReply* TestDispatcher::newReply()
{
    auto* reply = new Smtp::PendingReply(m_owner);
    m_spies.insert(reply, new QSignalSpy(reply, &Smtp::PendingReply::answered));
    return reply;
}

Smtp::Reply TestDispatcher::waitForAnswer(Smtp::PendingReply* reply, int timeoutMs)
{
    QSignalSpy* spy = m_spies.value(reply);
    if (!spy)
        return {};
    if (spy->isEmpty())
        spy->wait(timeoutMs);
    if (spy->isEmpty())
        return {};
    return spy->constFirst().constFirst().value<Smtp::Reply>();
}

QList<Spool::Entry> TestDispatcher::spoolEntries()
{
    QStringList quarantined;
    const QList<Spool::Entry> entries = m_spool->load(&quarantined);
    if (!quarantined.isEmpty())
        qWarning() << quarantined;
    return entries;
}

static const QByteArray kMessage =
    "From: taro@example.co.jp\r\nTo: partner@other.jp\r\nSubject: hi\r\n\r\nBody\r\n";

void TestDispatcher::passPathDeliversAndAnswersWithUpstreamReply()
{
    m_config.policy.review = Settings::ReviewPolicy::Never;
    auto* d = make(u"wait"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 250);
    QVERIFY2(r.text.contains(u"OK queued as 12345"_s), qPrintable(r.text));
    QCOMPARE(m_transport.delivered.size(), 1);
    QCOMPARE(m_transport.contents.constFirst(), kMessage);
    const auto entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().state, Spool::State::Sent);
}

void TestDispatcher::allInternalSkipsReview()
{
    auto* d = make(u"wait"_s); // nobody answers reviews: only a pass can deliver
    auto* reply = newReply();
    d->submit(envelope({u"hanako@example.co.jp"_s}), kMessage, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.delivered.size(), 1);
}

void TestDispatcher::reviewConfirmedWithinBudget()
{
    auto* d = make(u"send:100"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.delivered.size(), 1);
}

void TestDispatcher::reviewCancelledWithinBudget()
{
    auto* d = make(u"cancel:50:wrong recipient"_s);
    QSignalSpy removed(d, &Delivery::Dispatcher::removed);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    // The tray and the queue window learn that it is gone.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(r.code, 550);
    QCOMPARE(r.enhanced, u"5.7.1"_s);
    QVERIFY(r.text.startsWith(u"Cancelled at review"_s));
    QVERIFY(r.text.contains(u"wrong recipient"_s));
    QVERIFY(m_transport.delivered.isEmpty());
    QVERIFY2(spoolEntries().isEmpty(), "the client keeps the message, so the spool must not");
}

void TestDispatcher::budgetExpiryQueuesThenHonoursLaterDecision_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("finalState");
    QTest::addColumn<int>("deliveries");
    QTest::newRow("send later") << u"send:1600"_s << int(Spool::State::Sent) << 1;
    QTest::newRow("cancel later") << u"cancel:1600:not now"_s << int(Spool::State::Held) << 0;
}

void TestDispatcher::budgetExpiryQueuesThenHonoursLaterDecision()
{
    QFETCH(QString, script);
    QFETCH(int, finalState);
    QFETCH(int, deliveries);
    m_config.delivery.clientWaitSeconds = 1;
    auto* d = make(script);
    QSignalSpy states(d, &Delivery::Dispatcher::stateChanged);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply, 3000);
    QCOMPARE(r.code, 250);
    QCOMPARE(r.enhanced, u"2.6.0"_s);
    QVERIFY(r.text.contains(u"Queued for review"_s));
    QVERIFY(m_transport.delivered.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(d->pendingCount(), 0, 5000);
    QCOMPARE(m_transport.delivered.size(), deliveries);
    const auto entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(int(entries.constFirst().state), finalState);
}

void TestDispatcher::zeroBudgetAlwaysQueues()
{
    m_config.delivery.clientWaitSeconds = 0;
    auto* d = make(u"send:200"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    QTRY_VERIFY(reply->isAnswered()); // as soon as it is on disk
    QTRY_COMPARE(m_transport.delivered.size(), 1);
}

void TestDispatcher::temporaryFailureQueuesAndRetries()
{
    m_transport.results << result(Kind::Temporary, 421, u"4.3.2"_s, u"Service not available"_s);
    auto* d = make(u"send"_s);
    QSignalSpy notices(d, &Delivery::Dispatcher::notice);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 250);
    QCOMPARE(r.enhanced, u"2.6.0"_s);
    QVERIFY(r.text.contains(u"421"_s));
    QCOMPARE(spoolEntries().constFirst().state, Spool::State::Approved);
    QTRY_COMPARE_WITH_TIMEOUT(m_transport.delivered.size(), 2, 4000);
    QTRY_COMPARE(spoolEntries().constFirst().state, Spool::State::Sent);
    QCOMPARE(spoolEntries().constFirst().attempts, 2);
    QVERIFY2(!notices.isEmpty(), "delivered after a retry: the user is told");
}

void TestDispatcher::permanentFailureWhileClientWaits()
{
    auto r550 = result(Kind::Permanent, 550, u"5.1.1"_s, u"User unknown"_s);
    r550.failedRecipient = u"nobody@other.jp"_s;
    m_transport.results << r550;
    auto* d = make(u"send"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s, u"nobody@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 550);
    QCOMPARE(r.enhanced, u"5.1.1"_s);
    QVERIFY(r.text.contains(u"nobody@other.jp"_s));
    QVERIFY(r.text.contains(u"User unknown"_s));
    QVERIFY(spoolEntries().isEmpty());
}

void TestDispatcher::permanentFailureAfterClientLeftIsKeptAsFailed()
{
    m_config.delivery.clientWaitSeconds = 0;
    m_transport.results << result(Kind::Permanent, 554, u"5.6.0"_s, u"Message rejected"_s);
    auto* d = make(u"send"_s);
    QSignalSpy notices(d, &Delivery::Dispatcher::notice);
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, newReply());
    QTRY_COMPARE(d->pendingCount(), 0);
    const auto entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().state, Spool::State::Failed);
    QVERIFY(entries.constFirst().lastError.contains(u"Message rejected"_s));
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.constFirst().constFirst().value<Delivery::Dispatcher::Notice>(),
             Delivery::Dispatcher::Notice::Error);
    QVERIFY(m_spool->content(entries.constFirst().id, nullptr).has_value());
}

void TestDispatcher::configurationProblemTellsWaitingClient()
{
    m_transport.results << result(Kind::Configuration, 535, u"5.7.8"_s,
                                  u"The user name or password was refused"_s);
    auto* d = make(u"send"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 451);
    QVERIFY(r.text.contains(u"password"_s));
    QVERIFY(spoolEntries().isEmpty());
}

void TestDispatcher::clientGoneDuringReviewDropsMessage()
{
    auto* d = make(u"send:500"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    QTRY_COMPARE(spoolEntries().size(), 1);
    emit reply->clientGone();
    QTest::qWait(800); // past the scripted decision: it must be ignored
    QVERIFY(m_transport.delivered.isEmpty());
    QVERIFY(spoolEntries().isEmpty());
    QCOMPARE(d->pendingCount(), 0);
}

void TestDispatcher::clientGoneDuringDeliveryAbortsIt()
{
    m_config.policy.review = Settings::ReviewPolicy::Never;
    m_transport.delayMs = 1000;
    auto* d = make(u"wait"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    QTRY_COMPARE(m_transport.delivered.size(), 1);
    emit reply->clientGone();
    QCOMPARE(m_transport.aborts, 1);
    QTRY_COMPARE(d->pendingCount(), 0);
    QVERIFY(spoolEntries().isEmpty());
}

void TestDispatcher::resumeDeliversApprovedAndReAsksReviewing()
{
    Spool::Entry approved;
    approved.account = u"work"_s;
    approved.envelope = envelope({u"partner@other.jp"_s});
    approved.state = Spool::State::Approved;
    QString error;
    QVERIFY(m_spool->add(approved, kMessage, &error));
    Spool::Entry reviewing = approved;
    reviewing.state = Spool::State::Reviewing;
    const auto stored = m_spool->add(reviewing, kMessage, &error);
    QVERIFY(stored);

    auto* d = make(u"send:100"_s); // the person confirms the re-opened review
    QVERIFY(d->resume().isEmpty());
    QTRY_COMPARE(m_transport.delivered.size(), 2);
    QTRY_COMPARE(d->pendingCount(), 0);
    for (const Spool::Entry& e : spoolEntries())
        QCOMPARE(e.state, Spool::State::Sent);
}

void TestDispatcher::spoolFailureAnswers451()
{
    // The spool folder vanishes and a file takes its place (works even as root,
    // where permissions cannot make a write fail).
    const QString dir = m_dir->filePath(u"gone"_s);
    Spool::Queue spool(dir);
    QString error;
    QVERIFY(spool.open(&error));
    QVERIFY(QDir(dir).removeRecursively());
    QFile blocker(dir);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto* decisions = new Delivery::ScriptedDecisionProvider(u"send"_s, m_owner);
    ScriptedTransport::Shared* shared = &m_transport;
    Delivery::Assessor assessor(m_config, nullptr);
    Delivery::AuditRecorder audit(nullptr);
    Delivery::Dispatcher d(m_config, &spool, &assessor, &audit, decisions,
                           [shared](const QString&, QObject* p) { return new ScriptedTransport(shared, p); });
    auto* reply = newReply();
    d.submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 451);
    QCOMPARE(r.enhanced, u"4.3.0"_s);
    QVERIFY(m_transport.delivered.isEmpty());
}

void TestDispatcher::clientGoneWhileStoringDropsMessage()
{
    m_config.policy.review = Settings::ReviewPolicy::Never;
    auto* d = make(u"send"_s);
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    // Gone before the write finished: it never heard an answer and keeps the message.
    emit reply->clientGone();
    QTRY_COMPARE(d->pendingCount(), 0);
    QTest::qWait(200);
    QVERIFY(!reply->isAnswered());
    QVERIFY(m_transport.delivered.isEmpty());
    QVERIFY(spoolEntries().isEmpty());
}

void TestDispatcher::shutdownLeavesWaitingMessagesWithTheirClients()
{
    m_config.delivery.clientWaitSeconds = 1;
    auto* d = make(u"wait"_s); // reviews stay open
    // One the client was told about (the budget ran out: "250 queued") ...
    auto* released = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, released);
    QCOMPARE(waitForAnswer(released, 5000).code, 250);
    // ... one whose client still waits, and one still being written.
    auto* waiting = newReply();
    d->submit(envelope({u"other@other.jp"_s}), kMessage, u"work"_s, waiting);
    QTRY_COMPARE(spoolEntries().size(), 2);
    auto* storing = newReply();
    d->submit(envelope({u"third@other.jp"_s}), kMessage, u"work"_s, storing);

    d->shutdown();
    QCOMPARE(waitForAnswer(waiting, 0).code, 421);
    QCOMPARE(waitForAnswer(storing, 0).code, 421);
    // Only the message Yubisashi answered 250 for stays, for the next start.
    const QList<Spool::Entry> left = spoolEntries();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.constFirst().envelope.recipients, QStringList{u"partner@other.jp"_s});
    QVERIFY(m_transport.delivered.isEmpty());
}

// Eleven partners from four companies in To and Cc: many-external-visible
// (threshold 10) offers to move them to Bcc.
static QByteArray manyVisible(QStringList* recipients)
{
    QByteArray to = "To: hanako@example.co.jp";
    QByteArray cc = "Cc: ";
    *recipients = {u"hanako@example.co.jp"_s};
    for (int i = 0; i < 11; ++i) {
        const QByteArray a =
            "p" + QByteArray::number(i) + "@partner" + QByteArray::number(i % 4) + ".example";
        *recipients << QString::fromLatin1(a);
        if (i < 6)
            to += ",\r\n \"Partner " + QByteArray::number(i) + "\" <" + a + ">";
        else
            cc += (i > 6 ? ", " : "") + a;
    }
    return "From: taro@example.co.jp\r\n" + to + "\r\n" + cc + "\r\nSubject: invitation\r\n\r\nDear all\r\n";
}

void TestDispatcher::visibleExternalMovedToBccWhenChosen_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("moved");
    QTest::newRow("offer taken") << u"send-bcc"_s << true;
    QTest::newRow("offer declined") << u"send"_s << false;
}

void TestDispatcher::visibleExternalMovedToBccWhenChosen()
{
    QFETCH(QString, script);
    QFETCH(bool, moved);
    QStringList recipients;
    const QByteArray message = manyVisible(&recipients);
    auto* d = make(script);
    auto* reply = newReply();
    d->submit(envelope(recipients), message, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.contents.size(), 1);
    const QByteArray sent = m_transport.contents.constFirst();
    const QList<Spool::Entry> entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    // Everyone still receives it: the envelope is the same.
    QCOMPARE(entries.constFirst().envelope.recipients, recipients);
    if (!moved) {
        QCOMPARE(sent, message);
        return;
    }
    QVERIFY2(
        sent.startsWith("From: taro@example.co.jp\r\nTo: hanako@example.co.jp\r\nSubject: invitation\r\n"),
        sent.constData());
    QVERIFY(!sent.contains("partner"));
    QVERIFY(sent.endsWith("\r\n\r\nDear all\r\n"));
    // The queued copy is the one that left, so a restart cannot send the old header.
    QString error;
    QCOMPARE(m_spool->content(entries.constFirst().id, &error).value_or(QByteArray()), sent);
    QCOMPARE(entries.constFirst().size, sent.size());
}

void TestDispatcher::policyMovesToBccWithoutReview()
{
    // [policy] many_external_bcc=always: the Assessor takes the checks from the Config.
    m_config.checks.manyExternalAlwaysBcc = true;
    m_config.policy.review = Settings::ReviewPolicy::Never;
    QStringList recipients;
    const QByteArray message = manyVisible(&recipients);
    auto* d = make(u"wait"_s); // nobody answers reviews
    auto* reply = newReply();
    d->submit(envelope(recipients), message, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.contents.size(), 1);
    QVERIFY(!m_transport.contents.constFirst().contains("partner"));
    QVERIFY(m_transport.contents.constFirst().contains("To: hanako@example.co.jp\r\n"));
}

// A message is parsed, planned and reviewed once; only the Bcc rewrite (new
// bytes) assesses it again. A retry does not. Each message that ends leaves
// one audit record.
void TestDispatcher::assessedOnceUnlessTheBytesChange_data()
{
    QTest::addColumn<bool>("reviewExternal");
    QTest::addColumn<bool>("policyMovesToBcc");
    QTest::addColumn<bool>("manyRecipients"); // many external ones in To/Cc: the Bcc offer
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<int>("assessments");
    QTest::newRow("pass") << false << false << false << u"wait"_s << false << 1;
    QTest::newRow("pass, retried") << false << false << false << u"wait"_s << true << 1;
    QTest::newRow("review confirmed") << true << false << false << u"send"_s << false << 1;
    QTest::newRow("review, Bcc offer declined") << true << false << true << u"send"_s << false << 1;
    QTest::newRow("review, Bcc offer taken") << true << false << true << u"send-bcc"_s << false << 2;
    QTest::newRow("policy moves to Bcc") << false << true << true << u"wait"_s << false << 2;
    QTest::newRow("policy moves to Bcc, retried") << false << true << true << u"wait"_s << true << 2;
}

void TestDispatcher::assessedOnceUnlessTheBytesChange()
{
    QFETCH(bool, reviewExternal);
    QFETCH(bool, policyMovesToBcc);
    QFETCH(bool, manyRecipients);
    QFETCH(QString, script);
    QFETCH(bool, retry);
    QFETCH(int, assessments);
    // [policy] many_external_bcc=always: the Assessor takes the checks from the Config.
    m_config.checks.manyExternalAlwaysBcc = policyMovesToBcc;
    m_config.policy.review =
        reviewExternal ? Settings::ReviewPolicy::External : Settings::ReviewPolicy::Never;
    QStringList recipients{u"partner@other.jp"_s};
    const QByteArray message = manyRecipients ? manyVisible(&recipients) : kMessage;
    if (retry)
        m_transport.results << result(Kind::Temporary, 421, u"4.3.2"_s, u"Service not available"_s);
    auto* d = make(script);
    QList<int> atDelivery; // assessments made when each attempt started
    m_transport.onDeliver = [this, &atDelivery] {
        atDelivery << m_assessor->assessments();
    };
    auto* reply = newReply();
    d->submit(envelope(recipients), message, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QTRY_COMPARE(d->pendingCount(), 0);
    QCOMPARE(spoolEntries().constFirst().state, Spool::State::Sent);
    QCOMPARE(atDelivery, QList<int>(retry ? 2 : 1, assessments));
    QCOMPARE(m_assessor->assessments(), assessments);
    QCOMPARE(m_history->auditCount(), 1);
}

// A message resumed in the approved state is assessed once, before it is
// sent (its Analysis is what the record says), and recorded after it.
void TestDispatcher::resumedApprovedAssessedOnceBeforeDeliveryAndRecordedAfter()
{
    Spool::Entry approved;
    approved.account = u"work"_s;
    approved.envelope = envelope({u"partner@other.jp"_s});
    approved.state = Spool::State::Approved;
    QString error;
    QVERIFY(m_spool->add(approved, kMessage, &error));
    auto* d = make(u"wait"_s);
    int assessedAtDelivery = -1;
    qint64 recordsAtDelivery = -1;
    m_transport.onDeliver = [&] {
        assessedAtDelivery = m_assessor->assessments();
        recordsAtDelivery = m_history->auditCount();
    };
    QVERIFY(d->resume().isEmpty());
    QTRY_COMPARE(d->pendingCount(), 0);
    QCOMPARE(m_transport.delivered.size(), 1);
    QCOMPARE(assessedAtDelivery, 1);
    QCOMPARE(recordsAtDelivery, 0);
    QCOMPARE(m_assessor->assessments(), 1);
    QCOMPARE(m_history->auditCount(), 1);
    QCOMPARE(spoolEntries().constFirst().state, Spool::State::Sent);
}

// The upstream refuses a resumed message for good: it is kept as Failed and
// its audit record written, like any other refused message.
void TestDispatcher::resumedApprovedRefusedIsRecorded()
{
    Spool::Entry approved;
    approved.account = u"work"_s;
    approved.envelope = envelope({u"partner@other.jp"_s});
    approved.state = Spool::State::Approved;
    QString error;
    QVERIFY(m_spool->add(approved, kMessage, &error));
    m_transport.results << result(Kind::Permanent, 550, u"5.1.1"_s, u"No such user"_s);
    auto* d = make(u"wait"_s);
    QVERIFY(d->resume().isEmpty());
    QTRY_COMPARE(d->pendingCount(), 0);
    QCOMPARE(spoolEntries().constFirst().state, Spool::State::Failed);
    QCOMPARE(m_assessor->assessments(), 1);
    QCOMPARE(m_history->auditCount(), 1);
}

// ---------------------------------------------------------------------------
// Promises after the 250 (issue "Tests that fail when a promise breaks"): a
// certificate that goes bad while the message waits, give_up_hours, and mail
// that waits for a sign-in. The real Assessor and Protection; only the upstream
// is scripted.

namespace {

Store::History* opened(Store::History& history)
{
    history.open();
    return &history;
}

// Real S/MIME for the account "work": its PKCS#12 file at p12 (sign=always)
// and the password in a real secrets file. The parts live and die together,
// like the app's: stopping one and making another is a restart.
struct SigningHop
{
    SigningHop(const Settings::Config& config, Spool::Queue* spool, ScriptedTransport::Shared* shared,
               const QString& secretsPath, const QString& certificateFolder, QObject* owner)
        : secrets(secretsPath), protection(config, &secrets, certificateFolder), history(u":memory:"_s),
          assessor(config, opened(history), &protection), audit(&history),
          dispatcher(
              config, spool, &assessor, &audit, new Delivery::ScriptedDecisionProvider(u"wait"_s, owner),
              [shared](const QString&, QObject* parent) { return new ScriptedTransport(shared, parent); })
    {}
    Settings::FileSecretStore secrets;
    Delivery::Protection protection;
    Store::History history;
    Delivery::Assessor assessor;
    Delivery::AuditRecorder audit;
    Delivery::Dispatcher dispatcher;
};

Settings::Config signingConfig(Settings::Config config, const QString& p12)
{
    Settings::Account work;
    work.name = u"work"_s;
    work.host = u"127.0.0.1"_s;
    work.smimeP12 = p12;
    work.sign = Settings::SignPolicy::Always;
    config.accounts = {work};
    config.policy.review = Settings::ReviewPolicy::Never;
    return config;
}

bool isSigned(const QByteArray& content)
{
    return content.contains("multipart/signed") && content.contains("application/pkcs7-signature");
}

// taro@example.co.jp's key in a certificate from the test PKI that is valid
// for `seconds` more seconds, as a PKCS#12 file with the password "test-pass".
bool shortLivedP12(const QString& dir, int seconds, QString* p12, QByteArray* log)
{
    const QString script = uR"sh(set -eu
pki=$1; out=$2; secs=$3
cd "$out"
cat >ca.cnf <<'CNF'
[ca]
default_ca = short
[short]
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
[any]
commonName = optional
[ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation,keyEncipherment
extendedKeyUsage = emailProtection
subjectAltName = email:taro@example.co.jp
CNF
: >index.txt
openssl rand -hex 16 >serial
openssl req -new -key "$pki/taro-rsa.key" -subj "/CN=Yamada Taro (short)" -out short.csr
openssl ca -batch -config ca.cnf -cert "$pki/sub.pem" -keyfile "$pki/sub.key" -notext -extensions ext \
    -startdate "$(date -u -d '-1 hour' +%Y%m%d%H%M%SZ)" -enddate "$(date -u -d "+$secs seconds" +%Y%m%d%H%M%SZ)" \
    -in short.csr -out short.pem
openssl pkcs12 -export -inkey "$pki/taro-rsa.key" -in short.pem -certfile "$pki/chain.pem" \
    -passout pass:test-pass -out short.p12
)sh"_s;
    const SmimeTest::Run r = SmimeTest::run(
        u"bash"_s, {u"-c"_s, script, u"short-p12"_s, SmimeTest::pkiDir(), dir, QString::number(seconds)});
    *p12 = dir + u"/short.p12"_s;
    *log = r.err;
    return r.ok() && QFileInfo::exists(*p12);
}

} // namespace

// The certificate is replaced by an expired one while the message waits for
// the upstream (a new certificate is taken at the next start): the message
// is held, never sent unsigned.
void TestDispatcher::certificateReplacedByExpiredOneHoldsQueuedMessage()
{
    const QString p12 = m_dir->filePath(u"work.p12"_s);
    QVERIFY(QFile::copy(SmimeTest::pki("taro-rsa-aes.p12"), p12));
    m_config = signingConfig(m_config, p12);
    m_config.delivery.retryInitialSeconds = 3600; // no retry before the restart
    m_config.delivery.retryMaxSeconds = 3600;
    const QString secrets = m_dir->filePath(u"secrets.ini"_s);
    QString error;
    QVERIFY2(Settings::FileSecretStore(secrets).write(u"work/smime_password"_s, u"test-pass"_s, &error),
             qPrintable(error));
    const QString certificates = m_dir->filePath(u"certificates"_s);
    m_transport.results << result(Kind::Temporary, 421, u"4.3.2"_s, u"Service not available"_s);
    {
        SigningHop hop(m_config, m_spool.get(), &m_transport, secrets, certificates, m_owner);
        auto* reply = newReply();
        hop.dispatcher.submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
        const Smtp::Reply r = waitForAnswer(reply);
        QCOMPARE(r.code, 250);
        QCOMPARE(r.enhanced, u"2.6.0"_s);
        QCOMPARE(m_transport.contents.size(), 1);
        QVERIFY2(isSigned(m_transport.contents.constFirst()), "the first attempt was not signed");
        QCOMPARE(spoolEntries().constFirst().state, Spool::State::Approved);
    }
    // The person imports a certificate that turns out to be expired; time passes.
    QVERIFY(QFile::remove(p12));
    QVERIFY(QFile::copy(SmimeTest::pki("expired.p12"), p12));
    Spool::Entry queued = spoolEntries().constFirst();
    queued.nextAttempt = QDateTime::currentDateTimeUtc();
    QVERIFY2(m_spool->update(queued, &error), qPrintable(error));

    SigningHop hop(m_config, m_spool.get(), &m_transport, secrets, certificates, m_owner);
    QSignalSpy notices(&hop.dispatcher, &Delivery::Dispatcher::notice);
    QVERIFY(hop.dispatcher.resume().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(spoolEntries().constFirst().state, Spool::State::Held, 10000);
    QTest::qWait(200);
    QCOMPARE(m_transport.contents.size(), 1); // nothing more reached the upstream
    for (const QByteArray& sent : std::as_const(m_transport.contents))
        QVERIFY2(isSigned(sent), "a message left unsigned");
    const Spool::Entry held = spoolEntries().constFirst();
    QVERIFY2(held.lastError.contains(u"expired"_s, Qt::CaseInsensitive), qPrintable(held.lastError));
    QVERIFY(!notices.isEmpty());
    QVERIFY(m_spool->content(held.id, nullptr).has_value()); // kept for the user
}

// The certificate was valid when the client heard 250 and expires before the
// retry: decided again at delivery, the message is held, never sent unsigned.
void TestDispatcher::certificateExpiringWhileQueuedHoldsMessage()
{
    QString p12;
    QByteArray log;
    QVERIFY2(shortLivedP12(m_dir->path(), 6, &p12, &log), log.constData());
    m_config = signingConfig(m_config, p12);
    m_config.delivery.retryInitialSeconds = 8; // the retry comes after the certificate's end
    m_config.delivery.retryMaxSeconds = 8;
    const QString secrets = m_dir->filePath(u"secrets.ini"_s);
    QString error;
    QVERIFY2(Settings::FileSecretStore(secrets).write(u"work/smime_password"_s, u"test-pass"_s, &error),
             qPrintable(error));
    m_transport.results << result(Kind::Temporary, 421, u"4.3.2"_s, u"Service not available"_s);
    SigningHop hop(m_config, m_spool.get(), &m_transport, secrets, m_dir->filePath(u"certificates"_s),
                   m_owner);
    auto* reply = newReply();
    hop.dispatcher.submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 250);
    QCOMPARE(r.enhanced, u"2.6.0"_s);
    QCOMPARE(m_transport.contents.size(), 1);
    QVERIFY2(isSigned(m_transport.contents.constFirst()), "the first attempt was not signed");

    QTRY_COMPARE_WITH_TIMEOUT(spoolEntries().constFirst().state, Spool::State::Held, 20000);
    QTest::qWait(200);
    QCOMPARE(m_transport.contents.size(), 1);
    QVERIFY2(isSigned(m_transport.contents.constFirst()), "a message left unsigned");
    const Spool::Entry held = spoolEntries().constFirst();
    QVERIFY2(held.lastError.contains(u"expired"_s, Qt::CaseInsensitive), qPrintable(held.lastError));
}

void TestDispatcher::retryingGivesUpAfterGiveUpHours_data()
{
    QTest::addColumn<int>("ageMinutes");
    QTest::addColumn<bool>("waitsForUser");
    QTest::addColumn<int>("finalState");
    QTest::newRow("older than give_up_hours") << 61 << false << int(Spool::State::Failed);
    QTest::newRow("younger than give_up_hours") << 50 << false << int(Spool::State::Approved);
    // A sign-in is missing: the message is not failing, it waits for the person.
    QTest::newRow("waiting for a sign-in") << 7 * 24 * 60 << true << int(Spool::State::Approved);
}

// A message received ageMinutes ago, queued for the upstream, resumed at a
// start; the upstream answers every attempt with a temporary failure.
void TestDispatcher::retryingGivesUpAfterGiveUpHours()
{
    QFETCH(int, ageMinutes);
    QFETCH(bool, waitsForUser);
    QFETCH(int, finalState);
    m_config.delivery.giveUpHours = 1;
    m_config.policy.review = Settings::ReviewPolicy::Never;
    Spool::Entry queued;
    queued.account = u"work"_s;
    queued.envelope = envelope({u"partner@other.jp"_s});
    queued.state = Spool::State::Approved;
    queued.attempts = 3;
    queued.received = QDateTime::currentDateTimeUtc().addSecs(-60LL * ageMinutes);
    QString error;
    const std::optional<Spool::Entry> stored = m_spool->add(queued, kMessage, &error);
    QVERIFY2(stored, qPrintable(error));
    for (int i = 0; i < 10; ++i) {
        Smtp::SubmitResult r =
            waitsForUser ? result(Kind::Temporary, 454, u"4.7.0"_s, u"Sign in to your account again"_s)
                         : result(Kind::Temporary, 421, u"4.3.2"_s, u"Service not available"_s);
        r.waitsForUser = waitsForUser;
        m_transport.results << r;
    }
    auto* d = make(u"wait"_s);
    QSignalSpy notices(d, &Delivery::Dispatcher::notice);
    QVERIFY(d->resume().isEmpty());
    // Attempts go on, one a second (retry_max_seconds=1), until it is given up.
    QTRY_VERIFY_WITH_TIMEOUT(m_transport.delivered.size() >= 3 || d->pendingCount() == 0, 15000);
    QTest::qWait(100);
    const Spool::Entry entry = spoolEntries().constFirst();
    QCOMPARE(int(entry.state), finalState);
    if (finalState == int(Spool::State::Failed)) {
        QCOMPARE(m_transport.delivered.size(), 1);
        QCOMPARE(d->pendingCount(), 0);
        QVERIFY2(entry.lastError.contains(u"Gave up"_s), qPrintable(entry.lastError));
        QVERIFY2(entry.lastError.contains(u"Service not available"_s), qPrintable(entry.lastError));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.constFirst().constFirst().value<Delivery::Dispatcher::Notice>(),
                 Delivery::Dispatcher::Notice::Error);
        QVERIFY(m_spool->content(entry.id, nullptr).has_value()); // kept: it can still be sent from the queue
    } else {
        QCOMPARE(d->pendingCount(), 1);
        for (const QList<QVariant>& n : std::as_const(notices))
            QVERIFY2(n.value(0).value<Delivery::Dispatcher::Notice>() !=
                             Delivery::Dispatcher::Notice::Error ||
                         !n.value(3).toString().contains(u"Gave up"_s),
                     qPrintable(n.value(3).toString()));
    }
}

// A tray app runs for weeks: the clean-up of sent messages repeats while it
// runs, not only at start.
void TestDispatcher::sentContentPurgedWhileRunning()
{
    m_config.policy.review = Settings::ReviewPolicy::Never;
    m_config.delivery.retentionDays = 0; // every sent message goes at the next clean-up
    auto* d = make(u"wait"_s);
    d->setPurgeInterval(200);
    QVERIFY(d->resume().isEmpty()); // the clean-up at start finds nothing yet
    auto* reply = newReply();
    d->submit(envelope({u"partner@other.jp"_s}), kMessage, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    const QList<Spool::Entry> sent = spoolEntries();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.constFirst().state, Spool::State::Sent);
    QTRY_VERIFY_WITH_TIMEOUT(spoolEntries().isEmpty(), 5000);
    QVERIFY(!m_spool->content(sent.constFirst().id, nullptr).has_value());
}

// A message that cannot go until the user fixes something (certificate,
// STARTTLS, password, plaintext sign-in) waits for them past give_up_hours; a
// server that stays unreachable is still given up on.
void TestDispatcher::configurationProblemWaitsForTheUser_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("waits");
    QTest::newRow("password refused")
        << int(Kind::Configuration) << 535
        << u"The mail server refused the user name or password. Check them in Settings."_s << true;
    QTest::newRow("certificate not trusted")
        << int(Kind::Configuration) << 554 << u"The server's certificate is not trusted."_s << true;
    QTest::newRow("server unreachable")
        << int(Kind::Temporary) << 421 << u"Could not connect to the mail server."_s << false;
}

void TestDispatcher::configurationProblemWaitsForTheUser()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(bool, waits);
    m_config.delivery.giveUpHours = 1;
    m_config.delivery.retryInitialSeconds = 60;
    m_config.delivery.retryMaxSeconds = 3600;
    // Queued three hours ago (its client heard 250 then), past give_up_hours.
    Spool::Entry queued;
    queued.account = u"work"_s;
    queued.envelope = envelope({u"partner@other.jp"_s});
    queued.state = Spool::State::Approved;
    queued.received = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    QString error;
    const std::optional<Spool::Entry> stored = m_spool->add(queued, kMessage, &error);
    QVERIFY2(stored, qPrintable(error));
    m_transport.results << result(Kind(kind), code, u"5.7.8"_s, detail);

    auto* d = make(u"send"_s);
    QSignalSpy notices(d, &Delivery::Dispatcher::notice);
    QVERIFY(d->resume().isEmpty());
    QTRY_COMPARE(m_transport.delivered.size(), 1);
    QTRY_VERIFY(spoolEntries().constFirst().state != Spool::State::Sending);
    const Spool::Entry after = spoolEntries().constFirst();
    // The reason is in the queue and in the notice, whatever the outcome.
    QVERIFY2(after.lastError.contains(detail), qPrintable(after.lastError));
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.constFirst().at(0).value<Delivery::Dispatcher::Notice>(),
             Delivery::Dispatcher::Notice::Error);
    QVERIFY(notices.constFirst().at(3).toString().contains(detail));
    if (!waits) {
        QCOMPARE(after.state, Spool::State::Failed);
        return;
    }
    QCOMPARE(after.state, Spool::State::Approved);
    // Retried only at the longest interval: time alone does not fix a setting ...
    QVERIFY2(after.nextAttempt >= QDateTime::currentDateTimeUtc().addSecs(3500),
             qPrintable(after.nextAttempt.toString(Qt::ISODate)));
    QCOMPARE(d->pendingCount(), 1);
    // ... and at once when the user has acted (a new password, a sign-in).
    QCOMPARE(d->retryAll(), 1);
    QTRY_COMPARE(spoolEntries().constFirst().state, Spool::State::Sent);
    QCOMPARE(m_transport.delivered.size(), 2);
}

// "Probably meant", taken at the review: the message that leaves names the new
// person in To and goes to the new address (RCPT TO); the old address gets
// nothing; the spool holds exactly what left, so a restart sends the same.
static const QByteArray kUnusual =
    "From: taro@example.co.jp\r\nTo: =?UTF-8?B?5bGx55Sw?= <yamada@acme.co.jp>,\r\n"
    " =?UTF-8?B?55Sw5LitIOWBpeS6jA==?= <kenji.tanaka@acme-trading.co.jp>\r\nCc: hanako@example.co.jp\r\n"
    "Subject: =?UTF-8?B?6KaL56mN?=\r\n\r\nkenji.tanaka@acme-trading.co.jp\r\n";

void TestDispatcher::replacedRecipientInHeaderAndEnvelope_data()
{
    QTest::addColumn<QString>("newAddress");
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("Japanese name") << u"ken.tanaka@acme.co.jp"_s << u"ken.tanaka@acme.co.jp"_s
                                   << "=?UTF-8?B?55Sw5LitIOWBpQ==?= <ken.tanaka@acme.co.jp>"_ba;
    QTest::newRow("IDN domain in A-labels")
        << u"ken@ドメイン.テスト"_s << u"ken@xn--eckwd4c7c.xn--zckzah"_s
        << "=?UTF-8?B?55Sw5LitIOWBpQ==?= <ken@xn--eckwd4c7c.xn--zckzah>"_ba;
}

void TestDispatcher::replacedRecipientInHeaderAndEnvelope()
{
    QFETCH(QString, newAddress);
    QFETCH(QString, rcpt);
    QFETCH(QByteArray, header);
    const QStringList before{u"yamada@acme.co.jp"_s, u"kenji.tanaka@acme-trading.co.jp"_s,
                             u"hanako@example.co.jp"_s};
    auto* d = make(
        Delivery::Decision::send({}, {{u"kenji.tanaka@acme-trading.co.jp"_s, newAddress, u"田中 健"_s}}));
    auto* reply = newReply();
    d->submit(envelope(before), kUnusual, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.contents.size(), 1);
    const QStringList after{u"yamada@acme.co.jp"_s, rcpt, u"hanako@example.co.jp"_s};
    QCOMPARE(m_transport.rcpts.constFirst(), after);
    QByteArray expected = kUnusual;
    expected.replace("=?UTF-8?B?55Sw5LitIOWBpeS6jA==?= <kenji.tanaka@acme-trading.co.jp>", header);
    QCOMPARE(m_transport.contents.constFirst(), expected);
    // On disk: the same bytes and recipients, for a restart.
    const QList<Spool::Entry> entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().envelope.recipients, after);
    QString error;
    QCOMPARE(m_spool->content(entries.constFirst().id, &error).value_or(QByteArray()), expected);
    // The history learns the person actually written to.
    QSet<QString> known;
    QVERIFY(m_history->knownAddresses(
        {Mail::DomainNames::addressKey(rcpt), u"kenji.tanaka@acme-trading.co.jp"_s}, &known));
    QCOMPARE(known, QSet<QString>{Mail::DomainNames::addressKey(rcpt)});
}

void TestDispatcher::replacementThatCannotBeMadeHoldsMessage_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("address");
    QTest::newRow("addresses not separated")
        << "From: taro@example.co.jp\r\nTo: yamada@acme.co.jp "
           "kenji.tanaka@acme-trading.co.jp\r\nSubject: s\r\n\r\nb\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s;
    QTest::newRow("not a recipient") << kUnusual << u"someone@acme-trading.co.jp"_s;
}

void TestDispatcher::replacementThatCannotBeMadeHoldsMessage()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, address);
    // Never sent to the old address instead: the waiting client keeps the message.
    auto* d = make(Delivery::Decision::send({}, {{address, u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s}}));
    auto* reply = newReply();
    d->submit(envelope({u"yamada@acme.co.jp"_s, u"kenji.tanaka@acme-trading.co.jp"_s}), message, u"work"_s,
              reply);
    const Smtp::Reply r = waitForAnswer(reply);
    QCOMPARE(r.code, 554);
    QVERIFY(m_transport.delivered.isEmpty());
    QVERIFY(spoolEntries().isEmpty());

    // The client already heard 250 (no budget): kept as Held for the user, not sent.
    m_config.delivery.clientWaitSeconds = 0;
    auto* later = make(Delivery::Decision::send({}, {{address, u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s}}));
    auto* reply2 = newReply();
    later->submit(envelope({u"yamada@acme.co.jp"_s, u"kenji.tanaka@acme-trading.co.jp"_s}), message,
                  u"work"_s, reply2);
    QCOMPARE(waitForAnswer(reply2).code, 250);
    QTRY_COMPARE(later->pendingCount(), 0);
    QVERIFY(m_transport.delivered.isEmpty());
    const QList<Spool::Entry> entries = spoolEntries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().state, Spool::State::Held);
    QVERIFY2(entries.constFirst().lastError.contains(u"not sent"_s),
             qPrintable(entries.constFirst().lastError));
}

void TestDispatcher::replacedThenMovedToBcc()
{
    // Both offers taken: the Bcc choice named the old address; the new one goes to Bcc.
    auto* d = make(Delivery::Decision::send(
        {u"yamada@acme.co.jp"_s, u"kenji.tanaka@acme-trading.co.jp"_s},
        {{u"kenji.tanaka@acme-trading.co.jp"_s, u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s}}));
    auto* reply = newReply();
    d->submit(
        envelope({u"yamada@acme.co.jp"_s, u"kenji.tanaka@acme-trading.co.jp"_s, u"hanako@example.co.jp"_s}),
        kUnusual, u"work"_s, reply);
    QCOMPARE(waitForAnswer(reply).code, 250);
    QCOMPARE(m_transport.contents.size(), 1);
    const QByteArray sent = m_transport.contents.constFirst();
    QVERIFY2(sent.startsWith("From: taro@example.co.jp\r\nCc: hanako@example.co.jp\r\n"), sent.constData());
    QVERIFY(!sent.contains("kenji.tanaka@acme-trading.co.jp>"));
    QCOMPARE(m_transport.rcpts.constFirst(),
             (QStringList{u"yamada@acme.co.jp"_s, u"ken.tanaka@acme.co.jp"_s, u"hanako@example.co.jp"_s}));
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "TestDispatcher.moc"
