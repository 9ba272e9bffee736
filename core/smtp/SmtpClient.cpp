#include "smtp/SmtpClient.h"

#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>
#include <cstring>

namespace Smtp {

namespace {

Q_LOGGING_CATEGORY(lcUpstream, "upstream")

constexpr qsizetype kMaxLineLength = 64 * 1024; // a reply line longer than this is not SMTP
constexpr qsizetype kMaxReplyLines = 1000;
constexpr qint64 kBodyChunk = 256 * 1024;  // dot-stuffed per pass
constexpr qint64 kHighWater = 1024 * 1024; // refill the socket below this many buffered bytes
constexpr int kQuitGraceMs = 2000;         // how long a QUIT may linger after the outcome is known

using Kind = SubmitResult::Kind;

const char* kindName(Kind kind)
{
    switch (kind) {
    case Kind::Delivered:
        return "delivered";
    case Kind::Temporary:
        return "temporary failure";
    case Kind::Permanent:
        return "permanent failure";
    case Kind::Configuration:
        return "configuration problem";
    }
    return "?";
}

// RFC 3463 enhanced status code at the start of a reply line: "2.1.5 ".
qsizetype enhancedCodeLength(const QByteArray& text)
{
    qsizetype i = 0;
    if (text.size() < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5') || text[1] != '.')
        return 0;
    i = 2;
    for (int part = 0; part < 2; ++part) {
        const qsizetype digits = i;
        while (i < text.size() && i - digits < 3 && text[i] >= '0' && text[i] <= '9')
            ++i;
        if (i == digits)
            return 0;
        if (part == 0) {
            if (i >= text.size() || text[i] != '.')
                return 0;
            ++i;
        }
    }
    if (i < text.size() && text[i] != ' ')
        return 0;
    return i;
}

bool hasEightBit(const QByteArray& data)
{
    const char* p = data.constData();
    const qsizetype n = data.size();
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, p + i, sizeof word);
        if (word & Q_UINT64_C(0x8080808080808080))
            return true;
    }
    for (; i < n; ++i) {
        if (static_cast<unsigned char>(p[i]) >= 0x80)
            return true;
    }
    return false;
}

// LFs without a CR before them; each becomes CRLF on the wire.
qint64 bareLineFeeds(const QByteArray& data)
{
    const char* p = data.constData();
    const qsizetype n = data.size();
    qint64 count = 0;
    for (qsizetype i = 0; i < n;) {
        const void* found = std::memchr(p + i, '\n', size_t(n - i));
        if (!found)
            break;
        const qsizetype nl = static_cast<const char*>(found) - p;
        if (nl == 0 || p[nl - 1] != '\r')
            ++count;
        i = nl + 1;
    }
    return count;
}

bool isAscii(const QString& s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// A path that cannot smuggle a second command or break out of the angle brackets.
bool isSafePath(const QString& s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('<') || c == QLatin1Char('>'))
            return false;
    }
    return true;
}

// Reading the system store parses a few hundred files (about a third of a
// second); it rarely changes, so once per process is enough.
const QList<QSslCertificate>& systemCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

// The name we greet with: one token, or "localhost" when the setting is unusable.
QByteArray heloName(const UpstreamConfig& config)
{
    const QByteArray name = config.heloName.toUtf8();
    for (const char c : name) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return QByteArrayLiteral("localhost");
    }
    return name.isEmpty() ? QByteArrayLiteral("localhost") : name;
}

// RFC 4616: authzid NUL authcid NUL passwd.
QByteArray plainResponse(const QByteArray& user, const QByteArray& secret)
{
    QByteArray raw;
    raw += '\0';
    raw += user;
    raw += '\0';
    raw += secret;
    return raw.toBase64();
}

// Google / Microsoft SASL XOAUTH2: "user=" user ^A "auth=Bearer " token ^A ^A.
QByteArray xoauth2Response(const QByteArray& user, const QByteArray& token)
{
    QByteArray raw = QByteArrayLiteral("user=");
    raw += user;
    raw += QByteArrayLiteral("\x01"
                             "auth=Bearer ");
    raw += token;
    raw += QByteArrayLiteral("\x01\x01");
    return raw.toBase64();
}

Reply synthesised(int code, const char* enhanced, const QString& text)
{
    return Reply::make(code, QString::fromLatin1(enhanced), text);
}

} // namespace

SmtpClient::SmtpClient(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
        m_socket = nullptr;
    }
}

void SmtpClient::submit(const UpstreamConfig& config, const Envelope& envelope, const QByteArray& content)
{
    if (m_busy) {
        refuseWhileBusy(
            tr("Another message is being sent through this connection; this one will be tried again."));
        return;
    }
    m_envelope = envelope;
    m_content = content;
    if (m_keepOpen && isOpen() && sameSession(config)) {
        // The kept session: no connect, TLS, EHLO or AUTH; straight to MAIL FROM.
        m_busy = true;
        m_finishing = false;
        m_testOnly = false;
        m_config = config;
        m_reused = true;
        m_timer->stop();
        resetTransaction();
        if (m_state == State::Resetting)
            return; // onReset() starts the transaction after RSET's 250
        startTransaction();
        return;
    }
    start(config, false);
}

bool SmtpClient::isOpen() const
{
    return !m_busy && m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
           (m_state == State::Ready || m_state == State::Resetting);
}

void SmtpClient::close()
{
    if (!m_busy && (m_state == State::Ready || m_state == State::Resetting))
        endIdleSession(Close::Quit);
}

bool SmtpClient::sameSession(const UpstreamConfig& config) const
{
    // The credential itself is not kept; UpstreamPool only hands out a session
    // made with the same one.
    return config.host == m_config.host && config.port == m_config.port &&
           config.security == m_config.security && config.auth == m_config.auth &&
           config.user == m_config.user && config.caFile == m_config.caFile &&
           config.allowPlaintextAuth == m_config.allowPlaintextAuth && config.heloName == m_config.heloName;
}

void SmtpClient::endIdleSession(Close close)
{
    m_timer->stop();
    retireSocket(close);
    m_state = State::Idle;
    m_signedIn = false;
    emit closed();
}

