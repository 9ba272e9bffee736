// SmtpClient against a real upstream: tests/tools/upstream.py (aiosmtpd) in
// its own process, with certificates made by tests/tools/pki.sh.

#include "UpstreamTestSupport.h"
#include "delivery/UpstreamTransport.h"
#include "settings/Config.h"
#include "smtp/SmtpClient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <signal.h>
#include <vector>

using namespace Qt::StringLiterals;

using Smtp::AuthMethod;
using Smtp::Envelope;
using Smtp::Security;
using Smtp::SmtpClient;
using Smtp::SubmitResult;
using Smtp::UpstreamConfig;
using Kind = Smtp::SubmitResult::Kind;
using UpstreamTest::kPython;
using UpstreamTest::kTools;
using UpstreamTest::Saved;
using UpstreamTest::Upstream;

namespace {

const QString kUser = u"taro@example.test"_s;
const QString kPassword = u"Pa55-w0rd:with colon"_s;
const QString kToken = u"ya29.test-access-token"_s;
const QString kFrom = u"taro@example.test"_s;

QStringList toStrings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString();
    return out;
}

QByteArray message(const QByteArray& subject, const QByteArray& body)
{
    return "From: Taro <taro@example.test>\r\n"
           "To: Hanako <hanako@example.test>\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "Date: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
           "Message-ID: <test." +
           QByteArray::number(qHash(subject)) +
           "@example.test>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n" +
           body;
}

// A body of about size bytes in lines of at most 78 characters; every tenth
// line starts with a dot.
QByteArray bigBody(qsizetype size)
{
    QByteArray body;
    body.reserve(size + 100);
    int n = 0;
    while (body.size() < size) {
        if (n % 10 == 0)
            body += '.';
        body += "line " + QByteArray::number(n) + " of a large test message, the quick brown fox jumps\r\n";
        ++n;
    }
    return body;
}

Envelope envelope(const QStringList& recipients)
{
    Envelope e;
    e.mailFrom = kFrom;
    e.recipients = recipients;
    return e;
}

// Runs one submission and collects every finished() it emits.
class Run
{
public:
    explicit Run(SmtpClient& client) : m_client(client)
    {
        QObject::connect(&client, &SmtpClient::finished, &m_context,
                         [this](const SubmitResult& r) { m_results.append(r); });
    }
    void submit(const UpstreamConfig& config, const Envelope& e, const QByteArray& content)
    {
        m_client.submit(config, e, content);
        m_synchronous = !m_results.isEmpty();
    }
    void testConnection(const UpstreamConfig& config)
    {
        m_client.testConnection(config);
        m_synchronous = !m_results.isEmpty();
    }
    bool wait(int count = 1, int timeoutMs = 60000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_results.size() < count && !deadline.hasExpired())
            QTest::qWait(10);
        QTest::qWait(50); // a second finished() would arrive now
        return m_results.size() == count;
    }
    bool synchronous() const { return m_synchronous; }
    const QList<SubmitResult>& results() const { return m_results; }
    SubmitResult result() const { return m_results.value(0); }

private:
    SmtpClient& m_client;
    QObject m_context;
    QList<SubmitResult> m_results;
    bool m_synchronous = false;
};

} // namespace

#define SUBMIT(run, config, envelope, content)                                                               \
    do {                                                                                                     \
        (run).submit(config, envelope, content);                                                             \
        QVERIFY2(!(run).synchronous(), "finished() must not be emitted from inside submit()");               \
        QVERIFY2((run).wait(), "finished() must be emitted exactly once");                                   \
    } while (false)

class TestSmtpClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void delivered_data();
    void delivered();
    void contentByteIdentical_data();
    void contentByteIdentical();
    void manyRecipients();
    void largeMessage_data();
    void largeMessage();
    void pipelining_data();
    void pipelining();
    void smtpUtf8_data();
    void smtpUtf8();
    void eightBitMime_data();
    void eightBitMime();
    void sizeExceeded();

    void greeting421();
    void rcptRefused_data();
    void rcptRefused();
    void dataRefused_data();
    void dataRefused();
    void disconnectAfterData();
    void noReplyAfterData();
    void upstreamDown();

    void untrustedCertificate_data();
    void untrustedCertificate();
    void badCaFile_data();
    void badCaFile();
    void starttlsNotOffered();
    void starttlsInjection();
    void heloFallback_data();
    void heloFallback();
    void wrongCredentials_data();
    void wrongCredentials();

    void abortBeforeConnect();
    void abortDuringData();
    void abortAfterDotIsIgnored();
    void testConnection_data();
    void testConnection();
    void reuse();
    void busy();
    void deleteFromFinishedSlot();
    void serverStopsCleanly();
    void plaintextAuthRule_data();
    void plaintextAuthRule();
    void plaintextAuthRefused_data();
    void plaintextAuthRefused();

private:
    Upstream* startUpstream(const QStringList& args);
    UpstreamConfig config(const Upstream& up, Security security, AuthMethod auth) const;

    QTemporaryDir m_tmp;
    QString m_pki;
    std::vector<std::unique_ptr<Upstream>> m_upstreams;
    int m_count = 0;
};

