#include "store/History.h"

#include "mail/DomainNames.h"
#include "mail/PersonNames.h"
#include "spool/DurableFile.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHistory, "yubisashi.history")

namespace Store {

namespace {

// The history says whom the person writes to: owner-only, like the spool. A
// missing folder is made owner-only, and the database file is created
// owner-only before SQLite opens it: SQLite gives its -wal and -shm files the
// database file's mode (on Windows they inherit the folder's owner-only
// entry). Files that an older version left readable by others are restricted.
bool makePrivate(const QString& path, QString* why)
{
    if (path == u":memory:"_s)
        return true;
    const QString folder = QFileInfo(path).absolutePath();
    Spool::DurableFile::Error e;
    if ((!QFileInfo::exists(folder) && !Spool::DurableFile::makePrivateFolder(folder, &e)) ||
        !Spool::DurableFile::createPrivateFile(path, &e)) {
        *why = e.system;
        return false;
    }
    const QStringList files{path, path + u"-wal"_s, path + u"-shm"_s};
    for (const QString& file : files) {
        bool restricted = false;
        if (!Spool::DurableFile::restrictFile(file, &e, &restricted))
            qCWarning(lcHistory).noquote() << "could not restrict" << file << "to its owner:" << e.system;
        else if (restricted)
            qCWarning(lcHistory).noquote() << "restricted" << file << "to its owner: others could read it";
    }
    return true;
}

// SQLite's limit on bound variables is 999 in old builds; stay well below.
constexpr qsizetype kChunk = 500;

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? u",?"_s : u"?"_s;
    return s;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"yubisashi-history-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

const char* const kSchemaV2[] = {
    "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS recipients(address TEXT PRIMARY KEY, domain TEXT NOT NULL, first_sent "
    "INTEGER NOT "
    "NULL, last_sent INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS recipients_domain ON recipients(domain)",
    "CREATE TABLE IF NOT EXISTS domains(domain TEXT PRIMARY KEY, first_sent INTEGER NOT NULL, last_sent "
    "INTEGER NOT "
    "NULL, count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS names(address TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, "
    "first_sent "
    "INTEGER NOT NULL, last_sent INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(address, "
    "name_key)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS names_key ON names(name_key)",
    "CREATE TABLE IF NOT EXISTS attachments(sha256 BLOB NOT NULL, domain TEXT NOT NULL, filename TEXT, "
    "first_sent "
    "INTEGER NOT NULL, last_sent INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(sha256, "
    "domain)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS threads(message_id TEXT NOT NULL, domain TEXT NOT NULL, PRIMARY "
    "KEY(message_id, "
    "domain)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS messages(message_id TEXT PRIMARY KEY, time INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS audit(id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, account "
    "TEXT, "
    "sender TEXT, recipients TEXT, subject TEXT, findings TEXT, verdict TEXT, decision TEXT NOT NULL, signed "
    "INTEGER NOT NULL DEFAULT 0, upstream_reply TEXT, message_id TEXT)",
};

// Schema 3: who is written to together. For each message with at most
// kMaxGroup recipients, every ordered pair of its recipients and of its
// domains is counted, so "whom does this person usually write to with these
// people" is one indexed lookup per message (both directions are stored so
// the lookup never needs a second index). Bigger messages are announcements
// and say nothing about who belongs together.
const char* const kSchemaV3[] = {
    "CREATE TABLE IF NOT EXISTS together(address TEXT NOT NULL, other TEXT NOT NULL, count INTEGER NOT NULL "
    "DEFAULT 0, last_sent INTEGER NOT NULL, PRIMARY KEY(address, other)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS domains_together(domain TEXT NOT NULL, other TEXT NOT NULL, count INTEGER "
    "NOT "
    "NULL DEFAULT 0, last_sent INTEGER NOT NULL, PRIMARY KEY(domain, other)) WITHOUT ROWID",
};
constexpr qsizetype kMaxGroup = 50;
// How many of the people written to with this message's recipients are
// looked at as "who was probably meant": the most frequent ones.
constexpr int kMaxNeighbours = 300;

QString normalizedMessageId(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id.trimmed();
}

// A spreadsheet runs a cell that starts with = + - @ as a formula; a subject
// is written by anyone, so such cells get a leading apostrophe.
QString csvField(QString s)
{
    if (!s.isEmpty() && QStringLiteral("=+-@\t\r").contains(s.at(0)))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char('"')) || s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r'))) {
        s.replace(u"\""_s, u"\"\""_s);
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

History::History(const QString& path) : m_path(path), m_connection(nextConnectionName()) {}

History::~History()
{
    dropStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

bool History::fail(const QString& what)
{
    m_error = what;
    return false;
}

bool History::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return fail(tr("The recipient history could not be updated (%1).").arg(q.lastError().text()));
    return true;
}

namespace {

// In the order of History::Statement.
const char* sqlOf(int which)
{
    static const char* const sql[] = {
        // Relations: everything about the recipient set in one statement, all
        // primary-key lookups (covering: WITHOUT ROWID tables keep the counts
        // in the key's b-tree). The addresses as a JSON array twice, then the domains.
        "SELECT 0, r.address, NULL, r.count, r.last_sent FROM json_each(?) j CROSS JOIN recipients r "
        "ON r.address = j.value "
        "UNION ALL SELECT 1, t.address, t.other, t.count, NULL FROM json_each(?) j CROSS JOIN together t "
        "ON t.address = j.value "
        "UNION ALL SELECT 2, d.domain, d.other, d.count, NULL FROM json_each(?) j CROSS JOIN "
        "domains_together d ON d.domain = j.value",
        // Neighbours: the use and names of the people usually written to with them.
        "SELECT r.address, r.count, r.last_sent, n.name FROM json_each(?) j CROSS JOIN recipients r "
        "ON r.address = j.value LEFT JOIN names n ON n.address = r.address",
        "INSERT OR IGNORE INTO recipients(address, domain, first_sent, last_sent, count) VALUES (?,?,?,?,0)",
        "UPDATE recipients SET last_sent = max(last_sent, ?), count = count + 1 WHERE address = ?",
        "INSERT INTO domains(domain, first_sent, last_sent, count) VALUES (?,?,?,1) "
        "ON CONFLICT(domain) DO UPDATE SET last_sent = max(last_sent, excluded.last_sent), count = count + 1",
        "INSERT INTO names(address, name, name_key, first_sent, last_sent, count) VALUES (?,?,?,?,?,1) "
        "ON CONFLICT(address, name_key) DO UPDATE SET name = excluded.name, "
        "last_sent = max(last_sent, excluded.last_sent), count = count + 1",
        // Every ordered pair of a message's recipients (domains) in one
        // statement: the time, then the same JSON array twice. (The WHERE also
        // tells SQLite's parser that ON CONFLICT is the upsert, not a join's ON.)
        "INSERT INTO together(address, other, count, last_sent) SELECT a.value, b.value, 1, ? "
        "FROM json_each(?) a CROSS JOIN json_each(?) b WHERE a.value <> b.value "
        "ON CONFLICT(address, other) DO UPDATE SET count = count + 1, "
        "last_sent = max(last_sent, excluded.last_sent)",
        "INSERT INTO domains_together(domain, other, count, last_sent) SELECT a.value, b.value, 1, ? "
        "FROM json_each(?) a CROSS JOIN json_each(?) b WHERE a.value <> b.value "
        "ON CONFLICT(domain, other) DO UPDATE SET count = count + 1, "
        "last_sent = max(last_sent, excluded.last_sent)",
        "INSERT INTO attachments(sha256, domain, filename, first_sent, last_sent, count) VALUES "
        "(?,?,?,?,?,1) "
        "ON CONFLICT(sha256, domain) DO UPDATE SET last_sent = max(last_sent, excluded.last_sent), "
        "count = count + 1",
        "INSERT OR IGNORE INTO threads(message_id, domain) VALUES (?,?)",
        "INSERT OR IGNORE INTO messages(message_id, time) VALUES (?,?)",
    };
    static_assert(std::size(sql) == 11);
    return sql[which];
}

QString jsonArray(const QStringList& values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

QSqlQuery* History::statement(Statement which)
{
    std::unique_ptr<QSqlQuery>& q = m_statements[std::size_t(which)];
    if (!q) {
        auto made = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        made->setForwardOnly(true);
        if (!made->prepare(QLatin1String(sqlOf(int(which))))) {
            fail(tr("The recipient history could not be read (%1).").arg(made->lastError().text()));
            return nullptr;
        }
        q = std::move(made);
    }
    return q.get();
}

// Before the connection closes (a prepared statement keeps it busy).
void History::dropStatements()
{
    for (std::unique_ptr<QSqlQuery>& q : m_statements)
        q.reset();
}

qint64 History::now() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
}

bool History::open()
{
    m_open = false;
    m_allDomains.reset();
    dropStatements();
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    if (!db.isValid())
        return fail(tr("The recipient history cannot be used: the SQLite driver of Qt is missing."));
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_busyTimeoutMs));
    QString systemError;
    if (!makePrivate(m_path, &systemError))
        return fail(tr("The recipient history %1 could not be opened (%2).").arg(m_path, systemError));
    if (!db.open())
        return fail(
            tr("The recipient history %1 could not be opened (%2).").arg(m_path, db.lastError().text()));

