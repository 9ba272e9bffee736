#include "ReviewFixture.h"
#include "store/History.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Fixture::mailbox;
using Store::History;

class TestHistory : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createsSchemaInWalMode();
    void recordDeliveredTeachesEverything();
    void recordNotDeliveredWritesAuditOnly();
    void learnSentCountsOnce();
    void relationshipsOfTheRecipients();
    void relationshipLookupsSeeNewMail();
    void migratesFromV1();
    void refusesNewerSchema();
    void corruptFileIsReported();
    void lockedFileIsReported();
    void exportsAuditCsv();
    void closedHistoryAnswersNothing();
    void filesArePrivate();

private:
    static Review::MessageReview reviewOf(const Mime::MessageView& v);
    QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Review::MessageReview TestHistory::reviewOf(const Mime::MessageView& v)
{
    Review::MessageReview r;
    const Smtp::Envelope e = Fixture::envelopeOf(v);
    r.recipients = Review::Reviewer::recipientsOf(v, e, Review::DomainMatcher({u"example.co.jp"_s}), nullptr);
    Review::Finding f;
    f.code = u"first-time-recipient"_s;
    r.findings << f;
    r.verdict = Review::Verdict::Review;
    return r;
}

void TestHistory::createsSchemaInWalMode()
{
    History h(path(u"h.sqlite"_s));
    QVERIFY2(h.open(), qPrintable(h.errorString()));
    QCOMPARE(h.schemaVersion(), History::kSchemaVersion);
    QCOMPARE(h.recipientCount(), 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path(u"h.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    // Opening again keeps the data and the schema.
    History again(path(u"h.sqlite"_s));
    QVERIFY(again.open());
    QCOMPARE(again.schemaVersion(), History::kSchemaVersion);
}

void TestHistory::recordDeliveredTeachesEverything()
{
    History h(path(u"h.sqlite"_s));
    QVERIFY(h.open());
    auto v = Fixture::message({mailbox(u"Yamada@Partner.example"_s, u"山田 太郎"_s)}, u"body"_s,
                              {mailbox(u"b@\u4F8B\u3048.jp"_s)});
    v.messageId = u"<m1@example.co.jp>"_s;
    v.references = {u"<root@partner.example>"_s};
    v.attachments << Fixture::attachment(u"plan.pdf"_s, "plan");
    const Smtp::Envelope e = Fixture::envelopeOf(v);
    QVERIFY2(h.recordDelivered(v, e, u"work"_s, reviewOf(v), u"sent"_s, true, u"250 2.0.0 OK"_s),
             qPrintable(h.errorString()));

    const QString idn = u"b@"_s + Mail::DomainNames::toAce(u"\u4F8B\u3048.jp"_s);
    QSet<QString> known;
    QVERIFY(h.knownAddresses({u"yamada@partner.example"_s, idn, u"other@partner.example"_s}, &known));
    QCOMPARE(known, (QSet<QString>{u"yamada@partner.example"_s, idn}));
    QSet<QString> domains;
    QVERIFY(h.knownDomains({u"partner.example"_s, u"nowhere.example"_s}, &domains));
    QCOMPARE(domains, QSet<QString>{u"partner.example"_s});
    QStringList all;
    QVERIFY(h.allDomains(&all));
    QCOMPARE(all.size(), 2);

    QHash<QString, QStringList> names;
    QVERIFY(h.namesByAddress({u"yamada@partner.example"_s}, &names));
    QCOMPARE(names.value(u"yamada@partner.example"_s), QStringList{u"山田 太郎"_s});
    QHash<QString, QStringList> byName;
    QVERIFY(h.addressesByName({Mail::PersonNames::key(u"山田太郎"_s)}, &byName));
    QCOMPARE(byName.value(Mail::PersonNames::key(u"山田太郎"_s)), QStringList{u"yamada@partner.example"_s});

    // Any message of the conversation finds its domains.
    for (const QString& id : {u"<m1@example.co.jp>"_s, u"root@partner.example"_s}) {
        bool threadKnown = false;
        QSet<QString> thread;
        QVERIFY(h.threadDomains({id}, &threadKnown, &thread));
        QVERIFY(threadKnown);
        QVERIFY(thread.contains(u"partner.example"_s));
    }
    bool threadKnown = true;
    QSet<QString> none;
    QVERIFY(h.threadDomains({u"<unknown@x>"_s}, &threadKnown, &none));
    QVERIFY(!threadKnown);

    QHash<QByteArray, QSet<QString>> att;
    QVERIFY(h.attachmentDomains({v.attachments.first().sha256}, &att));
    QVERIFY(att.value(v.attachments.first().sha256).contains(u"partner.example"_s));
    QCOMPARE(h.auditCount(), 1);

    // Nothing is lost when the file is opened again.
    History again(path(u"h.sqlite"_s));
    QVERIFY(again.open());
    QCOMPARE(again.recipientCount(), 2);
}

void TestHistory::recordNotDeliveredWritesAuditOnly()
{
    History h(path(u"h.sqlite"_s));
    QVERIFY(h.open());
    const auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    QVERIFY(
        h.recordNotDelivered(v, Fixture::envelopeOf(v), u"work"_s, reviewOf(v), u"cancelled"_s, QString()));
    QCOMPARE(h.auditCount(), 1);
    QCOMPARE(h.recipientCount(), 0);
}

void TestHistory::learnSentCountsOnce()
{
    History h(u":memory:"_s);
    QVERIFY(h.open());
    auto v = Fixture::message({mailbox(u"a@partner.example"_s), mailbox(u"b@partner.example"_s)});
    v.bcc << mailbox(u"c@hidden.example"_s);
    int fresh = 0;
    bool skipped = true;
    QVERIFY(h.beginBatch());
    QVERIFY(h.learnSent(v, &fresh, &skipped));
    QVERIFY(!skipped);
    QCOMPARE(fresh, 3);
    QVERIFY(h.learnSent(v, &fresh, &skipped)); // the same Sent folder imported twice
    QVERIFY(skipped);
    QCOMPARE(fresh, 3);
    v.messageId = u"<m2@example.co.jp>"_s;
    v.to << mailbox(u"d@partner.example"_s);
    QVERIFY(h.learnSent(v, &fresh, &skipped));
    QCOMPARE(fresh, 4);
    QVERIFY(h.commitBatch());
    QCOMPARE(h.recipientCount(), 4);
    QCOMPARE(h.auditCount(), 0); // learning is not sending
}

namespace {

// Learns one sent message to these people, as import-history does.
void learnMessage(History* h, const QString& id, const QList<Mime::Mailbox>& to)
{
    auto v = Fixture::message(to);
    v.messageId = id;
    int fresh = 0;
    QVERIFY2(h->learnSent(v, &fresh), qPrintable(h->errorString()));
}

} // namespace

// Who was written to together, as the unusual-recipient check reads it: the
// use of each recipient, every person and domain each was written to with
// (counted over messages), and the names and use of the people usually with
// them who are not in this message.
void TestHistory::relationshipsOfTheRecipients()
{
    History h(path(u"h.sqlite"_s));
    QVERIFY(h.open());
    QVERIFY(h.beginBatch());
    const auto a = mailbox(u"a@x.example"_s, u"Ann Archer"_s);
    const auto b = mailbox(u"b@y.example"_s, u"Bob Baker"_s);
    const auto c = mailbox(u"c@y.example"_s, u"Cleo Clark"_s);
    const auto d = mailbox(u"d@z.example"_s, u"Dan Drake"_s);
    learnMessage(&h, u"<m1@example.co.jp>"_s, {a, b, c});
    learnMessage(&h, u"<m2@example.co.jp>"_s, {a, b, c});
    learnMessage(&h, u"<m3@example.co.jp>"_s, {a, d});
    QVERIFY(h.commitBatch());

    Review::HistoryFacts f;
    QVERIFY(h.relationships({u"a@x.example"_s, u"b@y.example"_s, u"new@w.example"_s},
                            {u"x.example"_s, u"y.example"_s, u"w.example"_s}, &f));
    QCOMPARE(f.usage.value(u"a@x.example"_s).count, 3);
    QCOMPARE(f.usage.value(u"b@y.example"_s).count, 2);
    QCOMPARE(f.usage.value(u"c@y.example"_s).count, 2); // neighbours too
    QCOMPARE(f.usage.value(u"d@z.example"_s).count, 1);
    QVERIFY(!f.usage.contains(u"new@w.example"_s));
    QCOMPARE(f.together.value(u"a@x.example"_s),
             (QHash<QString, int>{{u"b@y.example"_s, 2}, {u"c@y.example"_s, 2}, {u"d@z.example"_s, 1}}));
    QCOMPARE(f.together.value(u"b@y.example"_s),
             (QHash<QString, int>{{u"a@x.example"_s, 2}, {u"c@y.example"_s, 2}}));
    QVERIFY(!f.together.contains(u"new@w.example"_s));
    QCOMPARE(f.neighbourNames, (QHash<QString, QStringList>{{u"c@y.example"_s, {u"Cleo Clark"_s}},
                                                            {u"d@z.example"_s, {u"Dan Drake"_s}}}));
    QCOMPARE(f.domainsTogether.value(u"x.example"_s),
             (QHash<QString, int>{{u"y.example"_s, 2}, {u"z.example"_s, 1}}));
    QCOMPARE(f.domainsTogether.value(u"y.example"_s), (QHash<QString, int>{{u"x.example"_s, 2}}));
    QVERIFY(!f.domainsTogether.contains(u"w.example"_s));

    // A message of more than 50 recipients is an announcement: no pairs.
    QList<Mime::Mailbox> many;
    for (int i = 0; i < 51; ++i)
        many << mailbox(u"p%1@big.example"_s.arg(i));
    learnMessage(&h, u"<m4@example.co.jp>"_s, many);
    Review::HistoryFacts big;
    QVERIFY(h.relationships({u"p0@big.example"_s}, {u"big.example"_s}, &big));
    QCOMPARE(big.usage.value(u"p0@big.example"_s).count, 1);
    QVERIFY(big.together.isEmpty());
    QVERIFY(big.domainsTogether.isEmpty());
}

// The lookup's statements are prepared once and kept; they must not keep
// reading an old snapshot of the file when the running app or an import
// (another connection) learned more, nor break when the history is reopened.
void TestHistory::relationshipLookupsSeeNewMail()
{
    History reader(path(u"h.sqlite"_s));
    QVERIFY(reader.open());
    History writer(path(u"h.sqlite"_s));
    QVERIFY(writer.open());
    const auto a = mailbox(u"a@x.example"_s);
    const auto b = mailbox(u"b@y.example"_s, u"Bob Baker"_s);
    learnMessage(&writer, u"<m1@example.co.jp>"_s, {a, b});
    Review::HistoryFacts before;
    QVERIFY(reader.relationships({u"a@x.example"_s}, {u"x.example"_s}, &before));
    QCOMPARE(before.together.value(u"a@x.example"_s).value(u"b@y.example"_s), 1);
    QCOMPARE(before.neighbourNames.value(u"b@y.example"_s), QStringList{u"Bob Baker"_s});

    learnMessage(&writer, u"<m2@example.co.jp>"_s, {a, b});
    Review::HistoryFacts after;
    QVERIFY(reader.relationships({u"a@x.example"_s}, {u"x.example"_s}, &after));
    QCOMPARE(after.together.value(u"a@x.example"_s).value(u"b@y.example"_s), 2);
    QCOMPARE(after.usage.value(u"b@y.example"_s).count, 2);
    QCOMPARE(after.domainsTogether.value(u"x.example"_s).value(u"y.example"_s), 2);

    QVERIFY(reader.open()); // again: the statements are made anew
    Review::HistoryFacts reopened;
    QVERIFY2(reader.relationships({u"a@x.example"_s}, {u"x.example"_s}, &reopened),
             qPrintable(reader.errorString()));
    QCOMPARE(reopened.together, after.together);
}

void TestHistory::migratesFromV1()
{
    const QString file = path(u"old.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE schema_version(version INTEGER NOT NULL)"_s));
        QVERIFY(q.exec(u"INSERT INTO schema_version VALUES (1)"_s));
        QVERIFY(q.exec(
            u"CREATE TABLE recipients(address TEXT PRIMARY KEY, display_name TEXT, first_sent INTEGER, "
            "last_sent INTEGER, count INTEGER)"_s));
        QVERIFY(q.exec(
            u"CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT, account TEXT, sender "
            "TEXT, recipients TEXT, subject TEXT, decision TEXT, upstream_reply TEXT)"_s));
        QVERIFY(
            q.exec(u"INSERT INTO recipients VALUES ('Yamada@Partner.example', '山田 太郎', 100, 200, 3)"_s));
        QVERIFY(q.exec(u"INSERT INTO recipients VALUES ('yamada@partner.example', '', 50, 300, 2)"_s));
        QVERIFY(q.exec(u"INSERT INTO recipients VALUES ('b@\u4F8B\u3048.jp', NULL, 10, 10, 1)"_s));
        QVERIFY(
            q.exec(u"INSERT INTO audit(time, account, sender, recipients, subject, decision, upstream_reply) "
                   "VALUES ('2024-01-01T00:00:00Z', 'work', 'taro@example.co.jp', 'a@x', 'old', 'sent', "
                   "'250 ok')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v1"_s);

    History h(file);
    QVERIFY2(h.open(), qPrintable(h.errorString()));
    QCOMPARE(h.schemaVersion(), History::kSchemaVersion);
    QCOMPARE(h.recipientCount(), 2); // two spellings of one address merged
    const QString idn = u"b@"_s + Mail::DomainNames::toAce(u"\u4F8B\u3048.jp"_s);
    QSet<QString> known;
    QVERIFY(h.knownAddresses({u"yamada@partner.example"_s, idn}, &known));
    QCOMPARE(known.size(), 2);
    QSet<QString> domains;
    QVERIFY(h.knownDomains({u"partner.example"_s}, &domains));
    QCOMPARE(domains.size(), 1);
    QHash<QString, QStringList> names;
    QVERIFY(h.namesByAddress({u"yamada@partner.example"_s}, &names));
    QCOMPARE(names.value(u"yamada@partner.example"_s), QStringList{u"山田 太郎"_s});
    QCOMPARE(h.auditCount(), 1);
    // New records use the new columns.
    const auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    QVERIFY(h.recordDelivered(v, Fixture::envelopeOf(v), u"work"_s, reviewOf(v), u"sent"_s, false, u"250"_s));
    QCOMPARE(h.auditCount(), 2);
}

void TestHistory::refusesNewerSchema()
{
    const QString file = path(u"new.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v99"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE schema_version(version INTEGER NOT NULL)"_s));
        QVERIFY(q.exec(u"INSERT INTO schema_version VALUES (99)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v99"_s);
    History h(file);
    QVERIFY(!h.open());
    QVERIFY2(h.errorString().contains(u"newer version"_s), qPrintable(h.errorString()));
    QVERIFY(!h.isOpen());
}

void TestHistory::corruptFileIsReported()
{
    const QString file = path(u"corrupt.sqlite"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'Z'));
    f.close();
    History h(file);
    QVERIFY(!h.open());
    QVERIFY2(h.errorString().contains(file) && h.errorString().contains(u"damaged"_s),
             qPrintable(h.errorString()));
    QSet<QString> out;
    QVERIFY(!h.knownAddresses({u"a@b"_s}, &out));
}

void TestHistory::lockedFileIsReported()
{
    const QString file = path(u"locked.sqlite"_s);
    {
        History create(file);
        QVERIFY(create.open());
    }
    {
        // Another program holds an exclusive lock (the non-WAL way a tool might).
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s));
        QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
        QVERIFY(q.exec(u"INSERT INTO messages VALUES ('x', 1)"_s));

        History h(file);
        h.setBusyTimeout(100);
        QElapsedTimer t;
        t.start();
        QVERIFY(!h.open());
        QVERIFY2(h.errorString().contains(u"in use"_s), qPrintable(h.errorString()));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(q.exec(u"ROLLBACK"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"locker"_s);
    History after(file);
    QVERIFY2(after.open(), qPrintable(after.errorString()));
}

void TestHistory::exportsAuditCsv()
{
    History h(path(u"h.sqlite"_s));
    QVERIFY(h.open());
    auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    v.subject = u"=HYPERLINK(\"x\"), 見積"_s;
    QVERIFY(
        h.recordDelivered(v, Fixture::envelopeOf(v), u"work"_s, reviewOf(v), u"sent"_s, true, u"250 OK"_s));
    QString error;
    const QString csv = path(u"audit.csv"_s);
    QVERIFY2(h.exportAuditCsv(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "time,account,sender,recipients,subject,findings"));
    const QString text = QString::fromUtf8(bytes);
    const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(u"\"'=HYPERLINK(\"\"x\"\"), 見積\""_s), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(u"to:a@partner.example"_s));
    QVERIFY(lines.at(1).contains(u"first-time-recipient"_s));
    QVERIFY(lines.at(1).contains(u",sent,1,250 OK,"_s));
    QVERIFY(!h.exportAuditCsv(path(u"no/such/dir/audit.csv"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestHistory::closedHistoryAnswersNothing()
{
    History h(path(u"never-opened.sqlite"_s));
    QSet<QString> out;
    QVERIFY(!h.knownAddresses({u"a@b"_s}, &out));
    const auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    QVERIFY(!h.recordDelivered(v, Fixture::envelopeOf(v), u"work"_s, reviewOf(v), u"sent"_s, false, {}));
}

namespace {

int modeOf(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

void TestHistory::filesArePrivate()
{
    // The most permissive umask there is: every permission must come from History itself.
    const mode_t oldUmask = ::umask(0);
    const auto restore = qScopeGuard([oldUmask] { ::umask(oldUmask); });
    const QString folder = path(u"data"_s); // not there yet: the first start
    const QString file = folder + u"/history.sqlite"_s;
    {
        History h(file);
        QVERIFY2(h.open(), qPrintable(h.errorString()));
        auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
        int fresh = 0;
        QVERIFY(h.learnSent(v, &fresh));
        // While it is open, SQLite keeps the write-ahead log and its index next to it.
        QVERIFY(QFile::exists(file + u"-wal"_s));
        QVERIFY(QFile::exists(file + u"-shm"_s));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(modeOf(file + u"-wal"_s), 0600);
        QCOMPARE(modeOf(file + u"-shm"_s), 0600);
    }
    // A history an older version left readable by others is restricted at open.
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    History again(file);
    QVERIFY2(again.open(), qPrintable(again.errorString()));
    QCOMPARE(modeOf(file), 0600);
    QCOMPARE(again.recipientCount(), 1);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
