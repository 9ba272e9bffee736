#pragma once

#include "spool/DurableFile.h"
#include "spool/Entry.h"

#include <QByteArray>
#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>
#include <optional>

namespace Spool {

// The durable queue: one ID.env (JSON) and one ID.eml (bytes as received)
// per message in one folder (0700, files 0600; owner-only ACLs on Windows).
// Every write is atomic and durable: temp file, data flush, rename, sync of
// the folder (DurableFile). A message is on disk before the client hears 250.
class Queue
{
public:
    explicit Queue(const QString& directory);

    // Creates the folder (0700) and a quarantine/ subfolder, and the folder
    // above it (the app-data folder) owner-only if it is missing; false with a
    // reason if it can't.
    bool open(QString* error);
    QString directory() const { return m_dir; }

    // Writes ID.eml then ID.env; returns the entry with its new id, or nullopt
    // with error. Thread-safe: may run on several threads at once, and
    // alongside the other functions on the owner's thread.
    std::optional<Entry> add(Entry entry, const QByteArray& content, QString* error);
    // Rewrites ID.env atomically (entry.updated is set to now). durable=false
    // skips the folder sync: for records whose loss in a power failure only
    // means repeating a step (the "sending" and "sent" marks: the old envelope
    // comes back and the message is sent again, never lost). The new file's
    // data is flushed either way: on XFS, or ext4 without auto_da_alloc, the
    // rename can reach the disk before the data, and the empty envelope left
    // behind would be quarantined and the message never sent.
    bool update(Entry& entry, QString* error, bool durable = true);
    // The message bytes; nullopt with error when unreadable.
    std::optional<QByteArray> content(const QString& id, QString* error) const;
    // Replaces ID.eml with new bytes (after a header rewrite), durably: the
    // envelope first learns both sizes, then the content is swapped atomically,
    // then the envelope keeps the new size. A crash at any point leaves the old
    // or the new message, never none and never a quarantined one.
    bool replaceContent(Entry& entry, const QByteArray& content, QString* error);
    // Replaces ID.eml and the envelope's recipients together (a recipient
    // replaced at the review), in the same steps as replaceContent(): the
    // envelope first records the new recipients, the old ones and the hash of
    // the new content; then the content is swapped; then the old values go.
    // After a crash at any point, load() pairs the content on disk with its
    // own recipients: the old message goes to the old address or the new
    // message to the new one, never one with the other's recipients.
    bool replaceMessage(Entry& entry, const QByteArray& content, const QStringList& recipients,
                        QString* error);
    QString contentPath(const QString& id) const;
    // Deletes both files (envelope first: a crash in between leaves an orphan .eml that load() cleans up).
    bool remove(const QString& id, QString* error);
    // Deletes only the content, keeping the envelope (retention of sent messages).
    bool removeContent(const QString& id, QString* error);

    // All entries, oldest first. Files that fail to load (bad JSON, missing
    // content, wrong permissions fixed up) are moved to quarantine/ and
    // described in quarantined, never dropped.
    QList<Entry> load(QStringList* quarantined);

    // Deletes sent messages (content and envelope) whose last update is older
    // than the retention period; the audit record is kept elsewhere. 0 days
    // purges every sent message. Returns how many were deleted.
    int purgeSent(int retentionDays);

private:
    // The file's data is always flushed; folderSync says whether the rename is made durable too.
    bool writeAtomically(const QString& name, const QByteArray& bytes, QString* error,
                         DurableFile::FolderSync folderSync = DurableFile::FolderSync::Yes);
    QString newId() const;

    QString m_dir;
    // add() may run on worker threads (several at once); load() cleans up
    // unfinished writes and must not see one that is still going on.
    QReadWriteLock m_loadLock;
};

} // namespace Spool
