#include "smtp/Authenticator.h"
#include "smtp/SmtpServer.h"

#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

using Smtp::Envelope;
using Smtp::PendingReply;
using Smtp::Reply;
using Smtp::SessionConfig;
using Smtp::SmtpServer;

namespace {

class FakeAuthenticator : public Smtp::Authenticator
{
public:
    bool verify(const QString& user, const QString& password) const override
    {
        return user == u"work"_s && password == u"secret"_s;
    }
};

const QByteArray kAuth = "AUTH PLAIN " + QByteArray("\0work\0secret", 12).toBase64() + "\r\n";

// A real mail client on a real socket, driven from the test's event loop so
// that the server (same thread) keeps running while the client waits.
class Client
{
public:
    bool connectTo(const QHostAddress& address, quint16 port, int timeoutMs = 5000)
    {
        socket.connectToHost(address, port);
        (void)QTest::qWaitFor(
            [&] {
                return socket.state() == QAbstractSocket::ConnectedState ||
                       socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        return socket.state() == QAbstractSocket::ConnectedState;
    }

    void send(const QByteArray& bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    // The next complete reply (all its lines), or empty after the timeout.
    QByteArray reply(int timeoutMs = 5000)
    {
        QByteArray result;
        (void)QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                qsizetype start = 0;
                for (;;) {
                    const qsizetype end = buffer.indexOf("\r\n", start);
                    if (end < 0)
                        return false;
                    if (end - start >= 4 && buffer.at(start + 3) == ' ') {
                        result = buffer.left(end + 2);
                        buffer.remove(0, end + 2);
                        return true;
                    }
                    start = end + 2;
                }
            },
            timeoutMs);
        return result;
    }

    bool waitDisconnected(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

    QTcpSocket socket;
    QByteArray buffer;
};

struct Received
{
    Envelope envelope;
    QByteArray content;
    QString user;
    QPointer<PendingReply> reply;
};

bool ipv6LoopbackAvailable()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

QList<QHostAddress> nonLoopbackAddresses()
{
    QList<QHostAddress> out;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& iface : interfaces) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || (iface.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (!a.isLoopback() && !a.isNull())
                out.append(a);
        }
    }
    return out;
}

} // namespace

class TestSmtpServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loopbackClients_data();
    void loopbackClients();
    void notReachableOnOtherAddresses_data();
    void notReachableOnOtherAddresses();
    void fixedPortAndPortInUse();
    void sessionCap();
    void inputBeforeGreeting();
    void clientGoneWhileWaiting();
    void answerAfterSeveralMessages();
    void httpRequestIsCutOff();
    void idleTimeout();
    void logLineHasNoPassword();

private:
    std::unique_ptr<SmtpServer> makeServer(const SessionConfig& config = testConfig());
    static SessionConfig testConfig()
    {
        SessionConfig c;
        c.authFailureDelayMs = 0;
        return c;
    }

    FakeAuthenticator m_auth;
    QList<Received> m_received;
    bool m_autoAnswer = true;
};

void TestSmtpServer::initTestCase()
{
    QLoggingCategory::setFilterRules(u"smtp.info=false\nsmtp.debug=false"_s);
}

std::unique_ptr<SmtpServer> TestSmtpServer::makeServer(const SessionConfig& config)
{
    m_received.clear();
    m_autoAnswer = true;
    auto server = std::make_unique<SmtpServer>(config, &m_auth);
    connect(server.get(), &SmtpServer::messageReceived, this,
            [this](const Envelope& e, const QByteArray& c, const QString& u, PendingReply* r) {
                m_received.append({e, c, u, r});
                if (m_autoAnswer)
                    r->answer(Reply::make(250, u"2.0.0"_s, u"Sent"_s));
            });
    QString error;
    if (!server->listen(0, &error))
        qWarning() << "listen failed:" << error;
    return server;
}

void TestSmtpServer::loopbackClients_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("127.0.0.1") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("::1") << QHostAddress(QHostAddress::LocalHostIPv6);
}

