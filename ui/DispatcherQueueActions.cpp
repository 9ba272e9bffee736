#include "DispatcherQueueActions.h"

#include "delivery/Dispatcher.h"
#include "spool/Queue.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcQueueUi, "ui.queue")

namespace Ui {

DispatcherQueueActions::DispatcherQueueActions(Delivery::Dispatcher* dispatcher, Spool::Queue* spool,
                                               QObject* parent)
    : QueueActions(parent), m_dispatcher(dispatcher), m_spool(spool)
{
    connect(m_dispatcher, &Delivery::Dispatcher::stateChanged, this, &QueueActions::entryChanged);
    connect(m_dispatcher, &Delivery::Dispatcher::removed, this, &QueueActions::entryRemoved);
}

QList<Spool::Entry> DispatcherQueueActions::entries()
{
    // New messages are written on worker threads; load() waits for those
    // writes, so it never sees a half-written message (Spool::add).
    // A file that cannot be read is quarantined by load(); the Dispatcher
    // reports those at start, so here they only go to the log.
    QStringList quarantined;
    const QList<Spool::Entry> all = m_spool->load(&quarantined);
    for (const QString& q : std::as_const(quarantined))
        qCWarning(lcQueueUi).noquote() << "quarantined:" << q;
    return all;
}

std::optional<QByteArray> DispatcherQueueActions::content(const QString& id, QString* error)
{
    return m_spool->content(id, error);
}

bool DispatcherQueueActions::retryNow(const QString& id)
{
    return m_dispatcher->retryNow(id);
}

bool DispatcherQueueActions::sendAnyway(const QString& id)
{
    return m_dispatcher->release(id);
}

bool DispatcherQueueActions::remove(const QString& id)
{
    return m_dispatcher->discard(id);
}

} // namespace Ui
