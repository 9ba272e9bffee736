// End to end through the real review window: swaks sends through the
// listener, the hop opens the ReviewDialog (offscreen), the test ticks and
// presses Send or Cancel as a person would, and the real aiosmtpd upstream
// receives the message (or not) while swaks reports what it was told.
#include "DialogDecisionProvider.h"
#include "RecipientModel.h"
#include "ReviewDialog.h"
#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Dispatcher.h"
#include "delivery/UpstreamTransport.h"
#include "smtp/SmtpServer.h"
#include "spool/Queue.h"
#include "store/History.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestReviewFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void confirmDelivers();
    void cancelTellsTheClient();
    void budgetRunsOutThenLaterSendIsHonoured();
    void visibleExternalGoToBccWhenChosen();

private:
    void startHop(int clientWaitSeconds);
    QProcess* swaks(const QString& to);
    Ui::ReviewDialog* waitForDialog();
    void tickEverything(Ui::ReviewDialog* dialog);
    int delivered() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_upstream = nullptr;
    quint16 m_upstreamPort = 0;
    std::unique_ptr<Spool::Queue> m_spool;
    std::unique_ptr<Store::History> m_history;
    std::unique_ptr<Delivery::Assessor> m_assessor;
    std::unique_ptr<Delivery::AuditRecorder> m_audit;
    QObject* m_owner = nullptr;
    Ui::DialogDecisionProvider* m_reviews = nullptr;
    Smtp::SmtpServer* m_server = nullptr;
};

void TestReviewFlow::initTestCase()
{
    if (QStandardPaths::findExecutable(u"swaks"_s).isEmpty())
        QFAIL("swaks is not installed (scripts/deps.sh --test installs it)");
}

void TestReviewFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_upstream = new QProcess;
    m_upstream->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString ready = m_dir->filePath(u"ready"_s);
    m_upstream->start(u"/usr/bin/python3"_s, {QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools/upstream.py"),
                                              u"--port"_s, u"0"_s, u"--mode"_s, u"plain"_s, u"--maildir"_s,
                                              m_dir->filePath(u"maildir"_s), u"--ready-file"_s, ready});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ready) && QFileInfo(ready).size() > 0, 10000);
    QFile f(ready);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_upstreamPort = quint16(f.readAll().trimmed().toUInt());
    QVERIFY(m_upstreamPort != 0);
    m_owner = new QObject;
}

void TestReviewFlow::cleanup()
{
    delete m_owner; // server, dispatcher, dialogs
    m_owner = nullptr;
    m_audit.reset();
    m_assessor.reset();
    m_history.reset();
    m_spool.reset();
    m_upstream->terminate();
    m_upstream->waitForFinished(5000);
    delete m_upstream;
    m_upstream = nullptr;
    m_dir.reset();
}

void TestReviewFlow::startHop(int clientWaitSeconds)
{
    Settings::Config config;
    config.policy.internalDomains = {u"example.co.jp"_s};
    config.policy.review = Settings::ReviewPolicy::External;
    config.delivery.clientWaitSeconds = clientWaitSeconds;
    Settings::Account account;
    account.name = u"work"_s;
    account.host = u"127.0.0.1"_s;
    account.port = m_upstreamPort;
    account.security = Smtp::Security::None;
    account.auth = Smtp::AuthMethod::None;
    config.accounts << account;

    m_spool = std::make_unique<Spool::Queue>(m_dir->filePath(u"spool"_s));
    QString error;
    QVERIFY(m_spool->open(&error));
    m_history = std::make_unique<Store::History>(u":memory:"_s);
    m_history->open();
    m_assessor = std::make_unique<Delivery::Assessor>(config, m_history.get());
    m_audit = std::make_unique<Delivery::AuditRecorder>(m_history.get());
    m_reviews = new Ui::DialogDecisionProvider(0, m_owner);
    auto* dispatcher = new Delivery::Dispatcher(
        config, m_spool.get(), m_assessor.get(), m_audit.get(), m_reviews,
        [account](const QString&, QObject* parent) {
            return new Delivery::UpstreamTransport(account, 30, nullptr, nullptr, parent);
        },
        m_owner);
    Smtp::SessionConfig session;
    session.requireAuth = false;
    m_server = new Smtp::SmtpServer(session, nullptr, m_owner);
    connect(m_server, &Smtp::SmtpServer::messageReceived, dispatcher,
            [dispatcher](const Smtp::Envelope& e, const QByteArray& c, const QString&,
                         Smtp::PendingReply* r) { dispatcher->submit(e, c, u"work"_s, r); });
    QVERIFY(m_server->listen(0, &error));
}

QProcess* TestReviewFlow::swaks(const QString& to)
{
    auto* p = new QProcess(m_owner);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(u"swaks"_s,
             {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_server->port()), u"--from"_s,
              u"taro@example.co.jp"_s, u"--to"_s, to, u"--header"_s, u"Subject: quote"_s, u"--body"_s,
              u"Please find the quote."_s, u"--timeout"_s, u"60"_s});
    return p;
}

// Null when no review window opened in time (the caller's QVERIFY reports it).
Ui::ReviewDialog* TestReviewFlow::waitForDialog()
{
    QDeadlineTimer deadline(15000);
    while (!m_reviews->currentDialog() && !deadline.hasExpired())
        QTest::qWait(20);
    Ui::ReviewDialog* dialog = m_reviews->currentDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning("review window not exposed");
    return dialog;
}