void SmtpClient::keepSession(bool reset)
{
    m_in.clear();
    m_replyLines.clear();
    m_replyCode = 0;
    if (reset) {
        // The refused transaction is still open at the server.
        m_state = State::Resetting;
        send("RSET", "RSET");
        return;
    }
    m_state = State::Ready;
    m_timer->start(qMax(1, m_idleTimeoutMs));
}

void SmtpClient::onReset(const Reply& reply)
{
    if (reply.code == 250) {
        m_state = State::Ready;
        if (m_busy) {
            startTransaction(); // a submission waited for the RSET
            return;
        }
        m_timer->start(qMax(1, m_idleTimeoutMs));
        return;
    }
    if (!m_busy) {
        endIdleSession(Close::Abort);
        return;
    }
    // Not the message's fault: the session is not usable, so it counts as closed.
    finishWith(
        Kind::Temporary,
        synthesised(421, "4.4.2", QStringLiteral("Connection not usable after RSET: ") + reply.toString()),
        tr("The connection to the mail server %1 could not be used again (%2). The message was not "
           "sent; it will be tried again.")
            .arg(serverName(), reply.toString()),
        Close::Abort);
}

void SmtpClient::testConnection(const UpstreamConfig& config)
{
    if (m_busy) {
        refuseWhileBusy(tr("A message is being sent right now; try the connection test again in a moment."));
        return;
    }
    m_envelope = Envelope();
    m_content.clear();
    start(config, true);
}

void SmtpClient::refuseWhileBusy(const QString& detail)
{
    // One submission at a time; the caller still gets its one finished().
    SubmitResult r;
    r.kind = Kind::Temporary;
    r.reply = synthesised(451, "4.3.0", QStringLiteral("Another submission is in progress"));
    r.detail = detail;
    QTimer::singleShot(0, this, [this, r] { emit finished(r); });
}

void SmtpClient::abort()
{
    if (!m_busy || m_finishing)
        return;
    // Once the final "." has left, the server may have the message: its answer decides.
    if (m_dotFlushed)
        return;
    finishWith(Kind::Temporary, synthesised(451, "4.3.0", QStringLiteral("Submission cancelled")),
               tr("cancelled"), Close::Abort);
}

QString SmtpClient::serverName() const
{
    return m_config.host + QLatin1Char(':') + QString::number(m_config.port);
}

void SmtpClient::start(const UpstreamConfig& config, bool testOnly)
{
    if (m_socket) { // a kept session that does not fit this config
        m_timer->stop();
        retireSocket(Close::Quit);
    }
    m_busy = true;
    m_finishing = false;
    m_config = config;
    m_testOnly = testOnly;
    m_state = State::Connecting;
    m_in.clear();
    m_caps.clear();
    m_sslErrors.clear();
    m_authStep = 0;
    m_xoauth2Error.clear();
    m_pipelining = false;
    m_signedIn = false;
    m_reused = false;
    resetTransaction();
    m_step = "connect";

    if (m_config.host.isEmpty() || m_config.port == 0) {
        finishWith(Kind::Configuration,
                   synthesised(554, "5.3.5", QStringLiteral("No upstream server configured")),
                   tr("No mail server is set for this account. Enter the server name and port in Settings."),
                   Close::Abort);
        return;
    }

    m_socket = new QSslSocket(this);
    QString error;
    if (m_config.security != Security::None && !configureTls(&error)) {
        finishWith(Kind::Configuration, synthesised(554, "5.3.5", QStringLiteral("CA file not usable")),
                   error, Close::Abort);
        return;
    }

    connect(m_socket, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(m_socket, &QSslSocket::bytesWritten, this, &SmtpClient::onWritten);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &SmtpClient::onWritten);

    m_timer->start(qMax(1, m_config.connectTimeoutMs));
    if (m_config.security == Security::Tls)
        m_socket->connectToHostEncrypted(m_config.host, m_config.port, m_config.host);
    else
        m_socket->connectToHost(m_config.host, m_config.port);
}

void SmtpClient::resetTransaction()
{
    m_step = "";
    m_replyLines.clear();
    m_replyCode = 0;
    m_lastReply = Reply();
    m_rcptSent = 0;
    m_repliesSeen = 0;
    m_rcptFailure = Reply();
    m_failedRecipient.clear();
    m_rcptFailurePermanent = false;
    m_bodyPos = 0;
    m_dotQueued = false;
    m_dotFlushed = false;
    m_mailAccepted = false;
}

bool SmtpClient::configureTls(QString* error)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::SecureProtocols);
    if (!m_config.caFile.isEmpty()) {
        QFile file(m_config.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                tr("The certificate authority file %1 could not be read: %2. Check the CA file in Settings.")
                    .arg(m_config.caFile, file.errorString());
            return false;
        }
        const QList<QSslCertificate> extra = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (extra.isEmpty()) {
            *error = tr("The certificate authority file %1 contains no PEM certificate. Check the CA file in "
                        "Settings.")
                         .arg(m_config.caFile);
            return false;
        }
        // Setting a CA list switches off Qt's on-demand loading of the system
        // store, so the system certificates are added explicitly.
        QList<QSslCertificate> cas = ssl.caCertificates();
        cas += systemCertificates();
        cas += extra;
        ssl.setCaCertificates(cas);
    }
    m_socket->setSslConfiguration(ssl);
    m_socket->setPeerVerifyName(m_config.host);
    return true;
}

// --- socket events -------------------------------------------------------

void SmtpClient::onConnected()
{
    if (m_state != State::Connecting || m_config.security == Security::Tls)
        return; // implicit TLS: the greeting comes after encrypted()
    m_state = State::Greeting;
    expectReply("greeting");
}

void SmtpClient::onEncrypted()
{
    if (m_state == State::Connecting) {
        m_state = State::Greeting;
        expectReply("greeting");
    } else if (m_state == State::TlsHandshake) {
        // RFC 3207 4.2: forget everything learnt before TLS and greet again.
        m_caps.clear();
        m_state = State::Ehlo;
        send("EHLO " + heloName(m_config), "EHLO");
    }
}

