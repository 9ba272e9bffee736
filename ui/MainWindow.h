#pragma once

#include "TrayIcon.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Ui {

// The small window shown instead of the tray icon when the desktop has no
// system tray: what Yubisashi is doing, how many messages wait, and the same
// entries as the tray menu. Closing it minimises it, because Yubisashi must
// keep running for mail to go out; Quit stops it.
class MainWindow : public QWidget
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void setState(TrayIcon::State state, const QString& detail = {});
    TrayIcon::State state() const { return m_state; }
    // reviewing: open reviews; onItsWay: being sent or waiting for a retry;
    // attention: held or failed, waiting for the person.
    void setCounts(int reviewing, int onItsWay, int attention);
    void setPaused(bool paused, const QDateTime& untilUtc = {});
    // false: the administrator does not allow pausing; the button is greyed out and says why.
    void setPauseAllowed(bool allowed);
    void setSettingsAvailable(bool available);

signals:
    void queueRequested();
    void historyRequested();
    void settingsRequested();
    // true: the person wants to pause protection; false: resume it.
    void pauseRequested(bool pause);
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    static QString stateTitle(TrayIcon::State state);
    void fitContents();

    TrayIcon::State m_state = TrayIcon::State::Idle;
    bool m_paused = false;
    bool m_pauseAllowed = true;
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_reviewing = nullptr;
    QLabel* m_onItsWay = nullptr;
    QLabel* m_attention = nullptr;
    QPushButton* m_queue = nullptr;
    QPushButton* m_history = nullptr;
    QPushButton* m_settings = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_quit = nullptr;
};

} // namespace Ui
