#include "TrayController.h"

#include "AboutDialog.h"
#include "DialogDecisionProvider.h"
#include "DispatcherQueueActions.h"
#include "HistoryWindow.h"
#include "MainWindow.h"
#include "PauseDialog.h"
#include "QueueModel.h"
#include "QueueWindow.h"
#include "ReviewDialog.h"
#include "StoreHistorySource.h"
#include "TrayIcon.h"
#include "delivery/Dispatcher.h"
#include "delivery/PauseProtection.h"

#include <QApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QPixmapCache>
#include <QSystemTrayIcon>
#include <QTimer>
#include <utility>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDesktop, "app.desktop")

TrayController::TrayController(Delivery::Dispatcher* dispatcher, Ui::DialogDecisionProvider* reviews,
                               Spool::Queue* spool, const QString& historyPath, QObject* parent)
    : QObject(parent), m_dispatcher(dispatcher), m_reviews(reviews), m_historyPath(historyPath)
{
    connect(m_dispatcher, &Delivery::Dispatcher::stateChanged, this, &TrayController::onStateChanged);
    connect(m_dispatcher, &Delivery::Dispatcher::removed, this, [this](const QString& id) {
        m_states.remove(id);
        updateTray();
    });
    m_queueModel = new Ui::QueueModel(this);
    m_queueModel->setSource(new Ui::DispatcherQueueActions(m_dispatcher, spool, this));
    connect(m_queueModel, &Ui::QueueModel::countsChanged, this, &TrayController::updateTray);
    m_pause = new Delivery::PauseProtection(m_dispatcher, this);
    connect(m_pause, &Delivery::PauseProtection::changed, this, &TrayController::updateTray);
    connect(m_pause, &Delivery::PauseProtection::expired, this, [this] {
        if (m_tray)
            m_tray->showNotice(tr("Protection is back on"),
                               tr("Messages are reviewed again before they leave."));
    });
    connect(m_reviews, &Ui::DialogDecisionProvider::pendingChanged, this, &TrayController::updateTray);
#ifdef __GLIBC__
    // A review window with many recipients leaves tens of MB in glibc's free
    // lists and the style's pixmap cache; hand them back once no review is
    // open, so idle memory stays small. A second later, so that the closed
    // windows (deleteLater) are really gone by then.
    connect(m_reviews, &Ui::DialogDecisionProvider::pendingChanged, this, [](int count) {
        if (count == 0)
            QTimer::singleShot(1000, [] {
                QPixmapCache::clear();
                malloc_trim(0);
            });
    });
#endif
    // bench/review_latency.py times "end of DATA -> review window" from this line. The signal
    // comes right after show(): the window is built and laid out, but not yet mapped and painted.
    connect(m_reviews, &Ui::DialogDecisionProvider::reviewShown, this,
            [](const QString& id) { qCInfo(lcDesktop).noquote() << "review window shown" << id; });
    connect(m_dispatcher, &Delivery::Dispatcher::notice, this,
            [this](Delivery::Dispatcher::Notice, const QString& id) {
                m_lastNoticeId = id;
                m_noticeAction = {};
            });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        createTray();
        return;
    }
    qInfo("no system tray: a small main window stands in for it; notices go to the log");
    createMainWindow();
    // Started at login, Yubisashi may be up before the panel that holds the
    // tray: look again for a few seconds (as KeePassXC does) and move into the
    // tray when it appears. Only at start: idle, nothing polls.
    auto* wait = new QTimer(this);
    wait->setInterval(TrayWaitIntervalMs);
    connect(wait, &QTimer::timeout, this, [this, wait, tries = 0]() mutable {
        ++tries;
        // Never while a dialog of the main window is open: it would lose its parent.
        if (QSystemTrayIcon::isSystemTrayAvailable() && !QApplication::activeModalWidget()) {
            qInfo("the system tray appeared: Yubisashi moves there");
            wait->deleteLater();
            m_mainWindow.reset();
            createTray();
        } else if (tries >= TrayWaitAttempts) {
            wait->deleteLater();
        }
    });
    wait->start();
}

