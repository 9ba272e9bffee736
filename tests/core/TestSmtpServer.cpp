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
#include <vector>

using namespace Qt::StringLiterals;

using Smtp::Envelope;
using Smtp::PeerOwner;
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
    void idleConnectionsDoNotLockOut_data();
    void idleConnectionsDoNotLockOut();
    void authDeadlineFreesTheSlot();
    void otherUserRefusedBeforeGreeting_data();
    void otherUserRefusedBeforeGreeting();
    void peerOwnerOfOwnConnections_data();
    void peerOwnerOfOwnConnections();
    void ipv6PortTakenBySomeoneElse();
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
    QCOMPARE(server->maxUnestablished(), 1);
    Client a, b, c;
    for (Client* x : {&a, &b}) {
        QVERIFY(x->connectTo(QHostAddress::LocalHost, server->port()));
        QVERIFY(x->reply().startsWith("220 "));
        x->send("EHLO x\r\n" + kAuth);
        QVERIFY(x->reply().startsWith("250"));
        QVERIFY(x->reply().startsWith("235"));
    }
    QCOMPARE(server->sessionCount(), 2);

    // Every slot holds a logged-in session: a new connection is refused.
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

void TestSmtpServer::idleConnectionsDoNotLockOut_data()
{
    QTest::addColumn<int>("maxSessions");
    QTest::addColumn<int>("loggedIn");   // sessions that logged in before the idle ones came
    QTest::addColumn<int>("idle");       // connections that then sit there
    QTest::addColumn<QByteArray>("say"); // what each idle connection says (and then nothing)
    QTest::newRow("40 silent, default cap") << 16 << 0 << 40 << QByteArray();
    QTest::newRow("40 after EHLO") << 16 << 0 << 40 << QByteArray("EHLO idle\r\n");
    QTest::newRow("40 half-way through AUTH LOGIN")
        << 16 << 0 << 40 << QByteArray("EHLO idle\r\nAUTH LOGIN\r\n");
    QTest::newRow("40 with half a line") << 16 << 0 << 40 << QByteArray("EHL");
    QTest::newRow("logged-in sessions are never dropped") << 16 << 3 << 40 << QByteArray();
    QTest::newRow("cap of 4, 3 logged in") << 4 << 3 << 10 << QByteArray();
    QTest::newRow("cap of 1") << 1 << 0 << 5 << QByteArray();
}

void TestSmtpServer::idleConnectionsDoNotLockOut()
{
    QFETCH(int, maxSessions);
    QFETCH(int, loggedIn);
    QFETCH(int, idle);
    QFETCH(QByteArray, say);
    auto server = makeServer();
    server->setMaxSessions(maxSessions);
    std::vector<std::unique_ptr<Client>> in, idlers;
    for (int i = 0; i < loggedIn; ++i) {
        in.push_back(std::make_unique<Client>());
        QVERIFY(in.back()->connectTo(QHostAddress::LocalHost, server->port()));
        QVERIFY(in.back()->reply().startsWith("220 "));
        in.back()->send("EHLO x\r\n" + kAuth);
        QVERIFY(in.back()->reply().startsWith("250"));
        QVERIFY(in.back()->reply().startsWith("235"));
    }
    for (int i = 0; i < idle; ++i) {
        idlers.push_back(std::make_unique<Client>());
        QVERIFY(idlers.back()->connectTo(QHostAddress::LocalHost, server->port()));
        if (!say.isEmpty())
            idlers.back()->send(say);
    }
    // Let the server take them all in; the ones that did not log in never hold more than their share.
    const int share = server->maxUnestablished();
    QTRY_VERIFY(server->sessionCount() <= loggedIn + share);
    QTest::qWait(100);

    // While every idle connection is still open on the client side, a real client gets in and delivers.
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220 "));
    c.send("EHLO client\r\n" + kAuth +
           "MAIL FROM:<taro@example.co.jp>\r\nRCPT TO:<hanako@example.com>\r\nDATA\r\n");
    QVERIFY(c.reply().startsWith("250"));
    QCOMPARE(c.reply().left(3), QByteArray("235"));
    QVERIFY(c.reply().startsWith("250 2.1.0"));
    QVERIFY(c.reply().startsWith("250 2.1.5"));
    QVERIFY(c.reply().startsWith("354"));
    c.send("Subject: hi\r\n\r\nbody\r\n.\r\n");
    QCOMPARE(c.reply(), QByteArray("250 2.0.0 Sent\r\n"));
    QCOMPARE(m_received.size(), 1);

    // The logged-in sessions were never dropped.
    for (auto& x : in) {
        x->send("NOOP\r\n");
        QVERIFY(x->reply().startsWith("250 2.0.0"));
    }
    // The oldest idle connections were closed with a reason, the newest are still there: as many as fit
    // in their share next to the logged-in sessions, less the one that made room for the real client.
    int kept = qMin(share, maxSessions - loggedIn);
    if (loggedIn + kept >= maxSessions || kept >= share)
        --kept;
    const int dropped = idle - kept;
    for (int i = 0; i < idle; ++i) {
        Client& x = *idlers[size_t(i)];
        if (i < dropped) {
            QVERIFY2(x.waitDisconnected(), qPrintable(QString::number(i)));
            QVERIFY2(x.buffer.endsWith("421 4.3.2 Too many connections that have not logged in; closing this "
                                       "one to make room\r\n"),
                     x.buffer.constData());
        } else {
            x.buffer += x.socket.readAll();
            QVERIFY2(x.socket.state() == QAbstractSocket::ConnectedState && !x.buffer.contains("421"),
                     qPrintable(QString::number(i)));
        }
    }
    QCOMPARE(server->sessionCount(), loggedIn + 1 + kept);
}