void TestSmtpClient::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // The client's dialogue (qCDebug) would drown the test output.
    QLoggingCategory::setFilterRules(u"upstream.debug=false"_s);
    QVERIFY2(QFile::exists(kPython), "needs /usr/bin/python3 with python3-aiosmtpd");
    m_pki = m_tmp.filePath(u"pki"_s);
    QProcess pki;
    pki.start(u"bash"_s, {kTools + u"/pki.sh"_s, m_pki});
    QVERIFY(pki.waitForFinished(60000));
    QVERIFY2(pki.exitCode() == 0, pki.readAllStandardError().constData());
    for (const char* name :
         {"ca.pem", "ca.key", "server.pem", "server.key", "untrusted.pem", "untrusted.key"})
        QVERIFY2(QFile::exists(m_pki + u'/' + QLatin1String(name)), name);
}

void TestSmtpClient::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const auto& up : m_upstreams)
            qWarning().noquote() << "upstream log:\n" << QString::fromUtf8(up->log().right(4000));
    }
    m_upstreams.clear();
}

// Starts upstream.py; args may contain --mode and --cert NAME (pki base name).
Upstream* TestSmtpClient::startUpstream(const QStringList& args)
{
    QStringList full = args;
    const qsizetype cert = full.indexOf(u"--cert"_s);
    const QString name = cert >= 0 ? full.takeAt(cert + 1) : u"server"_s;
    if (cert >= 0)
        full.removeAt(cert);
    full << u"--cert"_s << m_pki + u'/' + name + u".pem"_s << u"--key"_s << m_pki + u'/' + name + u".key"_s;
    if (!full.contains(u"--mode"_s))
        full << u"--mode"_s << u"starttls"_s;
    auto up = std::make_unique<Upstream>(m_tmp.filePath(u"upstream%1"_s.arg(++m_count)));
    QString error;
    if (!up->start(full, &error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    m_upstreams.push_back(std::move(up));
    return m_upstreams.back().get();
}

UpstreamConfig TestSmtpClient::config(const Upstream& up, Security security, AuthMethod auth) const
{
    UpstreamConfig c;
    c.host = u"localhost"_s;
    c.port = up.port();
    c.security = security;
    c.auth = auth;
    c.user = kUser;
    c.secret = auth == AuthMethod::XOAuth2 ? kToken : kPassword;
    c.caFile = m_pki + u"/ca.pem"_s;
    c.connectTimeoutMs = 10000;
    c.commandTimeoutMs = 30000;
    return c;
}

const QStringList kAuthArgs = {u"--auth"_s, kUser + u':' + kPassword, u"--xoauth2"_s, kUser + u':' + kToken};

// --- delivery ------------------------------------------------------------

void TestSmtpClient::delivered_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("withAuth");
    QTest::addColumn<QString>("host");
    const int startTls = int(Security::StartTls), tls = int(Security::Tls), none = int(Security::None);
    QTest::newRow("starttls, AUTH PLAIN")
        << u"starttls"_s << startTls << int(AuthMethod::Plain) << true << u"localhost"_s;
    QTest::newRow("starttls, AUTH LOGIN")
        << u"starttls"_s << startTls << int(AuthMethod::Login) << true << u"localhost"_s;
    QTest::newRow("starttls, AUTH XOAUTH2")
        << u"starttls"_s << startTls << int(AuthMethod::XOAuth2) << true << u"localhost"_s;
    QTest::newRow("implicit tls, AUTH PLAIN")
        << u"tls"_s << tls << int(AuthMethod::Plain) << true << u"localhost"_s;
    QTest::newRow("implicit tls, AUTH LOGIN")
        << u"tls"_s << tls << int(AuthMethod::Login) << true << u"localhost"_s;
    QTest::newRow("implicit tls, AUTH XOAUTH2")
        << u"tls"_s << tls << int(AuthMethod::XOAuth2) << true << u"localhost"_s;
    QTest::newRow("plain, AUTH LOGIN")
        << u"plain"_s << none << int(AuthMethod::Login) << true << u"localhost"_s;
    QTest::newRow("plain, no AUTH") << u"plain"_s << none << int(AuthMethod::None) << false << u"localhost"_s;
    // The certificate names IP:127.0.0.1 as well; verification must accept it.
    QTest::newRow("starttls, by IP address")
        << u"starttls"_s << startTls << int(AuthMethod::Plain) << true << u"127.0.0.1"_s;
    QTest::newRow("implicit tls, by IP address")
        << u"tls"_s << tls << int(AuthMethod::Login) << true << u"127.0.0.1"_s;
}

void TestSmtpClient::delivered()
{
    QFETCH(QString, mode);
    QFETCH(int, security);
    QFETCH(int, auth);
    QFETCH(bool, withAuth);
    QFETCH(QString, host);
    Upstream* up = startUpstream(QStringList{u"--mode"_s, mode} + (withAuth ? kAuthArgs : QStringList()));
    QVERIFY(up);

    SmtpClient client;
    Run run(client);
    const QByteArray content = message("delivered", "Hello.\r\n");
    const QStringList rcpts{u"hanako@example.test"_s, u"jiro@other.test"_s};
    UpstreamConfig c = config(*up, Security(security), AuthMethod(auth));
    c.host = host;
    SUBMIT(run, c, envelope(rcpts), content);
    const SubmitResult r = run.result();
    QVERIFY2(r.kind == Kind::Delivered, qPrintable(r.detail));
    QVERIFY(r.delivered());
    QVERIFY(r.dataSent);
    QCOMPARE(r.reply.code, 250);
    QCOMPARE(r.reply.enhanced, u"2.0.0"_s);
    QVERIFY(!r.detail.isEmpty());
    QVERIFY(r.failedRecipient.isEmpty());
    QVERIFY(!client.isBusy());

    const QList<Saved> saved = up->messages();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved[0].eml, content);
    QCOMPARE(saved[0].meta.value(u"mail_from"_s).toString(), kFrom);
    QCOMPARE(toStrings(saved[0].meta.value(u"rcpt_tos"_s)), rcpts);
    QCOMPARE(saved[0].meta.value(u"tls"_s).toBool(), Security(security) != Security::None);
    if (withAuth)
        QCOMPARE(saved[0].meta.value(u"auth_user"_s).toString(), kUser);
    QVERIFY(toStrings(saved[0].meta.value(u"mail_options"_s)).contains(u"SIZE=%1"_s.arg(content.size())));
    // The client says goodbye.
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    // The password never appears in the upstream's log.
    QVERIFY(!up->log().contains(kPassword.toUtf8()));
}

