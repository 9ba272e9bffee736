// Store::HistorySearch over a real history file written by Store::History:
// what the history window finds when a person searches it.

#include "mime/MessageView.h"
#include "review/Review.h"
#include "store/History.h"
#include "store/HistorySearch.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Store::HistorySearch;

namespace {

QStringList addresses(const QList<HistorySearch::Recipient>& rows)
{
    QStringList out;
    for (const HistorySearch::Recipient& r : rows)
        out << r.address;
    return out;
}

QStringList subjects(const QList<HistorySearch::AuditRecord>& rows)
{
    QStringList out;
    for (const HistorySearch::AuditRecord& r : rows)
        out << r.subject;
    return out;
}

} // namespace

class TestHistorySearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void recipients_data();
    void recipients();
    void recipientDetails();
    void limit();
    void auditLog_data();
    void auditLog();
    void auditRecordFields();
    void noFileIsAnEmptyHistory();
    void unreadableFileIsReported();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestHistorySearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"history.sqlite"_s);
    Store::History history(m_path);
    QDateTime now(QDate(2025, 6, 1), QTime(9, 0), Qt::UTC);
    history.setClock([&now] { return now; });
    QVERIFY2(history.open(), qPrintable(history.errorString()));
    const QList<QByteArray> sent{
        "From: taro@example.co.jp\r\nTo: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <yamada@partner.co.jp>\r\n"
        "Subject: a\r\nMessage-ID: <1@example.co.jp>\r\n\r\nx\r\n",
        "From: taro@example.co.jp\r\nTo: Bob Smith <bob@other.com>\r\n"
        "Subject: b\r\nMessage-ID: <2@example.co.jp>\r\n\r\nx\r\n",
        // Two addresses that a LIKE wildcard would mix up: "a_b%" must find only the first.
        "From: taro@example.co.jp\r\nTo: a_b%c@odd.example, axbyc@odd.example\r\n"
        "Subject: c\r\nMessage-ID: <3@example.co.jp>\r\n\r\nx\r\n",
        "From: taro@example.co.jp\r\nTo: Yamada Taro <yamada@partner.co.jp>\r\n"
        "Subject: d\r\nMessage-ID: <4@example.co.jp>\r\n\r\nx\r\n",
        "From: taro@example.co.jp\r\nTo: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <yamada@partner.co.jp>\r\n"
        "Subject: e\r\nMessage-ID: <5@example.co.jp>\r\n\r\nx\r\n",
    };
    for (const QByteArray& m : sent) {
        now = now.addSecs(3600);
        int added = 0;
        QVERIFY2(history.learnSent(Mime::MessageView::parse(m), &added), qPrintable(history.errorString()));
    }

    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"yamada@partner.co.jp"_s};
    now = now.addSecs(3600);
    QVERIFY(history.recordDelivered(
        Mime::MessageView::parse(
            "From: taro@example.co.jp\r\nTo: yamada@partner.co.jp\r\n"
            "Subject: =?UTF-8?B?6KaL56mN5pu4?=\r\nMessage-ID: <6@example.co.jp>\r\n\r\nx\r\n"),
        env, u"work"_s, Review::MessageReview(), u"sent"_s, true, u"250 2.0.0 OK"_s));
    now = now.addSecs(3600);
    env.recipients = {u"a_b%c@odd.example"_s};
    QVERIFY(history.recordDelivered(
        Mime::MessageView::parse("From: taro@example.co.jp\r\nTo: a_b%c@odd.example\r\n"
                                 "Subject: Invoice 100%\r\nMessage-ID: <7@example.co.jp>\r\n\r\nx\r\n"),
        env, u"private"_s, Review::MessageReview(), u"sent"_s, false, u"250 2.0.0 OK"_s));
}

void TestHistorySearch::recipients_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("all, most recent first") << QString()
                                            << QStringList{u"a_b%c@odd.example"_s, u"yamada@partner.co.jp"_s,
                                                           u"axbyc@odd.example"_s, u"bob@other.com"_s};
    QTest::newRow("domain") << u"partner.co"_s << QStringList{u"yamada@partner.co.jp"_s};
    QTest::newRow("display name in Japanese") << u"山田"_s << QStringList{u"yamada@partner.co.jp"_s};
    QTest::newRow("display name, other case") << u"smith"_s << QStringList{u"bob@other.com"_s};
    QTest::newRow("wildcards are literal") << u"a_b%"_s << QStringList{u"a_b%c@odd.example"_s};
    QTest::newRow("underscore alone") << u"_"_s << QStringList{u"a_b%c@odd.example"_s};
    QTest::newRow("backslash") << u"\\"_s << QStringList{};
    QTest::newRow("nothing") << u"nobody"_s << QStringList{};
}