    // The first statement reads the file: a corrupt file or a lock held by
    // another program shows up here.
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
        const QString detail = q.lastError().text();
        db.close();
        if (detail.contains(u"locked"_s, Qt::CaseInsensitive) ||
            detail.contains(u"busy"_s, Qt::CaseInsensitive)) {
            return fail(tr("The recipient history %1 is in use by another program. Checks that need it are "
                           "skipped until it is free.")
                            .arg(m_path));
        }
        return fail(
            tr("The recipient history %1 is damaged or is not a Yubisashi history (%2). Move the file "
               "away to start a new history; checks that need it are skipped until then.")
                .arg(m_path, detail));
    }
    q.exec(u"PRAGMA synchronous=NORMAL"_s);

    int version = 0;
    if (q.exec(u"SELECT version FROM schema_version"_s) && q.next())
        version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        db.close();
        return fail(
            tr("The recipient history %1 was written by a newer version of Yubisashi (schema %2; this "
               "version reads up to %3). Update Yubisashi.")
                .arg(m_path)
                .arg(version)
                .arg(kSchemaVersion));
    }
    const bool ok = version == 0 ? createSchema() : migrate(version);
    if (!ok) {
        const QString why = m_error;
        db.close();
        return fail(why);
    }
    m_open = true;
    m_error.clear();
    return true;
}