void TestSmtpClient::contentByteIdentical_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("eightBit");
    const QByteArray ascii = message("ascii", "Plain text.\r\nSecond line.\r\n");
    QTest::newRow("ascii") << ascii << ascii << false;
    const QByteArray utf8 = message("=?UTF-8?B?5pel5pys6Kqe?=",
                                    "田中様\r\n\r\nお世話になっております。指差し確認。\r\n€ ü ß\r\n");
    QTest::newRow("8-bit UTF-8") << utf8 << utf8 << true;
    const QByteArray dots = message("dots", ".hidden line\r\n..two dots\r\n.\r\nnot the end\r\n. \r\n..\r\n");
    QTest::newRow("lines starting with a dot") << dots << dots << false;
    const QByteArray first = QByteArray(".X-Odd: header starting with a dot\r\n") + message("first", "b\r\n");
    QTest::newRow("dot as the very first byte") << first << first << false;
    const QByteArray noEnd = message("no final CRLF", "last line without line break");
    QTest::newRow("no final CRLF") << noEnd << noEnd + "\r\n" << false;
    const QByteArray bare = message("bare LF", "one\ntwo\r\n.three\n");
    QTest::newRow("bare LF becomes CRLF") << bare << message("bare LF", "one\r\ntwo\r\n.three\r\n") << false;
    const QByteArray empty = message("empty body", "");
    QTest::newRow("empty body") << empty << empty << false;
    // Dot-lines at every offset around the 256 KiB chunks the client stuffs in.
    QByteArray chunked = message("chunks", "");
    for (int i = 0; chunked.size() < 700 * 1024; ++i)
        chunked += '.' + QByteArray(i % 97, 'x') + "\r\n";
    QTest::newRow("dot lines across chunks") << chunked << chunked << false;
}

void TestSmtpClient::contentByteIdentical()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, expected);
    QFETCH(bool, eightBit);
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"hanako@example.test"_s}),
           content);
    QVERIFY2(run.result().delivered(), qPrintable(run.result().detail));
    const QList<Saved> saved = up->messages();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved[0].eml, expected);
    const QStringList options = toStrings(saved[0].meta.value(u"mail_options"_s));
    QCOMPARE(options.contains(u"BODY=8BITMIME"_s), eightBit);
    // RFC 1870: SIZE is the size on the wire before dot-stuffing.
    QVERIFY2(options.contains(u"SIZE=%1"_s.arg(expected.size())), qPrintable(options.join(u' ')));
}

void TestSmtpClient::manyRecipients()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    QStringList rcpts;
    for (int i = 0; i < 200; ++i)
        rcpts << u"user%1@domain%2.test"_s.arg(i).arg(i % 7);
    SmtpClient client;
    Run run(client);
    const QByteArray content = message("200 recipients", "Hello all.\r\n");
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Login), envelope(rcpts), content);
    QVERIFY2(run.result().delivered(), qPrintable(run.result().detail));
    const QList<Saved> saved = up->messages();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(toStrings(saved[0].meta.value(u"rcpt_tos"_s)), rcpts);
    QCOMPARE(saved[0].eml, content);
}

void TestSmtpClient::largeMessage_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("security");
    QTest::newRow("implicit tls") << u"tls"_s << int(Security::Tls);
    QTest::newRow("starttls") << u"starttls"_s << int(Security::StartTls);
    QTest::newRow("plain") << u"plain"_s << int(Security::None);
}

void TestSmtpClient::largeMessage()
{
    QFETCH(QString, mode);
    QFETCH(int, security);
    Upstream* up = startUpstream(QStringList{u"--mode"_s, mode} + kAuthArgs);
    QVERIFY(up);
    const QByteArray content = message("10 MB", bigBody(10 * 1024 * 1024));
    SmtpClient client;
    Run run(client);
    QElapsedTimer timer;
    timer.start();
    SUBMIT(run, config(*up, Security(security), AuthMethod::Plain), envelope({u"hanako@example.test"_s}),
           content);
    QVERIFY2(run.result().delivered(), qPrintable(run.result().detail));
    qInfo("10 MB delivered (%s) in %lld ms", qPrintable(mode), timer.elapsed());
    const QList<Saved> saved = up->messages();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved[0].eml.size(), content.size());
    QVERIFY(saved[0].eml == content);
}

void TestSmtpClient::pipelining_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("pipelined");
    QTest::newRow("offered") << QStringList() << true;
    QTest::newRow("not offered") << QStringList{u"--no-pipelining"_s} << false;
}

