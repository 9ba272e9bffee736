#pragma once

#include "delivery/Assessor.h"
#include "spool/Entry.h"

#include <QString>

namespace Store {
class History;
}

namespace Delivery {

// Writes what happened to each message into the history: the audit record of
// every ending, and, when it was delivered, what the checks learn from it
// (recipients, names, domains, attachments, the conversation). A history that
// is not open records nothing and says so in the log: mail never waits for it.
class AuditRecorder
{
public:
    // history: not owned; may be null or not open.
    explicit AuditRecorder(Store::History* history);

    // After the upstream accepted the message.
    void recordDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                         bool isSigned, const QString& upstreamReply);
    // Blocked, cancelled at review or refused by the upstream: the audit record only.
    void recordNotDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                            const QString& reply);

private:
    Store::History* m_history = nullptr;
};

} // namespace Delivery
