#include "TrayIcon.h"

#include "Icons.h"

#include <QMenu>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace Ui {

TrayIcon::TrayIcon(QObject* parent) : QSystemTrayIcon(parent), m_menu(std::make_unique<QMenu>())
{
    m_queue = m_menu->addAction(tr("&Queue…"));
    m_history = m_menu->addAction(tr("&History…"));
    m_settings = m_menu->addAction(tr("&Settings…"));
    m_menu->addSeparator();
    m_pause = m_menu->addAction(tr("&Pause protection"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("While paused, messages are sent without review."));
    m_menu->addSeparator();
    m_about = m_menu->addAction(tr("&About Yubisashi"));
    m_quit = m_menu->addAction(tr("&Quit"));
    m_menu->setToolTipsVisible(true); // why Pause may be greyed out
    setContextMenu(m_menu.get());

    connect(m_queue, &QAction::triggered, this, &TrayIcon::queueRequested);
    connect(m_history, &QAction::triggered, this, &TrayIcon::historyRequested);
    connect(m_settings, &QAction::triggered, this, &TrayIcon::settingsRequested);
    connect(m_pause, &QAction::toggled, this, &TrayIcon::pauseToggled);
    connect(m_about, &QAction::triggered, this, &TrayIcon::aboutRequested);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(this, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    setState(State::Idle);
}

TrayIcon::~TrayIcon()
{
    setContextMenu(nullptr);
}

QString TrayIcon::iconName(State state)
{
    switch (state) {
    case State::Idle:
        return u"tray-idle"_s;
    case State::ReviewWaiting:
        return u"tray-review"_s;
    case State::Sending:
        return u"tray-sending"_s;
    case State::Error:
        return u"tray-error"_s;
    case State::Paused:
        return u"tray-paused"_s;
    }
    return u"tray-idle"_s;
}

QString TrayIcon::stateText(State state) const
{
    switch (state) {
    case State::Idle:
        return tr("Protecting your outgoing mail");
    case State::ReviewWaiting:
        return tr("A message waits for your review");
    case State::Sending:
        return tr("Sending");
    case State::Error:
        return tr("A problem needs your attention");
    case State::Paused:
        return tr("Protection is paused");
    }
    return {};
}

void TrayIcon::setState(State state, const QString& detail)
{
    m_state = state;
    setIcon(Ui::icon(iconName(state)));
    QString tip = tr("Yubisashi: %1").arg(stateText(state));
    if (!detail.isEmpty())
        tip += QLatin1Char('\n') + detail;
    setToolTip(tip);
    // Keep the menu's tick in step without echoing pauseToggled back to the app.
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(state == State::Paused);
}

void TrayIcon::setPauseAllowed(bool allowed)
{
    m_pause->setEnabled(allowed);
    m_pause->setToolTip(allowed ? tr("While paused, messages are sent without review.")
                                : tr("Your administrator does not allow pausing protection: every message is "
                                     "checked before it leaves."));
}

void TrayIcon::showNotice(const QString& title, const QString& text, bool isError)
{
    showMessage(title, text, isError ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

QAction* TrayIcon::action(Action which) const
{
    switch (which) {
    case Action::Queue:
        return m_queue;
    case Action::History:
        return m_history;
    case Action::Settings:
        return m_settings;
    case Action::Pause:
        return m_pause;
    case Action::About:
        return m_about;
    case Action::Quit:
        return m_quit;
    }
    return nullptr;
}

} // namespace Ui
