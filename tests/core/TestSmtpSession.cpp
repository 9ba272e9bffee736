#include "smtp/Authenticator.h"
#include "smtp/SmtpSession.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using Smtp::Envelope;
using Smtp::Reply;
using Smtp::SessionConfig;
using Smtp::SmtpSession;

namespace {

// The seam for local credentials: one user "work" with password "secret".
class FakeAuthenticator : public Smtp::Authenticator
{
public:
    bool verify(const QString& user, const QString& password) const override
    {
        ++calls;
        return user == u"work"_s && password == u"secret"_s;
    }
    mutable int calls = 0;
};

// Byte strings with embedded NULs.
template <qsizetype N> QByteArray bytes(const char (&s)[N])
{
    return QByteArray(s, N - 1);
}

QByteArray b64(const QByteArray& s)
{
    return s.toBase64();
}

const QByteArray kEhlo = "EHLO client.example\r\n";
const QByteArray kAuth = "AUTH PLAIN " + b64(bytes("\0work\0secret")) + "\r\n";
const QByteArray kLogin = kEhlo + kAuth;
const QByteArray kMail = "MAIL FROM:<taro@example.co.jp>\r\n";
const QByteArray kRcpt = "RCPT TO:<hanako@example.com>\r\n";
const QByteArray kTxn = kLogin + kMail + kRcpt + "DATA\r\n";
const QByteArray kBody = "Subject: hi\r\n\r\nHello\r\n";

struct Message
{
    Envelope envelope;
    QByteArray content;
    QString authUser;
};

// Drives one SmtpSession: feeds bytes, collects everything it says, and
// (unless told otherwise) answers each message with "250 2.0.0 Queued".
class Harness : public QObject
{
public:
    explicit Harness(const SessionConfig& config) : session(config, &auth)
    {
        connect(&session, &SmtpSession::output, this, [this](const QByteArray& b) { out += b; });
        connect(&session, &SmtpSession::closeRequested, this, [this] { ++closeRequests; });
        connect(&session, &SmtpSession::messageReceived, this,
                [this](const Envelope& e, const QByteArray& c, const QString& u) {
                    messages.append({e, c, u});
                });
        session.start();
    }

    void feed(const QByteArray& input, int mode = 0)
    {
        if (mode == 0) {
            session.receive(input);
        } else if (mode == 1) {
            for (qsizetype i = 0; i < input.size(); ++i)
                session.receive(input.mid(i, 1));
        } else {
            // A few random cuts, the same ones every run.
            QRandomGenerator rng(quint32(input.size()));
            qsizetype pos = 0;
            while (pos < input.size()) {
                const qsizetype n = 1 + rng.bounded(qMax<qsizetype>(1, input.size() / 3));
                session.receive(input.mid(pos, n));
                pos += n;
            }
        }
        settle();
    }

    // Runs delayed AUTH answers and answers waiting messages until nothing changes.
    void settle()
    {
        int quiet = 0;
        while (quiet < 5) {
            const qsizetype before = out.size();
            if (autoAnswer && session.isWaitingForAnswer())
                session.answerData(Reply::make(250, u"2.0.0"_s, u"Queued"_s));
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            QCoreApplication::sendPostedEvents();
            quiet = out.size() == before && !(autoAnswer && session.isWaitingForAnswer()) ? quiet + 1 : 0;
        }
    }

    FakeAuthenticator auth;
    SmtpSession session;
    QByteArray out;
    QList<Message> messages;
    int closeRequests = 0;
    bool autoAnswer = true;
};

struct ParsedReply
{
    int code = 0;
    QByteArray enhanced; // of the first line
    QByteArray text;     // all lines, '\n'-joined
};

// Splits the session's output into replies; fails the test on anything that is
// not a well-formed reply.
QList<ParsedReply> parseReplies(const QByteArray& out)
{
    static const QRegularExpression lineRe(u"^([2-5][0-9][0-9])([ -])(.*)$"_s);
    static const QRegularExpression enhRe(u"^([245])\\.([0-9]{1,3})\\.([0-9]{1,3}) "_s);
    QList<ParsedReply> replies;
    ParsedReply current;
    bool inReply = false;
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i == lines.size() - 1) {
            if (!line.isEmpty())
                qWarning() << "output does not end with CRLF:" << line;
            break;
        }
        if (!line.endsWith('\r')) {
            qWarning() << "bare LF in output:" << line;
            return {};
        }
        line.chop(1);
        const auto m = lineRe.match(QString::fromUtf8(line));
        if (!m.hasMatch()) {
            qWarning() << "not a reply line:" << line;
            return {};
        }
        const int code = m.captured(1).toInt();
        QString text = m.captured(3);
        if (!inReply) {
            current = ParsedReply();
            current.code = code;
            const auto e = enhRe.match(text);
            if (e.hasMatch()) {
                current.enhanced = e.captured(0).trimmed().toLatin1();
                text = text.mid(e.capturedLength());
            }
        } else if (code != current.code) {
            qWarning() << "code changes inside a multi-line reply:" << line;
            return {};
        }
        current.text += (current.text.isEmpty() ? QByteArray() : QByteArray("\n")) + text.toUtf8();
        inReply = m.captured(2) == u"-"_s;
        if (!inReply)
            replies.append(current);
    }
    return replies;
}

// "220, 250, 235 2.7.0, 250 2.1.0, ..." — also checks RFC 2034/3463: every
// 2xx/4xx/5xx reply carries an enhanced code of its own class, except the
// greeting and the HELO/EHLO answer; 3xx replies carry none.
QString summary(const QByteArray& out, bool* enhancedOk)
{
    const QList<ParsedReply> replies = parseReplies(out);
    QStringList parts;
    *enhancedOk = true;
    for (const ParsedReply& r : replies) {
        parts << (r.enhanced.isEmpty() ? QString::number(r.code)
                                       : QString::number(r.code) + u' ' + QString::fromLatin1(r.enhanced));
        const bool exempt = r.code == 220 ||
                            (r.code == 250 && r.enhanced.isEmpty() && !r.text.contains(' ')) ||
                            (r.code == 250 && r.text.startsWith("localhost"));
        if (r.code / 100 == 3) {
            if (!r.enhanced.isEmpty())
                *enhancedOk = false;
        } else if (!exempt && (r.enhanced.isEmpty() || r.enhanced.at(0) - '0' != r.code / 100)) {
            qWarning() << "reply without a matching enhanced status code:" << r.code << r.enhanced << r.text;
            *enhancedOk = false;
        }
    }
    return parts.join(u", "_s);
}

SessionConfig testConfig(const QString& setup)
{
    SessionConfig c;
    c.authFailureDelayMs = 0;
    for (const QString& item : setup.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = item.section(u'=', 0, 0);
        const qint64 value = item.section(u'=', 1).toLongLong();
        if (key == u"requireAuth"_s)
            c.requireAuth = value != 0;
        else if (key == u"maxRecipients"_s)
            c.maxRecipients = int(value);
        else if (key == u"maxCommandLine"_s)
            c.maxCommandLine = int(value);
        else if (key == u"maxTextLine"_s)
            c.maxTextLine = int(value);
        else if (key == u"maxMessageSize"_s)
            c.maxMessageSize = value;
        else if (key == u"maxHeaderBytes"_s)
            c.maxHeaderBytes = int(value);
        else if (key == u"maxErrors"_s)
            c.maxErrors = int(value);
        else if (key == u"maxAuthFailures"_s)
            c.maxAuthFailures = int(value);
        else if (key == u"authTimeoutMs"_s)
            c.authTimeoutMs = int(value);
        else if (key == u"lineTimeoutMs"_s)
            c.lineTimeoutMs = int(value);
        else if (key == u"idleTimeoutMs"_s)
            c.idleTimeoutMs = int(value);
        else if (key == u"maxSessionMs"_s)
            c.maxSessionMs = int(value);
        else
            qFatal("unknown setup key %s", qPrintable(key));
    }
    return c;
}

} // namespace

class TestSmtpSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"smtp.debug=false\nsmtp.info=false"_s); }
    void dialogue_data();
    void dialogue();
    void ehloAdvertises();
    void greeting();
    void envelopeAndContent();
    void crlfPreservedAndDotUnstuffed();
    void emptyMessage();
    void dataLineEnds_data();
    void dataLineEnds();
    void timeouts_data();
    void timeouts();
    void sessionTimeWaitsForTheReply();
    void establishedSessions();
    void severalMessagesOnOneSession();
    void pipelinedAfterDataWaitsForAnswer();
    void answerFromInsideTheSignal();
    void answer421Closes();
    void authFailureIsDelayed();
    void authLoginAndPlainUsers_data();
    void authLoginAndPlainUsers();
    void noAuthenticatorRefusesEveryone();
    void tenThousandRecipients();
    void blockedRecipientRefusedAtRcpt();
    void httpStopsEverything_data();
    void httpStopsEverything();
    void overLongLineWithoutEnd();
    void overLongDataLineStaysBounded();
    void oversizeMessageIsNotKept();
    void floodWhileWaitingCloses();
    void inputBeforeStartIsRefused();
    void rejectionTexts_data();
    void rejectionTexts();
    void randomInputNeverBreaksTheSession();
};

