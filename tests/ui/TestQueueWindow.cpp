// The queue window against a real Spool in a temporary folder and a real
// Dispatcher; only the upstream (a scripted Transport) and the person at the
// review (ScriptedDecisionProvider) are seams.

#include "DispatcherQueueActions.h"
#include "QueueModel.h"
#include "QueueWindow.h"
#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Dispatcher.h"
#include "delivery/ScriptedDecisionProvider.h"
#include "delivery/Transport.h"
#include "spool/Queue.h"
#include "store/History.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <memory>

using namespace Qt::StringLiterals;
using Kind = Smtp::SubmitResult::Kind;

namespace {

class ScriptedTransport : public Delivery::Transport
{
public:
    struct Shared
    {
        QList<Smtp::SubmitResult> results; // consumed in order; empty = delivered
        QStringList delivered;
    };
    ScriptedTransport(Shared* shared, QObject* parent) : Transport(parent), m_shared(shared) {}
    void deliver(const Spool::Entry& entry, const QByteArray&) override
    {
        m_shared->delivered << entry.id;
        Smtp::SubmitResult r;
        if (!m_shared->results.isEmpty()) {
            r = m_shared->results.takeFirst();
        } else {
            r.kind = Kind::Delivered;
            r.dataSent = true;
            r.reply = Smtp::Reply::make(250, u"2.0.0"_s, u"OK"_s);
        }
        QTimer::singleShot(0, this, [this, r] { emit finished(r); });
    }
    void abort() override {}

private:
    Shared* m_shared;
};

QByteArray message(const QString& to)
{
    return u"From: taro@example.co.jp\r\nTo: %1\r\nSubject: Quote\r\nMessage-ID: <%2@example.co.jp>\r\n\r\n"
           "Hello\r\n"_s.arg(to, QString::number(QDateTime::currentMSecsSinceEpoch()))
               .toUtf8();
}

// Closes the next modal dialog by pressing the button with the given object
// name (or Escape when none is given), after recording its text.
void answerNextDialog(const QString& buttonName, QString* text)
{
    QTimer::singleShot(0, qApp, [buttonName, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextDialog(buttonName, text); // not shown yet
            return;
        }
        *text = box->text() + u'\n' + box->informativeText();
        if (buttonName.isEmpty())
            QTest::keyClick(box, Qt::Key_Escape);
        else
            box->findChild<QPushButton*>(buttonName)->click();
    });
}

} // namespace

class TestQueueWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsMessagesInPlainWords();
    void filterTabsShowOneStateGroup();
    void actionsFollowTheSelectedState_data();
    void actionsFollowTheSelectedState();
    void retryNowDeliversAWaitingMessage();
    void sendAnywayGoesThroughReviewAgain();
    void exportWritesTheSpooledBytes();
    void deleteAsksNamingRecipientsAndRemovesFiles();
    void deleteCanBeDeclined();
    void deleteKeyOpensTheConfirmation();
    void keepsItselfCurrent();

private:
    Delivery::Dispatcher* makeDispatcher(const QString& script);
    Spool::Entry addEntry(Spool::State state, const QStringList& rcpts, const QString& lastError = {});
    bool spoolHas(const QString& id);
    Spool::State spoolState(const QString& id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool::Queue> m_spool;
    std::unique_ptr<Store::History> m_history;
    std::unique_ptr<Delivery::Assessor> m_assessor;
    std::unique_ptr<Delivery::AuditRecorder> m_audit;
    Settings::Config m_config;
    ScriptedTransport::Shared m_transport;
    QObject* m_owner = nullptr;
    Delivery::ScriptedDecisionProvider* m_decisions = nullptr;
};

void TestQueueWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(u"config"_s).toUtf8()); // window geometry
    m_spool = std::make_unique<Spool::Queue>(m_dir->filePath(u"spool"_s));
    QString error;
    QVERIFY2(m_spool->open(&error), qPrintable(error));
    m_config = Settings::Config();
    m_config.policy.internalDomains = {u"example.co.jp"_s};
    m_config.policy.review = Settings::ReviewPolicy::Always;
    m_config.delivery.clientWaitSeconds = 5;
    m_config.delivery.retryInitialSeconds = 3600; // a retry waits unless someone presses "Retry now"
    m_config.delivery.retryMaxSeconds = 3600;
    m_transport = ScriptedTransport::Shared();
    m_owner = new QObject;
}

void TestQueueWindow::cleanup()
{
    delete m_owner;
    m_owner = nullptr;
    m_audit.reset();
    m_assessor.reset();
    m_history.reset();
    m_spool.reset();
    m_dir.reset();
}

