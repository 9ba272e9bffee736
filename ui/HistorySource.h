#pragma once

#include "store/HistorySearch.h"

#include <QList>
#include <QString>

namespace Ui {

// What the history window shows, as plain rows: the people and domains sent
// to, and the audit log. The app answers from the recipient history database;
// tests answer from a list. Queries are short (an indexed search with a limit),
// so they run on the GUI thread.
class HistorySource
{
public:
    // The rows of core's history search, shown as they are.
    using Recipient = Store::HistorySearch::Recipient;
    using AuditRecord = Store::HistorySearch::AuditRecord;

    virtual ~HistorySource() = default;

    // Recipients whose address, name or domain contains text (all when empty),
    // most recently used first, at most limit rows. false with error when the
    // history cannot be read.
    virtual bool recipients(const QString& text, int limit, QList<Recipient>* out, QString* error) = 0;
    // Audit records whose sender, recipients, subject or decision contain
    // text, newest first, at most limit rows.
    virtual bool auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error) = 0;
    // Writes the whole audit log as CSV (UTF-8) to path.
    virtual bool exportAuditCsv(const QString& path, QString* error) = 0;
};

} // namespace Ui