void TestSmtpSession::dialogue_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("messages");
    QTest::addColumn<bool>("closed");

    const QByteArray data = kTxn + kBody + ".\r\n";
    const QString ok = u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354, 250 2.0.0"_s;

    // The basics
    QTest::newRow("greeting only") << QString() << QByteArray() << u"220"_s << 0 << false;
    QTest::newRow("EHLO") << QString() << kEhlo << u"220, 250"_s << 0 << false;
    QTest::newRow("HELO") << QString() << QByteArray("HELO client\r\n") << u"220, 250"_s << 0 << false;
    QTest::newRow("EHLO needs a name")
        << QString() << QByteArray("EHLO\r\n") << u"220, 501 5.5.4"_s << 0 << false;
    QTest::newRow("lower-case verbs")
        << QString() << QByteArray("ehlo x\r\nnoop\r\n") << u"220, 250, 250 2.0.0"_s << 0 << false;
    QTest::newRow("full transaction") << QString() << data << ok << 1 << false;
    QTest::newRow("then QUIT") << QString() << data + "QUIT\r\n" << ok + u", 221 2.0.0"_s << 1 << true;
    QTest::newRow("nothing after QUIT runs")
        << QString() << QByteArray("QUIT\r\nNOOP\r\n") << u"220, 221 2.0.0"_s << 0 << true;
    QTest::newRow("NOOP RSET VRFY HELP")
        << QString() << QByteArray("NOOP\r\nNOOP with args\r\nRSET\r\nVRFY bob\r\nHELP\r\n")
        << u"220, 250 2.0.0, 250 2.0.0, 250 2.0.0, 252 2.1.5, 214 2.0.0"_s << 0 << false;
    QTest::newRow("RSET takes no arguments")
        << QString() << QByteArray("RSET x\r\n") << u"220, 501 5.5.4"_s << 0 << false;
    QTest::newRow("VRFY needs an argument")
        << QString() << QByteArray("VRFY\r\n") << u"220, 501 5.5.4"_s << 0 << false;
    QTest::newRow("unknown commands")
        << QString() << QByteArray("EXPN list\r\nSTARTTLS\r\nBDAT 10\r\nXYZZY\r\n")
        << u"220, 502 5.5.1, 502 5.5.1, 502 5.5.1, 502 5.5.1"_s << 0 << false;
    QTest::newRow("empty command") << QString() << QByteArray("\r\n") << u"220, 500 5.5.2"_s << 0 << false;

    // AUTH
    QTest::newRow("AUTH PLAIN initial response")
        << QString() << kLogin << u"220, 250, 235 2.7.0"_s << 0 << false;
    QTest::newRow("AUTH PLAIN continuation")
        << QString() << kEhlo + "AUTH PLAIN\r\n" + b64(bytes("\0work\0secret")) + "\r\n"
        << u"220, 250, 334, 235 2.7.0"_s << 0 << false;
    QTest::newRow("AUTH PLAIN with authzid = user")
        << QString() << kEhlo + "AUTH PLAIN " + b64(bytes("work\0work\0secret")) + "\r\n"
        << u"220, 250, 235 2.7.0"_s << 0 << false;
    QTest::newRow("AUTH PLAIN as someone else")
        << QString() << kEhlo + "AUTH PLAIN " + b64(bytes("boss\0work\0secret")) + "\r\n"
        << u"220, 250, 535 5.7.8"_s << 0 << false;
    QTest::newRow("AUTH PLAIN wrong password")
        << QString() << kEhlo + "AUTH PLAIN " + b64(bytes("\0work\0guess")) + "\r\n" + "NOOP\r\n"
        << u"220, 250, 535 5.7.8, 250 2.0.0"_s << 0 << false;
    QTest::newRow("AUTH PLAIN unknown user")
        << QString() << kEhlo + "AUTH PLAIN " + b64(bytes("\0nobody\0secret")) + "\r\n"
        << u"220, 250, 535 5.7.8"_s << 0 << false;
    QTest::newRow("AUTH PLAIN malformed") << QString() << kEhlo + "AUTH PLAIN " + b64("worksecret") + "\r\n"
                                          << u"220, 250, 501 5.5.2"_s << 0 << false;
    QTest::newRow("AUTH PLAIN empty initial response") << QString() << kEhlo + "AUTH PLAIN =\r\n"
                                                       << u"220, 250, 501 5.5.2"_s << 0 << false;
    QTest::newRow("AUTH LOGIN") << QString()
                                << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\r\n" + b64("secret") + "\r\n"
                                << u"220, 250, 334, 334, 235 2.7.0"_s << 0 << false;
    QTest::newRow("AUTH LOGIN with initial user")
        << QString() << kEhlo + "AUTH LOGIN " + b64("work") + "\r\n" + b64("secret") + "\r\n"
        << u"220, 250, 334, 235 2.7.0"_s << 0 << false;
    QTest::newRow("AUTH LOGIN wrong password")
        << QString() << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\r\n" + b64("nope") + "\r\n"
        << u"220, 250, 334, 334, 535 5.7.8"_s << 0 << false;
    QTest::newRow("AUTH cancelled at user") << QString() << kEhlo + "AUTH LOGIN\r\n*\r\nNOOP\r\n"
                                            << u"220, 250, 334, 501 5.0.0, 250 2.0.0"_s << 0 << false;
    QTest::newRow("AUTH cancelled at password")
        << QString() << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\r\n*\r\n"
        << u"220, 250, 334, 334, 501 5.0.0"_s << 0 << false;
    QTest::newRow("AUTH PLAIN cancelled") << QString() << kEhlo + "AUTH PLAIN\r\n*\r\n"
                                          << u"220, 250, 334, 501 5.0.0"_s << 0 << false;
    QTest::newRow("broken line ends the AUTH exchange")
        << QString() << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\n" + "NOOP\r\n"
        << u"220, 250, 334, 500 5.5.2, 250 2.0.0"_s << 0 << false;
    QTest::newRow("AUTH bad base64") << QString() << kEhlo + "AUTH LOGIN\r\n!!!\r\n"
                                     << u"220, 250, 334, 501 5.5.2"_s << 0 << false;
    QTest::newRow("AUTH before EHLO") << QString() << kAuth << u"220, 503 5.5.1"_s << 0 << false;
    QTest::newRow("AUTH twice") << QString() << kLogin + kAuth << u"220, 250, 235 2.7.0, 503 5.5.1"_s << 0
                                << false;
    QTest::newRow("AUTH unknown mechanism") << QString() << kEhlo + "AUTH CRAM-MD5\r\n"
                                            << u"220, 250, 504 5.5.4"_s << 0 << false;
    QTest::newRow("AUTH without mechanism") << QString() << kEhlo + "AUTH\r\n"
                                            << u"220, 250, 501 5.5.4"_s << 0 << false;
    QTest::newRow("AUTH during a transaction")
        << u"requireAuth=0"_s << kEhlo + kMail + kAuth << u"220, 250, 250 2.1.0, 503 5.5.1"_s << 0 << false;
    const QByteArray badPlain = "AUTH PLAIN " + b64(bytes("\0work\0bad")) + "\r\n";
    QTest::newRow("too many AUTH failures close")
        << QString() << kEhlo + badPlain + badPlain + badPlain + "NOOP\r\n"
        << u"220, 250, 535 5.7.8, 535 5.7.8, 421 4.7.0"_s << 0 << true;
    QTest::newRow("maxAuthFailures=1")
        << u"maxAuthFailures=1"_s << kEhlo + badPlain << u"220, 250, 421 4.7.0"_s << 0 << true;
    QTest::newRow("success resets the failure count") << u"maxAuthFailures=2"_s << kEhlo + badPlain + kAuth
                                                      << u"220, 250, 535 5.7.8, 235 2.7.0"_s << 0 << false;

    // MAIL and its parameters
    QTest::newRow("MAIL before AUTH") << QString() << kEhlo + kMail << u"220, 250, 530 5.7.0"_s << 0 << false;
    QTest::newRow("MAIL before EHLO") << u"requireAuth=0"_s << kMail << u"220, 503 5.5.1"_s << 0 << false;
    QTest::newRow("MAIL without AUTH when not required")
        << u"requireAuth=0"_s << kEhlo + kMail << u"220, 250, 250 2.1.0"_s << 0 << false;
    QTest::newRow("MAIL after HELO") << u"requireAuth=0"_s << "HELO x\r\n" + kMail << u"220, 250, 250 2.1.0"_s
                                     << 0 << false;
    QTest::newRow("parameters need EHLO")
        << u"requireAuth=0"_s << QByteArray("HELO x\r\nMAIL FROM:<a@b.c> SIZE=10\r\n")
        << u"220, 250, 555 5.5.4"_s << 0 << false;
    QTest::newRow("nested MAIL") << QString() << kLogin + kMail + kMail
                                 << u"220, 250, 235 2.7.0, 250 2.1.0, 503 5.5.1"_s << 0 << false;
    QTest::newRow("MAIL syntax") << QString() << kLogin + "MAIL <a@b.c>\r\n"
                                 << u"220, 250, 235 2.7.0, 501 5.5.2"_s << 0 << false;
    QTest::newRow("empty reverse path") << QString() << kLogin + "MAIL FROM:<>\r\n"
                                        << u"220, 250, 235 2.7.0, 250 2.1.0"_s << 0 << false;
    QTest::newRow("space after colon") << QString() << kLogin + "MAIL FROM: <a@b.c>\r\n"
                                       << u"220, 250, 235 2.7.0, 250 2.1.0"_s << 0 << false;
    QTest::newRow("SIZE BODY SMTPUTF8 AUTH=")
        << QString() << kLogin + "MAIL FROM:<a@b.c> SIZE=1000 BODY=8BITMIME SMTPUTF8 AUTH=<>\r\n"
        << u"220, 250, 235 2.7.0, 250 2.1.0"_s << 0 << false;
    QTest::newRow("BODY=7BIT") << QString() << kLogin + "MAIL FROM:<a@b.c> body=7bit\r\n"
                               << u"220, 250, 235 2.7.0, 250 2.1.0"_s << 0 << false;
    QTest::newRow("SIZE over the limit")
        << u"maxMessageSize=1000"_s << kLogin + "MAIL FROM:<a@b.c> SIZE=1001\r\n"
        << u"220, 250, 235 2.7.0, 552 5.3.4"_s << 0 << false;
    QTest::newRow("SIZE absurd") << QString() << kLogin + "MAIL FROM:<a@b.c> SIZE=99999999999999999999999\r\n"
                                 << u"220, 250, 235 2.7.0, 552 5.3.4"_s << 0 << false;
    QTest::newRow("SIZE at the limit")
        << u"maxMessageSize=1000"_s << kLogin + "MAIL FROM:<a@b.c> SIZE=1000\r\n"
        << u"220, 250, 235 2.7.0, 250 2.1.0"_s << 0 << false;
    QTest::newRow("SIZE not a number") << QString() << kLogin + "MAIL FROM:<a@b.c> SIZE=big\r\n"
                                       << u"220, 250, 235 2.7.0, 501 5.5.4"_s << 0 << false;
    QTest::newRow("BODY=BINARYMIME") << QString() << kLogin + "MAIL FROM:<a@b.c> BODY=BINARYMIME\r\n"
                                     << u"220, 250, 235 2.7.0, 501 5.5.4"_s << 0 << false;
    QTest::newRow("unknown parameter") << QString() << kLogin + "MAIL FROM:<a@b.c> RET=HDRS\r\n"
                                       << u"220, 250, 235 2.7.0, 555 5.5.4"_s << 0 << false;
    QTest::newRow("SMTPUTF8 with a value") << QString() << kLogin + "MAIL FROM:<a@b.c> SMTPUTF8=yes\r\n"
                                           << u"220, 250, 235 2.7.0, 555 5.5.4"_s << 0 << false;

    // Addresses
    const QString mailOk = u"220, 250, 235 2.7.0, 250 2.1.0"_s;
    const QString rcptBad = mailOk + u", 501 5.1.3"_s;
    const QString rcptOk = mailOk + u", 250 2.1.5"_s;
    auto rcpt = [&](const char* name, const QByteArray& address, const QString& expected) {
        QTest::newRow(name) << QString() << kLogin + kMail + "RCPT TO:" + address + "\r\n"
                            << expected << 0 << false;
    };
    rcpt("rcpt plain", "<a@example.com>", rcptOk);
    QTest::newRow("rcpt case-insensitive keyword")
        << QString() << kLogin + kMail + "rcpt to:<a@example.com>\r\n"
        << rcptOk << 0 << false;
    rcpt("rcpt no angle brackets", "a@example.com", rcptBad);
    rcpt("rcpt unclosed bracket", "<a@example.com", rcptBad);
    rcpt("rcpt junk after bracket", "<a@example.com>x", rcptBad);
    rcpt("rcpt no domain", "<postmaster>", rcptBad);
    rcpt("rcpt no local part", "<@example.com>", rcptBad);
    rcpt("rcpt empty domain", "<a@>", rcptBad);
    rcpt("rcpt empty label", "<a@example..com>", rcptBad);
    rcpt("rcpt trailing dot", "<a@example.com.>", rcptBad);
    rcpt("rcpt two at signs", "<a@b@example.com>", rcptBad);
    rcpt("rcpt space", "<a b@example.com>", rcptBad);
    rcpt("rcpt tab", "<a\tb@example.com>", rcptBad);
    rcpt("rcpt control", "<a\x01@example.com>", rcptBad);
    rcpt("rcpt null path", "<>", rcptBad);
    rcpt("rcpt quoted local part", "<\"john doe\"@example.com>", rcptOk);
    rcpt("rcpt quoted with > and escape", "<\"a>b\\\"c\"@example.com>", rcptOk);
    rcpt("rcpt unterminated quote", "<\"ab@example.com>", rcptBad);
    rcpt("rcpt docomo dots", "<taro..yamada.@docomo.ne.jp>", rcptOk);
    rcpt("rcpt address literal", "<a@[192.0.2.1]>", rcptOk);
    rcpt("rcpt source route", "<@relay.example:a@example.com>", rcptOk);
    rcpt("rcpt UTF-8 without SMTPUTF8", "<\xe5\xa4\xaa\xe9\x83\x8e@example.jp>", mailOk + u", 553 5.6.7"_s);
    rcpt("rcpt UTF-8 domain without SMTPUTF8", "<a@\xe4\xbe\x8b\xe3\x81\x88.jp>", mailOk + u", 553 5.6.7"_s);
    rcpt("rcpt parameters", "<a@example.com> NOTIFY=NEVER", mailOk + u", 555 5.5.4"_s);
    rcpt("rcpt empty quoted local part", "<\"\"@example.com>", rcptBad);
    rcpt("rcpt quoted then junk", "<\"a\"b@example.com>", rcptBad);
    rcpt("rcpt quoted control", "<\"a\x01\"@example.com>", rcptBad);
    rcpt("rcpt quoted trailing backslash", "<\"a\\", rcptBad);
    rcpt("rcpt empty literal", "<a@[]>", rcptBad);
    rcpt("rcpt unclosed literal", "<a@[192.0.2.1>", rcptBad);
    rcpt("rcpt literal with space", "<a@[192.0.2.1 ]>", rcptBad);
    rcpt("rcpt very long", "<" + QByteArray(600, 'a') + "@example.com>", rcptBad);
    rcpt("rcpt broken source route", "<@relay.example>", rcptBad);
    QTest::newRow("RCPT syntax") << QString() << kLogin + kMail + "RCPT <a@b.c>\r\n"
                                 << mailOk + u", 501 5.5.2"_s << 0 << false;
    QTest::newRow("trailing space after a command")
        << QString() << QByteArray("RSET \r\nNOOP  \r\n") << u"220, 250 2.0.0, 250 2.0.0"_s << 0 << false;
    const QByteArray utf8Mail = kLogin + "MAIL FROM:<a@b.c> SMTPUTF8\r\n";
    auto utf8Rcpt = [&](const char* name, const QByteArray& local, const QString& expected) {
        QTest::newRow(name) << QString() << utf8Mail + "RCPT TO:<" + local + "@example.jp>\r\n"
                            << expected << 0 << false;
    };
    utf8Rcpt("UTF-8 4-byte (emoji)", "\xf0\x9f\x98\x80", rcptOk);
    utf8Rcpt("UTF-8 U+10FFFF", "\xf4\x8f\xbf\xbf", rcptOk);
    utf8Rcpt("UTF-8 above U+10FFFF", "\xf4\x90\x80\x80", rcptBad);
    utf8Rcpt("UTF-8 overlong", "\xc0\xaf", rcptBad);
    utf8Rcpt("UTF-8 overlong 3-byte", "\xe0\x80\xaf", rcptBad);
    utf8Rcpt("UTF-8 surrogate", "\xed\xa0\x80", rcptBad);
    utf8Rcpt("UTF-8 truncated", "\xe3\x81", rcptBad);
    utf8Rcpt("UTF-8 bad continuation", "\xe3\x41\x81", rcptBad);
    utf8Rcpt("UTF-8 lone continuation", "\x80", rcptBad);
    utf8Rcpt("UTF-8 in a quoted local part", "\"\xe5\xa4\xaa \xe9\x83\x8e\"", rcptOk);
    QTest::newRow("rcpt UTF-8 with SMTPUTF8")
        << QString()
        << kLogin + "MAIL FROM:<a@b.c> SMTPUTF8\r\nRCPT TO:<\xe5\xa4\xaa\xe9\x83\x8e@\xe4\xbe\x8b.jp>\r\n"
        << rcptOk << 0 << false;
    QTest::newRow("rcpt invalid UTF-8 with SMTPUTF8")
        << QString() << kLogin + "MAIL FROM:<a@b.c> SMTPUTF8\r\nRCPT TO:<\xc3\x28@example.jp>\r\n"
        << rcptBad << 0 << false;
    QTest::newRow("mail UTF-8 without SMTPUTF8")
        << QString() << kLogin + "MAIL FROM:<\xc3\xa9@example.fr>\r\n"
        << u"220, 250, 235 2.7.0, 553 5.6.7"_s << 0 << false;
    QTest::newRow("mail UTF-8 with SMTPUTF8")
        << QString() << kLogin + "MAIL FROM:<\xc3\xa9@example.fr> SMTPUTF8\r\n"
        << mailOk << 0 << false;
    QTest::newRow("mail invalid address") << QString() << kLogin + "MAIL FROM:<nobody>\r\n"
                                          << u"220, 250, 235 2.7.0, 501 5.1.7"_s << 0 << false;
    QTest::newRow("mail no angle brackets") << QString() << kLogin + "MAIL FROM:a@b.c\r\n"
                                            << u"220, 250, 235 2.7.0, 501 5.1.7"_s << 0 << false;

    // Sequencing
    QTest::newRow("RCPT before MAIL")
        << QString() << kLogin + kRcpt << u"220, 250, 235 2.7.0, 503 5.5.1"_s << 0 << false;
    QTest::newRow("DATA before MAIL") << QString() << kLogin + "DATA\r\n"
                                      << u"220, 250, 235 2.7.0, 503 5.5.1"_s << 0 << false;
    QTest::newRow("DATA before RCPT") << QString() << kLogin + kMail + "DATA\r\n"
                                      << u"220, 250, 235 2.7.0, 250 2.1.0, 503 5.5.1"_s << 0 << false;
    QTest::newRow("DATA with argument")
        << QString() << kLogin + kMail + kRcpt + "DATA now\r\n"
        << u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 501 5.5.4"_s << 0 << false;
    QTest::newRow("RSET ends the transaction")
        << QString() << kLogin + kMail + "RSET\r\n" + kRcpt
        << u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.0.0, 503 5.5.1"_s << 0 << false;
    QTest::newRow("EHLO ends the transaction")
        << QString() << kLogin + kMail + kEhlo + kRcpt << u"220, 250, 235 2.7.0, 250 2.1.0, 250, 503 5.5.1"_s
        << 0 << false;
    QTest::newRow("recipient cap") << u"maxRecipients=2"_s
                                   << kLogin + kMail +
                                          "RCPT TO:<a@x.jp>\r\nRCPT TO:<b@x.jp>\r\nRCPT TO:<c@x.jp>\r\n"
                                   << u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 250 2.1.5, 452 4.5.3"_s
                                   << 0 << false;
    QTest::newRow("duplicate recipient does not count")
        << u"maxRecipients=1"_s << kLogin + kMail + kRcpt + kRcpt
        << u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 250 2.1.5"_s << 0 << false;

    // Pipelining
    QTest::newRow("two messages pipelined")
        << QString() << data + kMail + kRcpt + "DATA\r\n" + kBody + ".\r\n"
        << ok + u", 250 2.1.0, 250 2.1.5, 354, 250 2.0.0"_s << 2 << false;

    // Hardening of the command channel
    QTest::newRow("line too long, session usable")
        << u"maxCommandLine=64"_s << "NOOP " + QByteArray(100, 'x') + "\r\nNOOP\r\n"
        << u"220, 500 5.5.6, 250 2.0.0"_s << 0 << false;
    QTest::newRow("line exactly at the limit")
        << u"maxCommandLine=64"_s << "NOOP " + QByteArray(57, 'x') + "\r\n"
        << u"220, 250 2.0.0"_s << 0 << false;
    QTest::newRow("line one over the limit")
        << u"maxCommandLine=64"_s << "NOOP " + QByteArray(58, 'x') + "\r\n"
        << u"220, 500 5.5.6"_s << 0 << false;
    QTest::newRow("NUL in command") << QString() << bytes("NO\0OP\r\nNOOP\r\n")
                                    << u"220, 500 5.5.2, 250 2.0.0"_s << 0 << false;
    QTest::newRow("bare LF") << QString() << QByteArray("NOOP\nNOOP\r\n") << u"220, 500 5.5.2, 250 2.0.0"_s
                             << 0 << false;
    QTest::newRow("bare CR") << QString() << QByteArray("NO\rOP\r\nNOOP\r\n")
                             << u"220, 500 5.5.2, 250 2.0.0"_s << 0 << false;
    QTest::newRow("CR CR LF") << QString() << QByteArray("NOOP\r\r\n") << u"220, 500 5.5.2"_s << 0 << false;
    QTest::newRow("too many errors") << u"maxErrors=3"_s << QByteArray("X\r\nY\r\nZ\r\nNOOP\r\n")
                                     << u"220, 502 5.5.1, 502 5.5.1, 421 4.7.0"_s << 0 << true;
    QTest::newRow("452 is not an error")
        << u"maxErrors=2 maxRecipients=1"_s
        << kLogin + kMail + kRcpt + "RCPT TO:<b@x.jp>\r\nRCPT TO:<c@x.jp>\r\nNOOP\r\n"
        << u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 452 4.5.3, 452 4.5.3, 250 2.0.0"_s << 0 << false;

    // Hardening of DATA
    const QString rejected = u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354, "_s;
    auto dataRow = [&](const char* name, const QString& setup, const QByteArray& body, const QString& reply,
                       int messages) {
        QTest::newRow(name) << setup << kTxn + body + "NOOP\r\n"
                            << rejected + reply + u", 250 2.0.0"_s << messages << false;
    };
    dataRow("data ok", QString(), kBody + ".\r\n", u"250 2.0.0"_s, 1);
    dataRow("data bare LF is read as CRLF", QString(), "Subject: x\r\n\r\nline\nline\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    dataRow("data all bare LF, CRLF.CRLF at the end", QString(), "Subject: x\n\nline\nline\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    dataRow("data bare CR", QString(), "Subject: x\r\n\r\nline\rline\r\n.\r\n", u"554 5.6.0"_s, 0);
    dataRow("data bare CR before CRLF", QString(), "Subject: x\r\n\r\nline\r\r\n.\r\n", u"554 5.6.0"_s, 0);
    dataRow("data bare CR at the start", QString(), "\rSubject: x\r\n\r\nline\r\n.\r\n", u"554 5.6.0"_s, 0);
    dataRow("data NUL", QString(), bytes("Subject: x\r\n\r\nli\0ne\r\n.\r\n"), u"554 5.6.0"_s, 0);
    dataRow("data 8-bit without BODY is taken", QString(), "Subject: x\r\n\r\n\xe3\x81\x82\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    dataRow("data Shift_JIS without BODY is taken", QString(),
            "Subject: x\r\n\r\n\x8c\xa9\x90\xcf\x82\xa8\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("data bare LF line at the limit", u"maxTextLine=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(98, 'a') + "\n\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("data bare LF line over the limit", u"maxTextLine=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(99, 'a') + "\n\r\n.\r\n", u"554 5.6.0"_s, 0);
    dataRow("data line too long", u"maxTextLine=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(99, 'a') + "\r\n.\r\n", u"554 5.6.0"_s, 0);
    dataRow("data line at the limit", u"maxTextLine=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(98, 'a') + "\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("stuffed dot does not count", u"maxTextLine=100"_s,
            "Subject: x\r\n\r\n." + QByteArray(98, '.') + "\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("data headers too big", u"maxHeaderBytes=100"_s,
            "Subject: " + QByteArray(80, 'a') + "\r\nX-A: " + QByteArray(20, 'b') + "\r\n\r\nbody\r\n.\r\n",
            u"552 5.3.4"_s, 0);
    dataRow("big body, small headers", u"maxHeaderBytes=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(500, 'a') + "\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("data too big", u"maxMessageSize=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(200, 'a') + "\r\n.\r\n", u"552 5.3.4"_s, 0);
    dataRow("data exactly max size", u"maxMessageSize=100"_s,
            "Subject: x\r\n\r\n" + QByteArray(100 - 14 - 2, 'a') + "\r\n.\r\n", u"250 2.0.0"_s, 1);
    // One message each (the smuggled commands are its content): see dataLineEnds for what it holds.
    dataRow("smuggling: LF.CRLF is not the end", QString(),
            "Subject: x\r\n\r\nbody\n.\r\nMAIL FROM:<evil@x.jp>\r\nRCPT TO:<v@x.jp>\r\nDATA\r\nevil\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    dataRow("smuggling: CRLF.LF is not the end", QString(),
            "Subject: x\r\n\r\nbody\r\n.\nMAIL FROM:<evil@x.jp>\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("smuggling: LF.LF is not the end", QString(),
            "Subject: x\r\n\r\nbody\n.\nMAIL FROM:<evil@x.jp>\r\nRCPT TO:<v@x.jp>\r\nDATA\r\nevil\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    dataRow("smuggling: first line LF is not the end", QString(), ".\nQUIT\r\n.\r\n", u"250 2.0.0"_s, 1);
    dataRow("smuggling: CR.CRLF is not the end", QString(), "Subject: x\r\n\r\nbody\r.\r\nQUIT\r\n.\r\n",
            u"554 5.6.0"_s, 0);
    dataRow("HTTP inside DATA is just data", QString(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n.\r\n",
            u"250 2.0.0"_s, 1);
    QTest::newRow("8-bit with BODY=8BITMIME") << QString()
                                              << kLogin + "MAIL FROM:<a@b.c> BODY=8BITMIME\r\n" + kRcpt +
                                                     "DATA\r\nSubject: x\r\n\r\n\xe3\x81\x82\r\n.\r\n"
                                              << ok << 1 << false;
    QTest::newRow("8-bit with SMTPUTF8") << QString()
                                         << kLogin + "MAIL FROM:<a@b.c> SMTPUTF8\r\n" + kRcpt +
                                                "DATA\r\nSubject: \xe3\x81\x82\r\n\r\nx\r\n.\r\n"
                                         << ok << 1 << false;
    QTest::newRow("transaction reset after a rejection")
        << QString() << kTxn + "a\rb\r\n.\r\n" + kRcpt + kMail + kRcpt + "DATA\r\n" + kBody + ".\r\n"
        << rejected + u"554 5.6.0, 503 5.5.1, 250 2.1.0, 250 2.1.5, 354, 250 2.0.0"_s << 1 << false;

    // HTTP (more in httpStopsEverything)
    QTest::newRow("HTTP GET") << QString() << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                              << u"220, 554 5.7.0"_s << 0 << true;
    QTest::newRow("HTTP POST with SMTP body")
        << u"requireAuth=0"_s
        << "POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99\r\n\r\n" + kEhlo + kMail + kRcpt +
               "DATA\r\nx\r\n.\r\n"
        << u"220, 554 5.7.0"_s << 0 << true;
    QTest::newRow("HTTP after EHLO") << QString() << kEhlo + "Host: evil\r\n" + kAuth
                                     << u"220, 250, 554 5.7.0"_s << 0 << true;
}

void TestSmtpSession::dialogue()
{
    QFETCH(QString, setup);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(int, messages);
    QFETCH(bool, closed);

    // The same dialogue in one piece, byte by byte and in random pieces must give the same replies.
    for (int mode = 0; mode < 3; ++mode) {
        Harness h(testConfig(setup));
        h.feed(input, mode);
        bool enhancedOk = false;
        const QString got = summary(h.out, &enhancedOk);
        if (got != expected)
            qWarning().noquote() << "mode" << mode << "output:\n" << QString::fromUtf8(h.out);
        QCOMPARE(got, expected);
        QVERIFY2(enhancedOk, h.out.constData());
        QCOMPARE(h.messages.size(), messages);
        QCOMPARE(h.session.isClosed(), closed);
        QCOMPARE(h.closeRequests, closed ? 1 : 0);
    }
}

void TestSmtpSession::ehloAdvertises()
{
    SessionConfig c = testConfig({});
    c.hostName = u"yubisashi.local"_s;
    c.maxMessageSize = 12345;
    Harness h(c);
    h.feed(kEhlo);
    QCOMPARE(h.out, QByteArray("220 yubisashi.local ESMTP Yubisashi ready\r\n"
                               "250-yubisashi.local\r\n"
                               "250-AUTH PLAIN LOGIN\r\n"
                               "250-SIZE 12345\r\n"
                               "250-8BITMIME\r\n"
                               "250-PIPELINING\r\n"
                               "250-ENHANCEDSTATUSCODES\r\n"
                               "250 SMTPUTF8\r\n"));
    QVERIFY(!h.out.contains("STARTTLS"));
}

void TestSmtpSession::greeting()
{
    FakeAuthenticator auth;
    SmtpSession s(testConfig({}), &auth);
    QSignalSpy out(&s, &SmtpSession::output);
    s.start();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.at(0).at(0).toByteArray(), QByteArray("220 localhost ESMTP Yubisashi ready\r\n"));
    s.start(); // a second start says nothing
    QCOMPARE(out.size(), 1);
}

void TestSmtpSession::envelopeAndContent()
{
    Harness h(testConfig({}));
    h.feed(kLogin + "MAIL FROM:<taro@example.co.jp> SIZE=23 BODY=8BITMIME\r\n" + "RCPT TO:<a@x.jp>\r\n" +
           "RCPT TO:<\"b c\"@y.jp>\r\n" + "RCPT TO:<@r.example:d@z.jp>\r\n" + "DATA\r\n" + kBody + ".\r\n");
    QCOMPARE(h.messages.size(), 1);
    const Message& m = h.messages.first();
    QCOMPARE(m.envelope.mailFrom, u"taro@example.co.jp"_s);
    QCOMPARE(m.envelope.recipients, (QStringList{u"a@x.jp"_s, u"\"b c\"@y.jp"_s, u"d@z.jp"_s}));
    QVERIFY(m.envelope.eightBitMime);
    QVERIFY(!m.envelope.smtpUtf8);
    QCOMPARE(m.envelope.declaredSize, 23);
    QCOMPARE(m.content, kBody);
    QCOMPARE(m.authUser, u"work"_s);
    QCOMPARE(h.session.authenticatedUser(), u"work"_s);

    Harness utf8(testConfig({}));
    utf8.feed(kLogin +
              "MAIL FROM:<> SMTPUTF8\r\nRCPT TO:<\xe5\xa4\xaa\xe9\x83\x8e@\xe4\xbe\x8b.jp>\r\nDATA\r\n" +
              kBody + ".\r\n");
    QCOMPARE(utf8.messages.size(), 1);
    QCOMPARE(utf8.messages.first().envelope.mailFrom, QString());
    QVERIFY(utf8.messages.first().envelope.smtpUtf8);
    QCOMPARE(utf8.messages.first().envelope.recipients, QStringList{u"太郎@例.jp"_s});
}

void TestSmtpSession::crlfPreservedAndDotUnstuffed()
{
    const QByteArray wire = "Subject: dots\r\n"
                            "\r\n"
                            "..leading dot\r\n"
                            "...two\r\n"
                            ". \r\n"
                            "mid.dle\r\n"
                            "\r\n"
                            "..\r\n"
                            "trailing spaces   \r\n"
                            "\ttab\r\n";
    const QByteArray expected = "Subject: dots\r\n"
                                "\r\n"
                                ".leading dot\r\n"
                                "..two\r\n"
                                " \r\n"
                                "mid.dle\r\n"
                                "\r\n"
                                ".\r\n"
                                "trailing spaces   \r\n"
                                "\ttab\r\n";
    for (int mode = 0; mode < 3; ++mode) {
        Harness h(testConfig({}));
        h.feed(kTxn + wire + ".\r\n", mode);
        QCOMPARE(h.messages.size(), 1);
        QCOMPARE(h.messages.first().content, expected);
    }
}

void TestSmtpSession::emptyMessage()
{
    Harness h(testConfig({}));
    h.feed(kTxn + ".\r\n");
    QCOMPARE(h.messages.size(), 1);
    QCOMPARE(h.messages.first().content, QByteArray());
}

void TestSmtpSession::dataLineEnds_data()
{
    QTest::addColumn<QByteArray>("mailParams");
    QTest::addColumn<QByteArray>("wire"); // everything after "354", terminator included
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("eightBitMime");

    // Line ends: a bare LF is read as CRLF (Postfix's smtpd_forbid_bare_newline = normalize).
    QTest::newRow("CRLF unchanged") << QByteArray() << QByteArray("a\r\nb\r\n.\r\n")
                                    << QByteArray("a\r\nb\r\n") << false;
    QTest::newRow("bare LF lines") << QByteArray() << QByteArray("Subject: x\n\nline one\nline two\r\n.\r\n")
                                   << QByteArray("Subject: x\r\n\r\nline one\r\nline two\r\n") << false;
    QTest::newRow("mixed") << QByteArray() << QByteArray("a\r\nb\nc\r\n.\r\n")
                           << QByteArray("a\r\nb\r\nc\r\n") << false;
    QTest::newRow("empty lines as bare LF")
        << QByteArray() << QByteArray("\n\n\r\n.\r\n") << QByteArray("\r\n\r\n\r\n") << false;
    // Only CRLF "." CRLF ends DATA; the other dot lines are content, dot and all.
    QTest::newRow("LF.LF is content")
        << QByteArray() << QByteArray("a\n.\nb\r\n.\r\n") << QByteArray("a\r\n.\r\nb\r\n") << false;
    QTest::newRow("CRLF.LF is content")
        << QByteArray() << QByteArray("a\r\n.\nb\r\n.\r\n") << QByteArray("a\r\n.\r\nb\r\n") << false;
    QTest::newRow("LF.CRLF is content")
        << QByteArray() << QByteArray("a\n.\r\nb\r\n.\r\n") << QByteArray("a\r\n.\r\nb\r\n") << false;
    QTest::newRow("first line .LF is content")
        << QByteArray() << QByteArray(".\nb\r\n.\r\n") << QByteArray(".\r\nb\r\n") << false;
    QTest::newRow("smuggled transaction is content")
        << QByteArray()
        << QByteArray("a\n.\r\nMAIL FROM:<evil@x.jp>\r\nRCPT TO:<v@x.jp>\r\nDATA\r\nevil\r\n.\r\n")
        << QByteArray("a\r\n.\r\nMAIL FROM:<evil@x.jp>\r\nRCPT TO:<v@x.jp>\r\nDATA\r\nevil\r\n") << false;
    QTest::newRow("stuffed dot after a bare LF")
        << QByteArray() << QByteArray("a\n..b\n..\r\n.\r\n") << QByteArray("a\r\n.b\r\n.\r\n") << false;
    // 8-bit data: kept byte for byte, and the envelope says 8BITMIME.
    QTest::newRow("UTF-8 without BODY")
        << QByteArray()
        << QByteArray("Subject: \xe8\xa6\x8b\xe7\xa9\x8d\r\n\r\n\xe6\x9c\xac\xe6\x96\x87\r\n.\r\n")
        << QByteArray("Subject: \xe8\xa6\x8b\xe7\xa9\x8d\r\n\r\n\xe6\x9c\xac\xe6\x96\x87\r\n") << true;
    QTest::newRow("Shift_JIS without BODY")
        << QByteArray() << QByteArray("Subject: x\r\n\r\n\x8c\xa9\x90\xcf\x8f\x91\r\n.\r\n")
        << QByteArray("Subject: x\r\n\r\n\x8c\xa9\x90\xcf\x8f\x91\r\n") << true;
    QTest::newRow("8-bit with bare LF")
        << QByteArray() << QByteArray("S: \xe8\xa6\x8b\n\n\xe6\x9c\xac\r\n.\r\n")
        << QByteArray("S: \xe8\xa6\x8b\r\n\r\n\xe6\x9c\xac\r\n") << true;
    QTest::newRow("8-bit with BODY=7BIT") << QByteArray(" BODY=7BIT") << QByteArray("\xe6\x9c\xac\r\n.\r\n")
                                          << QByteArray("\xe6\x9c\xac\r\n") << true;
    QTest::newRow("8-bit with SMTPUTF8") << QByteArray(" SMTPUTF8") << QByteArray("\xe6\x9c\xac\r\n.\r\n")
                                         << QByteArray("\xe6\x9c\xac\r\n") << true;
    QTest::newRow("7-bit stays 7-bit") << QByteArray() << QByteArray("Subject: x\r\n\r\nabc\r\n.\r\n")
                                       << QByteArray("Subject: x\r\n\r\nabc\r\n") << false;
    QTest::newRow("declared 8BITMIME, 7-bit data")
        << QByteArray(" BODY=8BITMIME") << QByteArray("abc\r\n.\r\n") << QByteArray("abc\r\n") << true;
}

void TestSmtpSession::dataLineEnds()
{
    QFETCH(QByteArray, mailParams);
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, content);
    QFETCH(bool, eightBitMime);
    for (int mode = 0; mode < 3; ++mode) {
        Harness h(testConfig({}));
        h.feed(kLogin + "MAIL FROM:<taro@example.co.jp>" + mailParams + "\r\n" + kRcpt + "DATA\r\n" + wire +
                   "NOOP\r\n",
               mode);
        QCOMPARE(h.messages.size(), 1);
        QCOMPARE(h.messages.first().content, content);
        QCOMPARE(h.messages.first().envelope.eightBitMime, eightBitMime);
        // One reply to the end of DATA, then the NOOP's: nothing inside DATA ran as a command.
        bool enhancedOk = false;
        QCOMPARE(summary(h.out, &enhancedOk),
                 u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354, 250 2.0.0, 250 2.0.0"_s);
    }
}

void TestSmtpSession::timeouts_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QByteArray>("first");      // sent at once after the greeting
    QTest::addColumn<QByteArrayList>("chunks"); // then one chunk every 50 ms, round and round
    QTest::addColumn<int>("durationMs");        // for this long
    QTest::addColumn<QByteArray>("closedWith"); // the last reply; empty: still open at the end

    const QByteArrayList noop{"NOOP\r\n"};
    const QByteArrayList trickle{"x"};
    // With AUTH required, a session that does not log in is closed, however busy.
    QTest::newRow("AUTH deadline") << u"authTimeoutMs=300"_s << kEhlo << noop << 3000
                                   << QByteArray(
                                          "421 4.7.0 Authentication required: not authenticated in time");
    QTest::newRow("AUTH deadline, in the middle of AUTH LOGIN")
        << u"authTimeoutMs=300"_s << kEhlo + "AUTH LOGIN\r\n"
        << QByteArrayList() << 3000 << QByteArray("421 4.7.0 Authentication required");
    QTest::newRow("no AUTH deadline once authenticated")
        << u"authTimeoutMs=300"_s << kLogin << noop << 1500 << QByteArray();
    QTest::newRow("no AUTH deadline when AUTH is not required")
        << u"authTimeoutMs=300 requireAuth=0"_s << kEhlo << noop << 1500 << QByteArray();
    // A line must be complete in time; more bytes of it do not restart the timer.
    QTest::newRow("trickled command") << u"lineTimeoutMs=300"_s << kLogin << trickle << 3000
                                      << QByteArray("421 4.4.2 Line not completed in time");
    QTest::newRow("trickled AUTH response")
        << u"lineTimeoutMs=300"_s << kEhlo + "AUTH LOGIN\r\n"
        << trickle << 3000 << QByteArray("421 4.4.2 Line not completed in time");
    QTest::newRow("trickled DATA line")
        << u"lineTimeoutMs=300"_s << kTxn + "Subject: x\r\n"
        << trickle << 3000 << QByteArray("421 4.4.2 Line not completed in time");
    QTest::newRow("trickled over-long line")
        << u"lineTimeoutMs=300 maxCommandLine=64"_s << kLogin + QByteArray(100, 'x') << trickle << 3000
        << QByteArray("421 4.4.2 Line not completed in time");
    QTest::newRow("complete lines keep it open")
        << u"lineTimeoutMs=300"_s << kLogin << noop << 1500 << QByteArray();
    QTest::newRow("lines in two pieces keep it open")
        << u"lineTimeoutMs=500"_s << kLogin << QByteArrayList{"NO", "OP\r\n"} << 2000 << QByteArray();
    QTest::newRow("DATA lines keep it open")
        << u"lineTimeoutMs=500"_s << kTxn << QByteArrayList{"line", "\r\n"} << 2000 << QByteArray();
    // Silence.
    QTest::newRow("idle") << u"idleTimeoutMs=300"_s << kLogin << QByteArrayList() << 3000
                          << QByteArray("421 4.4.2 Idle timeout; closing connection");
    QTest::newRow("idle, not authenticated")
        << u"idleTimeoutMs=300"_s << QByteArray() << QByteArrayList() << 3000
        << QByteArray("421 4.4.2 Idle timeout; closing connection");
    QTest::newRow("commands keep it from idling")
        << u"idleTimeoutMs=300"_s << kLogin << noop << 1500 << QByteArray();
    // A busy session still ends.
    QTest::newRow("session time") << u"maxSessionMs=500"_s << kLogin << noop << 3000
                                  << QByteArray("421 4.4.2 Session time limit reached; closing connection");
}

void TestSmtpSession::timeouts()
{
    QFETCH(QString, setup);
    QFETCH(QByteArray, first);
    QFETCH(QByteArrayList, chunks);
    QFETCH(int, durationMs);
    QFETCH(QByteArray, closedWith);
    Harness h(testConfig(setup));
    h.feed(first);
    QElapsedTimer t;
    t.start();
    int i = 0;
    while (t.elapsed() < durationMs && !h.session.isClosed()) {
        if (!chunks.isEmpty())
            h.session.receive(chunks.at(i++ % chunks.size()));
        QTest::qWait(50);
    }
    if (closedWith.isEmpty()) {
        QVERIFY2(!h.session.isClosed(), h.out.constData());
        return;
    }
    QVERIFY2(h.session.isClosed(), qPrintable(u"still open after %1 ms:\n"_s.arg(t.elapsed()) +
                                              QString::fromUtf8(h.out.right(300))));
    QCOMPARE(h.closeRequests, 1);
    const QList<QByteArray> lines = h.out.split('\n');
    QVERIFY2(lines.size() >= 2 && lines.at(lines.size() - 2).startsWith(closedWith), h.out.constData());
    // Nothing after the 421.
    const qsizetype before = h.out.size();
    h.feed("NOOP\r\n");
    QCOMPARE(h.out.size(), before);
}

void TestSmtpSession::sessionTimeWaitsForTheReply()
{
    Harness h(testConfig(u"maxSessionMs=300"_s));
    h.autoAnswer = false;
    h.feed(kTxn + kBody + ".\r\nNOOP\r\n");
    QVERIFY(h.session.isWaitingForAnswer());
    // The limit passes while the client waits: nothing is said, nothing closed.
    QTest::qWait(900);
    QVERIFY(!h.session.isClosed());
    QVERIFY(h.out.endsWith("354 End data with <CR><LF>.<CR><LF>\r\n"));
    // The reply goes out, then the 421; the pipelined NOOP does not run.
    h.session.answerData(Reply::make(250, u"2.0.0"_s, u"Sent"_s));
    QVERIFY(h.session.isClosed());
    QVERIFY2(h.out.endsWith("354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Sent\r\n"
                            "421 4.4.2 Session time limit reached; closing connection\r\n"),
             h.out.constData());
    QCOMPARE(h.closeRequests, 1);
}

void TestSmtpSession::establishedSessions()
{
    Harness h(testConfig({}));
    h.feed(kEhlo + kMail);
    QVERIFY(!h.session.isEstablished());
    h.feed(kAuth);
    QVERIFY(h.session.isEstablished());

    Harness open(testConfig(u"requireAuth=0"_s));
    open.feed(kEhlo + "NOOP\r\n");
    QVERIFY(!open.session.isEstablished());
    open.feed(kMail);
    QVERIFY(open.session.isEstablished());
}

void TestSmtpSession::severalMessagesOnOneSession()
{
    Harness h(testConfig({}));
    h.feed(kLogin);
    for (int i = 0; i < 5; ++i) {
        const QByteArray body =
            "Subject: " + QByteArray::number(i) + "\r\n\r\nbody " + QByteArray::number(i) + "\r\n";
        h.feed("MAIL FROM:<a@b.jp>\r\nRCPT TO:<r" + QByteArray::number(i) + "@x.jp>\r\nDATA\r\n");
        h.feed(body + ".\r\n");
        QCOMPARE(h.messages.size(), i + 1);
        QCOMPARE(h.messages.last().content, body);
        QCOMPARE(h.messages.last().envelope.recipients, QStringList{u"r%1@x.jp"_s.arg(i)});
    }
    QVERIFY(h.out.endsWith("250 2.0.0 Queued\r\n"));
}

void TestSmtpSession::pipelinedAfterDataWaitsForAnswer()
{
    Harness h(testConfig({}));
    h.autoAnswer = false;
    // Everything in one packet, including the next transaction after the end of DATA.
    h.feed(kTxn + kBody + ".\r\n" + kMail + "RCPT TO:<second@x.jp>\r\nNOOP\r\n");
    QCOMPARE(h.messages.size(), 1);
    QVERIFY(h.session.isWaitingForAnswer());
    bool enhancedOk = false;
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354"_s);

    // More input while waiting is buffered, not processed.
    h.feed("DATA\r\n");
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354"_s);

    h.session.answerData(Reply::make(550, u"5.7.1"_s, u"Cancelled at review"_s));
    QVERIFY(!h.session.isWaitingForAnswer());
    QCOMPARE(
        summary(h.out, &enhancedOk),
        u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354, 550 5.7.1, 250 2.1.0, 250 2.1.5, 250 2.0.0, 354"_s);
    QVERIFY(h.out.contains("550 5.7.1 Cancelled at review\r\n"));

    h.feed("second\r\n.\r\n");
    QCOMPARE(h.messages.size(), 2);
    QCOMPARE(h.messages.last().envelope.recipients, QStringList{u"second@x.jp"_s});
    QCOMPARE(h.messages.last().content, QByteArray("second\r\n"));
    // A second answerData (or one while not waiting) is ignored.
    h.session.answerData(Reply::make(250, u"2.0.0"_s, u"one"_s));
    const QByteArray before = h.out;
    h.session.answerData(Reply::make(250, u"2.0.0"_s, u"two"_s));
    QCOMPARE(h.out, before);
}

void TestSmtpSession::answerFromInsideTheSignal()
{
    FakeAuthenticator auth;
    SmtpSession s(testConfig({}), &auth);
    QByteArray out;
    int messages = 0;
    connect(&s, &SmtpSession::output, this, [&](const QByteArray& b) { out += b; });
    connect(&s, &SmtpSession::messageReceived, this, [&] {
        ++messages;
        s.answerData(Reply::make(250, u"2.0.0"_s, u"Sent"_s)); // synchronous answer, re-entering the session
    });
    s.start();
    s.receive(kTxn + kBody + ".\r\n" + kMail + kRcpt + "DATA\r\n" + kBody + ".\r\nQUIT\r\n");
    QCOMPARE(messages, 2);
    bool enhancedOk = false;
    QCOMPARE(summary(out, &enhancedOk),
             u"220, 250, 235 2.7.0, 250 2.1.0, 250 2.1.5, 354, 250 2.0.0, 250 2.1.0, "
             u"250 2.1.5, 354, 250 2.0.0, 221 2.0.0"_s);
    QVERIFY(s.isClosed());
}

void TestSmtpSession::answer421Closes()
{
    Harness h(testConfig({}));
    h.autoAnswer = false;
    h.feed(kTxn + kBody + ".\r\nNOOP\r\n");
    h.session.answerData(Reply::make(421, u"4.3.2"_s, u"Shutting down"_s));
    QVERIFY(h.session.isClosed());
    QCOMPARE(h.closeRequests, 1);
    QVERIFY(h.out.endsWith("421 4.3.2 Shutting down\r\n"));
}

void TestSmtpSession::authFailureIsDelayed()
{
    SessionConfig c = testConfig({});
    c.authFailureDelayMs = 300;
    Harness h(c);
    QElapsedTimer t;
    t.start();
    h.session.receive(kEhlo + "AUTH PLAIN " + b64(bytes("\0work\0wrong")) + "\r\nNOOP\r\n");
    // Nothing answered yet, and the pipelined NOOP waits too.
    bool enhancedOk = false;
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 250"_s);
    QTRY_VERIFY_WITH_TIMEOUT(h.out.contains("535 5.7.8"), 5000);
    QVERIFY2(t.elapsed() >= 250, qPrintable(QString::number(t.elapsed())));
    QTRY_VERIFY(h.out.endsWith("250 2.0.0 OK\r\n"));
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 250, 535 5.7.8, 250 2.0.0"_s);

    // A good password is answered at once.
    Harness good(c);
    t.restart();
    good.session.receive(kLogin);
    QVERIFY(good.out.contains("235 2.7.0"));
    QVERIFY(t.elapsed() < 250);

    // The session can be destroyed while a delayed answer is pending.
    auto* s = new SmtpSession(c, &h.auth);
    s->start();
    s->receive(kEhlo + "AUTH PLAIN " + b64(bytes("\0work\0wrong")) + "\r\n");
    delete s;
    QTest::qWait(350);
}

void TestSmtpSession::authLoginAndPlainUsers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("user");
    QTest::newRow("PLAIN") << kLogin << u"work"_s;
    QTest::newRow("PLAIN continuation") << kEhlo + "AUTH plain\r\n" + b64(bytes("\0work\0secret")) + "\r\n"
                                        << u"work"_s;
    QTest::newRow("LOGIN") << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\r\n" + b64("secret") + "\r\n"
                           << u"work"_s;
    QTest::newRow("LOGIN initial") << kEhlo + "auth login " + b64("work") + "\r\n" + b64("secret") + "\r\n"
                                   << u"work"_s;
    QTest::newRow("wrong") << kEhlo + "AUTH LOGIN\r\n" + b64("work") + "\r\n" + b64("Secret") + "\r\n"
                           << QString();
}

void TestSmtpSession::authLoginAndPlainUsers()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, user);
    Harness h(testConfig({}));
    h.feed(input);
    QCOMPARE(h.session.authenticatedUser(), user);
    QCOMPARE(h.auth.calls, 1);
    // The LOGIN prompts are the usual base64 "Username:" and "Password:".
    if (input.contains("LOGIN") || input.contains("login")) {
        QVERIFY(h.out.contains("334 UGFzc3dvcmQ6\r\n"));
    }
    // Passwords never come back in a reply.
    QVERIFY(!h.out.contains("secret"));
    QVERIFY(!h.out.contains(b64("secret")));
}

void TestSmtpSession::noAuthenticatorRefusesEveryone()
{
    SmtpSession s(testConfig({}), nullptr);
    QByteArray out;
    connect(&s, &SmtpSession::output, this, [&](const QByteArray& b) { out += b; });
    s.start();
    s.receive(kLogin);
    QTRY_VERIFY(out.contains("535 5.7.8"));
    QVERIFY(s.authenticatedUser().isEmpty());
}

void TestSmtpSession::tenThousandRecipients()
{
    Harness h(testConfig({}));
    QByteArray input = kLogin + kMail;
    for (int i = 0; i < 10000; ++i)
        input += "RCPT TO:<user" + QByteArray::number(i) + "@example.com>\r\n";
    input += "DATA\r\n" + kBody + ".\r\n";
    QElapsedTimer t;
    t.start();
    h.feed(input);
    const qint64 ms = t.elapsed();
    QVERIFY2(ms < 5000, qPrintable(u"%1 ms"_s.arg(ms)));
    QCOMPARE(h.out.count("250 2.1.5"), 1000);
    QCOMPARE(h.out.count("452 4.5.3"), 9000);
    QVERIFY(!h.session.isClosed());
    QCOMPARE(h.messages.size(), 1);
    QCOMPARE(h.messages.first().envelope.recipients.size(), 1000);
    QCOMPARE(h.messages.first().envelope.recipients.last(), u"user999@example.com"_s);
}

void TestSmtpSession::blockedRecipientRefusedAtRcpt()
{
    SessionConfig c = testConfig({});
    c.refuseRecipient = [](const QString& address) {
        return address.endsWith(u"@blocked.example"_s) ? u"The domain blocked.example is blocked by policy"_s
                                                       : QString();
    };
    Harness h(c);
    h.feed(kLogin + kMail + "RCPT TO:<bad@blocked.example>\r\n" + kRcpt + "DATA\r\n" + kBody + ".\r\n");
    QVERIFY2(h.out.contains(
                 "550 5.7.1 <bad@blocked.example>: The domain blocked.example is blocked by policy\r\n"),
             h.out.constData());
    QCOMPARE(h.messages.size(), 1);
    QCOMPARE(h.messages.first().envelope.recipients, QStringList{u"hanako@example.com"_s});
}

void TestSmtpSession::httpStopsEverything_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const char* verb : {"GET", "POST", "PUT", "HEAD", "CONNECT", "OPTIONS", "get", "Post", "connect"}) {
        QTest::newRow(verb) << QByteArray(verb) + " / HTTP/1.1\r\n" + kEhlo + kAuth;
    }
    QTest::newRow("Host:") << "Host: localhost:10587\r\n" + kEhlo;
    QTest::newRow("host:") << "host:localhost\r\n" + kEhlo;
    QTest::newRow("HTTP/1.0 with bare LF") << "GET / HTTP/1.0\n" + kEhlo;
    QTest::newRow("over-long request line") << "GET /" + QByteArray(5000, 'a') + " HTTP/1.1\r\n" + kEhlo;
    QTest::newRow("over-long, no line end yet") << "POST /" + QByteArray(5000, 'a');
    QTest::newRow("while in AUTH") << kEhlo + "AUTH PLAIN\r\nGET / HTTP/1.1\r\n" + kEhlo;
}