void TestSmtpServer::loopbackClients()
{
    QFETCH(QHostAddress, address);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && !ipv6LoopbackAvailable())
        QSKIP("IPv6 loopback is not available on this machine");
    auto server = makeServer();
    QVERIFY(server->port() != 0);

    Client c;
    QVERIFY(c.connectTo(address, server->port()));
    QVERIFY(c.reply().startsWith("220 localhost ESMTP"));
    QCOMPARE(server->sessionCount(), 1);
    c.send("EHLO client\r\n");
    QVERIFY(c.reply().contains("250 SMTPUTF8\r\n"));
    // Pipelined, as a PIPELINING client does.
    c.send(kAuth + "MAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<hanako@example.com>\r\nDATA\r\n");
    QVERIFY(c.reply().startsWith("235 2.7.0"));
    QVERIFY(c.reply().startsWith("250 2.1.0"));
    QVERIFY(c.reply().startsWith("250 2.1.5"));
    QVERIFY(c.reply().startsWith("354"));
    c.send("Subject: hi\r\n\r\n..dot\r\nbody\r\n.\r\n");
    QCOMPARE(c.reply(), QByteArray("250 2.0.0 Sent\r\n"));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.first().envelope.mailFrom, u"taro@example.co.jp"_s);
    QCOMPARE(m_received.first().envelope.recipients, QStringList{u"hanako@example.com"_s});
    QCOMPARE(m_received.first().content, QByteArray("Subject: hi\r\n\r\n.dot\r\nbody\r\n"));
    QCOMPARE(m_received.first().user, u"work"_s);
    QVERIFY(m_received.first().reply);
    QVERIFY(m_received.first().reply->isAnswered());

    c.send("QUIT\r\n");
    QVERIFY(c.reply().startsWith("221 2.0.0"));
    QVERIFY(c.waitDisconnected());
    // The connection (and its PendingReply) are gone once the socket closed.
    QTRY_COMPARE(server->sessionCount(), 0);
    QTRY_VERIFY(!m_received.first().reply);
}

void TestSmtpServer::notReachableOnOtherAddresses_data()
{
    QTest::addColumn<QHostAddress>("address");
    bool v4 = false, v6 = false;
    for (const QHostAddress& a : nonLoopbackAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !v4) {
            QTest::newRow(qPrintable(u"IPv4 "_s + a.toString())) << a;
            v4 = true;
        } else if (a.protocol() == QAbstractSocket::IPv6Protocol && !v6) {
            QTest::newRow(qPrintable(u"IPv6 "_s + a.toString())) << a;
            v6 = true;
        }
    }
    if (!v4)
        QTest::newRow("IPv4 (none on this machine)") << QHostAddress();
    if (!v6)
        QTest::newRow("IPv6 (none on this machine)") << QHostAddress();
}

void TestSmtpServer::notReachableOnOtherAddresses()
{
    QFETCH(QHostAddress, address);
    if (address.isNull())
        QSKIP("no such non-loopback address on this machine");
    auto server = makeServer();
    // The address itself works: something listening on all addresses is reachable there.
    {
        QTcpServer any;
        if (any.listen(QHostAddress::Any, 0) || any.listen(QHostAddress::AnyIPv6, 0)) {
            Client probe;
            if (!probe.connectTo(address, any.serverPort(), 3000))
                QSKIP("this address does not accept local connections at all");
        }
    }
    Client c;
    QVERIFY(!c.connectTo(address, server->port(), 3000));
    QCOMPARE(server->sessionCount(), 0);
}

void TestSmtpServer::fixedPortAndPortInUse()
{
    // Find a free port, then ask for it explicitly.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    SmtpServer server(testConfig(), &m_auth);
    QString error;
    QVERIFY2(server.listen(port, &error), qPrintable(error));
    QCOMPARE(server.port(), port);
    if (ipv6LoopbackAvailable()) {
        Client c6;
        QVERIFY(c6.connectTo(QHostAddress::LocalHostIPv6, port));
        QVERIFY(c6.reply().startsWith("220 "));
    }

    // A second listener on the same port fails with a readable reason.
    SmtpServer second(testConfig(), &m_auth);
    QString error2;
    QVERIFY(!second.listen(port, &error2));
    QVERIFY(error2.contains(QString::number(port)));
    QCOMPARE(second.port(), 0);

    server.close();
    QCOMPARE(server.port(), 0);
    Client late;
    QVERIFY(!late.connectTo(QHostAddress::LocalHost, port, 3000));
}

