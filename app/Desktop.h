#pragma once

#include "spool/Entry.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Delivery {
class Dispatcher;
}
namespace Ui {
class DialogDecisionProvider;
class TrayIcon;
} // namespace Ui

// What a person sees besides the review window: the tray icon with the
// state of the queue, its menu and notifications. Without a system tray the
// review window still opens; notices then go to the log.
class Desktop : public QObject
{
    Q_OBJECT
public:
    Desktop(Delivery::Dispatcher* dispatcher, Ui::DialogDecisionProvider* reviews, QObject* parent = nullptr);
    ~Desktop() override;

private:
    void onStateChanged(const Spool::Entry& entry);
    void updateTray();
    void showAbout();

    Delivery::Dispatcher* m_dispatcher;
    Ui::DialogDecisionProvider* m_reviews;
    Ui::TrayIcon* m_tray = nullptr;
    QHash<QString, Spool::State> m_states; // unfinished messages by id
    bool m_error = false;
    QString m_lastError;
};