void TestHistorySearch::recipients()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    HistorySearch search(m_path);
    QList<HistorySearch::Recipient> rows;
    QString error;
    QVERIFY2(search.recipients(text, 100, &rows, &error), qPrintable(error));
    QCOMPARE(addresses(rows), expected);
}

void TestHistorySearch::recipientDetails()
{
    HistorySearch search(m_path);
    QList<HistorySearch::Recipient> rows;
    QString error;
    QVERIFY2(search.recipients(u"yamada"_s, 10, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), 1);
    const HistorySearch::Recipient& r = rows.constFirst();
    QCOMPARE(r.domain, u"partner.co.jp"_s);
    QCOMPARE(r.count, 4); // three learned messages and one delivered
    // The name used most comes first.
    QCOMPARE(r.names, (QStringList{u"山田 太郎"_s, u"Yamada Taro"_s}));
    QCOMPARE(r.firstSent.timeSpec(), Qt::UTC);
    QVERIFY(r.firstSent < r.lastSent);
}

void TestHistorySearch::limit()
{
    HistorySearch search(m_path);
    QList<HistorySearch::Recipient> rows;
    QString error;
    QVERIFY(search.recipients(QString(), 2, &rows, &error));
    QCOMPARE(addresses(rows), (QStringList{u"a_b%c@odd.example"_s, u"yamada@partner.co.jp"_s}));
    QList<HistorySearch::AuditRecord> records;
    QVERIFY(search.auditLog(QString(), 1, &records, &error));
    QCOMPARE(records.size(), 1);
}

void TestHistorySearch::auditLog_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("all, newest first") << QString() << QStringList{u"Invoice 100%"_s, u"見積書"_s};
    QTest::newRow("subject") << u"見積"_s << QStringList{u"見積書"_s};
    QTest::newRow("recipients") << u"partner"_s << QStringList{u"見積書"_s};
    QTest::newRow("account") << u"private"_s << QStringList{u"Invoice 100%"_s};
    QTest::newRow("decision") << u"sent"_s << QStringList{u"Invoice 100%"_s, u"見積書"_s};
    QTest::newRow("wildcards are literal") << u"0%"_s << QStringList{u"Invoice 100%"_s};
    QTest::newRow("a_b% in the recipients") << u"a_b%"_s << QStringList{u"Invoice 100%"_s};
    QTest::newRow("nothing") << u"x_y"_s << QStringList{};
}

void TestHistorySearch::auditLog()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    HistorySearch search(m_path);
    QList<HistorySearch::AuditRecord> rows;
    QString error;
    QVERIFY2(search.auditLog(text, 100, &rows, &error), qPrintable(error));
    QCOMPARE(subjects(rows), expected);
}

void TestHistorySearch::auditRecordFields()
{
    HistorySearch search(m_path);
    QList<HistorySearch::AuditRecord> rows;
    QString error;
    QVERIFY(search.auditLog(u"見積"_s, 10, &rows, &error));
    QCOMPARE(rows.size(), 1);
    const HistorySearch::AuditRecord& r = rows.constFirst();
    QCOMPARE(r.account, u"work"_s);
    QCOMPARE(r.sender, u"taro@example.co.jp"_s);
    QCOMPARE(r.recipients, u"yamada@partner.co.jp"_s);
    QCOMPARE(r.decision, u"sent"_s);
    QVERIFY(r.isSigned);
    QCOMPARE(r.upstreamReply, u"250 2.0.0 OK"_s);
    QCOMPARE(r.time, QDateTime(QDate(2025, 6, 1), QTime(15, 0), Qt::UTC));
}

void TestHistorySearch::noFileIsAnEmptyHistory()
{
    HistorySearch search(m_dir.filePath(u"never-written.sqlite"_s));
    QList<HistorySearch::Recipient> rows;
    QList<HistorySearch::AuditRecord> records;
    QString error;
    QVERIFY(search.recipients(QString(), 10, &rows, &error));
    QVERIFY(search.auditLog(QString(), 10, &records, &error));
    QVERIFY(rows.isEmpty());
    QVERIFY(records.isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"never-written.sqlite"_s))); // read-only: nothing created
}

void TestHistorySearch::unreadableFileIsReported()
{
    const QString path = m_dir.filePath(u"garbage.sqlite"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    HistorySearch search(path);
    QList<HistorySearch::Recipient> rows;
    QString error;
    QVERIFY(!search.recipients(QString(), 10, &rows, &error));
    QVERIFY2(error.startsWith(u"the recipients could not be read"_s), qPrintable(error));
    QList<HistorySearch::AuditRecord> records;
    error.clear();
    QVERIFY(!search.auditLog(QString(), 10, &records, &error));
    QVERIFY2(error.startsWith(u"the audit log could not be read"_s), qPrintable(error));
}

QTEST_MAIN(TestHistorySearch)
#include "TestHistorySearch.moc"