void TestSmtpClient::pipelining()
{
    QFETCH(QStringList, args);
    QFETCH(bool, pipelined);
    Upstream* up = startUpstream(args + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    const QStringList rcpts{u"a@example.test"_s, u"b@example.test"_s, u"c@example.test"_s};
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope(rcpts),
           message("pipe", "x\r\n"));
    QVERIFY2(run.result().delivered(), qPrintable(run.result().detail));
    const QList<Saved> saved = up->messages();
    QCOMPARE(saved.size(), 1);
    // upstream.py records whether RCPT commands were already waiting when MAIL FROM was read.
    QCOMPARE(saved[0].meta.value(u"pipelined"_s).toBool(), pipelined);
    QCOMPARE(toStrings(saved[0].meta.value(u"rcpt_tos"_s)), rcpts);
}

void TestSmtpClient::smtpUtf8_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("offered") << QStringList() << true;
    QTest::newRow("not offered") << QStringList{u"--no-smtputf8"_s} << false;
}

void TestSmtpClient::smtpUtf8()
{
    QFETCH(QStringList, args);
    QFETCH(bool, delivered);
    Upstream* up = startUpstream(args + kAuthArgs);
    QVERIFY(up);
    Envelope e = envelope({u"山田@例え.jp"_s, u"hanako@example.test"_s});
    e.mailFrom = u"太郎@example.test"_s;
    e.smtpUtf8 = true;
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), e, message("utf8", "本文\r\n"));
    const SubmitResult r = run.result();
    if (delivered) {
        QVERIFY2(r.delivered(), qPrintable(r.detail));
        const QList<Saved> saved = up->messages();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0].meta.value(u"mail_from"_s).toString(), e.mailFrom);
        QCOMPARE(toStrings(saved[0].meta.value(u"rcpt_tos"_s)), e.recipients);
        QVERIFY(toStrings(saved[0].meta.value(u"mail_options"_s)).contains(u"SMTPUTF8"_s));
    } else {
        QCOMPARE(r.kind, Kind::Permanent);
        QCOMPARE(r.reply.code, 553);
        QCOMPARE(r.reply.enhanced, u"5.6.7"_s);
        QVERIFY(r.detail.contains(u"SMTPUTF8"_s));
        QVERIFY(!r.dataSent);
        QVERIFY(!up->received("MAIL"));
        QCOMPARE(up->messages().size(), 0);
    }
}

void TestSmtpClient::eightBitMime_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("7-bit content") << QByteArray("plain ascii\r\n") << true;
    QTest::newRow("8-bit content") << QByteArray("日本語\r\n") << false;
}

void TestSmtpClient::eightBitMime()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, delivered);
    Upstream* up = startUpstream(QStringList{u"--no-8bitmime"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    const QByteArray content = message("8bit", body);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}), content);
    const SubmitResult r = run.result();
    if (delivered) {
        QVERIFY2(r.delivered(), qPrintable(r.detail));
        QCOMPARE(up->messages().value(0).eml, content);
        QVERIFY(
            !toStrings(up->messages().value(0).meta.value(u"mail_options"_s)).contains(u"BODY=8BITMIME"_s));
    } else {
        QCOMPARE(r.kind, Kind::Permanent);
        QCOMPARE(r.reply.enhanced, u"5.6.3"_s);
        QVERIFY(r.detail.contains(u"8BITMIME"_s));
        QVERIFY(!r.dataSent);
        QVERIFY(!up->received("MAIL"));
        QCOMPARE(up->messages().size(), 0);
    }
}

void TestSmtpClient::sizeExceeded()
{
    Upstream* up = startUpstream(QStringList{u"--size"_s, u"10000"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("too big", bigBody(20000)));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Permanent);
    QCOMPARE(r.reply.code, 552);
    QCOMPARE(r.reply.enhanced, u"5.3.4"_s);
    QVERIFY(!r.dataSent);
    QVERIFY(r.detail.contains(u"MB"_s));
    // Checked before MAIL FROM: nothing of the message went out.
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    QVERIFY(!up->received("MAIL"));
    QCOMPARE(up->messages().size(), 0);
}

// --- failures --------------------------------------------------------------

void TestSmtpClient::greeting421()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"greeting-421"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("421", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Temporary);
    QCOMPARE(r.reply.code, 421);
    QCOMPARE(r.reply.enhanced, u"4.3.2"_s);
    QVERIFY(r.reply.text.contains(u"Service not available"_s));
    QVERIFY(!r.dataSent);
    QVERIFY(!r.detail.isEmpty());
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::rcptRefused_data()
{
    QTest::addColumn<QStringList>("faults");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("failed");
    QTest::addColumn<int>("code");
    const QString b = u"b@example.test"_s, c = u"c@example.test"_s;
    QTest::newRow("451") << QStringList{u"rcpt-451:"_s + b} << int(Kind::Temporary) << b << 451;
    QTest::newRow("452") << QStringList{u"rcpt-452:"_s + b} << int(Kind::Temporary) << b << 452;
    QTest::newRow("550 for one of three")
        << QStringList{u"rcpt-550:"_s + b} << int(Kind::Permanent) << b << 550;
    QTest::newRow("451 then 550: the permanent one decides")
        << QStringList{u"rcpt-451:"_s + b, u"rcpt-550:"_s + c} << int(Kind::Permanent) << c << 550;
}

