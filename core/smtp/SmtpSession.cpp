#include "smtp/SmtpSession.h"

#include "smtp/Authenticator.h"

#include <QByteArrayView>
#include <QLoggingCategory>
#include <QStringList>
#include <QTimer>
#include <cstring>
#include <utility>

namespace Smtp {

namespace {

Q_LOGGING_CATEGORY(lcSmtp, "smtp")

// Cross-protocol attacks: a web page can make the browser send an HTTP request
// with an SMTP dialogue in its body to the loopback port. The request line or a
// header gives it away; nothing after it may run.
bool looksLikeHttp(QByteArrayView line)
{
    static const char* const prefixes[] = {"GET ", "POST ", "PUT ", "HEAD ", "CONNECT ", "OPTIONS ", "HOST:"};
    for (const char* prefix : prefixes) {
        const qsizetype n = qsizetype(std::strlen(prefix));
        if (line.size() >= n &&
            QByteArrayView(line.data(), n).compare(QByteArrayView(prefix, n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool startsWithCI(QByteArrayView s, const char* prefix)
{
    const qsizetype n = qsizetype(std::strlen(prefix));
    return s.size() >= n && s.first(n).compare(QByteArrayView(prefix, n), Qt::CaseInsensitive) == 0;
}

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(QByteArrayView s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (int k = 2; k <= extra; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

bool isAtext(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr && c != 0;
}

enum class AddressCheck
{
    Ok,
    Invalid,
    NeedsSmtpUtf8
};

// RFC 5321 Mailbox (with RFC 6531 UTF-8 when allowed). Lenient where real mail
// needs it: dots anywhere in an unquoted local part (common in Japanese mobile
// addresses such as "taro..yamada.@docomo.ne.jp") and underscores in domains.
AddressCheck checkMailbox(QByteArrayView a)
{
    if (a.isEmpty() || a.size() > 512)
        return AddressCheck::Invalid;
    bool nonAscii = false;
    qsizetype at = -1;
    if (a.front() == '"') {
        qsizetype i = 1;
        bool closed = false;
        while (i < a.size()) {
            const auto c = static_cast<unsigned char>(a[i]);
            if (c == '\\') {
                if (i + 1 >= a.size())
                    return AddressCheck::Invalid;
                const auto e = static_cast<unsigned char>(a[i + 1]);
                if (e < 32 || e == 127)
                    return AddressCheck::Invalid;
                nonAscii |= e >= 0x80;
                i += 2;
                continue;
            }
            if (c == '"') {
                closed = true;
                break;
            }
            if (c < 32 || c == 127)
                return AddressCheck::Invalid;
            nonAscii |= c >= 0x80;
            ++i;
        }
        if (!closed || i < 2 || i + 1 >= a.size() || a[i + 1] != '@')
            return AddressCheck::Invalid;
        at = i + 1;
    } else {
        at = a.indexOf('@');
        if (at <= 0)
            return AddressCheck::Invalid;
        for (qsizetype i = 0; i < at; ++i) {
            const auto c = static_cast<unsigned char>(a[i]);
            if (c >= 0x80)
                nonAscii = true;
            else if (c != '.' && !isAtext(c))
                return AddressCheck::Invalid;
        }
    }
    const QByteArrayView domain = a.sliced(at + 1);
    if (domain.isEmpty() || domain.size() > 255)
        return AddressCheck::Invalid;
    if (domain.front() == '[') {
        if (domain.size() < 3 || domain.back() != ']')
            return AddressCheck::Invalid;
        for (qsizetype i = 1; i + 1 < domain.size(); ++i) {
            const auto c = static_cast<unsigned char>(domain[i]);
            if (c < 33 || c > 126 || c == '[' || c == ']' || c == '\\')
                return AddressCheck::Invalid;
        }
    } else {
        qsizetype label = 0;
        for (qsizetype i = 0; i < domain.size(); ++i) {
            const auto c = static_cast<unsigned char>(domain[i]);
            if (c == '.') {
                if (label == 0)
                    return AddressCheck::Invalid;
                label = 0;
                continue;
            }
            if (c >= 0x80)
                nonAscii = true;
            else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_'))
                return AddressCheck::Invalid;
            ++label;
        }
        if (label == 0)
            return AddressCheck::Invalid;
    }
    if (nonAscii)
        return isValidUtf8(a) ? AddressCheck::NeedsSmtpUtf8 : AddressCheck::Invalid;
    return AddressCheck::Ok;
}

// Splits "<path> PARAM PARAM" (what follows "FROM:" or "TO:"). A '>' inside a
// quoted local part does not end the path.
bool splitPath(QByteArrayView s, QByteArrayView* path, QByteArrayView* params)
{
    while (!s.isEmpty() && s.front() == ' ')
        s = s.sliced(1); // "MAIL FROM: <a@b>" is wrong but common
    if (s.isEmpty() || s.front() != '<')
        return false;
    bool quoted = false;
    for (qsizetype i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted && c == '\\') {
            ++i;
            continue;
        }
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '>' && !quoted) {
            *path = s.sliced(1, i - 1);
            *params = s.sliced(i + 1);
            return params->isEmpty() || params->front() == ' ';
        }
    }
    return false;
}

// Drops an RFC 5321 source route ("@a,@b:user@example.com"), which must be accepted and ignored.
QByteArrayView stripSourceRoute(QByteArrayView path)
{
    if (path.isEmpty() || path.front() != '@')
        return path;
    const qsizetype colon = path.indexOf(':');
    return colon < 0 ? QByteArrayView() : path.sliced(colon + 1);
}

QList<QByteArrayView> splitParams(QByteArrayView s)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        const qsizetype start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start)
            out.append(s.sliced(start, i - start));
    }
    return out;
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

bool decodeBase64(QByteArrayView in, QByteArray* out)
{
    if (in.isEmpty())
        return false;
    if (in == "=") { // RFC 4954: an empty initial response
        out->clear();
        return true;
    }
    auto result = QByteArray::fromBase64Encoding(in.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = std::move(*result);
    return true;
}

QString lineLimitText(int maxTextLine)
{
    return QStringLiteral("Message has a line longer than %1 octets: lines must be <= %1 octets plus CRLF")
        .arg(maxTextLine - 2);
}

} // namespace

SmtpSession::SmtpSession(const SessionConfig& config, const Authenticator* auth, QObject* parent)
    : QObject(parent), m_config(config), m_auth(auth), m_authTimer(new QTimer(this))
{
    // Limits below these would make the protocol itself impossible (a DATA line
    // must be able to hold ".\r\n" plus one byte, a command "QUIT\r\n").
    m_config.maxCommandLine = qMax(m_config.maxCommandLine, 16);
    m_config.maxTextLine = qMax(m_config.maxTextLine, 4);
    m_config.maxRecipients = qMax(m_config.maxRecipients, 1);
    m_config.maxErrors = qMax(m_config.maxErrors, 1);
    m_config.maxAuthFailures = qMax(m_config.maxAuthFailures, 1);
    m_config.authFailureDelayMs = qMax(m_config.authFailureDelayMs, 0);
    m_authTimer->setSingleShot(true);
    connect(m_authTimer, &QTimer::timeout, this, &SmtpSession::authDelayElapsed);
    m_config.authTimeoutMs = qMax(m_config.authTimeoutMs, 0);
    m_config.lineTimeoutMs = qMax(m_config.lineTimeoutMs, 0);
    m_config.idleTimeoutMs = qMax(m_config.idleTimeoutMs, 0);
    m_config.maxSessionMs = qMax(m_config.maxSessionMs, 0);
    for (QTimer** timer : {&m_authDeadline, &m_lineTimer, &m_idleTimer, &m_sessionTimer}) {
        *timer = new QTimer(this);
        (*timer)->setSingleShot(true);
    }
    connect(m_authDeadline, &QTimer::timeout, this, [this] {
        if (!m_authUser.isEmpty())
            return;
        timedOut("not authenticated in time", "4.7.0",
                 QStringLiteral("Authentication required: not authenticated in time; closing connection"));
    });
    connect(m_lineTimer, &QTimer::timeout, this, [this] {
        timedOut("line not completed in time", "4.4.2",
                 QStringLiteral("Line not completed in time; closing connection"));
    });
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        timedOut("idle timeout", "4.4.2", QStringLiteral("Idle timeout; closing connection"));
    });
    connect(m_sessionTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForAnswer) {
            m_sessionExpired = true; // after the reply to the message (answerData)
            return;
        }
        timedOut("session time limit reached", "4.4.2",
                 QStringLiteral("Session time limit reached; closing connection"));
    });
}

SmtpSession::~SmtpSession() = default;

void SmtpSession::start()
{
    if (m_state != State::Greeting)
        return;
    m_state = State::Command;
    // No enhanced status code: RFC 2034 exempts the greeting.
    reply(220, nullptr, m_config.hostName + QStringLiteral(" ESMTP Yubisashi ready"));
    if (m_config.requireAuth && m_config.authTimeoutMs > 0)
        m_authDeadline->start(m_config.authTimeoutMs);
    if (m_config.maxSessionMs > 0)
        m_sessionTimer->start(m_config.maxSessionMs);
    restartIdle();
    processInput();
}

void SmtpSession::receive(const QByteArray& bytes)
{
    if (m_state == State::Closed || bytes.isEmpty())
        return;
    if (m_state == State::Greeting) {
        // Talking before the greeting is what spam bots and cross-protocol attacks do.
        qCInfo(lcSmtp).noquote() << objectName() << "input before the greeting; closing";
        closeWith(554, "5.5.1", QStringLiteral("Input before the greeting is not allowed"));
        return;
    }
    m_in.append(bytes);
    restartIdle();
    processInput();
}

void SmtpSession::answerData(const Reply& answer)
{
    if (m_state != State::WaitingForAnswer)
        return;
    emit output(answer.toWire());
    if (answer.code == 421) { // the owner is shutting down: 421 always ends the session
        closeWith(421, nullptr, QString());
        return;
    }
    resetTransaction();
    m_state = State::Command;
    if (m_sessionExpired) {
        timedOut("session time limit reached", "4.4.2",
                 QStringLiteral("Session time limit reached; closing connection"));
        return;
    }
    restartIdle();
    processInput();
}

void SmtpSession::shutdown(const Reply& reply)
{
    if (m_state == State::Closed)
        return;
    emit output(reply.toWire());
    closeWith(reply.code, nullptr, QString());
}

qsizetype SmtpSession::maxPendingInput() const
{
    // Enough for a full pipelined transaction (MAIL, every RCPT, DATA), which a
    // client may send while it waits for the reply to the previous message.
    return qMax<qsizetype>(64 * 1024,
                           qsizetype(m_config.maxCommandLine) * (qMin(m_config.maxRecipients, 10000) + 16));
}

void SmtpSession::processInput()
{
    if (m_processing)
        return; // re-entered from a slot (answerData inside messageReceived): the outer loop goes on
    m_processing = true;
    for (;;) {
        if (m_state == State::Closed) {
            m_in.clear();
            m_inPos = 0;
            break;
        }
        if (m_state == State::WaitingForAnswer || m_state == State::AuthDelay || m_state == State::Greeting)
            break;
        if (m_inPos >= m_in.size())
            break;
        const bool progressed = m_state == State::Data ? processData() : processLine();
        if (!progressed)
            break;
    }
    if (m_inPos > 0) {
        m_consumed += m_inPos;
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
    if (m_state != State::Closed && m_in.size() > maxPendingInput()) {
        // Only possible while waiting (answer, AUTH delay): a client that keeps
        // sending is not following the protocol, and memory must stay bounded.
        qCInfo(lcSmtp).noquote() << objectName() << "too much input while waiting; closing";
        closeWith(421, "4.7.0",
                  QStringLiteral("Too much input before the previous reply; closing connection"));
    }
    updateLineTimer();
    m_processing = false;
}

void SmtpSession::updateLineTimer()
{
    // A line is in progress when input is left over that does not end in LF
    // (processLine and processData take every complete line), or when the rest
    // of an over-long line is still to come. While the session waits (for the
    // owner's answer or a delayed AUTH reply) the client is not to blame.
    const bool waiting = m_state != State::Command && m_state != State::Data && m_state != State::AuthPlain &&
                         m_state != State::AuthLoginUser && m_state != State::AuthLoginPassword;
    const bool partial = !m_in.isEmpty() || m_discardingLine || (m_state == State::Data && m_lineLength > 0);
    if (waiting || !partial || m_config.lineTimeoutMs == 0) {
        m_lineTimer->stop();
        return;
    }
    // Started by the first byte of a line; only a completed line (and so a new one) restarts it.
    if (!m_lineTimer->isActive() || m_linesCompleted != m_lineTimerStartedAt) {
        m_lineTimerStartedAt = m_linesCompleted;
        m_lineTimer->start(m_config.lineTimeoutMs);
    }
}

void SmtpSession::restartIdle()
{
    if (m_config.idleTimeoutMs > 0 && m_state != State::Closed && m_state != State::WaitingForAnswer)
        m_idleTimer->start(m_config.idleTimeoutMs);
    else
        m_idleTimer->stop();
}

void SmtpSession::timedOut(const char* what, const char* enhanced, const QString& text)
{
    if (m_state == State::Closed || m_state == State::WaitingForAnswer)
        return;
    qCInfo(lcSmtp).noquote() << objectName() << what << "(user"
                             << (m_authUser.isEmpty() ? QStringLiteral("-") : m_authUser)
                             << QStringLiteral(") - closing");
    closeWith(421, enhanced, text);
}

bool SmtpSession::processLine()
{
    // A broken line in the middle of an AUTH exchange ends the exchange.
    auto lineError = [this](const char* enhanced, const QString& text) {
        if (m_state != State::Command) {
            m_state = State::Command;
            m_pendingLoginUser.clear();
        }
        fail(500, enhanced, text);
    };
    const qsizetype available = m_in.size() - m_inPos;
    const qsizetype lf = m_in.indexOf('\n', m_inPos);
    if (lf < 0) {
        if (m_discardingLine) {
            m_inPos = m_in.size();
            return false;
        }
        if (available < m_config.maxCommandLine)
            return false; // wait for the rest of the line
        if (looksLikeHttp(QByteArrayView(m_in).sliced(m_inPos))) {
            qCInfo(lcSmtp).noquote() << objectName() << "HTTP request on the SMTP port; closing";
            closeWith(554, "5.7.0",
                      QStringLiteral("This is an SMTP server, not a web server; closing connection"));
            return true;
        }
        m_inPos = m_in.size();
        m_discardingLine = true;
        lineError("5.5.6", QStringLiteral("Line too long"));
        return true;
    }
    const QByteArray line = m_in.mid(m_inPos, lf + 1 - m_inPos);
    m_inPos = lf + 1;
    ++m_linesCompleted;
    if (m_discardingLine) { // the end of an over-long line already answered
        m_discardingLine = false;
        return true;
    }
    if (looksLikeHttp(line)) {
        qCInfo(lcSmtp).noquote() << objectName() << "HTTP request on the SMTP port; closing";
        closeWith(554, "5.7.0",
                  QStringLiteral("This is an SMTP server, not a web server; closing connection"));
        return true;
    }
    if (line.size() > m_config.maxCommandLine) {
        lineError("5.5.6", QStringLiteral("Line too long"));
        return true;
    }
    QByteArray content = line;
    content.chop(1);
    if (!content.endsWith('\r') || content.count('\r') != 1) {
        lineError("5.5.2", QStringLiteral("Bare CR or LF in command: lines must end with CRLF"));
        return true;
    }
    content.chop(1);
    if (content.contains('\0')) {
        lineError("5.5.2", QStringLiteral("NUL character in command"));
        return true;
    }
    if (m_state == State::Command)
        handleCommandLine(content);
    else
        handleAuthResponse(content);
    return true;
}

void SmtpSession::handleCommandLine(const QByteArray& line)
{
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArrayView args =
        space < 0 ? QByteArrayView() : trimmed(QByteArrayView(line).sliced(space + 1));

    if (verb.isEmpty()) {
        fail(500, "5.5.2", QStringLiteral("Empty command"));
    } else if (verb == "EHLO" || verb == "HELO") {
        if (args.isEmpty()) {
            fail(501, "5.5.4", QStringLiteral("Syntax: %1 hostname").arg(QLatin1String(verb)));
            return;
        }
        resetTransaction();
        m_heloName = QString::fromUtf8(args);
        m_esmtp = verb == "EHLO";
        if (!m_esmtp) {
            reply(250, nullptr, m_config.hostName);
            return;
        }
        // No enhanced status codes on the EHLO reply (RFC 2034): its lines are keywords.
        const QStringList lines{m_config.hostName,
                                QStringLiteral("AUTH PLAIN LOGIN"),
                                QStringLiteral("SIZE %1").arg(m_config.maxMessageSize),
                                QStringLiteral("8BITMIME"),
                                QStringLiteral("PIPELINING"),
                                QStringLiteral("ENHANCEDSTATUSCODES"),
                                QStringLiteral("SMTPUTF8")};
        reply(250, nullptr, lines.join(QLatin1Char('\n')));
    } else if (verb == "AUTH") {
        startAuth(args);
    } else if (verb == "MAIL") {
        handleMail(args);
    } else if (verb == "RCPT") {
        handleRcpt(args);
    } else if (verb == "DATA") {
        if (!args.isEmpty())
            fail(501, "5.5.4", QStringLiteral("DATA takes no arguments"));
        else if (!m_haveMail)
            fail(503, "5.5.1", QStringLiteral("Send MAIL FROM first"));
        else if (m_envelope.recipients.isEmpty())
            fail(503, "5.5.1", QStringLiteral("Send RCPT TO first: no valid recipients"));
        else {
            m_state = State::Data;
            reply(354, nullptr, QStringLiteral("End data with <CR><LF>.<CR><LF>"));
        }
    } else if (verb == "RSET") {
        if (!args.isEmpty()) {
            fail(501, "5.5.4", QStringLiteral("RSET takes no arguments"));
            return;
        }
        resetTransaction();
        reply(250, "2.0.0", QStringLiteral("OK"));
    } else if (verb == "NOOP") {
        reply(250, "2.0.0", QStringLiteral("OK"));
    } else if (verb == "QUIT") {
        reply(221, "2.0.0", QStringLiteral("Bye"));
        m_state = State::Closed;
        stopTimers();
        emit closeRequested();
    } else if (verb == "VRFY") {
        if (args.isEmpty())
            fail(501, "5.5.4", QStringLiteral("Syntax: VRFY address"));
        else
            reply(252, "2.1.5", QStringLiteral("Cannot verify the user, but will accept the message"));
    } else if (verb == "HELP") {
        reply(214, "2.0.0",
              QStringLiteral("Commands: EHLO HELO AUTH MAIL RCPT DATA RSET NOOP QUIT VRFY HELP"));
    } else {
        fail(502, "5.5.1", QStringLiteral("Command not implemented"));
    }
}

void SmtpSession::startAuth(QByteArrayView args)
{
    if (m_heloName.isEmpty()) {
        fail(503, "5.5.1", QStringLiteral("Send EHLO first"));
        return;
    }
    if (!m_authUser.isEmpty()) {
        fail(503, "5.5.1", QStringLiteral("Already authenticated"));
        return;
    }
    if (m_haveMail) {
        fail(503, "5.5.1", QStringLiteral("AUTH is not allowed during a mail transaction"));
        return;
    }
    const QList<QByteArrayView> parts = splitParams(args);
    if (parts.isEmpty() || parts.size() > 2) {
        fail(501, "5.5.4", QStringLiteral("Syntax: AUTH mechanism [initial-response]"));
        return;
    }
    const QByteArray mechanism = parts.at(0).toByteArray().toUpper();
    const bool haveInitial = parts.size() == 2;
    if (mechanism == "PLAIN") {
        if (!haveInitial) {
            m_state = State::AuthPlain;
            reply(334, nullptr, QString());
            return;
        }
        m_state = State::AuthPlain;
        handleAuthResponse(parts.at(1).toByteArray());
    } else if (mechanism == "LOGIN") {
        if (!haveInitial) {
            m_state = State::AuthLoginUser;
            reply(334, nullptr, QStringLiteral("VXNlcm5hbWU6")); // "Username:"
            return;
        }
        m_state = State::AuthLoginUser;
        handleAuthResponse(parts.at(1).toByteArray());
    } else {
        fail(504, "5.5.4", QStringLiteral("Unrecognized authentication mechanism: use PLAIN or LOGIN"));
    }
}

void SmtpSession::handleAuthResponse(const QByteArray& line)
{
    if (line == "*") {
        m_state = State::Command;
        m_pendingLoginUser.clear();
        reply(501, "5.0.0", QStringLiteral("Authentication cancelled"));
        return;
    }
    QByteArray decoded;
    if (!decodeBase64(line, &decoded)) {
        m_state = State::Command;
        m_pendingLoginUser.clear();
        fail(501, "5.5.2", QStringLiteral("Cannot decode the authentication response (base64 expected)"));
        return;
    }
    switch (m_state) {
    case State::AuthPlain: {
        // RFC 4616: authzid NUL authcid NUL passwd
        const QList<QByteArray> fields = decoded.split('\0');
        if (fields.size() != 3) {
            m_state = State::Command;
            fail(501, "5.5.2", QStringLiteral("Malformed PLAIN response"));
            return;
        }
        const QString authzid = QString::fromUtf8(fields.at(0));
        const QString user = QString::fromUtf8(fields.at(1));
        // Acting as someone else is not a thing here: a different authzid fails like a wrong password.
        finishAuth(user, QString::fromUtf8(fields.at(2)), authzid.isEmpty() || authzid == user);
        return;
    }
    case State::AuthLoginUser:
        m_pendingLoginUser = QString::fromUtf8(decoded);
        m_state = State::AuthLoginPassword;
        reply(334, nullptr, QStringLiteral("UGFzc3dvcmQ6")); // "Password:"
        return;
    case State::AuthLoginPassword: {
        const QString user = m_pendingLoginUser;
        m_pendingLoginUser.clear();
        finishAuth(user, QString::fromUtf8(decoded), true);
        return;
    }
    default:
        return;
    }
}

void SmtpSession::finishAuth(const QString& user, const QString& password, bool wellFormed)
{
    const bool ok = wellFormed && !user.isEmpty() && m_auth && m_auth->verify(user, password);
    if (ok) {
        m_authUser = user;
        m_authFailures = 0;
        m_state = State::Command;
        m_authDeadline->stop();
        qCDebug(lcSmtp).noquote() << objectName() << "authenticated as" << user;
        reply(235, "2.7.0", QStringLiteral("Authentication successful"));
        return;
    }
    ++m_authFailures;
    m_failedAuthUser = user;
    // Slow down guessing: nothing more is read until the delayed answer went out.
    m_state = State::AuthDelay;
    m_authTimer->start(m_config.authFailureDelayMs);
}

void SmtpSession::authDelayElapsed()
{
    if (m_state != State::AuthDelay)
        return;
    qCInfo(lcSmtp).noquote()
        << objectName() << "authentication failed for user" << m_failedAuthUser
        << QStringLiteral("(%1 of %2)").arg(m_authFailures).arg(m_config.maxAuthFailures);
    emit authenticationFailed(std::exchange(m_failedAuthUser, QString()), m_heloName);
    if (m_state != State::AuthDelay)
        return; // a slot closed the session
    if (m_authFailures >= m_config.maxAuthFailures) {
        closeWith(421, "4.7.0",
                  QStringLiteral("Too many failed authentication attempts; closing connection"));
        return;
    }
    m_state = State::Command;
    reply(535, "5.7.8", QStringLiteral("Authentication credentials invalid"));
    processInput();
}

void SmtpSession::handleMail(QByteArrayView args)
{
    if (m_heloName.isEmpty()) {
        fail(503, "5.5.1", QStringLiteral("Send EHLO first"));
        return;
    }
    if (m_config.requireAuth && m_authUser.isEmpty()) {
        fail(530, "5.7.0", QStringLiteral("Authentication required"));
        return;
    }
    if (m_haveMail) {
        fail(503, "5.5.1", QStringLiteral("Nested MAIL command: send RSET first"));
        return;
    }
    if (!startsWithCI(args, "FROM:")) {
        fail(501, "5.5.2", QStringLiteral("Syntax: MAIL FROM:<address>"));
        return;
    }
    QByteArrayView path, params;
    if (!splitPath(args.sliced(5), &path, &params)) {
        fail(501, "5.1.7",
             QStringLiteral("Invalid sender address: use <local-part@domain> in angle brackets"));
        return;
    }
    Envelope envelope;
    const QList<QByteArrayView> list = splitParams(params);
    if (!list.isEmpty() && !m_esmtp) {
        fail(555, "5.5.4", QStringLiteral("MAIL parameters need EHLO"));
        return;
    }
    bool sizeTooBig = false;
    for (const QByteArrayView param : list) {
        const qsizetype eq = param.indexOf('=');
        const QByteArray key = (eq < 0 ? param : param.first(eq)).toByteArray().toUpper();
        const QByteArrayView value = eq < 0 ? QByteArrayView() : param.sliced(eq + 1);
        if (key == "SIZE" && eq >= 0) {
            bool digits = !value.isEmpty();
            for (const char c : value)
                digits = digits && c >= '0' && c <= '9';
            if (!digits) {
                fail(501, "5.5.4", QStringLiteral("SIZE needs a number"));
                return;
            }
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size > m_config.maxMessageSize)
                sizeTooBig = true;
            else
                envelope.declaredSize = size;
        } else if (key == "BODY" && eq >= 0) {
            const QByteArray body = value.toByteArray().toUpper();
            if (body == "8BITMIME")
                envelope.eightBitMime = true;
            else if (body == "7BIT")
                envelope.eightBitMime = false;
            else {
                fail(501, "5.5.4", QStringLiteral("BODY must be 7BIT or 8BITMIME"));
                return;
            }
        } else if (key == "SMTPUTF8" && eq < 0) {
            envelope.smtpUtf8 = true;
        } else if (key == "AUTH" && eq >= 0) {
            // RFC 4954 section 5: a server that offers AUTH must accept AUTH= and may ignore it.
        } else {
            fail(555, "5.5.4", QStringLiteral("Unsupported MAIL parameter: %1").arg(QLatin1String(key)));
            return;
        }
    }
    const QByteArrayView mailbox = stripSourceRoute(path);
    if (!path.isEmpty()) {
        switch (checkMailbox(mailbox)) {
        case AddressCheck::Invalid:
            fail(501, "5.1.7", QStringLiteral("Invalid sender address: use <local-part@domain>"));
            return;
        case AddressCheck::NeedsSmtpUtf8:
            if (!envelope.smtpUtf8) {
                fail(553, "5.6.7", QStringLiteral("Non-ASCII sender address needs the SMTPUTF8 parameter"));
                return;
            }
            break;
        case AddressCheck::Ok:
            break;
        }
    }
    if (sizeTooBig) {
        reply(552, "5.3.4",
              QStringLiteral("Message size exceeds the fixed maximum of %1 bytes")
                  .arg(m_config.maxMessageSize));
        return;
    }
    envelope.mailFrom = QString::fromUtf8(mailbox);
    m_envelope = envelope;
    m_haveMail = true;
    ++m_transactions;
    reply(250, "2.1.0", QStringLiteral("Sender <%1> OK").arg(m_envelope.mailFrom));
}

void SmtpSession::handleRcpt(QByteArrayView args)
{
    if (!m_haveMail) {
        fail(503, "5.5.1", QStringLiteral("Send MAIL FROM first"));
        return;
    }
    if (!startsWithCI(args, "TO:")) {
        fail(501, "5.5.2", QStringLiteral("Syntax: RCPT TO:<address>"));
        return;
    }
    QByteArrayView path, params;
    if (!splitPath(args.sliced(3), &path, &params)) {
        fail(501, "5.1.3",
             QStringLiteral("Invalid recipient address: use <local-part@domain> in angle brackets"));
        return;
    }
    if (!splitParams(params).isEmpty()) {
        fail(555, "5.5.4", QStringLiteral("RCPT parameters are not supported"));
        return;
    }
    const QByteArrayView mailbox = stripSourceRoute(path);
    switch (checkMailbox(mailbox)) {
    case AddressCheck::Invalid:
        fail(501, "5.1.3", QStringLiteral("Invalid recipient address: use <local-part@domain>"));
        return;
    case AddressCheck::NeedsSmtpUtf8:
        if (!m_envelope.smtpUtf8) {
            fail(553, "5.6.7", QStringLiteral("Non-ASCII recipient address needs SMTPUTF8 in MAIL FROM"));
            return;
        }
        break;
    case AddressCheck::Ok:
        break;
    }
    const QString address = QString::fromUtf8(mailbox);
    if (m_recipientSet.contains(address)) {
        reply(250, "2.1.5", QStringLiteral("Recipient <%1> OK (duplicate)").arg(address));
        return;
    }
    if (m_config.refuseRecipient) {
        const QString reason = m_config.refuseRecipient(address);
        if (!reason.isEmpty()) {
            // Refused here, so the client shows which address is wrong and keeps the message.
            reply(550, "5.7.1", QStringLiteral("<%1>: %2").arg(address, reason));
            return;
        }
    }
    if (m_envelope.recipients.size() >= m_config.maxRecipients) {
        // 452 (not an error): the client sends the rest in another transaction (RFC 5321 4.5.3.1.10).
        reply(452, "4.5.3",
              QStringLiteral("Too many recipients: at most %1 per message").arg(m_config.maxRecipients));
        return;
    }
    m_envelope.recipients.append(address);
    m_recipientSet.insert(address);
    reply(250, "2.1.5", QStringLiteral("Recipient <%1> OK").arg(address));
}

bool SmtpSession::processData()
{
    const char* const base = m_in.constData();
    const qsizetype end = m_in.size();
    const qsizetype pos = m_inPos;
    const auto* lf = static_cast<const char*>(std::memchr(base + pos, '\n', size_t(end - pos)));
    qsizetype segEnd = 0;
    const bool complete = lf != nullptr;
    if (complete) {
        segEnd = lf - base + 1;
    } else {
        // No line end yet. Only a line that is already too long is taken in
        // pieces, so the buffer stays bounded; a trailing CR stays behind in
        // case its LF comes next. Either way the first bytes of such a line
        // (maxTextLine >= 4) are enough to tell "." from ".\r\n".
        if (m_lineLength + (end - pos) <= m_config.maxTextLine)
            return false;
        segEnd = base[end - 1] == '\r' ? end - 1 : end;
        if (segEnd <= pos)
            return false;
    }
    const QByteArrayView seg(base + pos, segEnd - pos);
    m_inPos = segEnd;

    // The line without its end. A bare LF ends a line as CRLF does (Postfix's
    // smtpd_forbid_bare_newline = normalize), so what is handed on has CRLF.
    const bool crlf = complete && seg.size() >= 2 && seg[seg.size() - 2] == '\r';
    QByteArrayView text = complete ? seg.first(seg.size() - (crlf ? 2 : 1)) : seg;
    if (complete) {
        ++m_linesCompleted;
        if (!crlf)
            ++m_dataBareLf;
    }

    if (m_lineLength == 0) {
        if (complete && text == ".") {
            // The end is CRLF "." CRLF and nothing else. LF "." LF, CRLF "." LF
            // and LF "." CRLF are content, dot included (not unstuffed): no
            // second message can be smuggled in, and nothing the client wrote
            // disappears.
            if (crlf && m_lineStartsClean) {
                finishData();
                return true;
            }
        } else if (!text.isEmpty() && text.front() == '.') {
            text = text.sliced(1); // dot-unstuffing (RFC 5321 4.5.2)
        }
    }

    // No LF is left in text, so every CR in it is a bare CR.
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80)
            continue;
        if (c == '\r')
            m_dataBareCr = true;
        else if (c == 0)
            m_dataNul = true;
        else if (c >= 0x80)
            m_data8bit = true;
    }
    const qsizetype octets = n + (complete ? 2 : 0); // as handed on, with CRLF

    if (m_inHeaders) {
        if (m_lineLength == 0 && complete && n == 0) {
            m_inHeaders = false;
        } else {
            m_headerBytes += octets;
            if (m_headerBytes > m_config.maxHeaderBytes)
                m_headersTooBig = true;
        }
    }

    m_lineLength += octets;
    if (m_lineLength > m_config.maxTextLine)
        m_dataLongLine = true;
    if (complete) {
        m_lineStartsClean = crlf;
        m_lineLength = 0;
    }

    m_dataSize += octets;
    if (m_dataSize > m_config.maxMessageSize)
        m_dataTooBig = true;

    // A message that will be refused is not kept: read to its end, keep nothing.
    if (m_dataTooBig || m_headersTooBig || m_dataBareCr || m_dataNul || m_dataLongLine) {
        if (!m_data.isEmpty())
            m_data = QByteArray();
    } else {
        m_data.append(text.data(), n);
        if (complete)
            m_data.append("\r\n", 2);
    }
    return true;
}