void TrayController::createMainWindow()
{
    m_mainWindow = std::make_unique<Ui::MainWindow>();
    m_mainWindow->setSettingsAvailable(true);
    connect(m_mainWindow.get(), &Ui::MainWindow::settingsRequested, this, &TrayController::settingsRequested);
    connect(m_mainWindow.get(), &Ui::MainWindow::queueRequested, this, [this] { openQueue(); });
    connect(m_mainWindow.get(), &Ui::MainWindow::historyRequested, this, &TrayController::openHistory);
    connect(m_mainWindow.get(), &Ui::MainWindow::pauseRequested, this, &TrayController::onPauseRequested);
    connect(m_mainWindow.get(), &Ui::MainWindow::quitRequested, this, &TrayController::quit);
    updateTray();
    m_mainWindow->show();
}

void TrayController::createTray()
{
    m_tray = new Ui::TrayIcon(this);
    connect(m_tray, &Ui::TrayIcon::settingsRequested, this, &TrayController::settingsRequested);
    connect(m_tray, &Ui::TrayIcon::quitRequested, this, &TrayController::quit);
    connect(m_tray, &Ui::TrayIcon::aboutRequested, this, &TrayController::showAbout);
    connect(m_tray, &Ui::TrayIcon::openRequested, m_reviews, &Ui::DialogDecisionProvider::raiseCurrent);
    connect(m_tray, &Ui::TrayIcon::queueRequested, this, [this] { openQueue(); });
    connect(m_tray, &Ui::TrayIcon::historyRequested, this, &TrayController::openHistory);
    connect(m_tray, &Ui::TrayIcon::pauseToggled, this, &TrayController::onPauseRequested);
    // A click on a notification opens the queue at the message it was about (held, failed, delivered).
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (const std::function<void()> action = std::exchange(m_noticeAction, {}))
            action();
        else
            openQueue(m_lastNoticeId);
    });
    connect(
        m_dispatcher, &Delivery::Dispatcher::notice, this,
        [this](Delivery::Dispatcher::Notice kind, const QString&, const QString& title, const QString& text) {
            m_tray->showNotice(title, text, kind == Delivery::Dispatcher::Notice::Error);
        });
    m_tray->show();
    updateTray();
}

TrayController::~TrayController() = default;

void TrayController::showNotice(const QString& title, const QString& text, std::function<void()> onClick)
{
    if (!m_tray) {
        qCInfo(lcDesktop).noquote() << "notice:" << title << "—" << text;
        return;
    }
    m_noticeAction = std::move(onClick);
    m_tray->showNotice(title, text);
}

void TrayController::onStateChanged(const Spool::Entry& entry)
{
    switch (entry.state) {
    case Spool::State::Sent:
        m_states.remove(entry.id);
        m_error = false;
        break;
    case Spool::State::Held:
    case Spool::State::Failed:
        m_states.remove(entry.id);
        m_error = entry.state == Spool::State::Failed;
        m_lastError = entry.lastError;
        break;
    case Spool::State::Approved:
        m_states.insert(entry.id, entry.state);
        m_error = !entry.lastError.isEmpty();
        m_lastError = entry.lastError;
        break;
    default:
        m_states.insert(entry.id, entry.state);
        break;
    }
    updateTray();
}