int History::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(u"SELECT version FROM schema_version"_s) && q.next())
        return q.value(0).toInt();
    return 0;
}

bool History::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    for (const char* sql : kSchemaV2) {
        if (!exec(QLatin1String(sql))) {
            db.rollback();
            return false;
        }
    }
    for (const char* sql : kSchemaV3) {
        if (!exec(QLatin1String(sql))) {
            db.rollback();
            return false;
        }
    }
    if (!exec(u"DELETE FROM schema_version"_s) ||
        !exec(u"INSERT INTO schema_version(version) VALUES (%1)"_s.arg(kSchemaVersion))) {
        db.rollback();
        return false;
    }
    if (!db.commit())
        return fail(tr("The recipient history could not be created (%1).").arg(db.lastError().text()));
    return true;
}

bool History::migrate(int from)
{
    if (from == kSchemaVersion)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // One transaction per migration: a failure leaves the old schema intact.
    if (!db.transaction())
        return fail(tr("The recipient history could not be upgraded (%1).").arg(db.lastError().text()));
    bool ok = true;
    if (from == 1)
        ok = migrateV1toV2();
    if (ok && from <= 2)
        ok = migrateV2toV3();
    if (ok)
        ok = exec(u"UPDATE schema_version SET version = %1"_s.arg(kSchemaVersion));
    if (!ok) {
        const QString why = m_error;
        db.rollback();
        return fail(tr("The recipient history could not be upgraded from schema %1: %2").arg(from).arg(why));
    }
    if (!db.commit())
        return fail(tr("The recipient history could not be upgraded (%1).").arg(db.lastError().text()));
    return true;
}

// Schema 3 adds who was written to together. Older mail cannot be replayed
// (only counts were kept), so the tables start empty: the unusual-recipient
// check stays silent until new mail (or a history import of messages not
// imported before) fills them.
bool History::migrateV2toV3()
{
    for (const char* sql : kSchemaV3) {
        if (!exec(QLatin1String(sql)))
            return false;
    }
    return true;
}