void TestSmtpSession::httpStopsEverything()
{
    QFETCH(QByteArray, input);
    Harness h(testConfig({}));
    QSignalSpy msgs(&h.session, &SmtpSession::messageReceived);
    h.feed(input);
    QVERIFY(h.session.isClosed());
    QCOMPARE(h.closeRequests, 1);
    const QList<ParsedReply> replies = parseReplies(h.out);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last().code, 554);
    // Nothing after the HTTP line ran: no EHLO or AUTH answer after it.
    QVERIFY(h.out.count("250 SMTPUTF8") <= 1);
    QCOMPARE(h.out.count("235 "), 0);
    h.feed("NOOP\r\n");
    QCOMPARE(parseReplies(h.out).size(), replies.size());
}

void TestSmtpSession::overLongLineWithoutEnd()
{
    Harness h(testConfig(u"maxCommandLine=100"_s));
    // An endless line is answered once, and discarded as it comes.
    for (int i = 0; i < 100; ++i)
        h.feed(QByteArray(1000, 'x'));
    bool enhancedOk = false;
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 500 5.5.6"_s);
    h.feed("still the same line\r\nNOOP\r\n");
    QCOMPARE(summary(h.out, &enhancedOk), u"220, 500 5.5.6, 250 2.0.0"_s);
}

