#include "store/HistorySearch.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Store {

namespace {

// "a_b%" is searched for literally: LIKE wildcards in the text are escaped.
QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

HistorySearch::HistorySearch(const QString& path) : m_path(path)
{
    static QAtomicInt counter;
    m_connection = u"yubisashi-history-search-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

HistorySearch::~HistorySearch()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool HistorySearch::openDatabase(bool* exists, QString* error)
{
    *exists = QFileInfo::exists(m_path);
    if (!*exists)
        return false;
    if (!QSqlDatabase::contains(m_connection)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=500"_s);
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen() && !db.open()) {
        *error = tr("%1 cannot be opened (%2).").arg(m_path, db.lastError().text());
        return false;
    }
    return true;
}

bool HistorySearch::recipients(const QString& text, int limit, QList<Recipient>* out, QString* error)
{
    out->clear();
    bool exists = false;
    if (!openDatabase(&exists, error))
        return !exists; // no file: nothing was sent yet, which is not an error
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT r.address, r.domain, r.first_sent, r.last_sent, r.count, "
        "(SELECT group_concat(name, char(10)) FROM (SELECT name FROM names n WHERE n.address = r.address "
        "ORDER BY n.count DESC, n.last_sent DESC LIMIT 5)) "
        "FROM recipients r WHERE ? = '' OR r.address LIKE ? ESCAPE '\\' OR r.domain LIKE ? ESCAPE '\\' "
        "OR EXISTS (SELECT 1 FROM names n WHERE n.address = r.address AND n.name LIKE ? ESCAPE '\\') "
        "ORDER BY r.last_sent DESC, r.address LIMIT ?"_s);
    const QString pattern = likePattern(text);
    q.addBindValue(text);
    q.addBindValue(pattern);
    q.addBindValue(pattern);
    q.addBindValue(pattern);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = tr("the recipients could not be read (%1)").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        Recipient r;
        r.address = q.value(0).toString();
        r.domain = q.value(1).toString();
        r.firstSent = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        r.lastSent = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        r.count = q.value(4).toLongLong();
        const QString names = q.value(5).toString();
        if (!names.isEmpty())
            r.names = names.split(u'\n');
        out->append(r);
    }
    return true;
}

bool HistorySearch::auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error)
{
    out->clear();
    bool exists = false;
    if (!openDatabase(&exists, error))
        return !exists;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT time, account, sender, recipients, subject, findings, decision, signed, upstream_reply "
        "FROM audit WHERE ? = '' OR sender LIKE ? ESCAPE '\\' OR recipients LIKE ? ESCAPE '\\' "
        "OR subject LIKE ? ESCAPE '\\' OR decision LIKE ? ESCAPE '\\' OR account LIKE ? ESCAPE '\\' "
        "ORDER BY id DESC LIMIT ?"_s);
    const QString pattern = likePattern(text);
    q.addBindValue(text);
    for (int i = 0; i < 5; ++i)
        q.addBindValue(pattern);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = tr("the audit log could not be read (%1)").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        AuditRecord r;
        r.time = QDateTime::fromString(q.value(0).toString(), Qt::ISODate).toUTC();
        r.account = q.value(1).toString();
        r.sender = q.value(2).toString();
        r.recipients = q.value(3).toString();
        r.subject = q.value(4).toString();
        r.findings = q.value(5).toString();
        r.decision = q.value(6).toString();
        r.isSigned = q.value(7).toInt() != 0;
        r.upstreamReply = q.value(8).toString();
        out->append(r);
    }
    return true;
}

} // namespace Store