void SmtpClient::onReadyRead()
{
    if (!m_socket || m_finishing)
        return;
    if (!m_busy && m_state == State::Ready) {
        // Unasked, between messages: a 421 before the server closes (its idle timeout).
        qCInfo(lcUpstream).noquote() << serverName() << "closed the idle connection:"
                                     << m_socket->readAll().trimmed().left(200);
        endIdleSession(Close::Abort);
        return;
    }
    m_in += m_socket->readAll();
    processInput();
}

void SmtpClient::onSslErrors(const QList<QSslError>& errors)
{
    if (m_finishing)
        return;
    QStringList texts;
    for (const QSslError& e : errors)
        texts << e.errorString();
    m_sslErrors = texts;
    // Never ignored: Qt fails the handshake after this signal, and the
    // connection is dropped below.
    finishWith(
        Kind::Configuration,
        synthesised(554, "5.7.5",
                    QStringLiteral("TLS certificate not trusted: ") + texts.join(QLatin1String("; "))),
        tr("The server's certificate is not trusted: %1. If %2 is the right server, ask its administrator "
           "for the certificate authority and add it as CA file in Settings.")
            .arg(texts.join(QLatin1String("; ")), m_config.host),
        Close::Abort);
}

void SmtpClient::onSocketError()
{
    if (m_socket && !m_finishing && !m_busy) {
        endIdleSession(Close::Abort);
        return;
    }
    if (!m_socket || m_finishing || readLastReplies())
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString text = m_socket->errorString();
    SubmitResult r;
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInvalidUserDataError:
    case QAbstractSocket::SslInternalError:
        r.kind = Kind::Configuration;
        r.reply = synthesised(554, "5.7.5", QStringLiteral("TLS handshake failed: ") + text);
        if (!m_sslErrors.isEmpty())
            r.detail =
                tr("The server's certificate is not trusted: %1.").arg(m_sslErrors.join(QLatin1String("; ")));
        else
            r.detail = tr("A secure connection to %1 could not be set up: %2. Check the server, port and "
                          "security settings (STARTTLS usually uses port 587, TLS port 465).")
                           .arg(serverName(), text);
        finish(r, Close::Abort);
        return;
    default:
        break;
    }
    if (m_state == State::Connecting) {
        // Refused, no such host, network down, a proxy problem: all may pass.
        r.kind = Kind::Temporary;
        r.reply =
            synthesised(421, "4.4.1", QStringLiteral("Cannot connect to %1: %2").arg(serverName(), text));
        r.detail = tr("Could not connect to the mail server %1: %2. The message will be sent when the server "
                      "can be reached.")
                       .arg(serverName(), text);
        finish(r, Close::Abort);
        return;
    }
    failConnectionLost();
}

void SmtpClient::onDisconnected()
{
    if (m_socket && !m_finishing && !m_busy) {
        qCInfo(lcUpstream).noquote() << serverName() << "closed the idle connection";
        endIdleSession(Close::Abort);
        return;
    }
    if (!m_socket || m_finishing || readLastReplies())
        return;
    failConnectionLost();
}

bool SmtpClient::readLastReplies()
{
    // Replies that arrived just before the connection went (a 421, the
    // answer to the final ".") decide the outcome, not the disconnect.
    if (m_socket->bytesAvailable() > 0) {
        m_in += m_socket->readAll();
        processInput();
    }
    return m_finishing;
}

void SmtpClient::onWritten()
{
    if (!m_socket || m_finishing)
        return;
    if (m_state == State::Body) {
        m_timer->start(qMax(1, m_config.commandTimeoutMs)); // progress: the server is still reading
        writeBody();
    } else if (m_state == State::FinalReply && !m_dotFlushed) {
        m_timer->start(qMax(1, m_config.commandTimeoutMs));
        checkDotFlushed();
    }
}

void SmtpClient::onTimeout()
{
    if (!m_busy && (m_state == State::Ready || m_state == State::Resetting)) {
        // Idle for the idle timeout (QUIT), or no answer to RSET.
        endIdleSession(m_state == State::Ready ? Close::Quit : Close::Abort);
        return;
    }
    if (!m_busy || m_finishing)
        return;
    SubmitResult r;
    r.kind = Kind::Temporary;
    const int seconds =
        qMax(1, (m_state == State::Connecting || m_state == State::TlsHandshake ? m_config.connectTimeoutMs
                                                                                : m_config.commandTimeoutMs) /
                    1000);
    switch (m_state) {
    case State::Connecting:
    case State::TlsHandshake:
        r.reply = synthesised(421, "4.4.1", QStringLiteral("Connection to %1 timed out").arg(serverName()));
        r.detail = tr("The mail server %1 did not answer within %n second(s). The message will be sent when "
                      "the server can be reached.",
                      nullptr, seconds)
                       .arg(serverName());
        break;
    case State::Body:
        r.reply = synthesised(451, "4.4.2",
                              QStringLiteral("Timed out sending the message to %1").arg(serverName()));
        r.detail =
            tr("The mail server %1 stopped accepting the message for %n second(s). It was not sent; it "
               "will be tried again.",
               nullptr, seconds)
                .arg(serverName());
        break;
    case State::FinalReply:
        checkDotFlushed();
        r.reply = synthesised(451, "4.4.2",
                              QStringLiteral("Timed out waiting for the reply to the end of the message"));
        r.detail = m_dotFlushed
                       ? tr("The message was sent to %1, but the server did not confirm it within %n "
                            "second(s). It may or may not have been delivered.",
                            nullptr, seconds)
                             .arg(serverName())
                       : tr("The mail server %1 stopped accepting the message for %n second(s). It "
                            "was not sent; it will be tried again.",
                            nullptr, seconds)
                             .arg(serverName());
        break;
    default:
        r.reply = synthesised(
            451, "4.4.2", QStringLiteral("Timed out waiting for the reply to %1").arg(QLatin1String(m_step)));
        r.detail = tr("The mail server %1 did not answer (%2) within %n second(s). The message will be tried "
                      "again.",
                      nullptr, seconds)
                       .arg(serverName(), QLatin1String(m_step));
        break;
    }
    finish(r, Close::Abort);
}

// --- replies -------------------------------------------------------------