void TestSmtpSession::overLongDataLineStaysBounded()
{
    Harness h(testConfig(u"maxTextLine=1000"_s));
    h.feed(kTxn + "Subject: x\r\n\r\n");
    // 10 MB without a line end, in pieces: taken in as it comes (not buffered), then refused.
    const QByteArray chunk(64 * 1024, 'a');
    for (int i = 0; i < 160; ++i)
        h.session.receive(chunk);
    h.feed("\r\n.\r\nNOOP\r\n");
    QCOMPARE(h.messages.size(), 0);
    QVERIFY(h.out.contains("554 5.6.0"));
    QVERIFY(h.out.contains("998 octets"));
    QVERIFY(h.out.endsWith("250 2.0.0 OK\r\n"));
}

void TestSmtpSession::oversizeMessageIsNotKept()
{
    Harness h(testConfig(u"maxMessageSize=10000"_s));
    h.feed(kTxn + "Subject: x\r\n\r\n");
    const QByteArray line = QByteArray(76, 'b') + "\r\n";
    QByteArray chunk;
    for (int i = 0; i < 1000; ++i)
        chunk += line;
    for (int i = 0; i < 50; ++i) // about 4 MB against a 10 kB limit
        h.session.receive(chunk);
    h.feed(".\r\nNOOP\r\n");
    QCOMPARE(h.messages.size(), 0);
    QVERIFY(h.out.contains("552 5.3.4 Message too big"));
    QVERIFY(h.out.endsWith("250 2.0.0 OK\r\n"));
    // The session still takes the next message.
    h.feed(kMail + kRcpt + "DATA\r\n" + kBody + ".\r\n");
    QCOMPARE(h.messages.size(), 1);
}