// Schema 1 kept one display name per recipient, no domains and a shorter
// audit record. Addresses are re-keyed (domain to ACE, lower case), which
// may merge rows that differed only in spelling.
bool History::migrateV1toV2()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!exec(u"ALTER TABLE recipients RENAME TO recipients_v1"_s))
        return false;
    for (const char* sql : kSchemaV2) {
        if (!exec(QLatin1String(sql)))
            return false;
    }
    for (const char* column :
         {"findings TEXT", "verdict TEXT", "signed INTEGER NOT NULL DEFAULT 0", "message_id TEXT"}) {
        if (!exec(u"ALTER TABLE audit ADD COLUMN "_s + QLatin1String(column)))
            return false;
    }
    QSqlQuery read(db);
    if (!read.exec(u"SELECT address, display_name, first_sent, last_sent, count FROM recipients_v1"_s))
        return fail(read.lastError().text());
    QSqlQuery rcpt(db);
    rcpt.prepare(u"INSERT INTO recipients(address, domain, first_sent, last_sent, count) VALUES (?,?,?,?,?) "
                 "ON CONFLICT(address) DO UPDATE SET first_sent = min(first_sent, excluded.first_sent), "
                 "last_sent = max(last_sent, excluded.last_sent), count = count + excluded.count"_s);
    QSqlQuery dom(db);
    dom.prepare(u"INSERT INTO domains(domain, first_sent, last_sent, count) VALUES (?,?,?,?) "
                "ON CONFLICT(domain) DO UPDATE SET first_sent = min(first_sent, excluded.first_sent), "
                "last_sent = max(last_sent, excluded.last_sent), count = count + excluded.count"_s);
    QSqlQuery name(db);
    name.prepare(
        u"INSERT INTO names(address, name, name_key, first_sent, last_sent, count) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(address, name_key) DO UPDATE SET count = count + excluded.count"_s);
    while (read.next()) {
        const QString address = Mail::DomainNames::addressKey(read.value(0).toString());
        const QString domain = Mail::DomainNames::domainOf(address);
        const qint64 first = read.value(2).toLongLong();
        const qint64 last = read.value(3).toLongLong();
        const qint64 count = read.value(4).toLongLong();
        rcpt.addBindValue(address);
        rcpt.addBindValue(domain);
        rcpt.addBindValue(first);
        rcpt.addBindValue(last);
        rcpt.addBindValue(count);
        if (!rcpt.exec())
            return fail(rcpt.lastError().text());
        dom.addBindValue(domain);
        dom.addBindValue(first);
        dom.addBindValue(last);
        dom.addBindValue(count);
        if (!dom.exec())
            return fail(dom.lastError().text());
        const QString displayName = read.value(1).toString().trimmed();
        const QString key = Mail::PersonNames::key(displayName);
        if (!key.isEmpty()) {
            name.addBindValue(address);
            name.addBindValue(displayName);
            name.addBindValue(key);
            name.addBindValue(first);
            name.addBindValue(last);
            name.addBindValue(count);
            if (!name.exec())
                return fail(name.lastError().text());
        }
    }
    read.finish();
    return exec(u"DROP TABLE recipients_v1"_s);
}

namespace {

// Runs "SELECT ... WHERE column IN (...)" for values and hands each row to
// sink. Strings go in as one JSON array (json_each): one statement and one
// bound value however many recipients a message has, which is several times
// faster than hundreds of placeholders.
template <typename Sink>
bool selectIn(const QSqlDatabase& db, const QString& sqlBefore, const QStringList& values, QString* error,
              Sink sink)
{
    if (values.isEmpty())
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sqlBefore + u" IN (SELECT value FROM json_each(?))"_s)) {
        *error = q.lastError().text();
        return false;
    }
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        sink(q);
    return true;
}

template <typename Sink>
bool selectIn(const QSqlDatabase& db, const QString& sqlBefore, const QList<QByteArray>& values,
              QString* error, Sink sink)
{
    for (qsizetype start = 0; start < values.size(); start += kChunk) {
        const qsizetype n = std::min(kChunk, values.size() - start);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sqlBefore + u" IN ("_s + placeholders(n) + u")"_s)) {
            *error = q.lastError().text();
            return false;
        }
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(values.at(start + i));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next())
            sink(q);
    }
    return true;
}

} // namespace

