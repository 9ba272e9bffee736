#pragma once

#include "smtp/Envelope.h"
#include "smtp/Reply.h"
#include "smtp/SessionConfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

namespace Smtp {

class Authenticator;

// The inbound SMTP protocol for one connection, with no socket: bytes go in
// through receive(), replies come out through the output() signal. This keeps
// the parser testable and fuzzable without a network.
//
// Lifecycle: start() emits the greeting. When a message is complete (end of
// DATA), messageReceived() is emitted and the session waits, buffering any
// pipelined input, until the owner calls answerData() with the reply to send.
// closeRequested() asks the transport to flush and close. The session's own
// timers (SessionConfig: AUTH deadline, line completion, idle, session time)
// close it with 421 when they run out.
//
// DATA is read as Postfix does with smtpd_forbid_bare_newline = normalize: a
// line ending in a bare LF is taken as if it ended in CRLF, but only
// CRLF "." CRLF ends the message. 8-bit data without BODY=8BITMIME is taken as
// 8BITMIME (the envelope says so). Bare CR and NUL are refused.
class SmtpSession : public QObject
{
    Q_OBJECT
public:
    SmtpSession(const SessionConfig& config, const Authenticator* auth, QObject* parent = nullptr);
    ~SmtpSession() override;

    void start();
    void receive(const QByteArray& bytes);
    // The reply to the end of DATA of the message last announced by messageReceived().
    void answerData(const Reply& reply);
    // Ends the session from outside (the server makes room for another one):
    // says reply and asks to close. Nothing more is read.
    void shutdown(const Reply& reply);

    QString authenticatedUser() const { return m_authUser; }
    bool isWaitingForAnswer() const { return m_state == State::WaitingForAnswer; }
    bool isClosed() const { return m_state == State::Closed; }
    // A working mail client: authenticated, or (when AUTH is not required) it
    // has started a mail transaction. SmtpServer never drops such a session
    // to make room for a new one.
    bool isEstablished() const
    {
        return !m_authUser.isEmpty() || (!m_config.requireAuth && m_transactions > 0);
    }
    // Input bytes taken from the stream so far (the fuzzer's reference model
    // uses it to find where DATA began and ended).
    qint64 inputConsumed() const { return m_consumed + m_inPos; }

signals:
    void output(const QByteArray& bytes);
    void closeRequested();
    // content: the message as received, dot-unstuffed, CRLF line endings.
    void messageReceived(const Smtp::Envelope& envelope, const QByteArray& content, const QString& authUser);
    // A failed AUTH, when its delayed 535 (or the closing 421) goes out: the
    // user name tried and the client's EHLO name, for a person watching the setup.
    void authenticationFailed(const QString& user, const QString& heloName);

private:
    enum class State
    {
        Greeting,
        Command,
        Data,
        AuthPlain,
        AuthLoginUser,
        AuthLoginPassword,
        AuthDelay,
        WaitingForAnswer,
        Closed
    };
    void processInput();
    bool processLine(); // one command or AUTH response line; false when more input is needed
    bool processData(); // one DATA segment; false when more input is needed
    void handleCommandLine(const QByteArray& line);
    void handleAuthResponse(const QByteArray& line);
    void startAuth(QByteArrayView args);
    void handleMail(QByteArrayView args);
    void handleRcpt(QByteArrayView args);
    void finishData();
    void rejectData(int code, const char* enhanced, const QString& text);
    void finishAuth(const QString& user, const QString& password, bool wellFormed);
    void authDelayElapsed();
    void reply(int code, const char* enhanced, const QString& text);
    // A client mistake: replies, and closes the session with 421 when there were too many.
    void fail(int code, const char* enhanced, const QString& text);
    void resetTransaction();
    void closeWith(int code, const char* enhanced, const QString& text);
    void stopTimers();
    void restartIdle();
    void updateLineTimer();
    void timedOut(const char* what, const char* enhanced, const QString& text);
    qsizetype maxPendingInput() const;

    SessionConfig m_config;
    const Authenticator* m_auth = nullptr;
    State m_state = State::Greeting;
    QByteArray m_in;                  // unprocessed input starts at m_inPos
    qsizetype m_inPos = 0;            // an offset instead of erasing per line keeps pipelined input linear
    qint64 m_consumed = 0;            // bytes already removed from the front of m_in
    quint64 m_linesCompleted = 0;     // every complete line (command, AUTH response, DATA)
    quint64 m_lineTimerStartedAt = 0; // m_linesCompleted when the line timer was started
    bool m_processing = false;
    bool m_discardingLine = false; // after "Line too long": skip up to the next LF
    QString m_heloName;
    bool m_esmtp = false;
    QString m_authUser;
    QString m_pendingLoginUser;
    QString m_failedAuthUser; // for the log line of a delayed failure
    int m_errors = 0;
    int m_authFailures = 0;
    bool m_haveMail = false;
    int m_transactions = 0; // MAIL commands accepted
    Envelope m_envelope;
    QSet<QString> m_recipientSet; // the envelope's recipients, for duplicates in O(1)
    QByteArray m_data;
    qint64 m_dataSize = 0;         // counted even after m_data stopped growing
    qint64 m_lineLength = 0;       // octets of the current DATA line so far
    bool m_lineStartsClean = true; // the previous DATA line ended in CRLF (or DATA just began)
    bool m_inHeaders = true;
    qint64 m_headerBytes = 0;
    bool m_dataTooBig = false;
    bool m_dataBareCr = false;
    bool m_dataNul = false;
    bool m_data8bit = false;
    int m_dataBareLf = 0; // lines that ended in a bare LF (read as CRLF)
    bool m_dataLongLine = false;
    bool m_headersTooBig = false;
    bool m_sessionExpired = false;    // maxSessionMs ran out while the client waited for its reply
    QTimer* m_authTimer = nullptr;    // the delayed answer to a failed AUTH
    QTimer* m_authDeadline = nullptr; // authTimeoutMs
    QTimer* m_lineTimer = nullptr;    // lineTimeoutMs
    QTimer* m_idleTimer = nullptr;    // idleTimeoutMs
    QTimer* m_sessionTimer = nullptr; // maxSessionMs
};

} // namespace Smtp
