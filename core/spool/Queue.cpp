#include "spool/Queue.h"

#include "crypto/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QReadLocker>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <atomic>

// The spool is what makes "after a 250, a message is never lost" true, so it
// writes through DurableFile, which flushes each file's data and the folder:
// QSaveFile flushes the file but not the folder, and without the folder
// sync a rename can vanish in a power cut.

Q_LOGGING_CATEGORY(lcSpool, "yubisashi.spool")

namespace Spool {

namespace {

const QLatin1String kEnvSuffix(".env");
const QLatin1String kEmlSuffix(".eml");
const QLatin1String kTmpSuffix(".tmp");
const QLatin1String kQuarantine("quarantine");

bool isValidId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return pattern.match(id).hasMatch();
}

// The SHA-256 (hex) of a file; empty when it cannot be read.
QString contentHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Crypto::Sha256 hash;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 20);
        if (chunk.isEmpty())
            return {};
        hash.addData(chunk);
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool invalidId(const QString& id, QString* error)
{
    if (error)
        *error = QCoreApplication::translate("Spool::Queue", "\"%1\" is not a spool message id.").arg(id);
    return false;
}

// Makes a folder that only the user can enter (an existing one is restricted again).
bool makePrivateDir(const QString& path, QString* error)
{
    DurableFile::Error e;
    bool restricted = false;
    if (DurableFile::makePrivateFolder(path, &e, &restricted)) {
        if (restricted)
            qCWarning(lcSpool) << "Restricted the permissions of" << path << "to its owner (0700)";
        return true;
    }
    if (!error)
        return false;
    switch (e.step) {
    case DurableFile::Step::NotAFolder:
        *error =
            QCoreApplication::translate("Spool::Queue", "The spool folder %1 is not a folder.").arg(path);
        break;
    case DurableFile::Step::RestrictFolder:
        *error = QCoreApplication::translate(
                     "Spool::Queue",
                     "The permissions of the spool folder %1 could not be restricted to its owner: %2")
                     .arg(path, e.system);
        break;
    default:
        *error = QCoreApplication::translate("Spool::Queue", "The spool folder %1 could not be created: %2")
                     .arg(path, e.system);
        break;
    }
    return false;
}

QString folderSyncError(const QString& dir, const DurableFile::Error& e)
{
    return e.step == DurableFile::Step::OpenFolder
               ? QCoreApplication::translate("Spool::Queue", "The spool folder %1 could not be opened: %2")
                     .arg(dir, e.system)
               : QCoreApplication::translate("Spool::Queue",
                                             "The spool folder %1 could not be flushed to disk: %2")
                     .arg(dir, e.system);
}

// Makes the folder's list of names durable: after a rename, unlink or create
// only this sync guarantees the change survives a power cut.
bool syncDir(const QString& dir, QString* error)
{
    DurableFile::Error e;
    if (DurableFile::syncFolder(dir, &e))
        return true;
    if (error)
        *error = folderSyncError(dir, e);
    return false;
}

// Deletes a file; a file that is already gone counts as deleted.
bool unlinkFile(const QString& path, QString* error)
{
    DurableFile::Error e;
    if (DurableFile::remove(path, &e))
        return true;
    if (error)
        *error =
            QCoreApplication::translate("Spool::Queue", "%1 could not be deleted: %2").arg(path, e.system);
    return false;
}

// Moves a file into quarantine/ under its own name (with .1, .2… appended if
// that name is taken there, so an earlier quarantined file is never replaced).
bool moveToQuarantine(const QString& dir, const QString& fileName, QString* movedTo, QString* error)
{
    const QString from = dir + QLatin1Char('/') + fileName;
    const QString qdir = dir + QLatin1Char('/') + kQuarantine;
    if (!makePrivateDir(qdir, error))
        return false;
    QString to = qdir + QLatin1Char('/') + fileName;
    for (int n = 1; QFile::exists(to); ++n)
        to = qdir + QLatin1Char('/') + fileName + QLatin1Char('.') + QString::number(n);
    DurableFile::Error e;
    if (!DurableFile::rename(from, to, &e)) {
        if (error)
            *error = e.system;
        return false;
    }
    *movedTo = to;
    return true;
}

qint64 fileSize(const QString& path, bool* exists)
{
    const QFileInfo info(path);
    *exists = info.exists();
    return *exists ? info.size() : -1;
}