template <typename T, typename Sink>
bool History::query(const QString& sqlBefore, const QList<T>& values, Sink sink)
{
    if (!m_open)
        return false;
    QString detail;
    if (!selectIn(QSqlDatabase::database(m_connection, false), sqlBefore, values, &detail, sink))
        return fail(tr("The recipient history could not be read (%1).").arg(detail));
    return true;
}

bool History::facts(const Review::HistoryQuestion& question, Review::HistoryFacts* out, QString* problem)
{
    *out = Review::HistoryFacts();
    if (!m_open) {
        *problem = m_error;
        return false;
    }
    const bool good = knownAddresses(question.addressKeys, &out->knownAddresses) &&
                      knownDomains(question.domains, &out->knownDomains) && allDomains(&out->allDomains) &&
                      namesByAddress(question.addressKeys, &out->namesByAddress) &&
                      addressesByName(question.nameKeys, &out->addressesByName) &&
                      (question.threadIds.isEmpty() ||
                       threadDomains(question.threadIds, &out->threadKnown, &out->threadDomains)) &&
                      attachmentDomains(question.attachmentHashes, &out->attachmentDomains) &&
                      relationships(question.addressKeys, question.domains, out);
    if (!good) {
        *problem = m_error;
        *out = Review::HistoryFacts();
        return false;
    }
    return true;
}

bool History::relationships(const QStringList& addressKeys, const QStringList& domains,
                            Review::HistoryFacts* out)
{
    if (!m_open)
        return false;
    if (addressKeys.isEmpty() && domains.isEmpty())
        return true;
    auto readFailed = [this](const QSqlQuery& q) {
        return fail(tr("The recipient history could not be read (%1).").arg(q.lastError().text()));
    };
    // One statement for the recipient set: their use, whom each was written
    // to with, and which domains with theirs.
    QSqlQuery* q = statement(Statement::Relations);
    if (!q)
        return false;
    const QString keys = jsonArray(addressKeys);
    q->bindValue(0, keys);
    q->bindValue(1, keys);
    q->bindValue(2, jsonArray(domains));
    if (!q->exec())
        return readFailed(*q);
    const QSet<QString> inMessage(addressKeys.cbegin(), addressKeys.cend());
    QHash<QString, int> neighbourWeight;
    while (q->next()) {
        const QString key = q->value(1).toString();
        switch (q->value(0).toInt()) {
        case 0:
            out->usage.insert(key, Review::HistoryFacts::Use{q->value(3).toInt(), q->value(4).toLongLong()});
            break;
        case 1: {
            const QString other = q->value(2).toString();
            const int count = q->value(3).toInt();
            out->together[key].insert(other, count);
            if (!inMessage.contains(other))
                neighbourWeight[other] += count;
            break;
        }
        default:
            out->domainsTogether[key].insert(q->value(2).toString(), q->value(3).toInt());
            break;
        }
    }
    const bool failed = q->lastError().isValid();
    // Ends the read: a statement left open would keep its snapshot of the file.
    q->finish();
    if (failed)
        return readFailed(*q);
    if (neighbourWeight.isEmpty())
        return true;

    // The people usually written to with these recipients, most frequent first:
    // their names and use, to say who was probably meant.
    QStringList neighbours = neighbourWeight.keys();
    std::sort(neighbours.begin(), neighbours.end(), [&](const QString& a, const QString& b) {
        const int wa = neighbourWeight.value(a), wb = neighbourWeight.value(b);
        return wa != wb ? wa > wb : a < b;
    });
    if (neighbours.size() > kMaxNeighbours)
        neighbours.resize(kMaxNeighbours);
    QSqlQuery* n = statement(Statement::Neighbours);
    if (!n)
        return false;
    n->bindValue(0, jsonArray(neighbours));
    if (!n->exec())
        return readFailed(*n);
    QString last;
    while (n->next()) {
        const QString address = n->value(0).toString();
        if (address != last) {
            out->usage.insert(address,
                              Review::HistoryFacts::Use{n->value(1).toInt(), n->value(2).toLongLong()});
            last = address;
        }
        if (!n->isNull(3))
            out->neighbourNames[address] << n->value(3).toString();
    }
    const bool neighboursFailed = n->lastError().isValid();
    n->finish();
    return neighboursFailed ? readFailed(*n) : true;
}

bool History::knownAddresses(const QStringList& addressKeys, QSet<QString>* out)
{
    return query(u"SELECT address FROM recipients WHERE address"_s, addressKeys,
                 [out](const QSqlQuery& q) { out->insert(q.value(0).toString()); });
}

