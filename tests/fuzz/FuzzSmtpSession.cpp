// libFuzzer target for the inbound SMTP session (the parser every local
// program can talk to).
//
// Input layout: byte 0 picks where the rest is cut into receive() calls,
// byte 1 picks how and when each message is answered, byte 2 picks the
// limits; the remaining bytes are what the client sends. The session must
// never crash, trip a sanitizer, break its own invariants, or grow without
// bound (libFuzzer's -rss_limit_mb and LeakSanitizer watch the memory).
//
// DATA is checked against a reference model written here from the rules, not
// from the session's code: every DATA phase ends at the first CRLF "." CRLF
// after the 354 (so the number of messages handed over plus refused equals
// the number of such terminators reached), and the content handed over is the
// DATA bytes with every line end made CRLF (a bare LF counts as one), dot
// lines unstuffed except a lone "." that is not the end, and never a bare CR
// or LF. 8-bit content is always marked 8BITMIME.

#include "smtp/Authenticator.h"
#include "smtp/SmtpSession.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

class FuzzAuthenticator : public Smtp::Authenticator
{
public:
    bool verify(const QString& user, const QString& password) const override
    {
        return user == u"work"_s && password == u"secret"_s;
    }
};

void ensureApplication()
{
    // One application for the whole run: QTimer needs an event dispatcher.
    static int argc = 1;
    static char name[] = "fuzz_smtp_session";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = nullptr;
    if (!app) {
        app = new QCoreApplication(argc, argv);
        QLoggingCategory::setFilterRules(u"smtp.debug=false\nsmtp.info=false"_s);
    }
}

