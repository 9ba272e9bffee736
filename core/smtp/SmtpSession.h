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
// closeRequested() asks the transport to flush and close.
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

    QString authenticatedUser() const { return m_authUser; }
    bool isWaitingForAnswer() const { return m_state == State::WaitingForAnswer; }
    bool isClosed() const { return m_state == State::Closed; }

signals:
    void output(const QByteArray& bytes);
    void closeRequested();
    // content: the message as received, dot-unstuffed, CRLF line endings.
    void messageReceived(const Smtp::Envelope& envelope, const QByteArray& content, const QString& authUser);

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
    qsizetype maxPendingInput() const;

    SessionConfig m_config;
    const Authenticator* m_auth = nullptr;
    State m_state = State::Greeting;
    QByteArray m_in;       // unprocessed input starts at m_inPos
    qsizetype m_inPos = 0; // an offset instead of erasing per line keeps pipelined input linear
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
    Envelope m_envelope;
    QSet<QString> m_recipientSet; // the envelope's recipients, for duplicates in O(1)
    QByteArray m_data;
    qint64 m_dataSize = 0;         // counted even after m_data stopped growing
    qint64 m_lineLength = 0;       // octets of the current DATA line so far
    bool m_lineStartsClean = true; // the previous DATA line ended in CRLF (or DATA just began)
    bool m_inHeaders = true;
    qint64 m_headerBytes = 0;
    bool m_dataTooBig = false;
    bool m_dataBareLineEnd = false;
    bool m_dataNul = false;
    bool m_data8bit = false;
    bool m_dataLongLine = false;
    bool m_headersTooBig = false;
    QTimer* m_authTimer = nullptr;
};

} // namespace Smtp
