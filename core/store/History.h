#pragma once

#include "mime/MessageView.h"
#include "review/HistoryQuery.h"
#include "review/Review.h"
#include "smtp/Envelope.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <array>
#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;

namespace Store {

// The recipient history and the audit log, in one SQLite file (WAL).
//
// Recipients, domains and display names sent to, attachment hashes per
// domain, the domains of each conversation (by Message-ID) and who was
// written to together (addresses and domains, per message) are what the
// checks compare a new message with; the audit log records what was decided
// about every message.
//
// A History that cannot be opened (locked by another program, corrupt, made
// by a newer version) says why in errorString() and answers no questions;
// callers keep working without it. One History belongs to one thread (a Qt
// SQL connection may not cross threads). Keys are
// Mail::DomainNames::addressKey() forms and lower-case ACE domains.
class History : public Review::HistoryQuery
{
    Q_DECLARE_TR_FUNCTIONS(Store::History)

public:
    static constexpr int kSchemaVersion = 3;

    // path ":memory:" gives a private empty history (tests, a first run without a file).
    explicit History(const QString& path);
    ~History() override;
    History(const History&) = delete;
    History& operator=(const History&) = delete;

    // Opens, creates or migrates the file. On failure errorString() says what
    // happened and what to do, and isOpen() stays false.
    bool open();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    // Milliseconds to wait for another process's lock before giving up (default 500).
    void setBusyTimeout(int milliseconds) { m_busyTimeoutMs = milliseconds; }
    // Seam for tests: the time recorded for new entries.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Review::HistoryQuery: the facts the checks read, from the batched questions below.
    bool facts(const Review::HistoryQuestion& question, Review::HistoryFacts* out, QString* problem) override;

    // Questions, batched: each answers for a whole message in one or a few queries.
    // They return false (and set errorString()) when the database fails.
    bool knownAddresses(const QStringList& addressKeys, QSet<QString>* out);
    bool knownDomains(const QStringList& domains, QSet<QString>* out);
    bool allDomains(QStringList* out); // cached after the first call, kept current by the record functions
    bool namesByAddress(const QStringList& addressKeys, QHash<QString, QStringList>* out);
    bool addressesByName(const QStringList& nameKeys, QHash<QString, QStringList>* out);
    bool threadDomains(const QStringList& messageIds, bool* known, QSet<QString>* out);
    bool attachmentDomains(const QList<QByteArray>& sha256s, QHash<QByteArray, QSet<QString>>* out);
    // Who is written to together: the use of each address, the people and
    // domains each was written to with, and the names and use of the people
    // usually written to with them (HistoryFacts::usage, together,
    // domainsTogether, neighbourNames).
    bool relationships(const QStringList& addressKeys, const QStringList& domains, Review::HistoryFacts* out);
    qint64 recipientCount();
    qint64 auditCount();

    // After the upstream accepted the message: learns its recipients, names,
    // domains, attachment hashes and conversation, and writes the audit record.
    bool recordDelivered(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                         const QString& account, const Review::MessageReview& review, const QString& decision,
                         bool isSigned, const QString& upstreamReply);
    // A message that was not delivered (cancelled, blocked, failed): the audit record only.
    bool recordNotDelivered(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                            const QString& account, const Review::MessageReview& review,
                            const QString& decision, const QString& upstreamReply);
    // import-history: learns one sent message (its To, Cc and Bcc). A message
    // whose Message-ID was learned before is skipped, so importing twice does
    // not count twice. newRecipients gets how many addresses were new.
    bool learnSent(const Mime::MessageView& view, int* newRecipients, bool* skipped = nullptr);
    // Groups many learnSent() calls into one transaction (much faster).
    bool beginBatch();
    bool commitBatch();
    // For import-history: lets SQLite keep up to 256 MB of the file in
    // memory, so learning a large mailbox rereads nothing and each commit
    // writes each changed page once. Not for the running app (its memory
    // would grow to the size of the file).
    void setBulkLoad(bool on);

    // The audit log as CSV (UTF-8 with BOM, so spreadsheet programs read Japanese correctly).
    bool exportAuditCsv(const QString& path, QString* error);

private:
    struct Person
    {
        QString address; // key form
        QString name;
    };
    bool fail(const QString& what);
    template <typename T, typename Sink>
    bool query(const QString& sqlBefore, const QList<T>& values, Sink sink);
    bool exec(const QString& sql);
    bool createSchema();
    bool migrate(int from);
    bool migrateV1toV2();
    bool migrateV2toV3();
    // Statements prepared once per History (per open()) and reused: parsing
    // the SQL costs as much as running a lookup.
    enum class Statement
    {
        Relations,
        Neighbours,
        InsertRecipient,
        UpdateRecipient,
        UpsertDomain,
        UpsertName,
        UpsertTogether,
        UpsertDomainsTogether,
        UpsertAttachment,
        InsertThread,
        InsertMessage,
        Count
    };
    QSqlQuery* statement(Statement which);
    void dropStatements();
    bool learnTogether(const QStringList& keys, qint64 when, bool domains = false);
    bool learn(const QList<Person>& people, const QStringList& threadIds,
               const QList<Mime::Attachment>& attachments, const QString& messageId, qint64 when,
               int* newRecipients);
    bool writeAudit(const Mime::MessageView& view, const Smtp::Envelope& envelope, const QString& account,
                    const Review::MessageReview& review, const QString& decision, bool isSigned,
                    const QString& upstreamReply);
    qint64 now() const;

    QString m_path;
    QString m_connection;
    QString m_error;
    bool m_open = false;
    int m_busyTimeoutMs = 500;
    int m_batchDepth = 0;
    std::optional<QStringList> m_allDomains;
    std::array<std::unique_ptr<QSqlQuery>, std::size_t(Statement::Count)> m_statements;
    std::function<QDateTime()> m_clock;
};

} // namespace Store