Delivery::Dispatcher* TestQueueWindow::makeDispatcher(const QString& script)
{
    m_decisions = new Delivery::ScriptedDecisionProvider(script, m_owner);
    m_history = std::make_unique<Store::History>(u":memory:"_s);
    m_history->open();
    m_assessor = std::make_unique<Delivery::Assessor>(m_config, m_history.get());
    m_audit = std::make_unique<Delivery::AuditRecorder>(m_history.get());
    ScriptedTransport::Shared* shared = &m_transport;
    return new Delivery::Dispatcher(
        m_config, m_spool.get(), m_assessor.get(), m_audit.get(), m_decisions,
        [shared](const QString&, QObject* parent) { return new ScriptedTransport(shared, parent); }, m_owner);
}

Spool::Entry TestQueueWindow::addEntry(Spool::State state, const QStringList& rcpts, const QString& lastError)
{
    Spool::Entry e;
    e.account = u"work"_s;
    e.envelope.mailFrom = u"taro@example.co.jp"_s;
    e.envelope.recipients = rcpts;
    e.state = state;
    e.lastError = lastError;
    QString error;
    const std::optional<Spool::Entry> stored = m_spool->add(e, message(rcpts.value(0)), &error);
    if (!stored)
        qFatal("cannot spool: %s", qPrintable(error));
    return *stored;
}

bool TestQueueWindow::spoolHas(const QString& id)
{
    return QFile::exists(m_spool->contentPath(id));
}

Spool::State TestQueueWindow::spoolState(const QString& id)
{
    QStringList ignored;
    for (const Spool::Entry& e : m_spool->load(&ignored)) {
        if (e.id == id)
            return e.state;
    }
    return Spool::State::Received;
}

void TestQueueWindow::showsMessagesInPlainWords()
{
    const Spool::Entry held =
        addEntry(Spool::State::Held, {u"a@partner.jp"_s, u"b@partner.jp"_s, u"c@x.jp"_s},
                 u"Cancelled at review: wrong customer"_s);
    const Spool::Entry failed = addEntry(Spool::State::Failed, {u"d@other.jp"_s},
                                         u"The mail server refused the message: mailbox unavailable"_s);
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);

    QCOMPARE(model.rowCount(), 2);
    const int h = model.rowOf(held.id);
    const int f = model.rowOf(failed.id);
    QVERIFY(h >= 0 && f >= 0);
    auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(h, Ui::QueueModel::RecipientsColumn), u"a@partner.jp and 2 more"_s);
    QCOMPARE(text(h, Ui::QueueModel::StateColumn), u"Held, not sent"_s);
    QCOMPARE(text(h, Ui::QueueModel::ReasonColumn), u"Cancelled at review: wrong customer"_s);
    QCOMPARE(text(f, Ui::QueueModel::RecipientsColumn), u"d@other.jp"_s);
    QCOMPARE(text(f, Ui::QueueModel::StateColumn), u"Not delivered"_s);
    QVERIFY(text(f, Ui::QueueModel::ReasonColumn).contains(u"mailbox unavailable"_s));
    QCOMPARE(text(f, Ui::QueueModel::FromColumn), u"taro@example.co.jp"_s);
    QVERIFY(!text(f, Ui::QueueModel::SizeColumn).isEmpty());
    // Every recipient is in the tooltip.
    QVERIFY(model.index(h, Ui::QueueModel::RecipientsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"c@x.jp"_s));
    QCOMPARE(model.count(Ui::QueueModel::Group::Attention), 2);
    QCOMPARE(model.count(Ui::QueueModel::Group::Waiting), 0);

    // A message waiting for its next attempt says when and why.
    Spool::Entry waiting;
    waiting.state = Spool::State::Approved;
    waiting.lastError = u"Connection refused"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    waiting.nextAttempt = now.addSecs(600);
    QCOMPARE(Ui::QueueModel::stateText(waiting, now), u"Waiting to retry"_s);
    const QString reason = Ui::QueueModel::reasonText(waiting, now);
    QVERIFY2(reason.startsWith(u"Next attempt at "_s) &&
                 reason.endsWith(u"Last attempt: Connection refused"_s),
             qPrintable(reason));
}

void TestQueueWindow::filterTabsShowOneStateGroup()
{
    addEntry(Spool::State::Held, {u"a@partner.jp"_s});
    addEntry(Spool::State::Sent, {u"b@partner.jp"_s});
    addEntry(Spool::State::Failed, {u"c@partner.jp"_s});
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    auto* view = window.findChild<QTreeView*>(u"queueView"_s);
    auto* tabs = window.findChild<QTabBar*>(u"groupTabs"_s);
    QCOMPARE(view->model()->rowCount(), 3);
    window.setGroup(Ui::QueueModel::Group::Attention);
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(tabs->tabText(tabs->currentIndex()).contains(u"(2)"_s));
    window.setGroup(Ui::QueueModel::Group::Sent);
    QCOMPARE(view->model()->rowCount(), 1);
    window.setGroup(Ui::QueueModel::Group::Waiting);
    QCOMPARE(view->model()->rowCount(), 0);

    // Ctrl+Tab walks the lists from the keyboard.
    window.setGroup(Ui::QueueModel::Group::All);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(window.group(), Ui::QueueModel::Group::Attention);
}