[[noreturn]] void invariantBroken(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

// The content a DATA phase must hand over. wire: the DATA bytes before the
// terminating "." CRLF line; every line in it ends in LF.
QByteArray referenceContent(QByteArrayView wire)
{
    QByteArray out;
    qsizetype pos = 0;
    while (pos < wire.size()) {
        const qsizetype lf = wire.indexOf('\n', pos);
        if (lf < 0)
            invariantBroken("DATA ended in the middle of a line");
        const QByteArrayView line = wire.sliced(pos, lf + 1 - pos);
        pos = lf + 1;
        const bool crlf = line.size() >= 2 && line[line.size() - 2] == '\r';
        QByteArrayView text = line.first(line.size() - (crlf ? 2 : 1));
        if (text != "." && text.startsWith('.'))
            text = text.sliced(1);
        out += text;
        out += "\r\n";
    }
    return out;
}

Smtp::Reply answerFor(unsigned choice)
{
    switch (choice % 4) {
    case 0:
        return Smtp::Reply::make(250, u"2.0.0"_s, u"Queued"_s);
    case 1:
        return Smtp::Reply::make(550, u"5.7.1"_s, u"Cancelled at review\nsecond line"_s);
    case 2:
        return Smtp::Reply::make(451, u"4.3.0"_s, u"Try again"_s);
    default:
        return Smtp::Reply::make(421, u"4.3.2"_s, u"Shutting down"_s);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ensureApplication();
    if (size < 3)
        return 0;
    const unsigned splitSeed = data[0];
    const unsigned answers = data[1];
    const unsigned variant = data[2];
    const QByteArray input(reinterpret_cast<const char*>(data + 3), qsizetype(size - 3));

    Smtp::SessionConfig config;
    config.authFailureDelayMs = 0;
    config.requireAuth = !(variant & 1);
    if (variant & 2) { // small limits, so that the limit paths are reached with small inputs
        config.maxCommandLine = 64 + int(variant >> 4);
        config.maxTextLine = 40 + int(variant >> 4);
        config.maxRecipients = 3;
        config.maxMessageSize = 2048;
        config.maxHeaderBytes = 256;
        config.maxErrors = 40;
        config.maxAuthFailures = 2;
    }
    const bool answerInsideSignal = variant & 4;

    FuzzAuthenticator auth;
    Smtp::SmtpSession session(config, &auth);
    qint64 outputBytes = 0;
    int closeRequests = 0;
    unsigned answerIndex = 0;
    // The DATA phase in progress: where its bytes start in the input stream.
    bool inData = false;
    qint64 dataStart = 0;
    // Checks the DATA phase that just ended (the session consumed its terminator).
    auto dataEnded = [&](const QByteArray* content, const Smtp::Envelope* envelope) {
        if (!inData)
            invariantBroken("a message or end-of-DATA reply without DATA");
        inData = false;
        const qint64 end = session.inputConsumed();
        if (end < dataStart + 3 || end > input.size())
            invariantBroken("DATA ended outside the input");
        const QByteArrayView phase = QByteArrayView(input).sliced(dataStart, end - dataStart);
        // The DATA command ended in CRLF, so "\r\n" + phase must hold CRLF.CRLF once, at its end.
        const QByteArray framed = "\r\n" + phase.toByteArray();
        if (framed.indexOf("\r\n.\r\n") != framed.size() - 5)
            invariantBroken("DATA did not end at the first CRLF.CRLF");
        if (!content)
            return;
        if (*content != referenceContent(phase.first(phase.size() - 3)))
            invariantBroken("content differs from the reference model");
        for (const char c : *content) {
            if (static_cast<unsigned char>(c) >= 0x80 && !envelope->eightBitMime)
                invariantBroken("8-bit content not marked 8BITMIME");
        }
    };
    QObject::connect(&session, &Smtp::SmtpSession::output, &session, [&](const QByteArray& bytes) {
        if (!bytes.endsWith("\r\n"))
            invariantBroken("a reply that does not end in CRLF");
        outputBytes += bytes.size();
        if (inData) {
            dataEnded(nullptr, nullptr); // the refusal of the message (nothing else is said in DATA)
        } else if (bytes.startsWith("354")) {
            inData = true;
            dataStart = session.inputConsumed();
        }
    });
    QObject::connect(&session, &Smtp::SmtpSession::closeRequested, &session, [&] { ++closeRequests; });
    QObject::connect(
        &session, &Smtp::SmtpSession::messageReceived, &session,
        [&](const Smtp::Envelope& envelope, const QByteArray& content, const QString& user) {
            if (content.size() > config.maxMessageSize)
                invariantBroken("a message over maxMessageSize was handed over");
            if (envelope.recipients.isEmpty() || envelope.recipients.size() > config.maxRecipients)
                invariantBroken("recipient count out of range");
            if (config.requireAuth && user.isEmpty())
                invariantBroken("a message without AUTH although AUTH is required");
            if (content.contains('\0') || (!content.isEmpty() && !content.endsWith("\r\n")))
                invariantBroken("content that should have been refused");
            for (qsizetype i = 0; i < content.size(); ++i) {
                const bool bareCr = content[i] == '\r' && (i + 1 == content.size() || content[i + 1] != '\n');
                const bool bareLf = content[i] == '\n' && (i == 0 || content[i - 1] != '\r');
                if (bareCr || bareLf)
                    invariantBroken("bare CR or LF in a message that was handed over");
            }
            dataEnded(&content, &envelope);
            if (answerInsideSignal)
                session.answerData(answerFor(answers >> (answerIndex++ % 8)));
        });

    auto settle = [&] {
        for (int i = 0; i < 4; ++i) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            if (session.isWaitingForAnswer())
                session.answerData(answerFor(answers >> (answerIndex++ % 8)));
        }
    };

    session.start();
    // Up to four cuts at positions derived from the first byte.
    qsizetype pos = 0;
    const int pieces = 1 + int(splitSeed % 5);
    for (int i = 1; i <= pieces && pos < input.size(); ++i) {
        const qsizetype end =
            i == pieces ? input.size()
                        : qMin(input.size(), pos + 1 + qsizetype((splitSeed * 37u + i * 101u) % 613u));
        session.receive(input.mid(pos, end - pos));
        pos = end;
        if ((answers >> i) & 1)
            settle();
    }
    settle();

    if (closeRequests > 1)
        invariantBroken("closeRequested emitted twice");
    if (session.isClosed() != (closeRequests == 1))
        invariantBroken("isClosed() and closeRequested disagree");
    // Replies are bounded by the input: at most one per line, each short.
    if (outputBytes > 1024 + 64 * qint64(input.size()))
        invariantBroken("output out of proportion to the input");
    return 0;
}