void TestSmtpClient::rcptRefused()
{
    QFETCH(QStringList, faults);
    QFETCH(int, kind);
    QFETCH(QString, failed);
    QFETCH(int, code);
    for (const bool pipelining : {true, false}) {
        Upstream* up =
            startUpstream(kAuthArgs + (pipelining ? QStringList() : QStringList{u"--no-pipelining"_s}));
        QVERIFY(up);
        up->setFaults(faults);
        SmtpClient client;
        Run run(client);
        const QStringList rcpts{u"a@example.test"_s, u"b@example.test"_s, u"c@example.test"_s};
        SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope(rcpts),
               message("rcpt", "x\r\n"));
        const SubmitResult r = run.result();
        QCOMPARE(int(r.kind), kind);
        QCOMPARE(r.failedRecipient, failed);
        QCOMPARE(r.reply.code, code);
        QVERIFY(r.reply.text.contains(failed));
        QVERIFY(r.detail.contains(failed));
        QVERIFY(!r.dataSent);
        // All or nothing: the transaction is reset and DATA never sent.
        QTRY_VERIFY_WITH_TIMEOUT(up->received("RSET"), 5000);
        QVERIFY(!up->received("DATA"));
        QCOMPARE(up->messages().size(), 0);
    }
}

void TestSmtpClient::dataRefused_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("451") << u"data-451"_s << int(Kind::Temporary) << 451 << u"Temporary local problem"_s;
    QTest::newRow("552") << u"data-552"_s << int(Kind::Permanent) << 552 << u"exceeds the limit"_s;
    QTest::newRow("554") << u"data-554"_s << int(Kind::Permanent) << 554 << u"looks like spam"_s;
}

void TestSmtpClient::dataRefused()
{
    QFETCH(QString, fault);
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, text);
    Upstream* up = startUpstream(QStringList{u"--fault"_s, fault} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("data", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.reply.code, code);
    QVERIFY2(r.reply.text.contains(text), qPrintable(r.reply.toString()));
    QVERIFY2(r.detail.contains(text), qPrintable(r.detail)); // the user sees the upstream's words
    QVERIFY(r.dataSent);
    QVERIFY(r.failedRecipient.isEmpty());
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::disconnectAfterData()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"data-disconnect"_s} + kAuthArgs);
    QVERIFY(up);
    for (const qsizetype size : {qsizetype(10), qsizetype(3 * 1024 * 1024)}) {
        SmtpClient client;
        Run run(client);
        SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
               message("disconnect", bigBody(size)));
        const SubmitResult r = run.result();
        QCOMPARE(r.kind, Kind::Temporary);
        // The whole message and its "." reached the server: it may have it.
        QVERIFY(r.dataSent);
        QCOMPARE(r.reply.code, 421);
        QVERIFY(!r.reply.enhanced.isEmpty());
        QVERIFY(!r.detail.isEmpty());
    }
    QCOMPARE(up->messages().size(), 0);

    // A connection lost before the data: nothing sent.
    up->setFaults({u"greeting-421"_s});
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("x", "x\r\n"));
    QCOMPARE(run.result().kind, Kind::Temporary);
    QVERIFY(!run.result().dataSent);
}

void TestSmtpClient::noReplyAfterData()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"slow-data:8"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    UpstreamConfig c = config(*up, Security::StartTls, AuthMethod::Plain);
    c.commandTimeoutMs = 2500; // well below the server's 8 s, well above its normal answers
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("slow", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Temporary);
    QVERIFY(r.dataSent);
    QCOMPARE(r.reply.enhanced.left(2), u"4."_s);
    // The upstream did take it: exactly why dataSent matters.
    QCOMPARE(up->messages().size(), 1);
}

void TestSmtpClient::upstreamDown()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    SmtpClient client;
    Run run(client);
    UpstreamConfig c;
    c.host = u"localhost"_s;
    c.port = port;
    c.auth = AuthMethod::None;
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("down", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Temporary);
    QVERIFY(!r.dataSent);
    QCOMPARE(r.reply.code, 421);
    QCOMPARE(r.reply.enhanced, u"4.4.1"_s);
    QVERIFY(r.detail.contains(QString::number(port)));

    // A name that does not resolve is temporary too (DNS may be down).
    Run run2(client);
    c.host = u"no-such-host.invalid"_s;
    c.connectTimeoutMs = 10000; // without a resolver the lookup may hang instead of failing
    SUBMIT(run2, c, envelope({u"a@example.test"_s}), message("down", "x\r\n"));
    QCOMPARE(run2.result().kind, Kind::Temporary);
    QVERIFY(!run2.result().dataSent);
}

void TestSmtpClient::untrustedCertificate_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<bool>("withCaFile");
    QTest::newRow("starttls, self-signed") << u"starttls"_s << u"untrusted"_s << true;
    QTest::newRow("tls, self-signed") << u"tls"_s << u"untrusted"_s << true;
    QTest::newRow("starttls, private CA not configured") << u"starttls"_s << u"server"_s << false;
    QTest::newRow("tls, private CA not configured") << u"tls"_s << u"server"_s << false;
}