// Reads and checks one envelope. reason explains a failure in plain words.
bool readEnvelope(const QString& path, Entry* entry, QString* reason)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *reason = QCoreApplication::translate("Spool::Queue", "its envelope file could not be read (%1)")
                      .arg(f.errorString());
        return false;
    }
    const QByteArray bytes = f.readAll();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *reason = bytes.trimmed().isEmpty()
                      ? QCoreApplication::translate("Spool::Queue", "its envelope file is empty")
                      : QCoreApplication::translate("Spool::Queue",
                                                    "its envelope file is not valid JSON (%1 at byte %2)")
                            .arg(pe.errorString())
                            .arg(pe.offset);
        return false;
    }
    if (!doc.isObject()) {
        *reason =
            QCoreApplication::translate("Spool::Queue", "its envelope file does not hold a JSON object");
        return false;
    }
    QString error;
    if (!Entry::fromJson(doc.object(), entry, &error)) {
        *reason = QCoreApplication::translate("Spool::Queue", "its envelope file is damaged: %1").arg(error);
        return false;
    }
    return true;
}

// For the user who has to recognise a quarantined message.
QString summary(const Entry& e)
{
    const QString to = e.envelope.recipients.size() > 3
                           ? e.envelope.recipients.mid(0, 3).join(QLatin1String(", ")) + QLatin1String(", …")
                           : e.envelope.recipients.join(QLatin1String(", "));
    const QString from = e.envelope.mailFrom.isEmpty() ? QStringLiteral("<>") : e.envelope.mailFrom;
    return QCoreApplication::translate("Spool::Queue", "from %1 to %2, received %3")
        .arg(from, to, e.received.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

} // namespace

Queue::Queue(const QString& directory) : m_dir(QDir::cleanPath(QDir(directory).absolutePath())) {}

bool Queue::open(QString* error)
{
    // The folder above the spool is the app-data folder (history, certificates):
    // made owner-only when it is made here. An existing one is left as it is.
    const QString parent = QFileInfo(m_dir).absolutePath();
    DurableFile::Error e;
    if (!QFileInfo::exists(parent) && !DurableFile::makePrivateFolder(parent, &e)) {
        if (error)
            *error = QCoreApplication::translate("Spool::Queue", "The folder %1 could not be created.")
                         .arg(parent);
        return false;
    }
    if (!makePrivateDir(m_dir, error) || !makePrivateDir(m_dir + QLatin1Char('/') + kQuarantine, error))
        return false;
    // The spool folder itself must survive a crash right after first start.
    return syncDir(parent, error) && syncDir(m_dir, error);
}

QString Queue::newId() const
{
    // UTC time to the millisecond, then a per-process counter (order within
    // one millisecond), then randomness (two processes, or a clock that went
    // back). Only [0-9A-Za-z-], so it is a safe file name everywhere, and
    // string order is arrival order.
    static std::atomic<quint32> counter{0};
    const quint32 n = counter.fetch_add(1) % 1000000;
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")) +
           QLatin1Char('-') + QStringLiteral("%1").arg(n, 6, 10, QLatin1Char('0')) + QLatin1Char('-') +
           QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

bool Queue::writeAtomically(const QString& name, const QByteArray& bytes, QString* error,
                            DurableFile::FolderSync folderSync)
{
    DurableFile::Error e;
    if (DurableFile::write(m_dir + QLatin1Char('/') + name, bytes, folderSync, &e))
        return true;
    if (!error)
        return false;
    if (e.step == DurableFile::Step::OpenFolder || e.step == DurableFile::Step::SyncFolder) {
        *error = folderSyncError(m_dir, e);
        return false;
    }
    QString what;
    switch (e.step) {
    case DurableFile::Step::MakeFile:
        what = QCoreApplication::translate("Spool::Queue", "a file could not be created");
        break;
    case DurableFile::Step::RestrictFile:
        what = QCoreApplication::translate("Spool::Queue", "its permissions could not be set");
        break;
    case DurableFile::Step::WriteData:
        what = QCoreApplication::translate("Spool::Queue", "writing failed");
        break;
    case DurableFile::Step::FlushData:
        what = QCoreApplication::translate("Spool::Queue", "flushing to disk failed");
        break;
    case DurableFile::Step::CloseFile:
        what = QCoreApplication::translate("Spool::Queue", "closing the file failed");
        break;
    default:
        what = QCoreApplication::translate("Spool::Queue", "renaming the file failed");
        break;
    }
    *error = QCoreApplication::translate("Spool::Queue",
                                         "The message could not be saved in the spool folder %1: %2 (%3).")
                 .arg(m_dir, what, e.system);
    return false;
}

std::optional<Entry> Queue::add(Entry entry, const QByteArray& content, QString* error)
{
    // Shared: writers of different messages run side by side; load() waits,
    // since its clean-up would take a half-written message for an orphan.
    const QReadLocker writing(&m_loadLock);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    entry.id = newId();
    for (int i = 0; i < 10 && (QFile::exists(contentPath(entry.id)) ||
                               QFile::exists(m_dir + QLatin1Char('/') + entry.id + kEnvSuffix));
         ++i)
        entry.id = newId();
    entry.received = entry.received.isValid() ? entry.received.toUTC() : now;
    entry.updated = now;
    entry.size = content.size();

    // Never write an envelope that load() would refuse: the client would hear
    // 250 for a message that comes back quarantined after a restart.
    const QJsonObject json = entry.toJson();
    Entry check;
    QString why;
    if (!Entry::fromJson(json, &check, &why)) {
        if (error)
            *error =
                QCoreApplication::translate("Spool::Queue", "The message could not be queued: %1.").arg(why);
        return std::nullopt;
    }

    // Content first: an envelope must never point at content that is not there.
    // A crash between the two leaves an .eml without .env, which load() deletes
    // (the client never got its 250 and will send again).
    // Both files are flushed; one sync of the folder then makes both renames
    // durable at once (three syncs per message instead of four).
    if (!writeAtomically(entry.id + kEmlSuffix, content, error, DurableFile::FolderSync::No))
        return std::nullopt;
    if (!writeAtomically(entry.id + kEnvSuffix, QJsonDocument(json).toJson(QJsonDocument::Indented), error)) {
        unlinkFile(contentPath(entry.id), nullptr);
        syncDir(m_dir, nullptr);
        return std::nullopt;
    }
    return entry;
}

bool Queue::update(Entry& entry, QString* error, bool durable)
{
    if (!isValidId(entry.id))
        return invalidId(entry.id, error);
    const QString envPath = m_dir + QLatin1Char('/') + entry.id + kEnvSuffix;
    if (!QFile::exists(envPath)) {
        // Recreating it would bring back a message that was deleted.
        if (error)
            *error = QCoreApplication::translate("Spool::Queue", "Message %1 is no longer in the spool.")
                         .arg(entry.id);
        return false;
    }
    const QDateTime previous = entry.updated;
    entry.updated = QDateTime::currentDateTimeUtc();
    const QJsonObject json = entry.toJson();
    Entry check;
    QString why;
    if (!Entry::fromJson(json, &check, &why)) {
        entry.updated = previous;
        if (error)
            *error = QCoreApplication::translate("Spool::Queue", "Message %1 could not be updated: %2.")
                         .arg(entry.id, why);
        return false;
    }
    if (!writeAtomically(entry.id + kEnvSuffix, QJsonDocument(json).toJson(QJsonDocument::Indented), error,
                         durable ? DurableFile::FolderSync::Yes : DurableFile::FolderSync::No)) {
        entry.updated = previous;
        return false;
    }
    return true;
}

bool Queue::replaceContent(Entry& entry, const QByteArray& content, QString* error)
{
    Entry next = entry;
    next.previousSize = entry.size;
    next.size = content.size();
    if (!update(next, error))
        return false;
    if (!writeAtomically(entry.id + kEmlSuffix, content, error)) {
        // The new bytes may or may not have landed (a failed folder sync comes
        // after the rename): keep both sizes, which load() accepts either way.
        entry = next;
        return false;
    }
    // The envelope on disk accepts the new content now; dropping the old size is tidiness.
    next.previousSize = -1;
    QString ignored;
    update(next, &ignored);
    entry = next;
    return true;
}

bool Queue::replaceMessage(Entry& entry, const QByteArray& content, const QStringList& recipients,
                           QString* error)
{
    Crypto::Sha256 hash;
    hash.addData(content);
    Entry next = entry;
    next.previousSize = entry.size;
    next.previousRecipients = entry.envelope.recipients;
    next.replacingSha256 = QString::fromLatin1(hash.result().toHex());
    next.envelope.recipients = recipients;
    next.size = content.size();
    if (!update(next, error))
        return false;
    if (!writeAtomically(entry.id + kEmlSuffix, content, error)) {
        entry = next; // as in replaceContent: load() tells which content landed
        return false;
    }
    next.previousSize = -1;
    next.previousRecipients.clear();
    next.replacingSha256.clear();
    QString ignored;
    update(next, &ignored);
    entry = next;
    return true;
}

QString Queue::contentPath(const QString& id) const
{
    return m_dir + QLatin1Char('/') + id + kEmlSuffix;
}

std::optional<QByteArray> Queue::content(const QString& id, QString* error) const
{
    if (!isValidId(id)) {
        invalidId(id, error);
        return std::nullopt;
    }
    QFile f(contentPath(id));
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Spool::Queue",
                                                 "The message %1 could not be read from the spool: %2")
                         .arg(id, f.errorString());
        return std::nullopt;
    }
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) {
        if (error)
            *error = QCoreApplication::translate("Spool::Queue",
                                                 "The message %1 could not be read from the spool: %2")
                         .arg(id, f.errorString());
        return std::nullopt;
    }
    return bytes;
}

