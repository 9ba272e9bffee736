#include "StoreHistorySource.h"

#include "store/History.h"

StoreHistorySource::StoreHistorySource(const QString& path) : m_search(path) {}

StoreHistorySource::~StoreHistorySource() = default;

bool StoreHistorySource::recipients(const QString& text, int limit, QList<Recipient>* out, QString* error)
{
    out->clear();
    QList<Store::HistorySearch::Recipient> found;
    const bool ok = m_search.recipients(text, limit, &found, error);
    out->reserve(found.size());
    for (const Store::HistorySearch::Recipient& f : std::as_const(found)) {
        Recipient r;
        r.address = f.address;
        r.names = f.names;
        r.domain = f.domain;
        r.firstSent = f.firstSent;
        r.lastSent = f.lastSent;
        r.count = f.count;
        out->append(r);
    }
    return ok;
}

bool StoreHistorySource::auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error)
{
    out->clear();
    QList<Store::HistorySearch::AuditRecord> found;
    const bool ok = m_search.auditLog(text, limit, &found, error);
    out->reserve(found.size());
    for (const Store::HistorySearch::AuditRecord& f : std::as_const(found)) {
        AuditRecord r;
        r.time = f.time;
        r.account = f.account;
        r.sender = f.sender;
        r.recipients = f.recipients;
        r.subject = f.subject;
        r.findings = f.findings;
        r.decision = f.decision;
        r.isSigned = f.isSigned;
        r.upstreamReply = f.upstreamReply;
        out->append(r);
    }
    return ok;
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