void TestSmtpClient::untrustedCertificate()
{
    QFETCH(QString, mode);
    QFETCH(QString, cert);
    QFETCH(bool, withCaFile);
    Upstream* up = startUpstream(QStringList{u"--mode"_s, mode, u"--cert"_s, cert} + kAuthArgs);
    QVERIFY(up);
    UpstreamConfig c = config(*up, mode == u"tls"_s ? Security::Tls : Security::StartTls, AuthMethod::Plain);
    if (!withCaFile)
        c.caFile.clear();
    SmtpClient client;
    Run run(client);
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("untrusted", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Configuration);
    QVERIFY2(r.detail.contains(u"not trusted"_s), qPrintable(r.detail));
    QVERIFY(!r.reply.enhanced.isEmpty());
    QVERIFY(!r.dataSent);
    QTest::qWait(200);
    QVERIFY(!up->received("AUTH"));
    QVERIFY(!up->received("MAIL"));
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::badCaFile_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: the file does not exist
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("not PEM") << QByteArray("this is not a certificate\n");
}

void TestSmtpClient::badCaFile()
{
    QFETCH(QByteArray, contents);
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    UpstreamConfig c = config(*up, Security::StartTls, AuthMethod::Plain);
    c.caFile = m_tmp.filePath(u"ca-%1.pem"_s.arg(QLatin1String(QTest::currentDataTag())).replace(u' ', u'-'));
    if (!contents.isEmpty()) {
        QFile f(c.caFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    SmtpClient client;
    Run run(client);
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("ca", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Configuration);
    QVERIFY2(r.detail.contains(c.caFile), qPrintable(r.detail));
    QVERIFY(!r.dataSent);
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::starttlsNotOffered()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"no-starttls"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("downgrade", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Configuration);
    QVERIFY2(r.detail.contains(u"STARTTLS"_s), qPrintable(r.detail));
    QCOMPARE(r.reply.enhanced, u"5.7.10"_s);
    QVERIFY(!r.dataSent);
    // The server offered AUTH in plain text; nothing but EHLO and QUIT went there.
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    QVERIFY(up->received("EHLO"));
    QVERIFY(!up->received("AUTH"));
    QVERIFY(!up->received("MAIL"));
    QVERIFY(!up->received("STARTTLS"));
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::starttlsInjection()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"starttls-inject"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    SUBMIT(run, config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
           message("inject", "x\r\n"));
    const SubmitResult r = run.result();
    // A reply that arrived with the 220 was not protected by TLS: stop there.
    QCOMPARE(r.kind, Kind::Temporary);
    QVERIFY2(r.detail.contains(u"STARTTLS"_s), qPrintable(r.detail));
    QVERIFY(!r.dataSent);
    QTest::qWait(200);
    QVERIFY(!up->received("AUTH"));
    QVERIFY(!up->received("MAIL"));
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::heloFallback_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("kind");
    QTest::newRow("plain: HELO works") << u"plain"_s << int(Security::None) << int(Kind::Delivered);
    QTest::newRow("starttls: no extensions, no STARTTLS")
        << u"starttls"_s << int(Security::StartTls) << int(Kind::Configuration);
}

void TestSmtpClient::heloFallback()
{
    QFETCH(QString, mode);
    QFETCH(int, security);
    QFETCH(int, kind);
    Upstream* up = startUpstream({u"--mode"_s, mode, u"--fault"_s, u"ehlo-502"_s});
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    const QByteArray content = message("helo", "x\r\n");
    SUBMIT(run, config(*up, Security(security), AuthMethod::None), envelope({u"a@example.test"_s}), content);
    const SubmitResult r = run.result();
    QVERIFY2(int(r.kind) == kind, qPrintable(r.detail));
    QVERIFY(up->received("HELO"));
    if (r.delivered()) {
        QCOMPARE(up->messages().value(0).eml, content);
        // Without EHLO there are no extensions, so no ESMTP parameters either.
        QVERIFY(toStrings(up->messages().value(0).meta.value(u"mail_options"_s)).isEmpty());
    } else {
        QVERIFY(!up->received("MAIL"));
        QCOMPARE(up->messages().size(), 0);
    }
}

void TestSmtpClient::wrongCredentials_data()
{
    QTest::addColumn<int>("auth");
    QTest::newRow("AUTH PLAIN") << int(AuthMethod::Plain);
    QTest::newRow("AUTH LOGIN") << int(AuthMethod::Login);
    QTest::newRow("AUTH XOAUTH2") << int(AuthMethod::XOAuth2);
}

void TestSmtpClient::wrongCredentials()
{
    QFETCH(int, auth);
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    UpstreamConfig c = config(*up, Security::StartTls, AuthMethod(auth));
    c.secret = u"wrong-secret-value"_s;
    SmtpClient client;
    Run run(client);
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("auth", "x\r\n"));
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Configuration);
    QCOMPARE(r.reply.code, 535);
    QVERIFY2(r.detail.contains(kUser), qPrintable(r.detail));
    QVERIFY2(r.detail.contains(u"Settings"_s), qPrintable(r.detail));
    QVERIFY(!r.detail.contains(c.secret));
    QVERIFY(!r.reply.text.contains(c.secret));
    QVERIFY(!r.dataSent);
    QVERIFY(!up->received("MAIL"));
    QCOMPARE(up->messages().size(), 0);
}

// --- abort, connection test, reuse -------------------------------------------