bool Queue::remove(const QString& id, QString* error)
{
    if (!isValidId(id))
        return invalidId(id, error);
    // Envelope first: a crash in between leaves an orphan .eml, which load()
    // deletes as never acknowledged; the other order would leave an envelope
    // without content to be quarantined and reported for a message the user deleted.
    return unlinkFile(m_dir + QLatin1Char('/') + id + kEnvSuffix, error) &&
           unlinkFile(contentPath(id), error) && syncDir(m_dir, error);
}

bool Queue::removeContent(const QString& id, QString* error)
{
    if (!isValidId(id))
        return invalidId(id, error);
    return unlinkFile(contentPath(id), error) && syncDir(m_dir, error);
}

QList<Entry> Queue::load(QStringList* quarantined)
{
    const QWriteLocker loading(&m_loadLock);
    QList<Entry> entries;
    QString error;
    if (!makePrivateDir(m_dir, &error) || !makePrivateDir(m_dir + QLatin1Char('/') + kQuarantine, &error)) {
        qCWarning(lcSpool).noquote() << error;
        if (quarantined)
            *quarantined << error;
        return entries;
    }

    const QDir dir(m_dir);
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    bool changed = false;

    QSet<QString> envs;
    QSet<QString> emls;
    for (const QString& name : names) {
        const QString path = m_dir + QLatin1Char('/') + name;
        if (name.endsWith(kTmpSuffix)) {
            // An interrupted write: the rename never happened, so whatever
            // this was meant to replace (or add) is still intact or never acknowledged.
            if (unlinkFile(path, &error)) {
                qCInfo(lcSpool) << "Deleted an unfinished write:" << name;
                changed = true;
            } else {
                qCWarning(lcSpool).noquote() << error;
            }
            continue;
        }
        const bool isEnv = name.endsWith(kEnvSuffix);
        const bool isEml = name.endsWith(kEmlSuffix);
        if (!isEnv && !isEml)
            continue;
        DurableFile::Error e;
        bool restricted = false;
        if (!DurableFile::restrictFile(path, &e, &restricted))
            qCWarning(lcSpool) << "Could not restrict the permissions of" << name
                               << "to its owner:" << e.system;
        else if (restricted)
            qCWarning(lcSpool) << "Restricted the permissions of" << name << "to its owner (0600)";
        (isEnv ? envs : emls).insert(name.chopped(4));
    }

    QStringList envIds(envs.begin(), envs.end());
    envIds.sort();
    for (const QString& base : std::as_const(envIds)) {
        const QString envPath = m_dir + QLatin1Char('/') + base + kEnvSuffix;
        const QString emlPath = m_dir + QLatin1Char('/') + base + kEmlSuffix;
        Entry e;
        QString reason;
        bool ok = readEnvelope(envPath, &e, &reason);
        bool parsed = ok;
        if (ok && e.id != base) {
            reason = QCoreApplication::translate(
                         "Spool::Queue",
                         "its envelope names the message \"%1\", which does not match its file name")
                         .arg(e.id);
            ok = false;
        }
        if (ok) {
            bool exists = false;
            const qint64 size = fileSize(emlPath, &exists);
            if (!exists && e.state != State::Sent) {
                // Sent messages may have had their content removed by retention.
                reason = QCoreApplication::translate("Spool::Queue", "the message content (%1) is missing")
                             .arg(base + kEmlSuffix);
                ok = false;
            } else if (exists && !e.previousRecipients.isEmpty() &&
                       (size == e.size || size == e.previousSize)) {
                // A crash while content and recipients were being replaced: the
                // recipients that go with the bytes on disk (the sizes may be equal).
                const bool replaced = size == e.size && contentHash(emlPath) == e.replacingSha256;
                if (!replaced) {
                    e.envelope.recipients = e.previousRecipients;
                    e.size = size;
                }
                e.previousSize = -1;
                e.previousRecipients.clear();
                e.replacingSha256.clear();
            } else if (exists && size != e.size && size == e.previousSize) {
                // A crash while the content was being replaced, before the new bytes landed.
                e.size = size;
                e.previousSize = -1;
            } else if (exists && size != e.size) {
                reason = QCoreApplication::translate(
                             "Spool::Queue",
                             "the message content is %1 bytes long, but its envelope says %2 bytes")
                             .arg(size)
                             .arg(e.size);
                ok = false;
            }
        }
        if (ok) {
            entries << e;
            continue;
        }

        changed = true;
        QStringList moved;
        QStringList failed;
        for (const QString& file : QStringList{base + kEnvSuffix, base + kEmlSuffix}) {
            if (file.endsWith(kEmlSuffix) && !emls.contains(base))
                continue;
            QString to;
            QString moveError;
            if (moveToQuarantine(m_dir, file, &to, &moveError))
                moved << QFileInfo(to).fileName();
            else
                failed << file + QLatin1String(" (") + moveError + QLatin1Char(')');
        }
        emls.remove(base);
        const QString what =
            parsed
                ? QCoreApplication::translate("Spool::Queue", "Queued message %1 (%2)").arg(base, summary(e))
                : QCoreApplication::translate("Spool::Queue", "Queued message %1").arg(base);
        QString description =
            QCoreApplication::translate("Spool::Queue", "%1 could not be loaded because %2.")
                .arg(what, reason);
        if (!moved.isEmpty())
            description += QLatin1Char(' ') +
                           QCoreApplication::translate("Spool::Queue",
                                                       "Its files were kept and moved to the folder %1 (%2).")
                               .arg(m_dir + QLatin1Char('/') + kQuarantine, moved.join(QLatin1String(", ")));
        if (!failed.isEmpty())
            description += QLatin1Char(' ') +
                           QCoreApplication::translate(
                               "Spool::Queue", "These files could not be moved and were left in place: %1.")
                               .arg(failed.join(QLatin1String(", ")));
        description +=
            QLatin1Char(' ') +
            QCoreApplication::translate("Spool::Queue",
                                        "Yubisashi will not send or retry it. If it had not been sent yet, "
                                        "send it again from your mail program.");
        qCWarning(lcSpool).noquote() << description;
        if (quarantined)
            *quarantined << description;
    }

    // Content without an envelope: the process stopped between writing the
    // two files, before the mail client was told 250. The client still has
    // the message and will send it again, so this copy is not ours to keep.
    for (const QString& base : std::as_const(emls)) {
        if (envs.contains(base))
            continue;
        if (unlinkFile(m_dir + QLatin1Char('/') + base + kEmlSuffix, &error)) {
            qCInfo(lcSpool)
                << "Deleted" << (base + kEmlSuffix)
                << ": its envelope was never written, so the mail client was not told it was accepted";
            changed = true;
        } else {
            qCWarning(lcSpool).noquote() << error;
        }
    }

    if (changed && !syncDir(m_dir, &error))
        qCWarning(lcSpool).noquote() << error;

    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.received != b.received ? a.received < b.received : a.id < b.id;
    });
    return entries;
}

int Queue::purgeSent(int retentionDays)
{
    if (retentionDays < 0)
        return 0;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-retentionDays);
    const QStringList names =
        QDir(m_dir).entryList({QStringLiteral("*") + kEnvSuffix}, QDir::Files | QDir::Hidden, QDir::Name);
    int removed = 0;
    for (const QString& name : names) {
        Entry e;
        QString reason;
        // Damaged envelopes are load()'s business (quarantine), not retention's.
        if (!readEnvelope(m_dir + QLatin1Char('/') + name, &e, &reason) || e.id != name.chopped(4))
            continue;
        // updated is when the message became sent: its last change.
        if (e.state != State::Sent || e.updated > cutoff)
            continue;
        QString error;
        if (remove(e.id, &error))
            ++removed;
        else
            qCWarning(lcSpool).noquote() << error;
    }
    if (removed > 0)
        qCInfo(lcSpool) << "Removed" << removed << "sent messages older than" << retentionDays << "days";
    return removed;
}

} // namespace Spool