bool History::knownDomains(const QStringList& domains, QSet<QString>* out)
{
    return query(u"SELECT domain FROM domains WHERE domain"_s, domains,
                 [out](const QSqlQuery& q) { out->insert(q.value(0).toString()); });
}

bool History::namesByAddress(const QStringList& addressKeys, QHash<QString, QStringList>* out)
{
    return query(u"SELECT address, name FROM names WHERE address"_s, addressKeys,
                 [out](const QSqlQuery& q) { (*out)[q.value(0).toString()] << q.value(1).toString(); });
}

bool History::addressesByName(const QStringList& nameKeys, QHash<QString, QStringList>* out)
{
    return query(u"SELECT name_key, address FROM names WHERE name_key"_s, nameKeys,
                 [out](const QSqlQuery& q) { (*out)[q.value(0).toString()] << q.value(1).toString(); });
}

bool History::attachmentDomains(const QList<QByteArray>& sha256s, QHash<QByteArray, QSet<QString>>* out)
{
    return query(
        u"SELECT sha256, domain FROM attachments WHERE sha256"_s, sha256s,
        [out](const QSqlQuery& q) { (*out)[q.value(0).toByteArray()].insert(q.value(1).toString()); });
}

bool History::threadDomains(const QStringList& messageIds, bool* known, QSet<QString>* out)
{
    *known = false;
    QStringList ids;
    for (const QString& id : messageIds) {
        const QString n = normalizedMessageId(id);
        if (!n.isEmpty())
            ids << n;
    }
    return query(u"SELECT domain FROM threads WHERE message_id"_s, ids, [out, known](const QSqlQuery& q) {
        *known = true;
        out->insert(q.value(0).toString());
    });
}

bool History::allDomains(QStringList* out)
{
    if (!m_open)
        return false;
    if (!m_allDomains) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT domain FROM domains"_s))
            return fail(tr("The recipient history could not be read (%1).").arg(q.lastError().text()));
        QStringList all;
        while (q.next())
            all << q.value(0).toString();
        m_allDomains = all;
    }
    *out = *m_allDomains;
    return true;
}

