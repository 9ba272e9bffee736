#include "TrayIcon.h"

#include "Icons.h"

#include <QFont>
#include <QMenu>
#include <QPainter>
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

QIcon TrayIcon::stateIcon(State state, int count)
{
    const QIcon base = Ui::icon(iconName(state));
    if (state != State::ReviewWaiting || count <= 0)
        return base;
    const QString number = count > 9 ? u"9+"_s : QString::number(count);
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(QSize(size, size));
        pixmap.setDevicePixelRatio(1);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        // The badge of tray-review.svg: centre (22.5, 22.5), radius 7.9 of 32;
        // its "!" is painted over with the number.
        const qreal unit = size / 32.0;
        const QPointF centre(22.5 * unit, 22.5 * unit);
        painter.setPen(QPen(Qt::white, 1.7 * unit));
        painter.setBrush(QColor(0xf5, 0xb3, 0x01));
        painter.drawEllipse(centre, 7.9 * unit, 7.9 * unit);
        QFont font;
        font.setBold(true);
        font.setPixelSize(qMax(7, qRound((number.size() > 1 ? 9.5 : 12.5) * unit)));
        painter.setFont(font);
        painter.setPen(QColor(0x1b, 0x1f, 0x24));
        const QRectF box(centre.x() - 8 * unit, centre.y() - 8 * unit, 16 * unit, 16 * unit);
        painter.drawText(box, Qt::AlignCenter, number);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
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

void TrayIcon::setState(State state, const QString& detail, int count)
{
    m_state = state;
    setIcon(stateIcon(state, count));
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
