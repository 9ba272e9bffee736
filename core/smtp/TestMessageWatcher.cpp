#include "smtp/TestMessageWatcher.h"

#include "smtp/Envelope.h"
#include "smtp/SmtpServer.h"

#include <QLoggingCategory>
#include <QTimer>

namespace Smtp {

namespace {
Q_LOGGING_CATEGORY(lcSmtp, "smtp")
}

TestMessageWatcher::TestMessageWatcher(SmtpServer* server, QObject* parent)
    : QObject(parent), m_server(server), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_waiting)
            return;
        finish();
        emit timedOut();
    });
    if (server) {
        // Connected before the application's own handler is not required: this
        // slot reads the bytes and never answers the PendingReply.
        connect(server, &SmtpServer::messageReceived, this,
                [this](const Envelope& envelope, const QByteArray& content, const QString& authUser,
                       PendingReply*) { onMessage(envelope, content, authUser); });
        connect(server, &SmtpServer::authenticationFailed, this, &TestMessageWatcher::onAuthFailed);
    }
}

void TestMessageWatcher::start(int timeoutMs)
{
    if (timeoutMs > 0)
        m_timer->start(timeoutMs);
    else
        m_timer->stop();
    if (!m_waiting) {
        m_waiting = true;
        emit waitingChanged(true);
    }
}

void TestMessageWatcher::stop()
{
    if (m_waiting)
        finish();
}

void TestMessageWatcher::finish()
{
    m_timer->stop();
    m_waiting = false;
    emit waitingChanged(false);
}

void TestMessageWatcher::onMessage(const Envelope& envelope, const QByteArray& content,
                                   const QString& authUser)
{
    if (!m_waiting)
        return;
    Arrival arrival{MailProgram::identify(envelope.heloName, content), authUser, envelope.mailFrom};
    qCInfo(lcSmtp).noquote() << "test message received from" << arrival.program.displayName() << "user"
                             << (authUser.isEmpty() ? QStringLiteral("-") : authUser);
    finish();
    emit received(arrival);
}

void TestMessageWatcher::onAuthFailed(const QString& user, const QString& heloName)
{
    if (!m_waiting)
        return;
    // Before AUTH there is no message to read: the EHLO name is all there is.
    emit authenticationFailed(MailProgram::identify(heloName, QString(), QString()), user);
}

} // namespace Smtp