void SmtpClient::processInput()
{
    while (m_socket && !m_finishing) {
        const qsizetype nl = m_in.indexOf('\n');
        if (nl < 0) {
            if (m_in.size() > kMaxLineLength)
                failProtocol(tr("a reply line longer than %1 bytes").arg(kMaxLineLength));
            return;
        }
        QByteArray line = m_in.left(nl);
        m_in.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        bool complete = false;
        if (!takeReplyLine(line, &complete))
            return;
        if (!complete)
            continue;

        Reply reply;
        reply.code = m_replyCode;
        QStringList texts;
        for (const QByteArray& l : std::as_const(m_replyLines)) {
            QByteArray text = l.mid(4);
            const qsizetype enh = enhancedCodeLength(text);
            if (enh > 0) {
                if (reply.enhanced.isEmpty())
                    reply.enhanced = QString::fromLatin1(text.left(enh));
                text = text.mid(enh + 1);
            }
            texts << QString::fromUtf8(text);
        }
        reply.text = texts.join(QLatin1Char('\n'));
        m_replyLines.clear();
        m_replyCode = 0;
        m_lastReply = reply;
        handleReply(reply);

        // RFC 3207 / CVE-2011-0411: anything that arrived together with the
        // 220 to STARTTLS was sent in plain text and must not be trusted.
        if (m_state == State::TlsHandshake && !m_finishing && !m_in.isEmpty()) {
            failProtocol(tr("unexpected data after the STARTTLS reply"));
            return;
        }
    }
}

bool SmtpClient::takeReplyLine(const QByteArray& line, bool* complete)
{
    // "250-text", "250 text" or "250".
    const bool digits = line.size() >= 3 && line[0] >= '2' && line[0] <= '5' && line[1] >= '0' &&
                        line[1] <= '9' && line[2] >= '0' && line[2] <= '9';
    if (!digits || (line.size() > 3 && line[3] != '-' && line[3] != ' ')) {
        failProtocol(tr("a line that is not an SMTP reply"));
        return false;
    }
    const int code = line.left(3).toInt();
    if (!m_replyLines.isEmpty() && code != m_replyCode) {
        failProtocol(tr("a multi-line reply with changing codes"));
        return false;
    }
    if (m_replyLines.size() >= kMaxReplyLines) {
        failProtocol(tr("a reply with too many lines"));
        return false;
    }
    m_replyCode = code;
    m_replyLines << line;
    *complete = line.size() == 3 || line[3] == ' ';
    return true;
}

void SmtpClient::handleReply(const Reply& reply)
{
    m_timer->stop();
    switch (m_state) {
    case State::Greeting:
        onGreeting(reply);
        return;
    case State::Ehlo:
    case State::Helo:
        onEhlo(reply);
        return;
    case State::StartTls:
        onStartTls(reply);
        return;
    case State::Auth:
        onAuth(reply);
        return;
    case State::Envelope:
        onEnvelopeReply(reply);
        return;
    case State::Data:
        onData(reply);
        return;
    case State::FinalReply:
        onFinalReply(reply);
        return;
    case State::Resetting:
        onReset(reply);
        return;
    case State::Body:
        // The server spoke in the middle of the message: it gives up on it.
        if (reply.code == 421 || reply.isTransient() || reply.isPermanent()) {
            failReply(reply,
                      tr("The mail server %1 stopped the message while it was being sent: %2")
                          .arg(serverName(), reply.toString()),
                      Close::Abort);
            return;
        }
        failProtocol(tr("a reply in the middle of the message"));
        return;
    case State::Ready:
        if (!m_busy) {
            endIdleSession(Close::Abort);
            return;
        }
        failProtocol(tr("an unexpected reply"));
        return;
    case State::Idle:
    case State::Connecting:
    case State::TlsHandshake:
        failProtocol(tr("an unexpected reply"));
        return;
    }
}

void SmtpClient::onGreeting(const Reply& reply)
{
    if (reply.code == 220) {
        m_state = State::Ehlo;
        send("EHLO " + heloName(m_config), "EHLO");
        return;
    }
    if (reply.isPermanent()) {
        finishWith(Kind::Configuration, reply,
                   tr("The mail server %1 refuses connections from this computer: %2. Check the server in "
                      "Settings or ask its administrator.")
                       .arg(serverName(), reply.toString()),
                   Close::Abort);
        return;
    }
    failReply(reply,
              tr("The mail server %1 is not accepting mail right now: %2. The message will be tried again.")
                  .arg(serverName(), reply.toString()),
              Close::Abort);
}