void TestSmtpServer::authDeadlineFreesTheSlot()
{
    SessionConfig config = testConfig();
    config.authTimeoutMs = 300;
    auto server = makeServer(config);
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(c.reply().startsWith("220 "));
    c.send("EHLO x\r\n");
    QVERIFY(c.reply().startsWith("250"));
    QCOMPARE(
        c.reply(3000),
        QByteArray("421 4.7.0 Authentication required: not authenticated in time; closing connection\r\n"));
    QVERIFY(c.waitDisconnected());
    QTRY_COMPARE(server->sessionCount(), 0);

    // A client that logs in in time keeps its session past the deadline.
    Client d;
    QVERIFY(d.connectTo(QHostAddress::LocalHost, server->port()));
    QVERIFY(d.reply().startsWith("220 "));
    d.send("EHLO x\r\n" + kAuth);
    QVERIFY(d.reply().startsWith("250"));
    QVERIFY(d.reply().startsWith("235"));
    QVERIFY(d.reply(900).isEmpty());
    d.send("NOOP\r\n");
    QVERIFY(d.reply().startsWith("250 2.0.0"));
}

void TestSmtpServer::otherUserRefusedBeforeGreeting_data()
{
    QTest::addColumn<int>("owner");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("other user")
        << int(PeerOwner::OtherUser)
        << QByteArray(
               "554 5.7.1 This mail server belongs to another user of this computer; connection refused\r\n");
    QTest::newRow("same user") << int(PeerOwner::SameUser)
                               << QByteArray("220 localhost ESMTP Yubisashi ready\r\n");
    // The system could not tell: let it in (AUTH still guards it), and say so in the log.
    QTest::newRow("unknown") << int(PeerOwner::Unknown)
                             << QByteArray("220 localhost ESMTP Yubisashi ready\r\n");
}

