#pragma once

#include <QSystemTrayIcon>
#include <memory>

class QAction;
class QMenu;

namespace Ui {

// The tray icon: what Yubisashi is doing at a glance, a menu to its windows,
// and notifications. The menu only emits signals; the app decides what opens.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        ReviewWaiting,
        Sending,
        Error,
        Paused
    };
    Q_ENUM(State)
    enum class Action
    {
        Queue,
        History,
        Settings,
        Pause,
        About,
        Quit
    };

    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    State state() const { return m_state; }
    // detail: one line for the tooltip, e.g. "2 messages wait for review".
    // count: for ReviewWaiting, how many wait; drawn on the icon's badge.
    void setState(State state, const QString& detail = {}, int count = 0);
    void showNotice(const QString& title, const QString& text, bool isError = false);
    // false: the administrator does not allow pausing; the entry is greyed out and says why.
    void setPauseAllowed(bool allowed);
    // For enabling the entries of windows that exist, and for tests.
    QAction* action(Action which) const;

    static QString iconName(State state);
    // The icon of a state; with count > 0 (ReviewWaiting) the number, up
    // to "9+", is drawn on its badge.
    static QIcon stateIcon(State state, int count = 0);

signals:
    void queueRequested();
    void historyRequested();
    void settingsRequested();
    void pauseToggled(bool paused);
    void aboutRequested();
    void quitRequested();
    // A click on the icon itself.
    void openRequested();

private:
    QString stateText(State state) const;

    State m_state = State::Idle;
    std::unique_ptr<QMenu> m_menu; // QMenu cannot have a QObject parent
    QAction* m_queue = nullptr;
    QAction* m_history = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_about = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace Ui
