#pragma once

#include "smtp/Envelope.h"
#include "smtp/SubmitResult.h"
#include "smtp/UpstreamConfig.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class QHostAddress;
class QSslError;
class QSslSocket;
class QTimer;

namespace Smtp {

// Submits one message to an upstream server (RFC 6409) and reports one
// SubmitResult. TLS is verified against the system store plus the optional
// caFile; there is no way to ignore certificate errors. A STARTTLS that the
// configuration asks for but the server does not offer is a Configuration
// failure, never a downgrade. Uses PIPELINING when offered, checks SIZE before
// sending, and passes BODY=8BITMIME / SMTPUTF8 when the envelope needs them.
// Any refused recipient aborts the whole transaction (RSET), so a message is
// delivered to all of its recipients or to none.
//
// With setKeepOpen(true) (UpstreamPool) the signed-in session outlives a
// message that was delivered or cleanly refused (RSET after a refused
// transaction): the next submit() starts at MAIL FROM. If that reused session
// fails before the server accepted MAIL FROM (closed, 421, 530), the result
// says staleConnection: nothing of the message was taken, and the caller may
// try once more on a new connection. An idle session that the server closes
// (421, disconnect), or that stays idle for the idle timeout (then QUIT), ends
// with closed().
class SmtpClient : public QObject
{
    Q_OBJECT
public:
    explicit SmtpClient(QObject* parent = nullptr);
    ~SmtpClient() override;

    // Starts the submission; finished() is emitted exactly once, asynchronously.
    void submit(const UpstreamConfig& config, const Envelope& envelope, const QByteArray& content);
    // Stops before the final "." if it has not been sent yet; finished() is then
    // emitted with kind Temporary and dataSent false.
    void abort();
    bool isBusy() const { return m_busy; }

    // Keep the session open after each message (see above); off by default.
    void setKeepOpen(bool keep) { m_keepOpen = keep; }
    // How long an open session may stay idle before it is ended with QUIT.
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }
    // A signed-in session is open and idle: the next submit() reuses it when
    // its config names the same server, security, sign-in method and user.
    bool isOpen() const;
    // Ends an open idle session with QUIT (closed() follows).
    void close();

    // A short connection check for Settings: connect, TLS, EHLO, AUTH, QUIT.
    void testConnection(const UpstreamConfig& config);

    // Whether signing in must be refused on a connection to peer: it would send
    // the password or token unencrypted (not encrypted, security none) to a
    // server that is not on this computer, and the account does not allow that
    // (allowPlaintextAuth). The refusal is a Configuration failure; nothing of
    // the credentials is sent.
    static bool refusesPlaintextAuth(const UpstreamConfig& config, bool encrypted, const QHostAddress& peer);

signals:
    void finished(const Smtp::SubmitResult& result);
    // An open idle session ended (server closed it, idle timeout, close()).
    void closed();

private:
    enum class State
    {
        Idle,
        Connecting, // TCP connect (and, for implicit TLS, the handshake)
        Greeting,   // waiting for 220
        Ehlo,
        Helo,         // EHLO was refused with 5xx
        StartTls,     // waiting for 220 to STARTTLS
        TlsHandshake, // STARTTLS handshake
        Auth,
        Envelope,   // MAIL FROM and RCPT TO replies
        Data,       // waiting for 354
        Body,       // streaming the content
        FinalReply, // "." sent, waiting for the verdict
        Resetting,  // kept open: RSET after a refused transaction, waiting for its 250
        Ready,      // kept open: signed in, between messages
    };
    // What to do with the connection once the outcome is known.
    enum class Close
    {
        Abort,
        Quit,
        RsetQuit
    };

    void start(const UpstreamConfig& config, bool testOnly);
    void resetTransaction();
    bool sameSession(const UpstreamConfig& config) const;
    // The kept session after a message: idle (Ready), or RSET first.
    void keepSession(bool reset);
    void onReset(const Reply& reply);
    void endIdleSession(Close close);
    bool configureTls(QString* error);

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSslErrors(const QList<QSslError>& errors);
    void onSocketError();
    void onDisconnected();
    // Reads what is left on a closing connection; true when it decided the outcome.
    bool readLastReplies();
    void onWritten();
    void onTimeout();

    void processInput();
    bool takeReplyLine(const QByteArray& line, bool* complete);
    void handleReply(const Reply& reply);
    void onGreeting(const Reply& reply);
    void onEhlo(const Reply& reply);
    void afterEhlo();
    void onStartTls(const Reply& reply);
    void startAuth();
    void onAuth(const Reply& reply);
    void afterAuth();
    void startTransaction();
    void onEnvelopeReply(const Reply& reply);
    void sendRcpt(qsizetype index);
    void onData(const Reply& reply);
    void writeBody();
    void onFinalReply(const Reply& reply);

    void send(const QByteArray& line, const char* step, bool secret = false);
    void expectReply(const char* step);
    qint64 pendingBytes() const;
    void checkDotFlushed();

    void failConnectionLost();
    void failProtocol(const QString& what);
    void failReply(const Reply& reply, const QString& detail, Close close = Close::Quit);
    void finishWith(SubmitResult::Kind kind, const Reply& reply, const QString& detail, Close close);
    void refuseWhileBusy(const QString& detail);
    void finish(SubmitResult result, Close close);
    void retireSocket(Close close);

    QString serverName() const;

    UpstreamConfig m_config;
    Envelope m_envelope;
    QByteArray m_content; // shared with the caller's copy: never detached
    bool m_testOnly = false;

    QSslSocket* m_socket = nullptr;
    QTimer* m_timer = nullptr;
    State m_state = State::Idle;
    const char* m_step = "";  // the command whose reply is awaited, for messages
    bool m_finishing = false; // the outcome is decided; finished() is queued

    QByteArray m_in; // received bytes not yet parsed
    QList<QByteArray> m_replyLines;
    int m_replyCode = 0;
    Reply m_lastReply;

    QHash<QByteArray, QByteArray> m_caps; // EHLO keyword (upper case) -> parameters
    QStringList m_sslErrors;
    int m_authStep = 0;
    QString m_xoauth2Error;

    bool m_pipelining = false;
    qsizetype m_rcptSent = 0;    // RCPT commands written
    qsizetype m_repliesSeen = 0; // MAIL and RCPT replies read
    Reply m_rcptFailure;
    QString m_failedRecipient;
    bool m_rcptFailurePermanent = false;

    qint64 m_bodyPos = 0;
    bool m_dotQueued = false;  // the final "." is in the socket's buffer
    bool m_dotFlushed = false; // ... and has been handed to the operating system

    bool m_busy = false;

    bool m_keepOpen = false;
    int m_idleTimeoutMs = 30000;
    bool m_signedIn = false;     // this session got past EHLO, TLS and AUTH
    bool m_reused = false;       // this submission runs on a session kept from an earlier one
    bool m_mailAccepted = false; // the server accepted MAIL FROM of this submission
};

} // namespace Smtp