void TestSmtpClient::abortBeforeConnect()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    run.submit(config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
               message("abort", "x\r\n"));
    QVERIFY(client.isBusy());
    client.abort();
    QVERIFY2(run.results().isEmpty(), "finished() must be queued, not emitted from abort()");
    client.abort(); // a second abort changes nothing
    QVERIFY(run.wait());
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Temporary);
    QCOMPARE(r.detail, u"cancelled"_s);
    QVERIFY(!r.dataSent);
    QVERIFY(!client.isBusy());
    QTest::qWait(300);
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::abortDuringData()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    // Larger than the loopback socket buffers can hold, so with the server
    // frozen the final "." cannot have left.
    const QByteArray content = message("abort", bigBody(32 * 1024 * 1024));
    SmtpClient client;
    Run run(client);
    run.submit(config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}), content);
    QTRY_VERIFY_WITH_TIMEOUT(up->received("DATA"), 20000);
    up->pause();
    QTest::qWait(300);
    QVERIFY(run.results().isEmpty());
    client.abort();
    up->resume();
    QVERIFY(run.wait());
    const SubmitResult r = run.result();
    QCOMPARE(r.kind, Kind::Temporary);
    QCOMPARE(r.detail, u"cancelled"_s);
    QVERIFY(!r.dataSent);
    QTest::qWait(500);
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::abortAfterDotIsIgnored()
{
    Upstream* up = startUpstream(QStringList{u"--fault"_s, u"slow-data:1.5"_s} + kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    run.submit(config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
               message("late abort", "x\r\n"));
    // The server has the whole message and is about to answer.
    QTRY_VERIFY_WITH_TIMEOUT(up->log().contains("fault slow-data"), 20000);
    client.abort();
    QVERIFY(run.wait());
    const SubmitResult r = run.result();
    QVERIFY2(r.delivered(), qPrintable(r.detail));
    QVERIFY(r.dataSent);
    QCOMPARE(up->messages().size(), 1);
}

void TestSmtpClient::testConnection_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("kind");
    QTest::newRow("starttls, login") << u"starttls"_s << int(AuthMethod::Login) << kPassword
                                     << int(Kind::Delivered);
    QTest::newRow("tls, xoauth2") << u"tls"_s << int(AuthMethod::XOAuth2) << kToken << int(Kind::Delivered);
    QTest::newRow("wrong password") << u"starttls"_s << int(AuthMethod::Plain) << u"nope"_s
                                    << int(Kind::Configuration);
}

void TestSmtpClient::testConnection()
{
    QFETCH(QString, mode);
    QFETCH(int, auth);
    QFETCH(QString, secret);
    QFETCH(int, kind);
    Upstream* up = startUpstream(QStringList{u"--mode"_s, mode} + kAuthArgs);
    QVERIFY(up);
    UpstreamConfig c = config(*up, mode == u"tls"_s ? Security::Tls : Security::StartTls, AuthMethod(auth));
    c.secret = secret;
    SmtpClient client;
    Run run(client);
    run.testConnection(c);
    QVERIFY(!run.synchronous());
    QVERIFY(run.wait());
    const SubmitResult r = run.result();
    QCOMPARE(int(r.kind), kind);
    QVERIFY(!r.detail.isEmpty());
    if (r.delivered())
        QCOMPARE(r.reply.code, 235);
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    QVERIFY(!up->received("MAIL"));
    QCOMPARE(up->messages().size(), 0);
}

void TestSmtpClient::reuse()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    const UpstreamConfig c = config(*up, Security::StartTls, AuthMethod::Plain);
    // The next submission starts from inside the finished() slot.
    QList<SubmitResult> results;
    QObject context;
    connect(&client, &SmtpClient::finished, &context, [&](const SubmitResult& r) {
        results << r;
        if (results.size() == 1)
            client.submit(c, envelope({u"b@example.test"_s}), message("second", "2\r\n"));
    });
    client.submit(c, envelope({u"a@example.test"_s}), message("first", "1\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 30000);
    QTest::qWait(50);
    QCOMPARE(results.size(), 2);
    QVERIFY(results[0].delivered());
    QVERIFY(results[1].delivered());
    QCOMPARE(up->messages().size(), 2);
}

void TestSmtpClient::busy()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    SmtpClient client;
    Run run(client);
    const UpstreamConfig c = config(*up, Security::StartTls, AuthMethod::Plain);
    run.submit(c, envelope({u"a@example.test"_s}), message("first", "1\r\n"));
    run.submit(c, envelope({u"b@example.test"_s}), message("second", "2\r\n"));
    QVERIFY(run.wait(2));
    // The refused second submission answers at once; the first one is delivered.
    QCOMPARE(run.results()[0].kind, Kind::Temporary);
    QVERIFY(!run.results()[0].dataSent);
    QVERIFY(run.results()[1].delivered());
    QCOMPARE(up->messages().size(), 1);
}

