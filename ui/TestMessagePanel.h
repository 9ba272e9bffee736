#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Smtp {
class TestMessageWatcher;
}

namespace Ui {

// "Send a test message": waits for the next message from the person's mail
// program and says what came ("Received from Thunderbird 115 ✓") or what went
// wrong (a wrong password), so they know the setup works before real mail.
// The message itself goes on as any other. Shown on the wizard's last page and
// in Settings › Mail programs.
class TestMessagePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TestMessagePanel(QWidget* parent = nullptr);

    // The application's watcher; null when the listener does not run (then the
    // panel says so and its button is off).
    void setWatcher(Smtp::TestMessageWatcher* watcher);
    void startWaiting();
    // Says why there is nothing to wait with (the listener could not start).
    void setProblem(const QString& text);
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }
    QString statusText() const;
    bool isWaiting() const;

    static constexpr int DefaultTimeoutMs = 10 * 60 * 1000;

private:
    void setStatus(const QString& text);
    void updateButton();

    QPointer<Smtp::TestMessageWatcher> m_watcher;
    QLabel* m_status;
    QPushButton* m_button;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace Ui