void SmtpClient::onEhlo(const Reply& reply)
{
    if (m_state == State::Ehlo && reply.isPermanent() && reply.code != 421) {
        // An old server without ESMTP: HELO, and no extensions.
        m_state = State::Helo;
        send("HELO " + heloName(m_config), "HELO");
        return;
    }
    if (reply.code != 250) {
        if (reply.isPermanent() && reply.code != 421) {
            finishWith(Kind::Configuration, reply,
                       tr("The mail server %1 refused the greeting: %2. Check the server in Settings.")
                           .arg(serverName(), reply.toString()),
                       Close::Quit);
            return;
        }
        failReply(reply,
                  tr("The mail server %1 is not accepting mail right now: %2. The message will be tried "
                     "again.")
                      .arg(serverName(), reply.toString()));
        return;
    }
    m_caps.clear();
    if (m_state == State::Ehlo) {
        // The first line is the server's name; each further line one extension.
        const QStringList lines = reply.text.split(QLatin1Char('\n'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed().toUtf8();
            qsizetype sep = line.indexOf(' ');
            const qsizetype eq = line.indexOf('=');
            if (eq >= 0 && (sep < 0 || eq < sep) && line.left(eq).toUpper() == "AUTH")
                sep = eq; // the pre-RFC "AUTH=LOGIN PLAIN" form
            const QByteArray keyword = (sep < 0 ? line : line.left(sep)).toUpper();
            const QByteArray params = sep < 0 ? QByteArray() : line.mid(sep + 1).trimmed();
            if (keyword == "AUTH" && m_caps.contains("AUTH"))
                m_caps["AUTH"] += ' ' + params;
            else
                m_caps.insert(keyword, params);
        }
    }
    afterEhlo();
}

void SmtpClient::afterEhlo()
{
    if (m_config.security == Security::StartTls && !m_socket->isEncrypted()) {
        if (!m_caps.contains("STARTTLS")) {
            finishWith(
                Kind::Configuration,
                synthesised(554, "5.7.10", QStringLiteral("The server does not offer STARTTLS")),
                tr("The mail server %1 does not offer STARTTLS, so the connection cannot be encrypted. "
                   "Nothing was sent. Check the port and security settings (TLS usually uses port 465), "
                   "or ask the server's administrator.")
                    .arg(serverName()),
                Close::Quit);
            return;
        }
        m_state = State::StartTls;
        send("STARTTLS", "STARTTLS");
        return;
    }
    startAuth();
}

void SmtpClient::onStartTls(const Reply& reply)
{
    if (reply.code == 220) {
        m_state = State::TlsHandshake;
        m_step = "TLS";
        m_timer->start(qMax(1, m_config.connectTimeoutMs));
        m_socket->startClientEncryption();
        return;
    }
    if (reply.isPermanent() && reply.code != 421) {
        finishWith(Kind::Configuration, reply,
                   tr("The mail server %1 refused to start encryption: %2. Nothing was sent.")
                       .arg(serverName(), reply.toString()),
                   Close::Quit);
        return;
    }
    failReply(reply,
              tr("The mail server %1 cannot start encryption right now: %2. Nothing was sent; the message "
                 "will be tried again.")
                  .arg(serverName(), reply.toString()));
}

bool SmtpClient::refusesPlaintextAuth(const UpstreamConfig& config, bool encrypted, const QHostAddress& peer)
{
    if (config.auth == AuthMethod::None || encrypted || config.allowPlaintextAuth)
        return false;
    // The address actually connected to, not the name: a name may resolve anywhere.
    const bool local = config.isLocalPeer ? config.isLocalPeer(peer) : peer.isLoopback();
    return !local;
}

void SmtpClient::startAuth()
{
    if (m_config.auth == AuthMethod::None) {
        afterAuth();
        return;
    }
    if (refusesPlaintextAuth(m_config, m_socket->isEncrypted(), m_socket->peerAddress())) {
        finishWith(
            Kind::Configuration,
            synthesised(530, "5.7.0", QStringLiteral("Sign-in without encryption refused")),
            (m_config.auth == AuthMethod::XOAuth2
                 ? tr("The connection to %1 is not encrypted (security=none) and the server is not on this "
                      "computer, so signing in would send your sign-in token unencrypted over the network. "
                      "Yubisashi did not sign in and sent nothing.")
                 : tr("The connection to %1 is not encrypted (security=none) and the server is not on this "
                      "computer, so signing in would send your password unencrypted over the network. "
                      "Yubisashi did not sign in and sent nothing."))
                    .arg(serverName()) +
                QLatin1Char(' ') +
                tr("Set security=starttls or tls for the account, or allow_plaintext_auth=true if this "
                   "network "
                   "is trusted."),
            Close::Quit);
        return;
    }
    const char* mechanism = m_config.auth == AuthMethod::Plain   ? "PLAIN"
                            : m_config.auth == AuthMethod::Login ? "LOGIN"
                                                                 : "XOAUTH2";
    const QList<QByteArray> offered = m_caps.value("AUTH").toUpper().split(' ');
    if (!m_caps.contains("AUTH") || !offered.contains(QByteArray(mechanism))) {
        finishWith(
            Kind::Configuration,
            synthesised(
                504, "5.7.4",
                QStringLiteral("Authentication mechanism %1 not offered").arg(QLatin1String(mechanism))),
            m_caps.contains("AUTH")
                ? tr("The mail server %1 does not accept the sign-in method %2 (it offers: %3). Choose "
                     "another sign-in method in Settings.")
                      .arg(serverName(), QLatin1String(mechanism), QString::fromLatin1(m_caps.value("AUTH")))
                : tr("The mail server %1 does not offer sign-in on this connection. Check the security "
                     "setting, or set sign-in to \"none\" in Settings if the server does not need it.")
                      .arg(serverName()),
            Close::Quit);
        return;
    }
    m_state = State::Auth;
    m_authStep = 0;
    const QByteArray user = m_config.user.toUtf8();
    const QByteArray secret = m_config.secret.toUtf8();
    switch (m_config.auth) {
    case AuthMethod::Plain:
        send("AUTH PLAIN " + plainResponse(user, secret), "AUTH", true);
        break;
    case AuthMethod::Login:
        send("AUTH LOGIN", "AUTH");
        break;
    case AuthMethod::XOAuth2:
        send("AUTH XOAUTH2 " + xoauth2Response(user, secret), "AUTH", true);
        break;
    case AuthMethod::None:
        break;
    }
}

void SmtpClient::onAuth(const Reply& reply)
{
    if (reply.code == 235) {
        afterAuth();
        return;
    }
    if (reply.code == 334) {
        ++m_authStep;
        if (m_config.auth == AuthMethod::Login && m_authStep == 1) {
            send(m_config.user.toUtf8().toBase64(), "AUTH", true);
            return;
        }
        if (m_config.auth == AuthMethod::Login && m_authStep == 2) {
            send(m_config.secret.toUtf8().toBase64(), "AUTH", true);
            return;
        }
        if (m_config.auth == AuthMethod::Plain && m_authStep == 1) {
            // A server that ignored the initial response asks again.
            send(plainResponse(m_config.user.toUtf8(), m_config.secret.toUtf8()), "AUTH", true);
            return;
        }
        if (m_config.auth == AuthMethod::XOAuth2 && m_authStep == 1) {
            // RFC 7628 3.2.2: the failure comes as a challenge with a JSON
            // error; an empty response makes the server send the final 5xx.
            m_xoauth2Error = QString::fromUtf8(QByteArray::fromBase64(reply.text.toLatin1()));
            send(QByteArray(), "AUTH");
            return;
        }
        send("*", "AUTH"); // cancel an exchange we do not understand (RFC 4954)
        return;
    }
    if (reply.code == 421 || reply.isTransient()) {
        failReply(reply,
                  tr("The mail server %1 could not check the sign-in right now: %2. The message will be "
                     "tried again.")
                      .arg(serverName(), reply.toString()));
        return;
    }
    SubmitResult r;
    r.kind = Kind::Configuration;
    r.reply = reply;
    if (reply.code == 538) {
        r.detail =
            tr("The mail server %1 requires an encrypted connection for sign-in: %2. Choose STARTTLS or "
               "TLS in Settings.")
                .arg(serverName(), reply.toString());
    } else if (reply.code == 504) {
        r.detail = tr("The mail server %1 does not accept this sign-in method: %2. Choose another sign-in "
                      "method in Settings.")
                       .arg(serverName(), reply.toString());
    } else if (m_config.auth == AuthMethod::XOAuth2) {
        r.detail = tr("The mail server %1 refused the sign-in token for %2: %3. Sign in to the account again "
                      "in Settings.")
                       .arg(serverName(), m_config.user, reply.toString());
        if (!m_xoauth2Error.isEmpty())
            r.detail += QLatin1Char(' ') + tr("(Server details: %1)").arg(m_xoauth2Error);
    } else {
        r.detail =
            tr("The mail server %1 refused the user name or password for %2: %3. Check the user name and "
               "password in Settings.")
                .arg(serverName(), m_config.user, reply.toString());
    }
    finish(r, Close::Quit);
}

void SmtpClient::afterAuth()
{
    m_signedIn = true;
    if (m_testOnly) {
        finishWith(
            Kind::Delivered, m_lastReply,
            m_config.auth == AuthMethod::None
                ? tr("Connected to %1 successfully.").arg(serverName())
                : tr("Connected to %1 and signed in as %2 successfully.").arg(serverName(), m_config.user),
            Close::Quit);
        return;
    }
    startTransaction();
}

// --- the transaction ------------------------------------------------------

void SmtpClient::startTransaction()
{
    SubmitResult r;
    r.kind = Kind::Permanent;

    if (m_envelope.recipients.isEmpty()) {
        r.reply = synthesised(554, "5.5.1", QStringLiteral("No recipients"));
        r.detail = tr("The message has no recipients, so it was not sent.");
        finish(r, Close::Quit);
        return;
    }
    bool needUtf8 = m_envelope.smtpUtf8 || !isAscii(m_envelope.mailFrom);
    for (const QString& path : std::as_const(m_envelope.recipients)) {
        needUtf8 = needUtf8 || !isAscii(path);
        if (path.isEmpty() || !isSafePath(path)) {
            r.reply = synthesised(553, "5.1.3", QStringLiteral("Invalid recipient address"));
            r.detail =
                tr("The recipient address \"%1\" is not valid, so the message was not sent.").arg(path);
            r.failedRecipient = path;
            finish(r, Close::Quit);
            return;
        }
    }
    if (!isSafePath(m_envelope.mailFrom)) {
        r.reply = synthesised(553, "5.1.7", QStringLiteral("Invalid sender address"));
        r.detail = tr("The sender address \"%1\" is not valid, so the message was not sent.")
                       .arg(m_envelope.mailFrom);
        finish(r, Close::Quit);
        return;
    }

    // An upstream without 8BITMIME gets a 7-bit copy (RFC 6152 3: the
    // sender converts), made by the seam the caller provides.
    if (!m_caps.contains("8BITMIME") && m_config.toSevenBit && hasEightBit(m_content)) {
        if (const std::optional<QByteArray> converted = m_config.toSevenBit(m_content))
            m_content = *converted;
    }

    // RFC 1870: the size of the message as it will be transmitted, without dot-stuffing.
    qint64 size = m_content.size() + bareLineFeeds(m_content);
    if (m_content.isEmpty() || !m_content.endsWith('\n'))
        size += 2;
    if (m_caps.contains("SIZE")) {
        bool ok = false;
        const qint64 limit = m_caps.value("SIZE").toLongLong(&ok);
        if (ok && limit > 0 && size > limit) {
            r.reply =
                synthesised(552, "5.3.4", QStringLiteral("Message size exceeds fixed maximum message size"));
            const auto megabytes = [](qint64 bytes) {
                return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
            };
            r.detail =
                tr("The message is %1 MB, but the mail server %2 accepts at most %3 MB. It was not sent; "
                   "make it smaller (for example by sharing large attachments as a link).")
                    .arg(megabytes(size), serverName(), megabytes(limit));
            finish(r, Close::Quit);
            return;
        }
    }
    const bool eightBit = hasEightBit(m_content);
    if (eightBit && !m_caps.contains("8BITMIME")) {
        r.reply = synthesised(554, "5.6.3", QStringLiteral("Conversion required but not supported"));
        r.detail =
            tr("The message contains 8-bit text, but the mail server %1 does not accept 8-bit messages "
               "(8BITMIME). It was not sent.")
                .arg(serverName());
        finish(r, Close::Quit);
        return;
    }
    if (needUtf8 && !m_caps.contains("SMTPUTF8")) {
        r.reply =
            synthesised(553, "5.6.7", QStringLiteral("Non-ASCII addresses not supported by the server"));
        r.detail = tr("The message uses addresses with non-ASCII characters, but the mail server %1 does not "
                      "support them (SMTPUTF8). It was not sent; use plain ASCII addresses.")
                       .arg(serverName());
        finish(r, Close::Quit);
        return;
    }

    QByteArray mail = "MAIL FROM:<" + m_envelope.mailFrom.toUtf8() + '>';
    if (m_caps.contains("SIZE"))
        mail += " SIZE=" + QByteArray::number(size);
    if ((eightBit || m_envelope.eightBitMime) && m_caps.contains("8BITMIME"))
        mail += " BODY=8BITMIME";
    if (needUtf8)
        mail += " SMTPUTF8";

    m_state = State::Envelope;
    m_repliesSeen = 0;
    m_rcptSent = 0;
    m_pipelining = m_caps.contains("PIPELINING");
    if (m_pipelining) {
        // RFC 2920: MAIL and every RCPT in one write, replies read in order.
        // DATA waits until every recipient is accepted, so a refused one
        // never leaves a half-sent transaction behind.
        QByteArray batch = mail + "\r\n";
        for (const QString& rcpt : std::as_const(m_envelope.recipients))
            batch += "RCPT TO:<" + rcpt.toUtf8() + ">\r\n";
        m_rcptSent = m_envelope.recipients.size();
        qCDebug(lcUpstream).noquote()
            << serverName() << "C:" << mail << "+" << m_rcptSent << "RCPT (pipelined)";
        m_socket->write(batch);
        expectReply("MAIL FROM");
    } else {
        send(mail, "MAIL FROM");
    }
}

void SmtpClient::sendRcpt(qsizetype index)
{
    m_rcptSent = index + 1;
    send("RCPT TO:<" + m_envelope.recipients.at(index).toUtf8() + '>', "RCPT TO");
}

void SmtpClient::onEnvelopeReply(const Reply& reply)
{
    const qsizetype index = m_repliesSeen++;
    const qsizetype count = m_envelope.recipients.size();
    if (reply.code == 421) {
        failReply(reply,
                  tr("The mail server %1 closed the connection: %2. The message will be tried again.")
                      .arg(serverName(), reply.toString()),
                  Close::Abort);
        return;
    }
    if (index == 0) { // MAIL FROM
        if (reply.isPositive()) {
            m_mailAccepted = true;
            if (!m_pipelining)
                sendRcpt(0);
            else
                expectReply("RCPT TO");
            return;
        }
        if (reply.code == 530) {
            finishWith(
                Kind::Configuration, reply,
                tr("The mail server %1 requires sign-in or encryption before it accepts mail: %2. Check "
                   "the security and sign-in settings.")
                    .arg(serverName(), reply.toString()),
                Close::Quit);
            return;
        }
        if (reply.isTransient()) {
            failReply(reply,
                      tr("The mail server %1 did not accept the sender right now: %2. The message will be "
                         "tried again.")
                          .arg(serverName(), reply.toString()));
            return;
        }
        failReply(reply, tr("The mail server %1 refused the sender %2: %3")
                             .arg(serverName(), m_envelope.mailFrom, reply.toString()));
        return;
    }

    const QString& rcpt = m_envelope.recipients.at(index - 1);
    if (!reply.isPositive() || reply.code >= 300) {
        // Prefer a permanent refusal: retrying cannot help that recipient.
        if (m_failedRecipient.isEmpty() || (reply.isPermanent() && !m_rcptFailurePermanent)) {
            m_rcptFailure = reply;
            m_failedRecipient = rcpt;
            m_rcptFailurePermanent = reply.isPermanent();
        }
    }
    if (index < count) {
        if (!m_pipelining)
            sendRcpt(index);
        else
            expectReply("RCPT TO");
        return;
    }
    if (!m_failedRecipient.isEmpty()) {
        SubmitResult r;
        r.kind = m_rcptFailurePermanent ? Kind::Permanent : Kind::Temporary;
        r.reply = m_rcptFailure;
        r.failedRecipient = m_failedRecipient;
        r.detail =
            m_rcptFailurePermanent
                ? tr("The mail server %1 refused the recipient %2: %3. The message was not sent to anyone.")
                      .arg(serverName(), m_failedRecipient, m_rcptFailure.toString())
                : tr("The mail server %1 did not accept the recipient %2 right now: %3. The message was not "
                     "sent to anyone; it will be tried again.")
                      .arg(serverName(), m_failedRecipient, m_rcptFailure.toString());
        finish(r, Close::RsetQuit);
        return;
    }
    m_state = State::Data;
    send("DATA", "DATA");
}

void SmtpClient::onData(const Reply& reply)
{
    if (reply.code == 354) {
        m_state = State::Body;
        m_bodyPos = 0;
        m_step = "message";
        m_timer->start(qMax(1, m_config.commandTimeoutMs));
        writeBody();
        return;
    }
    if (reply.code == 421 || reply.isTransient()) {
        failReply(reply,
                  tr("The mail server %1 did not accept the message right now: %2. It will be tried again.")
                      .arg(serverName(), reply.toString()),
                  reply.code == 421 ? Close::Abort : Close::RsetQuit);
        return;
    }
    failReply(reply, tr("The mail server %1 refused the message: %2").arg(serverName(), reply.toString()),
              Close::RsetQuit);
}

void SmtpClient::writeBody()
{
    if (m_state != State::Body || !m_socket)
        return;
    const char* p = m_content.constData();
    const qint64 n = m_content.size();
    // The content is written straight from the caller's buffer; only the
    // stuffed dots and the CR of a bare LF are inserted (RFC 5321 4.5.2).
    while (m_bodyPos < n && pendingBytes() < kHighWater) {
        const qint64 end = qMin(n, m_bodyPos + kBodyChunk);
        qint64 segment = m_bodyPos;
        qint64 i = m_bodyPos;
        while (i < end) {
            if (p[i] == '.' && (i == 0 || p[i - 1] == '\n')) {
                m_socket->write(p + segment, i - segment);
                m_socket->write(".", 1);
                segment = i;
            }
            const void* found = std::memchr(p + i, '\n', size_t(end - i));
            if (!found)
                break;
            const qint64 nl = static_cast<const char*>(found) - p;
            if (nl == 0 || p[nl - 1] != '\r') {
                m_socket->write(p + segment, nl - segment);
                m_socket->write("\r", 1);
                segment = nl;
            }
            i = nl + 1;
        }
        m_socket->write(p + segment, end - segment);
        m_bodyPos = end;
    }
    if (m_bodyPos < n)
        return; // onWritten() continues
    QByteArray tail;
    if (n == 0 || p[n - 1] != '\n')
        tail = "\r\n";
    tail += ".\r\n";
    m_socket->write(tail);
    m_dotQueued = true;
    m_state = State::FinalReply;
    m_step = "end of message";
    m_timer->start(qMax(1, m_config.commandTimeoutMs));
    m_socket->flush();
    checkDotFlushed();
}

void SmtpClient::onFinalReply(const Reply& reply)
{
    m_dotFlushed = true; // answered, so it arrived
    if (reply.isPositive() && reply.code < 300) {
        finishWith(Kind::Delivered, reply, tr("Sent through %1.").arg(serverName()), Close::Quit);
        return;
    }
    if (reply.code == 421 || reply.isTransient()) {
        failReply(reply,
                  tr("The mail server %1 did not accept the message right now: %2. It will be tried again.")
                      .arg(serverName(), reply.toString()),
                  reply.code == 421 ? Close::Abort : Close::Quit);
        return;
    }
    failReply(reply, tr("The mail server %1 refused the message: %2").arg(serverName(), reply.toString()));
}

// --- helpers -------------------------------------------------------------

void SmtpClient::send(const QByteArray& line, const char* step, bool secret)
{
    // Credentials are never logged; the rest of the dialogue only at debug level.
    qCDebug(lcUpstream).noquote() << serverName() << "C:" << (secret ? QByteArray("<credentials>") : line);
    m_socket->write(line + "\r\n");
    expectReply(step);
}

void SmtpClient::expectReply(const char* step)
{
    m_step = step;
    m_timer->start(qMax(1, m_config.commandTimeoutMs));
}

qint64 SmtpClient::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() : 0;
}