void TestSmtpClient::deleteFromFinishedSlot()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    auto* client = new SmtpClient;
    QPointer<SmtpClient> guard(client);
    QList<SubmitResult> results;
    QObject context;
    connect(client, &SmtpClient::finished, &context, [&](const SubmitResult& r) {
        results << r;
        delete client; // the owner may drop the client as soon as it has the answer
    });
    client->submit(config(*up, Security::StartTls, AuthMethod::Plain), envelope({u"a@example.test"_s}),
                   message("delete", "x\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 30000);
    QVERIFY(guard.isNull());
    QVERIFY(results[0].delivered());
    QTest::qWait(100); // the lingering QUIT must not touch the deleted client
}

void TestSmtpClient::serverStopsCleanly()
{
    Upstream* up = startUpstream(kAuthArgs);
    QVERIFY(up);
    up->stop();
    QVERIFY2(up->exitedCleanly(), qPrintable(QString::fromUtf8(up->log())));
}

// The rule: no sign-in without encryption to a server that is not on this
// computer, unless the account allows it (allow_plaintext_auth=true).
void TestSmtpClient::plaintextAuthRule_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<bool>("allowed"); // allow_plaintext_auth
    QTest::addColumn<bool>("refused");
    const int login = int(AuthMethod::Login), none = int(AuthMethod::None);
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << login << false << false << false;
    QTest::newRow("127.0.0.2 (127/8 is this computer)") << u"127.0.0.2"_s << login << false << false << false;
    QTest::newRow("127.255.255.254") << u"127.255.255.254"_s << login << false << false << false;
    QTest::newRow("::1") << u"::1"_s << login << false << false << false;
    QTest::newRow("::ffff:127.0.0.1") << u"::ffff:127.0.0.1"_s << login << false << false << false;
    QTest::newRow("LAN server") << u"192.168.1.20"_s << login << false << false << true;
    QTest::newRow("LAN server, PLAIN") << u"10.0.0.5"_s << int(AuthMethod::Plain) << false << false << true;
    QTest::newRow("LAN server, XOAUTH2")
        << u"10.0.0.5"_s << int(AuthMethod::XOAuth2) << false << false << true;
    QTest::newRow("IPv6 server") << u"2001:db8::25"_s << login << false << false << true;
    QTest::newRow("128.0.0.1 is not loopback") << u"128.0.0.1"_s << login << false << false << true;
    QTest::newRow("LAN server, allowed") << u"192.168.1.20"_s << login << false << true << false;
    QTest::newRow("LAN server, encrypted") << u"192.168.1.20"_s << login << true << false << false;
    QTest::newRow("LAN server, no sign-in") << u"192.168.1.20"_s << none << false << false << false;
}

void TestSmtpClient::plaintextAuthRule()
{
    QFETCH(QString, peer);
    QFETCH(int, auth);
    QFETCH(bool, encrypted);
    QFETCH(bool, allowed);
    QFETCH(bool, refused);
    UpstreamConfig c;
    c.host = u"mail.example.test"_s; // the address connected to decides, not the name
    c.security = encrypted ? Security::StartTls : Security::None;
    c.auth = AuthMethod(auth);
    c.allowPlaintextAuth = allowed;
    const QHostAddress address(peer);
    QVERIFY(!address.isNull());
    QCOMPARE(SmtpClient::refusesPlaintextAuth(c, encrypted, address), refused);
}

// Against the real upstream in plain mode, made to look like a server elsewhere
// (the isLocalPeer seam; tests never connect to another computer): the
// password is never sent unless the account allows it.
void TestSmtpClient::plaintextAuthRefused_data()
{
    QTest::addColumn<bool>("allowPlaintextAuth");
    QTest::addColumn<int>("auth");
    QTest::newRow("LOGIN refused") << false << int(AuthMethod::Login);
    QTest::newRow("PLAIN refused") << false << int(AuthMethod::Plain);
    QTest::newRow("allow_plaintext_auth=true") << true << int(AuthMethod::Login);
}

void TestSmtpClient::plaintextAuthRefused()
{
    QFETCH(bool, allowPlaintextAuth);
    QFETCH(int, auth);
    Upstream* up = startUpstream(QStringList{u"--mode"_s, u"plain"_s} + kAuthArgs);
    QVERIFY(up);
    // The account as the settings file gives it, through the transport's conversion.
    Settings::Account account;
    account.name = u"work"_s;
    account.host = u"127.0.0.1"_s;
    account.port = up->port();
    account.security = Security::None;
    account.auth = AuthMethod(auth);
    account.user = kUser;
    account.allowPlaintextAuth = allowPlaintextAuth;
    UpstreamConfig c = Delivery::UpstreamTransport::upstreamConfig(account, 30);
    c.secret = kPassword;
    int peersAsked = 0;
    c.isLocalPeer = [&peersAsked](const QHostAddress& peer) {
        ++peersAsked;
        return !peer.isLoopback(); // pretend: the loopback upstream stands for a server elsewhere
    };

    SmtpClient client;
    Run run(client);
    SUBMIT(run, c, envelope({u"a@example.test"_s}), message("plaintext", "x\r\n"));
    const SubmitResult r = run.result();
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    QVERIFY(up->received("EHLO"));
    if (allowPlaintextAuth) {
        QVERIFY2(r.delivered(), qPrintable(r.detail));
        QVERIFY(up->received("AUTH"));
        QCOMPARE(up->messages().size(), 1);
        return;
    }
    QCOMPARE(peersAsked, 1);
    QCOMPARE(r.kind, Kind::Configuration);
    QVERIFY(!r.dataSent);
    // Says why and what to do.
    QVERIFY2(r.detail.contains(u"password unencrypted"_s), qPrintable(r.detail));
    QVERIFY2(r.detail.contains(u"security=starttls or tls"_s), qPrintable(r.detail));
    QVERIFY2(r.detail.contains(u"allow_plaintext_auth=true"_s), qPrintable(r.detail));
    // Nothing of the credentials reached the server.
    QVERIFY(!up->received("AUTH"));
    QVERIFY(!up->received("MAIL"));
    const QByteArray log = up->log();
    QVERIFY(!log.contains(kPassword.toUtf8()));
    QVERIFY(!log.contains(kUser.toUtf8().toBase64()));
    QCOMPARE(up->messages().size(), 0);
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "TestSmtpClient.moc"
