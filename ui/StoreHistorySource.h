#pragma once

#include "HistorySource.h"
#include "store/HistorySearch.h"

#include <QString>

namespace Ui {

// The history window's questions, answered by Store::HistorySearch (the
// searches) and Store::History (the CSV export) over the recipient history
// file. The window shows core's rows as they are, so it only forwards.
class StoreHistorySource : public HistorySource
{
public:
    explicit StoreHistorySource(const QString& path);
    ~StoreHistorySource() override;
    StoreHistorySource(const StoreHistorySource&) = delete;
    StoreHistorySource& operator=(const StoreHistorySource&) = delete;

    bool recipients(const QString& text, int limit, QList<Recipient>* out, QString* error) override;
    bool auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error) override;
    bool exportAuditCsv(const QString& path, QString* error) override;

private:
    Store::HistorySearch m_search;
};

} // namespace Ui