void TrayController::updateTray()
{
    if (!m_tray && !m_mainWindow)
        return;
    int reviewing = 0;
    int sending = 0;
    int waiting = 0;
    for (Spool::State s : std::as_const(m_states)) {
        if (s == Spool::State::Reviewing)
            ++reviewing;
        else if (s == Spool::State::Sending)
            ++sending;
        else if (s == Spool::State::Approved)
            ++waiting;
    }
    Ui::TrayIcon::State state = Ui::TrayIcon::State::Idle;
    QString detail;
    const bool paused = m_pause && m_pause->isPaused();
    if (reviewing > 0) {
        state = Ui::TrayIcon::State::ReviewWaiting;
        detail = tr("%n message(s) wait for your review", nullptr, reviewing);
    } else if (paused) {
        // Before errors and sending: sending without review is what the person must not forget.
        state = Ui::TrayIcon::State::Paused;
        detail = tr("Messages are sent without review until %1.")
                     .arg(QLocale().toString(m_pause->until().toLocalTime().time(), QLocale::ShortFormat));
    } else if (m_error) {
        state = Ui::TrayIcon::State::Error;
        detail = m_lastError;
    } else if (sending > 0) {
        state = Ui::TrayIcon::State::Sending;
        detail = tr("Sending %n message(s)", nullptr, sending);
    } else if (waiting > 0) {
        state = Ui::TrayIcon::State::Sending;
        detail = tr("%n message(s) wait to be retried", nullptr, waiting);
    }
    if (m_tray) {
        m_tray->setState(state, detail, state == Ui::TrayIcon::State::ReviewWaiting ? reviewing : 0);
        m_tray->setPauseAllowed(m_pause->isAllowed());
    }
    if (m_mainWindow) {
        m_mainWindow->setState(state, detail);
        m_mainWindow->setPauseAllowed(m_pause->isAllowed());
        const int onItsWay = qMax(0, m_queueModel->count(Ui::QueueModel::Group::Waiting) - reviewing);
        m_mainWindow->setCounts(reviewing, onItsWay, m_queueModel->count(Ui::QueueModel::Group::Attention));
        m_mainWindow->setPaused(paused, paused ? m_pause->until() : QDateTime());
    }
}

void TrayController::openQueue(const QString& id)
{
    if (!m_queueWindow)
        m_queueWindow = std::make_unique<Ui::QueueWindow>(m_queueModel);
    m_queueWindow->showEntry(id);
}

void TrayController::openHistory()
{
    if (!m_historyWindow) {
        m_historySource = std::make_unique<Ui::StoreHistorySource>(m_historyPath);
        m_historyWindow = std::make_unique<Ui::HistoryWindow>(m_historySource.get());
    }
    if (m_historyWindow->isMinimized())
        m_historyWindow->showNormal();
    else
        m_historyWindow->show();
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
}

void TrayController::setPauseAllowed(bool allowed)
{
    m_pause->setAllowed(allowed);
    updateTray();
}

void TrayController::onPauseRequested(bool pause)
{
    if (!pause) {
        m_pause->resume();
        return;
    }
    if (!m_pause->isPaused() && m_pause->isAllowed()) {
        Ui::PauseDialog dialog(m_mainWindow.get());
        if (dialog.exec() == QDialog::Accepted)
            m_pause->pauseUntil(Ui::PauseDialog::endOf(dialog.choice(), QDateTime::currentDateTimeUtc()));
    }
    updateTray(); // also puts the tray's tick back when the dialog was cancelled
}

void TrayController::bringToFront()
{
    if (m_reviews->currentDialog()) {
        m_reviews->raiseCurrent();
    } else if (m_mainWindow) {
        m_mainWindow->showNormal();
        m_mainWindow->raise();
        m_mainWindow->activateWindow();
    } else {
        openQueue();
    }
}

void TrayController::setDiagnostics(const QString& logFolder, std::function<QString()> diagnostics)
{
    m_logFolder = logFolder;
    m_diagnostics = std::move(diagnostics);
}

void TrayController::showAbout()
{
    if (!m_about) {
        m_about = new Ui::AboutDialog(m_logFolder, m_diagnostics);
        m_about->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}

void TrayController::quit()
{
    // exit(), not quit(): Qt 6 asks every window to close first, and the main
    // window (and an open review) refuse, which would make Quit do nothing.
    // A message under review stays in the queue and is asked about again at
    // the next start; a mail program still waiting keeps its copy.
    qInfo("quit from the menu");
    QCoreApplication::exit(0);
}
