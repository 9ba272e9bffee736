#include "delivery/AuditRecorder.h"

#include "store/History.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAudit, "review")

namespace Delivery {

AuditRecorder::AuditRecorder(Store::History* history) : m_history(history) {}

void AuditRecorder::recordDelivered(const Analysis& analysis, const Spool::Entry& entry,
                                    const QString& decision, bool isSigned, const QString& upstreamReply)
{
    if (!m_history || !m_history->isOpen())
        return;
    if (!m_history->recordDelivered(analysis.view, entry.envelope, entry.account, analysis.review, decision,
                                    isSigned, upstreamReply))
        qCWarning(lcAudit).noquote() << entry.id << "history not updated:" << m_history->errorString();
}

void AuditRecorder::recordNotDelivered(const Analysis& analysis, const Spool::Entry& entry,
                                       const QString& decision, const QString& reply)
{
    if (!m_history || !m_history->isOpen())
        return;
    if (!m_history->recordNotDelivered(analysis.view, entry.envelope, entry.account, analysis.review,
                                       decision, reply))
        qCWarning(lcAudit).noquote() << entry.id << "audit record not written:" << m_history->errorString();
}

} // namespace Delivery
