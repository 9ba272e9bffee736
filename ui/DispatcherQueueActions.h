#pragma once

#include "QueueActions.h"

namespace Delivery {
class Dispatcher;
}
namespace Spool {
class Queue;
}

namespace Ui {

// The queue actions of the running app: reads the queue folder and asks the
// Dispatcher to retry, release (which reviews again) or discard a message.
class DispatcherQueueActions : public QueueActions
{
    Q_OBJECT
public:
    DispatcherQueueActions(Delivery::Dispatcher* dispatcher, Spool::Queue* spool, QObject* parent = nullptr);

    QList<Spool::Entry> entries() override;
    std::optional<QByteArray> content(const QString& id, QString* error) override;
    bool retryNow(const QString& id) override;
    bool sendAnyway(const QString& id) override;
    bool remove(const QString& id) override;

private:
    Delivery::Dispatcher* m_dispatcher;
    Spool::Queue* m_spool;
};

} // namespace Ui
