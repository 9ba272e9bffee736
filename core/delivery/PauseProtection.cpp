#include "delivery/PauseProtection.h"

#include "delivery/Dispatcher.h"

#include <QLoggingCategory>
#include <QTimer>

// The category keeps its name from when this lived in app/: log filters that name it still work.
Q_LOGGING_CATEGORY(lcPause, "app.pause")

namespace Delivery {

PauseProtection::PauseProtection(Dispatcher* dispatcher, QObject* parent)
    : QObject(parent), m_dispatcher(dispatcher)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &PauseProtection::check);
}

PauseProtection::~PauseProtection() = default;

QDateTime PauseProtection::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void PauseProtection::setAllowed(bool allowed)
{
    m_allowed = allowed;
    if (!allowed)
        resume();
}

bool PauseProtection::pauseUntil(const QDateTime& until)
{
    if (!m_allowed) {
        // The menu entry is disabled too; this is the rule itself, for every other way in.
        qCWarning(lcPause) << "pause refused: the administrator's policy requires a review";
        return false;
    }
    if (!until.isValid() || until <= now()) {
        resume();
        return false;
    }
    m_until = until.toUTC();
    m_dispatcher->setReviewOverride(Settings::ReviewPolicy::Never);
    qCWarning(lcPause).noquote() << "protection paused until" << m_until.toLocalTime().toString(Qt::ISODate)
                                 << "— messages are sent without review";
    arm();
    emit changed(true, m_until);
    return true;
}

void PauseProtection::resume()
{
    m_timer->stop();
    const bool was = isPaused();
    m_until = QDateTime();
    m_dispatcher->setReviewOverride(std::nullopt);
    if (was) {
        qCInfo(lcPause) << "protection resumed";
        emit changed(false, {});
    }
}

void PauseProtection::arm()
{
    // Short steps instead of one long timer: timers stop while a computer sleeps.
    const qint64 left = now().msecsTo(m_until);
    m_timer->start(static_cast<int>(qBound<qint64>(0, left, qint64(m_checkMs))));
}

void PauseProtection::check()
{
    if (!isPaused())
        return;
    if (now() >= m_until) {
        resume();
        emit expired();
        return;
    }
    arm();
}

} // namespace Delivery