qint64 History::recipientCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return m_open && q.exec(u"SELECT count(*) FROM recipients"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 History::auditCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return m_open && q.exec(u"SELECT count(*) FROM audit"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

bool History::beginBatch()
{
    if (!m_open)
        return false;
    if (m_batchDepth++ == 0 && !QSqlDatabase::database(m_connection, false).transaction()) {
        m_batchDepth = 0;
        return fail(tr("The recipient history could not be updated (%1).")
                        .arg(QSqlDatabase::database(m_connection, false).lastError().text()));
    }
    return true;
}

void History::setBulkLoad(bool on)
{
    if (!m_open)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Negative: KiB. -2000 is SQLite's default.
    q.exec(on ? u"PRAGMA cache_size=-262144"_s : u"PRAGMA cache_size=-2000"_s);
}

bool History::commitBatch()
{
    if (m_batchDepth == 0)
        return false;
    if (--m_batchDepth == 0) {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.commit()) {
            const QString detail = db.lastError().text();
            db.rollback();
            m_allDomains.reset();
            return fail(tr("The recipient history could not be updated (%1).").arg(detail));
        }
    }
    return true;
}

bool History::learn(const QList<Person>& people, const QStringList& threadIds,
                    const QList<Mime::Attachment>& attachments, const QString& messageId, qint64 when,
                    int* newRecipients)
{
    auto error = [this](const QSqlQuery* q) {
        return fail(tr("The recipient history could not be updated (%1).").arg(q->lastError().text()));
    };

    QSqlQuery* insertRcpt = statement(Statement::InsertRecipient);
    QSqlQuery* updateRcpt = statement(Statement::UpdateRecipient);
    QSqlQuery* domain = statement(Statement::UpsertDomain);
    QSqlQuery* name = statement(Statement::UpsertName);
    if (!insertRcpt || !updateRcpt || !domain || !name)
        return false;

    QSet<QString> domains;
    QSet<QString> seen;
    QStringList seenOrder;
    for (const Person& p : people) {
        if (p.address.isEmpty() || !p.address.contains(QLatin1Char('@')) || seen.contains(p.address))
            continue;
        seen.insert(p.address);
        seenOrder << p.address;
        const QString d = Mail::DomainNames::domainOf(p.address);
        insertRcpt->addBindValue(p.address);
        insertRcpt->addBindValue(d);
        insertRcpt->addBindValue(when);
        insertRcpt->addBindValue(when);
        if (!insertRcpt->exec())
            return error(insertRcpt);
        if (newRecipients && insertRcpt->numRowsAffected() > 0)
            ++*newRecipients;
        updateRcpt->addBindValue(when);
        updateRcpt->addBindValue(p.address);
        if (!updateRcpt->exec())
            return error(updateRcpt);
        if (!domains.contains(d)) {
            domains.insert(d);
            domain->addBindValue(d);
            domain->addBindValue(when);
            domain->addBindValue(when);
            if (!domain->exec())
                return error(domain);
            if (m_allDomains && !m_allDomains->contains(d))
                m_allDomains->append(d);
        }
        const QString key = Mail::PersonNames::key(p.name);
        if (!key.isEmpty()) {
            name->addBindValue(p.address);
            name->addBindValue(p.name.trimmed());
            name->addBindValue(key);
            name->addBindValue(when);
            name->addBindValue(when);
            if (!name->exec())
                return error(name);
        }
    }

    if (!learnTogether(seenOrder, when) ||
        !learnTogether(QStringList(domains.cbegin(), domains.cend()), when, true))
        return false;

    if (!attachments.isEmpty()) {
        QSqlQuery* att = statement(Statement::UpsertAttachment);
        if (!att)
            return false;
        for (const Mime::Attachment& a : attachments) {
            if (a.sha256.isEmpty())
                continue;
            for (const QString& d : std::as_const(domains)) {
                att->addBindValue(a.sha256);
                att->addBindValue(d);
                att->addBindValue(a.filename);
                att->addBindValue(when);
                att->addBindValue(when);
                if (!att->exec())
                    return error(att);
            }
        }
    }

    // Every id of the conversation points to its domains, so a later reply to
    // any message of the thread finds them.
    QSqlQuery* thread = statement(Statement::InsertThread);
    if (!thread)
        return false;
    for (const QString& rawId : threadIds) {
        const QString id = normalizedMessageId(rawId);
        if (id.isEmpty())
            continue;
        for (const QString& d : std::as_const(domains)) {
            thread->addBindValue(id);
            thread->addBindValue(d);
            if (!thread->exec())
                return error(thread);
        }
    }
    const QString id = normalizedMessageId(messageId);
    if (!id.isEmpty()) {
        QSqlQuery* msg = statement(Statement::InsertMessage);
        if (!msg)
            return false;
        msg->addBindValue(id);
        msg->addBindValue(when);
        if (!msg->exec())
            return error(msg);
    }
    return true;
}

bool History::learnTogether(const QStringList& keys, qint64 when, bool domains)
{
    if (keys.size() < 2 || keys.size() > kMaxGroup)
        return true;
    // All n(n-1) pairs in one statement: the pairs are made by SQLite, not
    // bound one by one.
    QSqlQuery* q = statement(domains ? Statement::UpsertDomainsTogether : Statement::UpsertTogether);
    if (!q)
        return false;
    const QString json = jsonArray(keys);
    q->bindValue(0, when);
    q->bindValue(1, json);
    q->bindValue(2, json);
    if (!q->exec())
        return fail(tr("The recipient history could not be updated (%1).").arg(q->lastError().text()));
    return true;
}

bool History::writeAudit(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                         const QString& account, const Review::MessageReview& review, const QString& decision,
                         bool isSigned, const QString& upstreamReply)
{
    QStringList recipients;
    if (!review.recipients.isEmpty()) {
        for (const Review::Recipient& r : review.recipients)
            recipients << fieldName(r.field) + QLatin1Char(':') + r.address;
    } else {
        recipients = envelope.recipients;
    }
    QStringList findings;
    for (const Review::Finding& f : review.findings) {
        if (!findings.contains(f.code))
            findings << f.code;
    }
    const QString sender = !view.from.address.isEmpty() ? view.from.address : envelope.mailFrom;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        u"INSERT INTO audit(time, account, sender, recipients, subject, findings, verdict, decision, signed, "
        "upstream_reply, message_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(QDateTime::fromSecsSinceEpoch(now(), Qt::UTC).toString(Qt::ISODate));
    q.addBindValue(account);
    q.addBindValue(sender);
    q.addBindValue(recipients.join(u", "_s));
    q.addBindValue(view.subject);
    q.addBindValue(findings.join(u" "_s));
    q.addBindValue(verdictName(review.verdict));
    q.addBindValue(decision);
    q.addBindValue(isSigned ? 1 : 0);
    q.addBindValue(upstreamReply);
    q.addBindValue(normalizedMessageId(view.messageId));
    if (!q.exec())
        return fail(tr("The audit log could not be written (%1).").arg(q.lastError().text()));
    return true;
}

bool History::recordDelivered(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                              const QString& account, const Review::MessageReview& review,
                              const QString& decision, bool isSigned, const QString& upstreamReply)
{
    if (!m_open)
        return false;
    // The envelope is who received it; names come from the review (the headers).
    QList<Person> people;
    if (!review.recipients.isEmpty()) {
        for (const Review::Recipient& r : review.recipients)
            people << Person{Mail::DomainNames::addressKey(r.address), r.name};
    } else {
        for (const QString& r : envelope.recipients)
            people << Person{Mail::DomainNames::addressKey(r), QString()};
    }
    QStringList threadIds = view.references;
    threadIds << view.inReplyTo << view.messageId;
    const qint64 when = now();
    if (!beginBatch())
        return false;
    const bool ok = learn(people, threadIds, view.attachments, view.messageId, when, nullptr) &&
                    writeAudit(view, envelope, account, review, decision, isSigned, upstreamReply);
    if (!ok) {
        const QString why = m_error;
        m_batchDepth = 0;
        QSqlDatabase::database(m_connection, false).rollback();
        m_allDomains.reset();
        return fail(why);
    }
    return commitBatch();
}

bool History::recordNotDelivered(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                                 const QString& account, const Review::MessageReview& review,
                                 const QString& decision, const QString& upstreamReply)
{
    if (!m_open)
        return false;
    return writeAudit(view, envelope, account, review, decision, false, upstreamReply);
}

bool History::learnSent(const Mime::MessageView& view, int* newRecipients, bool* skipped)
{
    if (skipped)
        *skipped = false;
    if (!m_open)
        return false;
    const QString id = normalizedMessageId(view.messageId);
    if (!id.isEmpty()) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(u"SELECT 1 FROM messages WHERE message_id = ?"_s);
        q.addBindValue(id);
        if (!q.exec())
            return fail(tr("The recipient history could not be read (%1).").arg(q.lastError().text()));
        if (q.next()) {
            if (skipped)
                *skipped = true;
            return true;
        }
    }
    QList<Person> people;
    for (const QList<Mime::Mailbox>* list : {&view.to, &view.cc, &view.bcc}) {
        for (const Mime::Mailbox& m : *list)
            people << Person{Mail::DomainNames::addressKey(m.addressAce.isEmpty() ? m.address : m.addressAce),
                             m.name};
    }
    QStringList threadIds = view.references;
    threadIds << view.inReplyTo << view.messageId;
    const qint64 when = view.date.isValid() ? view.date.toSecsSinceEpoch() : now();
    return learn(people, threadIds, view.attachments, view.messageId, when, newRecipients);
}

bool History::exportAuditCsv(const QString& path, QString* error)
{
    auto failWith = [&](const QString& message) {
        if (error)
            *error = message;
        m_error = message;
        return false;
    };
    if (!m_open)
        return failWith(m_error.isEmpty() ? tr("The recipient history is not open.") : m_error);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT time, account, sender, recipients, subject, findings, verdict, decision, signed, "
                "upstream_reply, message_id FROM audit ORDER BY id"_s))
        return failWith(tr("The audit log could not be read (%1).").arg(q.lastError().text()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failWith(tr("%1 could not be written (%2).").arg(path, file.errorString()));
    file.write("\xEF\xBB\xBF");
    file.write("time,account,sender,recipients,subject,findings,verdict,decision,signed,upstream_reply,"
               "message_id\r\n");
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < 11; ++i)
            cells << csvField(q.value(i).toString());
        file.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (!file.commit())
        return failWith(tr("%1 could not be written (%2).").arg(path, file.errorString()));
    return true;
}

} // namespace Store
