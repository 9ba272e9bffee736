// UpstreamPool with UpstreamTransport against a real upstream: tests/tools/upstream.py
// (aiosmtpd, STARTTLS and AUTH) in its own process. The pool keeps signed-in
// connections open between messages; these tests count the connections the
// server saw and check that every message arrives exactly once.

#include "UpstreamTestSupport.h"
#include "delivery/UpstreamPool.h"
#include "delivery/UpstreamTransport.h"
#include "settings/SecretStore.h"
#include "smtp/SmtpClient.h"

#include <QHash>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Delivery::UpstreamPool;
using Delivery::UpstreamTransport;
using Kind = Smtp::SubmitResult::Kind;
using UpstreamTest::kTools;
using UpstreamTest::Upstream;

namespace {

const QString kUser = u"taro@example.test"_s;
const QString kPassword = u"Pa55-w0rd"_s;

// The secret store seam: the password the transport reads at each delivery.
class MemorySecrets : public Settings::SecretStore
{
public:
    std::optional<QString> read(const QString& key, QString*) override
    {
        return m_values.contains(key) ? std::optional<QString>(m_values.value(key)) : std::nullopt;
    }
    bool write(const QString& key, const QString& value, QString*) override
    {
        m_values.insert(key, value);
        return true;
    }
    bool remove(const QString& key, QString*) override { return m_values.remove(key) > 0; }
    QString description() const override { return u"memory"_s; }

private:
    QHash<QString, QString> m_values;
};

QByteArray message(const QByteArray& subject)
{
    return "From: Taro <taro@example.test>\r\nTo: Hanako <hanako@example.test>\r\nSubject: " + subject +
           "\r\nMessage-ID: <" + subject + "@example.test>\r\n\r\nHello.\r\n";
}

Spool::Entry entry(const QString& id)
{
    Spool::Entry e;
    e.id = id;
    e.account = u"work"_s;
    e.envelope.mailFrom = kUser;
    e.envelope.recipients = {u"hanako@example.test"_s};
    return e;
}

} // namespace

class TestUpstreamPool : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void key();
    void fiveMessagesOneConnection();
    void burstUsesAtMostN();
    void burstWaitsInOrder();
    void idleDisconnectThenNewConnection();
    void closeOnMailFromRetriedOnce_data();
    void closeOnMailFromRetriedOnce();
    void idleTimeoutSaysQuit();
    void changedPasswordNewConnection();
    void starttlsStillRequiredOnReconnect();
    void neverRetriedAfterTheDot();

private:
    Upstream* startUpstream(const QStringList& args = {});
    Settings::Account account(const Upstream& up) const;
    // Delivers one message per subject through its own transport (as the
    // Dispatcher does), all at once; returns the results in subject order.
    QList<Smtp::SubmitResult> deliver(UpstreamPool* pool, const Upstream& up,
                                      const QList<QByteArray>& subjects);
    static int connections(const Upstream& up) { return int(up.log().count("connection: mode")); }
    static QStringList subjectsAt(const Upstream& up);

    QTemporaryDir m_tmp;
    QString m_pki;
    MemorySecrets m_secrets;
    std::vector<std::unique_ptr<Upstream>> m_upstreams;
    int m_count = 0;
};

void TestUpstreamPool::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QLoggingCategory::setFilterRules(u"upstream.debug=false"_s);
    m_pki = m_tmp.filePath(u"pki"_s);
    QProcess pki;
    pki.start(u"bash"_s, {kTools + u"/pki.sh"_s, m_pki});
    QVERIFY(pki.waitForFinished(60000));
    QVERIFY2(pki.exitCode() == 0, pki.readAllStandardError().constData());
}

void TestUpstreamPool::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const auto& up : m_upstreams)
            qWarning().noquote() << "upstream log:\n" << QString::fromUtf8(up->log().right(6000));
    }
    m_upstreams.clear();
    QString error;
    m_secrets.write(u"work/password"_s, kPassword, &error);
}