void TestSmtpSession::floodWhileWaitingCloses()
{
    Harness h(testConfig(u"maxRecipients=10 maxCommandLine=100"_s));
    h.autoAnswer = false;
    h.feed(kTxn + kBody + ".\r\n");
    QVERIFY(h.session.isWaitingForAnswer());
    // A reasonable pipelined transaction is kept...
    h.feed(kMail + kRcpt + "DATA\r\n");
    QVERIFY(!h.session.isClosed());
    // ...an endless stream is not.
    for (int i = 0; i < 100 && !h.session.isClosed(); ++i)
        h.feed(QByteArray(4096, 'x'));
    QVERIFY(h.session.isClosed());
    QVERIFY(h.out.endsWith("\r\n"));
    QVERIFY(parseReplies(h.out).last().code == 421);
    // A late answer to a closed session is ignored.
    const QByteArray before = h.out;
    h.session.answerData(Reply::make(250, u"2.0.0"_s, u"late"_s));
    QCOMPARE(h.out, before);
}

void TestSmtpSession::inputBeforeStartIsRefused()
{
    FakeAuthenticator auth;
    SmtpSession s(testConfig({}), &auth);
    QByteArray out;
    connect(&s, &SmtpSession::output, this, [&](const QByteArray& b) { out += b; });
    QSignalSpy closed(&s, &SmtpSession::closeRequested);
    s.receive(kEhlo);
    QCOMPARE(out, QByteArray("554 5.5.1 Input before the greeting is not allowed\r\n"));
    QCOMPARE(closed.size(), 1);
    QVERIFY(s.isClosed());
}

