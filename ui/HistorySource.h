#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Ui {

// What the history window shows, as plain rows: the people and domains sent
// to, and the audit log. The app answers from the recipient history database;
// tests answer from a list. Queries are short (an indexed search with a limit),
// so they run on the GUI thread.
class HistorySource
{
public:
    struct Recipient
    {
        QString address;
        QStringList names; // display names seen with the address, most used first
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