void TestQueueWindow::actionsFollowTheSelectedState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<bool>("sendAnyway");
    QTest::addColumn<bool>("remove");
    QTest::newRow("held") << int(Spool::State::Held) << false << true << true;
    QTest::newRow("failed") << int(Spool::State::Failed) << false << true << true;
    QTest::newRow("waiting for retry") << int(Spool::State::Approved) << true << false << true;
    QTest::newRow("sent") << int(Spool::State::Sent) << false << false << true;
    QTest::newRow("sending") << int(Spool::State::Sending) << false << false << false;
}

void TestQueueWindow::actionsFollowTheSelectedState()
{
    QFETCH(int, state);
    QFETCH(bool, retry);
    QFETCH(bool, sendAnyway);
    QFETCH(bool, remove);
    const Spool::Entry e = addEntry(static_cast<Spool::State>(state), {u"a@partner.jp"_s});
    Ui::QueueModel model;
    model.setEntries({e});
    Ui::QueueWindow window(&model);
    window.show();
    auto* retryButton = window.findChild<QPushButton*>(u"retryButton"_s);
    auto* sendButton = window.findChild<QPushButton*>(u"sendAnywayButton"_s);
    auto* deleteButton = window.findChild<QPushButton*>(u"deleteButton"_s);
    auto* exportButton = window.findChild<QPushButton*>(u"exportButton"_s);
    QVERIFY(!retryButton->isEnabled() && !sendButton->isEnabled() && !deleteButton->isEnabled());
    QVERIFY(window.selectId(e.id));
    QCOMPARE(retryButton->isEnabled(), retry);
    QCOMPARE(sendButton->isEnabled(), sendAnyway);
    QCOMPARE(deleteButton->isEnabled(), remove);
    QVERIFY(exportButton->isEnabled());
}

void TestQueueWindow::retryNowDeliversAWaitingMessage()
{
    m_config.policy.review = Settings::ReviewPolicy::Never;
    Smtp::SubmitResult busy;
    busy.kind = Kind::Temporary;
    busy.reply = Smtp::Reply::make(421, u"4.3.2"_s, u"Try again later"_s);
    busy.detail = u"The mail server is busy (421 Try again later)"_s;
    m_transport.results = {busy};
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();

    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"client@partner.jp"_s};
    dispatcher->submit(env, message(u"client@partner.jp"_s), u"work"_s, nullptr);
    QTRY_COMPARE(model.rowCount(), 1);
    const QString id = model.entryAt(0)->id;
    QTRY_COMPARE(model.entry(id)->state, Spool::State::Approved);
    QCOMPARE(spoolState(id), Spool::State::Approved);
    QCOMPARE(model.index(0, Ui::QueueModel::StateColumn).data().toString(), u"Waiting to retry"_s);
    QVERIFY(model.index(0, Ui::QueueModel::ReasonColumn).data().toString().contains(u"busy"_s));

    QVERIFY(window.selectId(id));
    auto* retryButton = window.findChild<QPushButton*>(u"retryButton"_s);
    QVERIFY(retryButton->isEnabled());
    QTest::mouseClick(retryButton, Qt::LeftButton);
    QTRY_COMPARE(spoolState(id), Spool::State::Sent);
    QCOMPARE(m_transport.delivered.size(), 2);
    QTRY_COMPARE(model.entry(id)->state, Spool::State::Sent);
    QCOMPARE(model.count(Ui::QueueModel::Group::Sent), 1);
}

void TestQueueWindow::sendAnywayGoesThroughReviewAgain()
{
    const Spool::Entry held =
        addEntry(Spool::State::Held, {u"client@partner.jp"_s}, u"Cancelled at review: x"_s);
    const Spool::Entry failed = addEntry(Spool::State::Failed, {u"other@partner.jp"_s}, u"refused"_s);
    auto* dispatcher = makeDispatcher(u"send"_s);
    QSignalSpy reviews(m_decisions, &Delivery::DecisionProvider::decided);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    auto* sendButton = window.findChild<QPushButton*>(u"sendAnywayButton"_s);

    for (const Spool::Entry& e : {held, failed}) {
        QVERIFY(window.selectId(e.id));
        QVERIFY(sendButton->isEnabled());
        const qsizetype before = reviews.size();
        QTest::mouseClick(sendButton, Qt::LeftButton);
        // It was reviewed again (the scripted person said send), then delivered.
        QTRY_COMPARE(reviews.size(), before + 1);
        QCOMPARE(reviews.constLast().constFirst().toString(), e.id);
        QTRY_COMPARE(spoolState(e.id), Spool::State::Sent);
        QVERIFY(m_transport.delivered.contains(e.id));
        QTRY_COMPARE(model.entry(e.id)->state, Spool::State::Sent);
    }
}

