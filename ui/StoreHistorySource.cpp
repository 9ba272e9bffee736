#include "StoreHistorySource.h"

#include "store/History.h"

namespace Ui {

StoreHistorySource::StoreHistorySource(const QString& path) : m_search(path) {}

StoreHistorySource::~StoreHistorySource() = default;

bool StoreHistorySource::recipients(const QString& text, int limit, QList<Recipient>* out, QString* error)
{
    return m_search.recipients(text, limit, out, error);
}

bool StoreHistorySource::auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error)
{
    return m_search.auditLog(text, limit, out, error);
}

bool StoreHistorySource::exportAuditCsv(const QString& path, QString* error)
{
    // The owner of the file writes the CSV, so the columns stay the documented ones.
    Store::History history(m_search.path());
    if (!history.open()) {
        *error = history.errorString();
        return false;
    }
    return history.exportAuditCsv(path, error);
}

} // namespace Ui
