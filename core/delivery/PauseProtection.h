#pragma once

#include <QDateTime>
#include <QObject>
#include <functional>

class QTimer;

namespace Delivery {

class Dispatcher;

// "Pause protection": for a chosen time, messages are sent without review.
// The pause always ends by itself (checked against the wall clock, so a
// laptop that slept through the end resumes protection when it wakes) and is
// never remembered across a restart: a restarted Yubisashi protects again.
// A rule over the review setting (it sets Dispatcher::setReviewOverride and
// obeys the administrator's allow_pause), so it lives with the hop and is
// tested without windows.
class PauseProtection : public QObject
{
    Q_OBJECT
public:
    explicit PauseProtection(Dispatcher* dispatcher, QObject* parent = nullptr);
    ~PauseProtection() override;

    // false, and protection stays on, when pausing is not allowed or until is not in the future.
    bool pauseUntil(const QDateTime& until);
    void resume();
    bool isPaused() const { return m_until.isValid(); }
    // Whether pausing is allowed at all: the administrator's policy may forbid
    // it (Settings::AdminPolicy::allows, allow_pause). Forbidding it ends a pause.
    void setAllowed(bool allowed);
    bool isAllowed() const { return m_allowed; }
    QDateTime until() const { return m_until; } // UTC; invalid when not paused

    // Seam for tests: the current time (UTC).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Seam for tests: how often the wall clock is compared with the end.
    void setCheckInterval(int milliseconds) { m_checkMs = milliseconds; }

signals:
    void changed(bool paused, const QDateTime& untilUtc);
    // The pause ran out (not ended by the person).
    void expired();

private:
    QDateTime now() const;
    void check();
    void arm();

    Dispatcher* m_dispatcher;
    QTimer* m_timer = nullptr;
    QDateTime m_until;
    std::function<QDateTime()> m_clock;
    int m_checkMs = 30 * 1000;
    bool m_allowed = true;
};

} // namespace Delivery
