#include "smtp/Authenticator.h"
#include "smtp/SmtpServer.h"
#include "smtp/TestMessageWatcher.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

using Smtp::MailProgram;
using Smtp::TestMessageWatcher;

namespace {

class Credentials : public Smtp::Authenticator
{
public:
    bool verify(const QString& user, const QString& password) const override
    {
        return user == u"work"_s && password == u"s3cret-local"_s;
    }
};

} // namespace

// "Send a test message" with real mail programs (swaks, msmtp) against a
// real listener: the watcher says which program and which user, and the
// message still reaches the handler that answers it (nothing is swallowed).
class TestTestMessageWatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void reportsSwaks();
    void reportsMsmtp();
    void wrongPasswordIsReportedAndWaitingGoesOn();
    void notWaitingReportsNothing();
    void stopAndTimeout();

private:
    // Runs a client to its end while the listener (same thread) keeps running.
    int run(const QString& program, const QStringList& args, const QByteArray& input = {});
    int swaks(const QString& password);
    int msmtp();

    Credentials m_credentials;
    std::unique_ptr<Smtp::SmtpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_delivered = 0; // messages the "dispatcher" (the other listener) answered
    QString m_output;    // the last client's output, for failures
};

void TestTestMessageWatcher::initTestCase()
{
    if (QStandardPaths::findExecutable(u"swaks"_s).isEmpty() ||
        QStandardPaths::findExecutable(u"msmtp"_s).isEmpty())
        QFAIL("swaks and msmtp are needed (scripts/deps.sh installs them)");
}

void TestTestMessageWatcher::init()
{
    Smtp::SessionConfig config;
    config.authFailureDelayMs = 50;
    m_server = std::make_unique<Smtp::SmtpServer>(config, &m_credentials);
    QString error;
    QVERIFY2(m_server->listen(0, &error), qPrintable(error));
    m_delivered = 0;
    // The application's own handler: takes every message and answers it.
    connect(m_server.get(), &Smtp::SmtpServer::messageReceived, this,
            [this](const Smtp::Envelope&, const QByteArray&, const QString&, Smtp::PendingReply* reply) {
                ++m_delivered;
                reply->answer(Smtp::Reply::make(250, u"2.0.0"_s, u"queued"_s));
            });
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestTestMessageWatcher::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

int TestTestMessageWatcher::run(const QString& program, const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 90000);
    m_output = QString::fromUtf8(p.readAll());
    return p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int TestTestMessageWatcher::swaks(const QString& password)
{
    return run(u"swaks"_s,
               {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_server->port()), u"--from"_s,
                u"taro@example.co.jp"_s, u"--to"_s, u"hanako@example.co.jp"_s, u"--auth"_s, u"PLAIN"_s,
                u"--auth-user"_s, u"work"_s, u"--auth-password"_s, password, u"--timeout"_s, u"60"_s});
}

int TestTestMessageWatcher::msmtp()
{
    const QString rc = m_dir->filePath(u"msmtprc"_s);
    QFile f(rc);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write("account test\nhost 127.0.0.1\nport " + QByteArray::number(m_server->port()) +
            "\nauth plain\nuser work\npassword s3cret-local\ntls off\nfrom taro@example.co.jp\n"
            "account default : test\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // msmtp refuses a password file others can read
    return run(u"msmtp"_s, {u"-C"_s, rc, u"--"_s, u"hanako@example.co.jp"_s},
               "To: hanako@example.co.jp\nSubject: test\n\nA test message.\n");
}

void TestTestMessageWatcher::reportsSwaks()
{
    TestMessageWatcher watcher(m_server.get());
    QSignalSpy received(&watcher, &TestMessageWatcher::received);
    watcher.start(120000);
    QVERIFY(watcher.isWaiting());
    QCOMPARE(swaks(u"s3cret-local"_s), 0);
    QCOMPARE(received.size(), 1);
    const auto arrival = received.at(0).at(0).value<TestMessageWatcher::Arrival>();
    QCOMPARE(arrival.program.name, u"swaks"_s);
    QVERIFY2(!arrival.program.version.isEmpty(), qPrintable(arrival.program.displayName()));
    QCOMPARE(arrival.user, u"work"_s);
    QCOMPARE(arrival.mailFrom, u"taro@example.co.jp"_s);
    QVERIFY(!watcher.isWaiting());
    QCOMPARE(m_delivered, 1); // and swaks got its 250 (exit 0): the message went on
}

void TestTestMessageWatcher::reportsMsmtp()
{
    TestMessageWatcher watcher(m_server.get());
    QSignalSpy received(&watcher, &TestMessageWatcher::received);
    watcher.start(120000);
    QVERIFY2(msmtp() == 0, qPrintable(m_output));
    QCOMPARE(received.size(), 1);
    const auto arrival = received.at(0).at(0).value<TestMessageWatcher::Arrival>();
    QCOMPARE(arrival.program.name, u"msmtp"_s);
    QCOMPARE(arrival.program.displayName(), u"msmtp"_s);
    QCOMPARE(arrival.user, u"work"_s);
    QCOMPARE(m_delivered, 1);
}

void TestTestMessageWatcher::wrongPasswordIsReportedAndWaitingGoesOn()
{
    TestMessageWatcher watcher(m_server.get());
    QSignalSpy received(&watcher, &TestMessageWatcher::received);
    QSignalSpy failed(&watcher, &TestMessageWatcher::authenticationFailed);
    watcher.start(120000);
    QVERIFY(swaks(u"copied-wrong"_s) != 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(1).toString(), u"work"_s);
    QVERIFY(!failed.at(0).at(0).value<MailProgram>().heloName.isEmpty());
    QVERIFY(watcher.isWaiting());
    QCOMPARE(received.size(), 0);
    // The person copies the password again and sends again.
    QCOMPARE(swaks(u"s3cret-local"_s), 0);
    QCOMPARE(received.size(), 1);
    QCOMPARE(failed.size(), 1);
}

void TestTestMessageWatcher::notWaitingReportsNothing()
{
    TestMessageWatcher watcher(m_server.get());
    QSignalSpy received(&watcher, &TestMessageWatcher::received);
    QSignalSpy failed(&watcher, &TestMessageWatcher::authenticationFailed);
    QCOMPARE(swaks(u"s3cret-local"_s), 0);
    QVERIFY(swaks(u"copied-wrong"_s) != 0);
    QCOMPARE(received.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_delivered, 1);
}

void TestTestMessageWatcher::stopAndTimeout()
{
    TestMessageWatcher watcher(m_server.get());
    QSignalSpy timedOut(&watcher, &TestMessageWatcher::timedOut);
    QSignalSpy waiting(&watcher, &TestMessageWatcher::waitingChanged);
    watcher.start(100);
    QVERIFY(timedOut.wait(10000));
    QVERIFY(!watcher.isWaiting());
    watcher.start(0); // until stopped
    QTest::qWait(300);
    QVERIFY(watcher.isWaiting());
    watcher.stop();
    QVERIFY(!watcher.isWaiting());
    QCOMPARE(timedOut.size(), 1);
    QCOMPARE(waiting.size(), 4); // on, off, on, off
    QVERIFY(!TestMessageWatcher(nullptr).isAvailable());
}

QTEST_GUILESS_MAIN(TestTestMessageWatcher)
#include "TestTestMessageWatcher.moc"