void SmtpSession::finishData()
{
    if (m_dataTooBig) {
        rejectData(552, "5.3.4",
                   QStringLiteral("Message too big: the limit is %1 bytes").arg(m_config.maxMessageSize));
    } else if (m_headersTooBig) {
        rejectData(
            552, "5.3.4",
            QStringLiteral("Header section too big: the limit is %1 bytes").arg(m_config.maxHeaderBytes));
    } else if (m_dataBareCr) {
        rejectData(
            554, "5.6.0",
            QStringLiteral("Message has a bare CR (a CR not followed by LF): lines must end with CRLF"));
    } else if (m_dataNul) {
        rejectData(554, "5.6.0", QStringLiteral("Message contains NUL bytes"));
    } else if (m_dataLongLine) {
        rejectData(554, "5.6.0", lineLimitText(m_config.maxTextLine));
    } else {
        // 8-bit data without BODY=8BITMIME (swaks, msmtp, smtplib.sendmail,
        // scripts) is taken as 8BITMIME, as Postfix, Exim and Sendmail do:
        // the envelope says so, and the upstream gets BODY=8BITMIME or a
        // 7-bit copy.
        if (m_data8bit && !m_envelope.eightBitMime) {
            qCDebug(lcSmtp).noquote()
                << objectName() << "8-bit data without BODY=8BITMIME: taken as 8BITMIME";
            m_envelope.eightBitMime = true;
        }
        if (m_dataBareLf > 0)
            qCDebug(lcSmtp).noquote()
                << objectName() << m_dataBareLf << "line(s) ended in a bare LF: read as CRLF";
        m_state = State::WaitingForAnswer;
        m_lineTimer->stop();
        m_idleTimer->stop();
        const QByteArray content = std::move(m_data);
        m_data = QByteArray();
        m_envelope.heloName = m_heloName;
        // Copies: a slot that answers at once resets the transaction, and the
        // slots after it must still see this message's envelope.
        const Envelope envelope = m_envelope;
        const QString authUser = m_authUser;
        emit messageReceived(envelope, content, authUser);
    }
}