void TestQueueWindow::exportWritesTheSpooledBytes()
{
    const Spool::Entry held = addEntry(Spool::State::Held, {u"client@partner.jp"_s});
    QString error;
    const QByteArray original = *m_spool->content(held.id, &error);
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    QString suggested;
    const QString target = m_dir->filePath(u"exported.eml"_s);
    window.setFileChooser([&](QWidget*, const QString& s) {
        suggested = s;
        return target;
    });
    window.show();
    QVERIFY(window.selectId(held.id));
    QTest::mouseClick(window.findChild<QPushButton*>(u"exportButton"_s), Qt::LeftButton);
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    QVERIFY2(suggested.endsWith(u"client_partner.jp.eml"_s) || suggested.endsWith(u"client@partner.jp.eml"_s),
             qPrintable(suggested));
    // The queued message itself is untouched.
    QVERIFY(spoolHas(held.id));
    QCOMPARE(spoolState(held.id), Spool::State::Held);
}

void TestQueueWindow::deleteAsksNamingRecipientsAndRemovesFiles()
{
    const Spool::Entry held = addEntry(
        Spool::State::Held, {u"a@partner.jp"_s, u"b@partner.jp"_s, u"c@partner.jp"_s, u"d@partner.jp"_s,
                             u"e@partner.jp"_s, u"f@partner.jp"_s, u"g@partner.jp"_s});
    const Spool::Entry other = addEntry(Spool::State::Failed, {u"z@other.jp"_s});
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    QVERIFY(window.selectId(held.id));
    QString question;
    answerNextDialog(u"confirmDeleteButton"_s, &question);
    QTest::mouseClick(window.findChild<QPushButton*>(u"deleteButton"_s), Qt::LeftButton);
    QVERIFY2(question.contains(u"a@partner.jp"_s) && question.contains(u"e@partner.jp"_s) &&
                 question.contains(u"2 other recipient"_s),
             qPrintable(question));
    QVERIFY(!question.contains(u"z@other.jp"_s));
    QVERIFY(!spoolHas(held.id));
    QVERIFY(!QFile::exists(m_spool->directory() + u'/' + held.id + u".env"_s));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(spoolHas(other.id));
}

void TestQueueWindow::deleteCanBeDeclined()
{
    const Spool::Entry held = addEntry(Spool::State::Held, {u"a@partner.jp"_s});
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    QVERIFY(window.selectId(held.id));
    QString question;
    answerNextDialog(QString(), &question); // Escape = keep
    window.deleteSelected();
    QVERIFY(question.contains(u"a@partner.jp"_s));
    QVERIFY(spoolHas(held.id));
    QCOMPARE(model.rowCount(), 1);
}

void TestQueueWindow::deleteKeyOpensTheConfirmation()
{
    const Spool::Entry held = addEntry(Spool::State::Held, {u"a@partner.jp"_s});
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(window.selectId(held.id));
    auto* view = window.findChild<QTreeView*>(u"queueView"_s);
    view->setFocus();
    QString question;
    answerNextDialog(u"confirmDeleteButton"_s, &question);
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(question.contains(u"a@partner.jp"_s));
    QVERIFY(!spoolHas(held.id));
}

void TestQueueWindow::keepsItselfCurrent()
{
    auto* dispatcher = makeDispatcher(u"wait"_s);
    Ui::DispatcherQueueActions actions(dispatcher, m_spool.get());
    Ui::QueueModel model;
    model.setSource(&actions);
    Ui::QueueWindow window(&model);
    window.show();
    QSignalSpy counts(&model, &Ui::QueueModel::countsChanged);

    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"client@partner.jp"_s};
    dispatcher->submit(env, message(u"client@partner.jp"_s), u"work"_s, nullptr);
    // As soon as it is stored, from the Dispatcher's signal, without waiting for a reload.
    QTRY_COMPARE(model.rowCount(), 1);
    const QString id = model.entryAt(0)->id;
    QCOMPARE(model.entry(id)->state, Spool::State::Reviewing);
    QCOMPARE(model.index(0, Ui::QueueModel::StateColumn).data().toString(), u"Waiting for your review"_s);
    QVERIFY(!counts.isEmpty());

    // Removed behind the window's back (the Dispatcher sends no state for a discard): the reload notices.
    QVERIFY(dispatcher->discard(id));
    QTRY_COMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestQueueWindow)
#include "TestQueueWindow.moc"