Upstream* TestUpstreamPool::startUpstream(const QStringList& args)
{
    auto up = std::make_unique<Upstream>(m_tmp.filePath(u"upstream%1"_s.arg(++m_count)));
    QString error;
    const QStringList full = QStringList{u"--mode"_s, u"starttls"_s,
                                         u"--cert"_s, m_pki + u"/server.pem"_s,
                                         u"--key"_s,  m_pki + u"/server.key"_s,
                                         u"--auth"_s, kUser + u':' + kPassword} +
                             args;
    if (!up->start(full, &error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    m_upstreams.push_back(std::move(up));
    QString writeError;
    m_secrets.write(u"work/password"_s, kPassword, &writeError);
    return m_upstreams.back().get();
}

Settings::Account TestUpstreamPool::account(const Upstream& up) const
{
    Settings::Account a;
    a.name = u"work"_s;
    a.host = u"localhost"_s;
    a.port = up.port();
    a.security = Smtp::Security::StartTls;
    a.auth = Smtp::AuthMethod::Plain;
    a.user = kUser;
    a.caFile = m_pki + u"/ca.pem"_s;
    return a;
}

QList<Smtp::SubmitResult> TestUpstreamPool::deliver(UpstreamPool* pool, const Upstream& up,
                                                    const QList<QByteArray>& subjects)
{
    std::vector<std::unique_ptr<UpstreamTransport>> transports;
    QList<QList<Smtp::SubmitResult>> results(subjects.size());
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        auto t = std::make_unique<UpstreamTransport>(account(up), 30, &m_secrets);
        t->setPool(pool);
        connect(t.get(), &Delivery::Transport::finished, this,
                [&results, i](const Smtp::SubmitResult& r) { results[i].append(r); });
        t->deliver(entry(QString::fromLatin1(subjects.at(i))), message(subjects.at(i)));
        transports.push_back(std::move(t));
    }
    const auto done = [&results] {
        for (const auto& r : std::as_const(results)) {
            if (r.isEmpty())
                return false;
        }
        return true;
    };
    if (!QTest::qWaitFor(done, 60000))
        qWarning() << "not every delivery finished";
    QTest::qWait(50); // a second finished() would arrive now
    QList<Smtp::SubmitResult> out;
    for (const auto& r : std::as_const(results)) {
        if (r.size() != 1)
            qWarning() << "finished()" << r.size() << "times";
        out.append(r.value(0));
    }
    return out;
}

QStringList TestUpstreamPool::subjectsAt(const Upstream& up)
{
    QStringList out;
    for (const UpstreamTest::Saved& s : up.messages()) {
        const qsizetype at = s.eml.indexOf("Subject: ");
        out << QString::fromLatin1(s.eml.mid(at + 9, s.eml.indexOf('\r', at) - at - 9));
    }
    return out;
}

void TestUpstreamPool::key()
{
    Smtp::UpstreamConfig a;
    a.host = u"smtp.example.test"_s;
    a.user = kUser;
    a.secret = u"one"_s;
    Smtp::UpstreamConfig b = a;
    QCOMPARE(UpstreamPool::key(a), UpstreamPool::key(b));
    b.secret = u"two"_s; // a changed password or a renewed token
    QVERIFY(UpstreamPool::key(a) != UpstreamPool::key(b));
    b = a;
    b.port = 465;
    QVERIFY(UpstreamPool::key(a) != UpstreamPool::key(b));
    b = a;
    b.security = Smtp::Security::None;
    QVERIFY(UpstreamPool::key(a) != UpstreamPool::key(b));
    b = a;
    b.user = u"jiro@example.test"_s;
    QVERIFY(UpstreamPool::key(a) != UpstreamPool::key(b));
    // The secret is not in the key as text.
    QVERIFY(!UpstreamPool::key(a).contains("one"));
}

void TestUpstreamPool::fiveMessagesOneConnection()
{
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    for (int i = 1; i <= 5; ++i) {
        const QList<Smtp::SubmitResult> r = deliver(&pool, *up, {"in-a-row-" + QByteArray::number(i)});
        QVERIFY2(r.value(0).delivered(), qPrintable(r.value(0).detail));
    }
    QCOMPARE(up->messages().size(), 5);
    // One TCP connection, one TLS handshake, one sign-in for all five.
    QCOMPARE(connections(*up), 1);
    QCOMPARE(up->log().count(">> b'STARTTLS"), 1);
    QCOMPARE(up->log().count("AUTH PLAIN as"), 1);
    QCOMPARE(pool.connectionCount(u"work"_s), 1);
    // Kept open, not said goodbye to.
    QVERIFY(!up->received("QUIT"));
}

void TestUpstreamPool::burstUsesAtMostN()
{
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    QList<QByteArray> subjects;
    for (int i = 1; i <= 12; ++i)
        subjects << "burst-" + QByteArray::number(i);
    const QList<Smtp::SubmitResult> results = deliver(&pool, *up, subjects);
    for (const Smtp::SubmitResult& r : results)
        QVERIFY2(r.delivered(), qPrintable(r.detail));
    QCOMPARE(up->messages().size(), 12);
    const QStringList arrived = subjectsAt(*up);
    QCOMPARE(QSet<QString>(arrived.begin(), arrived.end()).size(), 12); // each exactly once
    QVERIFY2(connections(*up) <= 3, qPrintable(u"%1 connections"_s.arg(connections(*up))));
    QVERIFY(pool.connectionCount(u"work"_s) <= 3);
}

void TestUpstreamPool::burstWaitsInOrder()
{
    // One connection: the deliveries wait for it and go in the order they asked.
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(1);
    QList<QByteArray> subjects;
    QStringList expected;
    for (int i = 1; i <= 6; ++i) {
        subjects << "order-" + QByteArray::number(i);
        expected << QString::fromLatin1(subjects.last());
    }
    const QList<Smtp::SubmitResult> results = deliver(&pool, *up, subjects);
    for (const Smtp::SubmitResult& r : results)
        QVERIFY2(r.delivered(), qPrintable(r.detail));
    QCOMPARE(subjectsAt(*up), expected);
    QCOMPARE(connections(*up), 1);
}

void TestUpstreamPool::idleDisconnectThenNewConnection()
{
    // The server ends idle connections after 2 s (aiosmtpd: 421, then close).
    Upstream* up = startUpstream({u"--timeout"_s, u"2"_s});
    QVERIFY(up);
    UpstreamPool pool(3);
    QVERIFY(deliver(&pool, *up, {"before-idle"}).value(0).delivered());
    QCOMPARE(pool.connectionCount(u"work"_s), 1);
    // The pool notices the close by itself and forgets the connection.
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(u"work"_s), 0, 15000);
    const Smtp::SubmitResult r = deliver(&pool, *up, {"after-idle"}).value(0);
    QVERIFY2(r.delivered(), qPrintable(r.detail));
    QCOMPARE(subjectsAt(*up), (QStringList{u"before-idle"_s, u"after-idle"_s}));
    QCOMPARE(connections(*up), 2);
}