void TestSmtpServer::sessionCap()
{
    auto server = makeServer();
    server->setMaxSessions(2);
    Client a, b, c;
    QVERIFY(a.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(a.reply().startsWith("220 "));
    QVERIFY(b.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(b.reply().startsWith("220 "));
    QCOMPARE(server->sessionCount(), 2);

    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QCOMPARE(c.reply(), QByteArray("421 4.3.2 Too many connections, try again later\r\n"));
    QVERIFY(c.waitDisconnected());
    QCOMPARE(server->sessionCount(), 2);

    // The others are unaffected, and a freed slot can be used again.
    a.send("NOOP\r\n");
    QVERIFY(a.reply().startsWith("250 2.0.0"));
    b.socket.abort();
    QTRY_COMPARE(server->sessionCount(), 1);
    Client d;
    QVERIFY(d.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(d.reply().startsWith("220 "));
}

void TestSmtpServer::inputBeforeGreeting()
{
    auto server = makeServer();
    Client c;
    // Connect and talk at once, before the server's event loop could accept:
    // blocking calls do not run the event loop.
    c.socket.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(c.socket.waitForConnected(5000));
    c.socket.write("EHLO early\r\nMAIL FROM:<a@b.c>\r\n");
    QVERIFY(c.socket.waitForBytesWritten(5000));
    QTest::qWait(50); // let it arrive in the server's receive buffer
    const QByteArray r = c.reply();
    QCOMPARE(r, QByteArray("554 5.5.1 Input before the greeting is not allowed\r\n"));
    QVERIFY(c.waitDisconnected());
    QVERIFY(!c.buffer.contains("220"));
    QTRY_COMPARE(server->sessionCount(), 0);
}

void TestSmtpServer::clientGoneWhileWaiting()
{
    auto server = makeServer();
    m_autoAnswer = false;
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220"));
    c.send("EHLO x\r\n" + kAuth + "MAIL FROM:<a@b.jp>\r\nRCPT TO:<c@d.jp>\r\nDATA\r\n");
    for (int i = 0; i < 5; ++i)
        QVERIFY(!c.reply().isEmpty());
    c.send("Subject: x\r\n\r\nbody\r\n.\r\n");
    QTRY_COMPARE(m_received.size(), 1);
    QPointer<PendingReply> reply = m_received.first().reply;
    QVERIFY(reply);
    QSignalSpy gone(reply.data(), &PendingReply::clientGone);
    QSignalSpy answered(reply.data(), &PendingReply::answered);

    c.socket.abort(); // the mail client gives up before the answer
    QTRY_COMPARE(gone.size(), 1);
    QVERIFY(!reply); // deleted right after clientGone
    QCOMPARE(answered.size(), 0);
    QTRY_COMPARE(server->sessionCount(), 0);
}

void TestSmtpServer::answerAfterSeveralMessages()
{
    auto server = makeServer();
    m_autoAnswer = false;
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220"));
    c.send("EHLO x\r\n" + kAuth);
    QVERIFY(c.reply().startsWith("250"));
    QVERIFY(c.reply().startsWith("235"));
    for (int i = 0; i < 3; ++i) {
        c.send("MAIL FROM:<a@b.jp>\r\nRCPT TO:<c@d.jp>\r\nDATA\r\n");
        QVERIFY(c.reply().startsWith("250 2.1.0"));
        QVERIFY(c.reply().startsWith("250 2.1.5"));
        QVERIFY(c.reply().startsWith("354"));
        // The end of DATA and the next command in one packet: the NOOP waits for the answer.
        c.send("Subject: " + QByteArray::number(i) + "\r\n\r\nx\r\n.\r\nNOOP\r\n");
        QTRY_COMPARE(m_received.size(), i + 1);
        QVERIFY(c.reply(200).isEmpty());
        // A later answer (as after a review) reaches the client, then the NOOP's.
        m_received.last().reply->answer(Reply::make(550, u"5.7.1"_s, u"Cancelled at review"_s));
        QCOMPARE(c.reply(), QByteArray("550 5.7.1 Cancelled at review\r\n"));
        QVERIFY(c.reply().startsWith("250 2.0.0"));
        // Answering twice does nothing.
        m_received.last().reply->answer(Reply::make(250, u"2.0.0"_s, u"again"_s));
        QVERIFY(c.reply(100).isEmpty());
    }
    // Earlier replies are cleaned up as the connection goes on; the last lives with the connection.
    QTRY_VERIFY(!m_received.first().reply);
    QVERIFY(m_received.last().reply);
    c.send("QUIT\r\n");
    QVERIFY(c.waitDisconnected());
    QTRY_VERIFY(!m_received.last().reply);
}

void TestSmtpServer::httpRequestIsCutOff()
{
    auto server = makeServer();
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220"));
    c.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nEHLO x\r\n" + kAuth +
           "MAIL FROM:<a@b.jp>\r\nRCPT TO:<c@d.jp>\r\nDATA\r\nx\r\n.\r\n");
    QVERIFY(c.reply().startsWith("554 5.7.0"));
    QVERIFY(c.waitDisconnected());
    QVERIFY(c.buffer.isEmpty());
    QCOMPARE(m_received.size(), 0);
}

void TestSmtpServer::idleTimeout()
{
    SessionConfig config = testConfig();
    config.idleTimeoutMs = 300;
    auto server = makeServer(config);
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220"));
    QCOMPARE(c.reply(2000), QByteArray("421 4.4.2 Idle timeout; closing connection\r\n"));
    QVERIFY(c.waitDisconnected());
}

namespace {
QStringList* g_log = nullptr;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_log && qstrcmp(context.category, "smtp") == 0)
        g_log->append(message);
    else if (g_previous)
        g_previous(type, context, message);
}
} // namespace