void SmtpClient::checkDotFlushed()
{
    if (m_dotQueued && m_socket && pendingBytes() == 0)
        m_dotFlushed = true;
}

void SmtpClient::failConnectionLost()
{
    checkDotFlushed();
    SubmitResult r;
    r.kind = Kind::Temporary;
    const QString text = m_socket ? m_socket->errorString() : QString();
    if (m_dotFlushed) {
        r.reply = synthesised(421, "4.4.2", QStringLiteral("Connection lost after the end of the message"));
        r.detail =
            tr("The connection to %1 was lost after the message was sent, before the server confirmed it. "
               "It may or may not have been delivered.")
                .arg(serverName());
    } else {
        r.reply = synthesised(421, "4.4.2", QStringLiteral("Connection lost: %1").arg(text));
        r.detail =
            tr("The connection to the mail server %1 was lost (%2). The message was not sent; it will be "
               "tried again.")
                .arg(serverName(), text);
    }
    finish(r, Close::Abort);
}

void SmtpClient::failProtocol(const QString& what)
{
    finishWith(Kind::Temporary, synthesised(451, "4.5.0", QStringLiteral("SMTP protocol error")),
               tr("The mail server %1 sent something unexpected (%2). The message will be tried again.")
                   .arg(serverName(), what),
               Close::Abort);
}

