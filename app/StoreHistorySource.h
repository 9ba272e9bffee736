#pragma once

#include "HistorySource.h"

#include <QCoreApplication>
#include <QString>

// The history window's questions, answered from the recipient history file
// (Store::History's SQLite database) over a read-only connection of its own,
// so a search never holds a write lock. Store::History has no search yet;
// when it grows one, this adapter should call it instead of its own SQL.
class StoreHistorySource : public Ui::HistorySource
{
    Q_DECLARE_TR_FUNCTIONS(StoreHistorySource)

public:
    explicit StoreHistorySource(const QString& path);
    ~StoreHistorySource() override;
    StoreHistorySource(const StoreHistorySource&) = delete;
    StoreHistorySource& operator=(const StoreHistorySource&) = delete;

    bool recipients(const QString& text, int limit, QList<Recipient>* out, QString* error) override;
    bool auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error) override;
    bool exportAuditCsv(const QString& path, QString* error) override;

private:
    // false: no history file yet (nothing sent), or it cannot be opened (error set).
    bool openDatabase(bool* exists, QString* error);

    QString m_path;
    QString m_connection;
};