void TestSmtpSession::rejectionTexts_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("line limit") << QString() << kTxn + QByteArray(999, 'a') + "\r\n.\r\n"
                                << QByteArray("lines must be <= 998 octets");
    QTest::newRow("bare CR says CRLF")
        << QString() << kTxn + "a\rb\r\n.\r\n"
        << QByteArray("554 5.6.0 Message has a bare CR (a CR not followed by LF): "
                      "lines must end with CRLF");
    QTest::newRow("command bare LF says CRLF")
        << QString() << QByteArray("NOOP\n") << QByteArray("must end with CRLF");
    QTest::newRow("line too long") << QString() << "NOOP " + QByteArray(3000, 'a') + "\r\n"
                                   << QByteArray("500 5.5.6 Line too long");
    QTest::newRow("auth required") << QString() << kEhlo + kMail
                                   << QByteArray("530 5.7.0 Authentication required");
    QTest::newRow("too many connections-style text for errors")
        << u"maxErrors=1"_s << QByteArray("X\r\n") << QByteArray("421 4.7.0 Too many errors");
    QTest::newRow("size limit named")
        << u"maxMessageSize=5000"_s << kLogin + "MAIL FROM:<a@b.c> SIZE=6000\r\n"
        << QByteArray("5000");
}

void TestSmtpSession::rejectionTexts()
{
    QFETCH(QString, setup);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, text);
    Harness h(testConfig(setup));
    h.feed(input);
    QVERIFY2(h.out.contains(text), h.out.constData());
}