// As a person with the keyboard: each recipient row gets Space.
void TestReviewFlow::tickEverything(Ui::ReviewDialog* dialog)
{
    auto* view = dialog->findChild<QTreeView*>(u"recipientView"_s);
    QVERIFY(view);
    auto* model = qobject_cast<Ui::RecipientModel*>(view->model());
    QVERIFY(model);
    view->setFocus();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r) {
            view->setCurrentIndex(model->index(r, Ui::RecipientModel::AddressColumn, group));
            QTest::keyClick(view, Qt::Key_Space);
        }
    }
    const QList<QCheckBox*> checks = dialog->findChildren<QCheckBox*>();
    for (QCheckBox* check : checks) {
        if (check->objectName().startsWith(u"acknowledgement_"_s) && !check->isChecked())
            QTest::keyClick(check, Qt::Key_Space);
    }
}

int TestReviewFlow::delivered() const
{
    return int(QDir(m_dir->filePath(u"maildir"_s)).entryList({u"*.json"_s}, QDir::Files).size());
}

void TestReviewFlow::confirmDelivers()
{
    startHop(30);
    QProcess* client = swaks(u"partner@other.example"_s);
    Ui::ReviewDialog* dialog = waitForDialog();
    QVERIFY(dialog);
    auto* send = dialog->findChild<QPushButton*>(u"sendButton"_s);
    QVERIFY(send);
    QVERIFY2(!send->isEnabled(), "Send must wait until the recipient is ticked");
    tickEverything(dialog);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    // The hop runs in this thread: wait with the event loop running, never blocking it.
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QProcess::NotRunning, 30000);
    const QString said = QString::fromUtf8(client->readAll());
    QCOMPARE(client->exitCode(), 0);
    QVERIFY2(said.contains(u"<-  250 2.0.0 Delivered"_s), qPrintable(said));
    QTRY_COMPARE(delivered(), 1);
}

void TestReviewFlow::cancelTellsTheClient()
{
    startHop(30);
    QProcess* client = swaks(u"partner@other.example"_s);
    Ui::ReviewDialog* dialog = waitForDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"cancelButton"_s), Qt::LeftButton);
    auto* reason = dialog->findChild<QLineEdit*>(u"cancelReasonEdit"_s);
    QVERIFY(reason);
    QTest::keyClicks(reason, u"wrong partner"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"confirmCancelButton"_s), Qt::LeftButton);
    // The hop runs in this thread: wait with the event loop running, never blocking it.
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QProcess::NotRunning, 30000);
    const QString said = QString::fromUtf8(client->readAll());
    QVERIFY2(said.contains(u"<** 550 5.7.1 Cancelled at review: wrong partner"_s), qPrintable(said));
    QTest::qWait(300);
    QCOMPARE(delivered(), 0);
}

void TestReviewFlow::budgetRunsOutThenLaterSendIsHonoured()
{
    startHop(1);
    QProcess* client = swaks(u"partner@other.example"_s);
    Ui::ReviewDialog* dialog = waitForDialog();
    QVERIFY(dialog);
    // The hop runs in this thread: wait with the event loop running, never blocking it.
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QProcess::NotRunning, 15000);
    const QString said = QString::fromUtf8(client->readAll());
    QVERIFY2(said.contains(u"<-  250 2.6.0 Queued for review"_s), qPrintable(said));
    QCOMPARE(delivered(), 0);
    QVERIFY2(m_reviews->currentDialog() == dialog, "the window stays open after the client was released");
    tickEverything(dialog);
    auto* send = dialog->findChild<QPushButton*>(u"sendButton"_s);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(delivered(), 1, 15000);
}

void TestReviewFlow::visibleExternalGoToBccWhenChosen()
{
    startHop(30);
    QStringList to{u"kimura@example.co.jp"_s};
    for (int i = 1; i <= 11; ++i)
        to << u"guest%1@partner%2.example"_s.arg(i).arg(i % 3);
    QProcess* client = swaks(to.join(u','));
    Ui::ReviewDialog* dialog = waitForDialog();
    QVERIFY(dialog);
    auto* offer = dialog->findChild<QRadioButton*>(u"bccMove"_s);
    QVERIFY2(offer, "eleven visible external addresses: the window offers Bcc");
    tickEverything(dialog);                // every recipient
    QTest::keyClick(offer, Qt::Key_Space); // the choice answers the warning
    auto* send = dialog->findChild<QPushButton*>(u"sendButton"_s);
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QProcess::NotRunning, 30000);
    const QString said = QString::fromUtf8(client->readAll());
    QVERIFY2(said.contains(u"<-  250 2.0.0 Delivered"_s), qPrintable(said));
    QTRY_COMPARE(delivered(), 1);

    // The upstream got every recipient, and a header that shows only the colleague.
    const QString maildir = m_dir->filePath(u"maildir"_s);
    const QString stem = QDir(maildir).entryList({u"*.json"_s}, QDir::Files).constFirst().chopped(5);
    QFile meta(maildir + u'/' + stem + u".json"_s);
    QVERIFY(meta.open(QIODevice::ReadOnly));
    const QJsonArray rcpts = QJsonDocument::fromJson(meta.readAll()).object().value(u"rcpt_tos"_s).toArray();
    QCOMPARE(rcpts.size(), to.size());
    QFile eml(maildir + u'/' + stem + u".eml"_s);
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QByteArray message = eml.readAll();
    const QByteArray header = message.left(message.indexOf("\r\n\r\n") + 2);
    QVERIFY2(header.contains("\r\nTo: kimura@example.co.jp\r\n"), header.constData());
    QVERIFY2(!header.contains("partner"), header.constData());
}

QTEST_MAIN(TestReviewFlow)
#include "TestReviewFlow.moc"