void TestUpstreamPool::closeOnMailFromRetriedOnce_data()
{
    QTest::addColumn<QString>("fault");
    // 421 and close on the second MAIL FROM of a connection: the kept one.
    QTest::newRow("421 and close") << u"mail-421:2"_s;
    // The kept session's sign-in is no longer accepted.
    QTest::newRow("530") << u"mail-530:2"_s;
}

void TestUpstreamPool::closeOnMailFromRetriedOnce()
{
    QFETCH(QString, fault);
    Upstream* up = startUpstream({u"--fault"_s, fault});
    QVERIFY(up);
    UpstreamPool pool(3);
    QVERIFY(deliver(&pool, *up, {"first"}).value(0).delivered());
    const Smtp::SubmitResult r = deliver(&pool, *up, {"second"}).value(0);
    // Not the message's fault: delivered at once, on a new connection, exactly once.
    QVERIFY2(r.delivered(), qPrintable(r.detail));
    QCOMPARE(subjectsAt(*up), (QStringList{u"first"_s, u"second"_s}));
    QCOMPARE(connections(*up), 2);
}

void TestUpstreamPool::idleTimeoutSaysQuit()
{
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    pool.setIdleTimeout(500);
    QVERIFY(deliver(&pool, *up, {"then-idle"}).value(0).delivered());
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(u"work"_s), 0, 5000);
}

void TestUpstreamPool::changedPasswordNewConnection()
{
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    QVERIFY(deliver(&pool, *up, {"old-password"}).value(0).delivered());
    // The password changes (in Settings): the session signed in with the old
    // one is not used for it; a new connection signs in with the new one.
    QString error;
    m_secrets.write(u"work/password"_s, u"changed"_s, &error);
    const Smtp::SubmitResult r = deliver(&pool, *up, {"new-password"}).value(0);
    QCOMPARE(r.kind, Kind::Configuration); // the server does not know "changed"
    QCOMPARE(r.reply.code, 535);
    QCOMPARE(subjectsAt(*up), QStringList{u"old-password"_s});
    QCOMPARE(connections(*up), 2);
}

void TestUpstreamPool::starttlsStillRequiredOnReconnect()
{
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    QVERIFY(deliver(&pool, *up, {"encrypted"}).value(0).delivered());
    // The kept connection is closed at the next MAIL FROM, and the new one is
    // offered no STARTTLS: the retry must not carry on without encryption.
    up->setFaults({u"mail-421:2"_s, u"no-starttls"_s});
    const Smtp::SubmitResult r = deliver(&pool, *up, {"must-not-go-plain"}).value(0);
    QCOMPARE(r.kind, Kind::Configuration);
    QVERIFY(!r.dataSent);
    QCOMPARE(subjectsAt(*up), QStringList{u"encrypted"_s});
    QCOMPARE(connections(*up), 2);
    // Signed in once (encrypted); never on the plain connection.
    QCOMPARE(up->log().count("AUTH PLAIN as"), 1);
}

void TestUpstreamPool::neverRetriedAfterTheDot()
{
    // The kept connection drops after the final "." of the second message: it
    // may have been delivered, so no second connection tries it again.
    Upstream* up = startUpstream();
    QVERIFY(up);
    UpstreamPool pool(3);
    QVERIFY(deliver(&pool, *up, {"first"}).value(0).delivered());
    up->setFaults({u"data-disconnect"_s});
    const Smtp::SubmitResult r = deliver(&pool, *up, {"second"}).value(0);
    QCOMPARE(r.kind, Kind::Temporary);
    QVERIFY(r.dataSent);
    QVERIFY(!r.staleConnection);
    QCOMPARE(connections(*up), 1);
    QCOMPARE(up->log().count("fault data-disconnect"), 1);
}

QTEST_GUILESS_MAIN(TestUpstreamPool)
#include "TestUpstreamPool.moc"