void TestSmtpServer::logLineHasNoPassword()
{
    QLoggingCategory::setFilterRules(u"smtp.info=true\nsmtp.debug=true"_s);
    QStringList log;
    g_log = &log;
    g_previous = qInstallMessageHandler(captureLog);
    {
        auto server = makeServer();
        Client c;
        QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
        QVERIFY(c.reply().startsWith("220"));
        c.send("EHLO x\r\nAUTH LOGIN\r\n" + QByteArray("work").toBase64() + "\r\n" +
               QByteArray("secret").toBase64() +
               "\r\nMAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<a@x.jp>\r\nRCPT TO:<b@y.jp>\r\nDATA\r\n");
        for (int i = 0; i < 8; ++i) // EHLO, 334, 334, 235, 250, 250, 250, 354
            QVERIFY(!c.reply().isEmpty());
        c.send("Subject: x\r\n\r\nbody\r\n.\r\n");
        QVERIFY(c.reply().startsWith("250 2.0.0"));
        c.send("AUTH PLAIN " + QByteArray("\0work\0hunter2", 13).toBase64() + "\r\nQUIT\r\n");
        QVERIFY(c.waitDisconnected());
        QTRY_COMPARE(server->sessionCount(), 0);
    }
    qInstallMessageHandler(g_previous);
    g_log = nullptr;
    QLoggingCategory::setFilterRules(u"smtp.info=false\nsmtp.debug=false"_s);

    const QString all = log.join(u'\n');
    QVERIFY2(!all.contains(u"secret"_s) && !all.contains(u"hunter2"_s), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String(QByteArray("secret").toBase64())), qPrintable(all));
    // One readable line for the message: peer, user, from, recipients, size, reply.
    QStringList lines;
    for (const QString& l : std::as_const(log)) {
        if (l.contains(u"reply"_s))
            lines << l;
    }
    QCOMPARE(lines.size(), 1);
    const QString& line = lines.first();
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
    QVERIFY2(line.startsWith(u"127.0.0.1:"_s), qPrintable(line));
    QVERIFY2(line.contains(u"user work"_s), qPrintable(line));
    QVERIFY2(line.contains(u"from <taro@example.co.jp>"_s), qPrintable(line));
    QVERIFY2(line.contains(u"rcpt 2"_s), qPrintable(line));
    QVERIFY2(line.contains(u"size 20"_s), qPrintable(line));
    QVERIFY2(line.contains(u"reply 250 2.0.0 Sent"_s), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestSmtpServer)
#include "TestSmtpServer.moc"
