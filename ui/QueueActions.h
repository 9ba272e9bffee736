#pragma once

#include "spool/Entry.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace Ui {

// What the queue window may do with queued messages. DispatcherQueueActions,
// the implementation the app wires in, goes through the Dispatcher and the
// Spool, so the window holds no delivery logic and tests can drive it against
// the real ones.
class QueueActions : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Every message in the queue folder, oldest first.
    virtual QList<Spool::Entry> entries() = 0;
    // The spooled bytes of one message (for "Export as .eml").
    virtual std::optional<QByteArray> content(const QString& id, QString* error) = 0;
    // An approved message that waits for its next attempt: try now.
    virtual bool retryNow(const QString& id) = 0;
    // A held or failed message: review it again, then deliver it.
    virtual bool sendAnyway(const QString& id) = 0;
    // Deletes the message for good (not while it is being handed to the server).
    virtual bool remove(const QString& id) = 0;

signals:
    // A message changed state (or may have left the queue folder).
    void entryChanged(const Spool::Entry& entry);
    // A message left the queue folder.
    void entryRemoved(const QString& id);
};

} // namespace Ui
