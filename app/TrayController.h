#pragma once

#include "spool/Entry.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace Delivery {
class Dispatcher;
class PauseProtection;
} // namespace Delivery
namespace Spool {
class Queue;
}
namespace Ui {
class DialogDecisionProvider;
class HistoryWindow;
class MainWindow;
class QueueModel;
class QueueWindow;
class StoreHistorySource;
class AboutDialog;
class TrayIcon;
} // namespace Ui

// What a person sees besides the review window: the tray icon with the
// state of the queue, its menu and notifications. Without a system tray the
// review window still opens, a small main window takes the tray's place,
// and notices go to the log. The queue and history windows open from either.
class TrayController : public QObject
{
    Q_OBJECT
public:
    // historyPath: the recipient history file the History window reads.
    TrayController(Delivery::Dispatcher* dispatcher, Ui::DialogDecisionProvider* reviews, Spool::Queue* spool,
                   const QString& historyPath, QObject* parent = nullptr);
    ~TrayController() override;

    // A second start of Yubisashi asked this one to show itself.
    void bringToFront();
    // false: the administrator's policy does not allow Pause protection.
    void setPauseAllowed(bool allowed);
    // What the About window's "Open log folder" opens and "Copy diagnostics" copies.
    void setDiagnostics(const QString& logFolder, std::function<QString()> diagnostics);
    // A notification from outside the queue (certificate reminders); a click on
    // it calls onClick. Without a tray it goes to the log.
    void showNotice(const QString& title, const QString& text, std::function<void()> onClick = {});

signals:
    void settingsRequested();

private:
    void onStateChanged(const Spool::Entry& entry);
    void updateTray();
    void showAbout();
    void openQueue(const QString& id = {});
    void openHistory();
    void onPauseRequested(bool pause);
    void quit();
    void createMainWindow();
    void createTray();

    // How long a missing system tray is looked for again after start.
    static constexpr int TrayWaitIntervalMs = 1000;
    static constexpr int TrayWaitAttempts = 15;

    Delivery::Dispatcher* m_dispatcher;
    Ui::DialogDecisionProvider* m_reviews;
    Ui::TrayIcon* m_tray = nullptr;
    QHash<QString, Spool::State> m_states; // unfinished messages by id
    bool m_error = false;
    QString m_lastError;

    Ui::QueueModel* m_queueModel = nullptr; // shared by the queue window and the main window's counts
    std::unique_ptr<Ui::QueueWindow> m_queueWindow;
    std::unique_ptr<Ui::StoreHistorySource> m_historySource;
    std::unique_ptr<Ui::HistoryWindow> m_historyWindow;
    std::unique_ptr<Ui::MainWindow> m_mainWindow; // only without a system tray
    Delivery::PauseProtection* m_pause = nullptr;
    QString m_historyPath;
    QString m_lastNoticeId;               // what a click on the last notification opens
    std::function<void()> m_noticeAction; // or this, for the last showNotice()
    QString m_logFolder;
    std::function<QString()> m_diagnostics;
    QPointer<Ui::AboutDialog> m_about;
};