void SmtpSession::rejectData(int code, const char* enhanced, const QString& text)
{
    qCInfo(lcSmtp).noquote() << objectName() << "message refused: user" << m_authUser << "from"
                             << (QLatin1Char('<') + m_envelope.mailFrom + QLatin1Char('>')) << "rcpt"
                             << m_envelope.recipients.size() << "size" << m_dataSize << "reply"
                             << Reply::make(code, QString::fromLatin1(enhanced), text).toString();
    resetTransaction();
    m_state = State::Command;
    reply(code, enhanced, text);
}

void SmtpSession::reply(int code, const char* enhanced, const QString& text)
{
    emit output(Reply::make(code, enhanced ? QString::fromLatin1(enhanced) : QString(), text).toWire());
}

void SmtpSession::fail(int code, const char* enhanced, const QString& text)
{
    ++m_errors;
    if (m_errors >= m_config.maxErrors) {
        qCInfo(lcSmtp).noquote() << objectName() << "too many errors; closing";
        closeWith(421, "4.7.0", QStringLiteral("Too many errors; closing connection"));
        return;
    }
    reply(code, enhanced, text);
}

void SmtpSession::resetTransaction()
{
    m_haveMail = false;
    m_envelope = Envelope();
    m_recipientSet.clear();
    m_data = QByteArray();
    m_dataSize = 0;
    m_lineLength = 0;
    m_lineStartsClean = true;
    m_inHeaders = true;
    m_headerBytes = 0;
    m_dataTooBig = false;
    m_dataBareCr = false;
    m_dataNul = false;
    m_data8bit = false;
    m_dataBareLf = 0;
    m_dataLongLine = false;
    m_headersTooBig = false;
}

void SmtpSession::closeWith(int code, const char* enhanced, const QString& text)
{
    if (m_state == State::Closed)
        return;
    if (!text.isEmpty())
        reply(code, enhanced, text);
    m_state = State::Closed;
    stopTimers();
    m_in.clear();
    m_inPos = 0;
    emit closeRequested();
}

void SmtpSession::stopTimers()
{
    for (QTimer* timer : {m_authTimer, m_authDeadline, m_lineTimer, m_idleTimer, m_sessionTimer})
        timer->stop();
}

} // namespace Smtp