void SmtpClient::failReply(const Reply& reply, const QString& detail, Close close)
{
    finishWith(reply.isPermanent() ? Kind::Permanent : Kind::Temporary, reply, detail, close);
}

void SmtpClient::finishWith(Kind kind, const Reply& reply, const QString& detail, Close close)
{
    SubmitResult r;
    r.kind = kind;
    r.reply = reply;
    r.detail = detail;
    finish(r, close);
}

void SmtpClient::finish(SubmitResult result, Close close)
{
    if (!m_busy || m_finishing)
        return;
    m_finishing = true;
    m_timer->stop();
    checkDotFlushed();
    result.dataSent = result.kind == Kind::Delivered || m_dotFlushed;
    // On a kept session, a close or a refusal before MAIL FROM was accepted is
    // the connection's, not the message's (never once the "." may have left).
    result.staleConnection = m_reused && !m_mailAccepted && !result.dataSent &&
                             (result.reply.code == 421 || result.reply.code == 530);

    if (m_testOnly) {
        qCInfo(lcUpstream).noquote() << "connection test" << serverName() << kindName(result.kind)
                                     << result.reply.toString();
    } else {
        qCInfo(lcUpstream).noquote() << "submission to" << serverName() << kindName(result.kind)
                                     << result.reply.toString() << "|" << m_envelope.recipients.size()
                                     << "recipient(s)," << m_content.size() << "bytes"
                                     << (result.dataSent ? "(data sent)" : "(data not sent)")
                                     << (m_reused ? "(reused connection)" : "")
                                     << (result.failedRecipient.isEmpty()
                                             ? QString()
                                             : QStringLiteral("refused: ") + result.failedRecipient);
    }

    // A session that is signed in and between transactions stays open for
    // the next message; never after a timeout, a lost or refused connection,
    // a settings problem, or with pipelined replies still on the way.
    const bool repliesPending = m_state == State::Envelope && m_pipelining && m_repliesSeen < 1 + m_rcptSent;
    const bool keep = m_keepOpen && !m_testOnly && m_signedIn && close != Close::Abort &&
                      result.kind != Kind::Configuration && !repliesPending && m_socket &&
                      m_socket->state() == QAbstractSocket::ConnectedState;
    if (keep) {
        keepSession(close == Close::RsetQuit);
    } else {
        retireSocket(close);
        m_state = State::Idle;
        m_signedIn = false;
    }
    m_content = QByteArray();
    m_config.secret.clear();
    // Always queued: never from inside submit(), and the receiver may start
    // the next submission or delete this object from its slot.
    QTimer::singleShot(0, this, [this, result] {
        m_busy = false;
        m_finishing = false;
        if (m_state == State::Ready || m_state == State::Resetting) {
            // What arrived meanwhile was not read: the RSET reply, or a close.
            if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState) {
                m_timer->stop();
                retireSocket(Close::Abort);
                m_state = State::Idle;
                m_signedIn = false;
            } else if (m_socket && m_socket->bytesAvailable() > 0) {
                onReadyRead();
            }
        }
        emit finished(result);
    });
}

void SmtpClient::retireSocket(Close close)
{
    QSslSocket* socket = m_socket;
    m_socket = nullptr;
    m_in.clear();
    m_replyLines.clear();
    if (!socket)
        return;
    socket->disconnect(this);
    if (close != Close::Abort && socket->state() == QAbstractSocket::ConnectedState &&
        (m_config.security != Security::Tls || socket->isEncrypted())) {
        // Say goodbye, but do not wait long for the 221.
        socket->write(close == Close::RsetQuit ? "RSET\r\nQUIT\r\n" : "QUIT\r\n");
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            const QByteArray data = socket->readAll();
            if (data.startsWith("221") || data.contains("\n221"))
                socket->disconnectFromHost();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kQuitGraceMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        return;
    }
    // abort() drops anything still buffered, so a "." that has not gone out
    // never will. It may run inside one of the socket's own signals, where
    // deleting it is not allowed, hence deleteLater().
    socket->abort();
    socket->deleteLater();
}

} // namespace Smtp
