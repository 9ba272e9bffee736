#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Store {

// Searches of the recipient history file (Store::History's SQLite database)
// for the history window: recipients and audit records that contain a text.
// It reads over a read-only connection of its own, so a search never holds a
// write lock and never waits for the hop. Text is matched literally: LIKE
// wildcards in it ("a_b%") are escaped. A missing file is an empty history
// (nothing was sent yet), not an error.
class HistorySearch
{
    Q_DECLARE_TR_FUNCTIONS(Store::HistorySearch)

public:
    struct Recipient
    {
        QString address;
        QStringList names; // display names seen with the address, most used first (at most 5)
        QString domain;
        QDateTime firstSent; // UTC
        QDateTime lastSent;  // UTC
        qint64 count = 0;
    };
    struct AuditRecord
    {
        QDateTime time; // UTC
        QString account;
        QString sender;
        QString recipients; // as recorded: "a@x, b@y"
        QString subject;
        QString findings;
        QString decision;
        bool isSigned = false;
        QString upstreamReply;
    };

    explicit HistorySearch(const QString& path);
    ~HistorySearch();
    HistorySearch(const HistorySearch&) = delete;
    HistorySearch& operator=(const HistorySearch&) = delete;

    QString path() const { return m_path; }
    // Recipients whose address, name or domain contains text (all when empty),
    // most recently used first, at most limit rows. false with error when the
    // history cannot be read.
    bool recipients(const QString& text, int limit, QList<Recipient>* out, QString* error);
    // Audit records whose sender, recipients, subject, decision or account
    // contain text (all when empty), newest first, at most limit rows.
    bool auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error);

private:
    // false: no history file yet (nothing sent), or it cannot be opened (error set).
    bool openDatabase(bool* exists, QString* error);

    QString m_path;
    QString m_connection;
};

} // namespace Store
