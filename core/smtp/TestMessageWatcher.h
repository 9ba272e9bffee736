#pragma once

#include "smtp/MailProgram.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace Smtp {

class SmtpServer;
struct Envelope;

// "Send a test message": while someone waits (the setup pages), reports the
// next message a mail program hands to the listener: which program, which
// local user (= account), which sender. It only listens: the message goes on
// as any other (review, delivery, test mode), nothing is taken away.
// A failed local AUTH is reported too (the password was copied wrong) and the
// wait goes on, so the person can fix it and send again.
class TestMessageWatcher : public QObject
{
    Q_OBJECT
public:
    struct Arrival
    {
        MailProgram program;
        QString user;     // the local user name it logged in with; empty without AUTH
        QString mailFrom; // the envelope sender
    };

    explicit TestMessageWatcher(SmtpServer* server, QObject* parent = nullptr);

    // Waits for the next message, up to timeoutMs (0 = until stop()).
    // Starting again while waiting restarts the time.
    void start(int timeoutMs);
    void stop();
    bool isWaiting() const { return m_waiting; }
    // The listener is there (the application runs it); false in a wizard started without it.
    bool isAvailable() const { return !m_server.isNull(); }

signals:
    // A message arrived; the wait is over.
    void received(const Smtp::TestMessageWatcher::Arrival& arrival);
    // A mail program tried to log in with a wrong password; still waiting.
    void authenticationFailed(const Smtp::MailProgram& program, const QString& user);
    // Nothing arrived in time; the wait is over.
    void timedOut();
    void waitingChanged(bool waiting);

private:
    void onMessage(const Envelope& envelope, const QByteArray& content, const QString& authUser);
    void onAuthFailed(const QString& user, const QString& heloName);
    void finish();

    QPointer<SmtpServer> m_server;
    QTimer* m_timer;
    bool m_waiting = false;
};

} // namespace Smtp

Q_DECLARE_METATYPE(Smtp::TestMessageWatcher::Arrival)