void TestSmtpSession::randomInputNeverBreaksTheSession()
{
    // A cheap in-tree cousin of the fuzzer: random command soup must leave the
    // session either closed or answering NOOP.
    QRandomGenerator rng(12345);
    const QList<QByteArray> pieces{kEhlo,
                                   kAuth,
                                   kMail,
                                   kRcpt,
                                   "DATA\r\n",
                                   ".\r\n",
                                   "\r\n",
                                   "\n",
                                   "\r",
                                   bytes("\0"),
                                   "RSET\r\n",
                                   "AUTH LOGIN\r\n",
                                   "*\r\n",
                                   "..\r\n",
                                   "\xff",
                                   "QUIT\r\n",
                                   "MAIL FROM:<\"\r\n",
                                   "RCPT TO:<a@[\r\n",
                                   QByteArray(3000, 'z')};
    for (int round = 0; round < 200; ++round) {
        Harness h(testConfig(u"maxErrors=1000"_s));
        QByteArray input;
        const int n = 1 + int(rng.bounded(40));
        for (int i = 0; i < n; ++i)
            input += pieces.at(rng.bounded(pieces.size()));
        h.feed(input, round % 3);
        if (h.session.isClosed())
            continue;
        if (h.session.isWaitingForAnswer())
            continue;
        // Leave DATA or AUTH if we are in them, then the session must answer.
        const qsizetype before = h.out.size();
        h.feed("\r\n.\r\n*\r\nRSET\r\nNOOP\r\n");
        QVERIFY2(h.out.size() > before || h.session.isClosed(), input.toPercentEncoding().constData());
        QVERIFY(!parseReplies(h.out).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "TestSmtpSession.moc"