void TestSmtpServer::otherUserRefusedBeforeGreeting()
{
    QFETCH(int, owner);
    QFETCH(QByteArray, expected);
    auto server = makeServer();
    int checks = 0;
    server->setPeerOwnerCheck([&](const QTcpSocket& socket, QString* detail) {
        ++checks;
        // The check sees the accepted socket: our end is the listening port.
        if (socket.localPort() != server->port())
            return PeerOwner::Unknown;
        *detail = u"uid 4242"_s;
        return PeerOwner(owner);
    });
    QLoggingCategory::setFilterRules(u"smtp.info=true"_s);
    QStringList log;
    g_log = &log;
    g_previous = qInstallMessageHandler(captureLog);
    Client c;
    QVERIFY(c.connectTo(QHostAddress::LocalHost, server->port()));
    const QByteArray first = c.reply();
    qInstallMessageHandler(g_previous);
    g_log = nullptr;
    QLoggingCategory::setFilterRules(u"smtp.info=false\nsmtp.debug=false"_s);
    QCOMPARE(first, expected);
    QCOMPARE(checks, 1);
    if (PeerOwner(owner) == PeerOwner::OtherUser) {
        QVERIFY(c.waitDisconnected());
        QVERIFY(!c.buffer.contains("220"));
        QCOMPARE(server->sessionCount(), 0);
        QVERIFY2(log.join(u'\n').contains(u"refused: the connecting program belongs to another user of this "
                                          u"computer (uid 4242)"_s),
                 qPrintable(log.join(u'\n')));
    } else {
        c.send("EHLO x\r\n" + kAuth);
        QVERIFY(c.reply().startsWith("250"));
        QVERIFY(c.reply().startsWith("235"));
        QCOMPARE(server->sessionCount(), 1);
    }
}

void TestSmtpServer::peerOwnerOfOwnConnections_data()
{
    QTest::addColumn<QHostAddress>("listen");
    QTest::addColumn<QHostAddress>("connect");
    QTest::newRow("127.0.0.1") << QHostAddress(QHostAddress::LocalHost)
                               << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("::1") << QHostAddress(QHostAddress::LocalHostIPv6)
                         << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow("v4-mapped client")
        << QHostAddress(QHostAddress::LocalHost) << QHostAddress(u"::ffff:127.0.0.1"_s);
}

void TestSmtpServer::peerOwnerOfOwnConnections()
{
    // The real check (no seam) on connections this test makes: they are ours.
    QFETCH(QHostAddress, listen);
    QFETCH(QHostAddress, connect);
    if (connect.protocol() == QAbstractSocket::IPv6Protocol && !ipv6LoopbackAvailable())
        QSKIP("IPv6 loopback is not available on this machine");
    QTcpServer listener;
    QVERIFY(listener.listen(listen, 0));
    Client c;
    QVERIFY(c.connectTo(connect, listener.serverPort()));
    QVERIFY(QTest::qWaitFor([&] { return listener.hasPendingConnections(); }, 5000));
    std::unique_ptr<QTcpSocket> accepted(listener.nextPendingConnection());
    QString detail;
    const PeerOwner owner = Smtp::peerOwner(accepted->localAddress(), accepted->localPort(),
                                            accepted->peerAddress(), accepted->peerPort(), &detail);
    QVERIFY2(owner == PeerOwner::SameUser, qPrintable(u"owner %1: %2"_s.arg(int(owner)).arg(detail)));
    // A port nobody uses has no owner to find.
    const PeerOwner none =
        Smtp::peerOwner(accepted->localAddress(), accepted->localPort(), accepted->peerAddress(), 1, &detail);
    QVERIFY(none != PeerOwner::SameUser);
}

void TestSmtpServer::ipv6PortTakenBySomeoneElse()
{
    if (!ipv6LoopbackAvailable())
        QSKIP("IPv6 loopback is not available on this machine");
    // Someone else holds [::1] on a port whose 127.0.0.1 is free.
    QTcpServer other;
    quint16 port = 0;
    for (int i = 0; i < 20 && port == 0; ++i) {
        QVERIFY(other.listen(QHostAddress::LocalHostIPv6, 0));
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, other.serverPort()))
            port = other.serverPort();
        else
            other.close();
    }
    QVERIFY(port != 0);
    SmtpServer server(testConfig(), &m_auth);
    QString error;
    QVERIFY(!server.listen(port, &error));
    QVERIFY2(error.contains(u"[::1] port %1"_s.arg(port)) && error.contains(u"localhost"_s),
             qPrintable(error));
    QCOMPARE(server.port(), 0);
    // Nothing is left listening on 127.0.0.1 either.
    Client c;
    QVERIFY(!c.connectTo(QHostAddress::LocalHost, port, 3000));
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
