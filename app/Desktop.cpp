#include "Desktop.h"

#include "DialogDecisionProvider.h"
#include "ReviewDialog.h"
#include "TrayIcon.h"
#include "delivery/Dispatcher.h"

#include <QApplication>
#include <QMessageBox>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

Desktop::Desktop(Delivery::Dispatcher* dispatcher, Ui::DialogDecisionProvider* reviews, QObject* parent)
    : QObject(parent), m_dispatcher(dispatcher), m_reviews(reviews)
{
    connect(m_dispatcher, &Delivery::Dispatcher::stateChanged, this, &Desktop::onStateChanged);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qInfo("no system tray: review windows open on their own; notices go to the log");
        return;
    }
    m_tray = new Ui::TrayIcon(this);
    // Windows that are not part of this build yet stay visible but disabled.
    m_tray->action(Ui::TrayIcon::Action::Queue)->setEnabled(false);
    m_tray->action(Ui::TrayIcon::Action::History)->setEnabled(false);
    m_tray->action(Ui::TrayIcon::Action::Settings)->setEnabled(false);
    m_tray->action(Ui::TrayIcon::Action::Pause)->setEnabled(false);
    connect(m_tray, &Ui::TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    connect(m_tray, &Ui::TrayIcon::aboutRequested, this, &Desktop::showAbout);
    connect(m_tray, &Ui::TrayIcon::openRequested, m_reviews, &Ui::DialogDecisionProvider::raiseCurrent);
    connect(m_reviews, &Ui::DialogDecisionProvider::pendingChanged, this, &Desktop::updateTray);
    connect(m_dispatcher, &Delivery::Dispatcher::notice, this,
            [this](const QString&, const QString& title, const QString& text) {
                const bool isError = title.contains(tr("not delivered")) || title.contains(tr("problem"));
                m_tray->showNotice(title, text, isError);
            });
    m_tray->show();
    updateTray();
}

Desktop::~Desktop() = default;

void Desktop::onStateChanged(const Spool::Entry& entry)
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

void Desktop::updateTray()
{
    if (!m_tray)
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
    if (reviewing > 0)
        m_tray->setState(Ui::TrayIcon::State::ReviewWaiting, tr("%n message(s) wait for your review", nullptr, reviewing));
    else if (m_error)
        m_tray->setState(Ui::TrayIcon::State::Error, m_lastError);
    else if (sending > 0)
        m_tray->setState(Ui::TrayIcon::State::Sending, tr("Sending %n message(s)", nullptr, sending));
    else if (waiting > 0)
        m_tray->setState(Ui::TrayIcon::State::Sending, tr("%n message(s) wait to be retried", nullptr, waiting));
    else
        m_tray->setState(Ui::TrayIcon::State::Idle);
}

void Desktop::showAbout()
{
    QMessageBox::about(nullptr, tr("About Yubisashi"),
                       tr("<p><b>Yubisashi %1</b></p><p>Checks every recipient before a message leaves, signs it "
                          "and sends it on.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}
