// The history window over a list (for what the window does with rows) and
// over a real recipient history file written by Store::History (for what a
// person finds when searching it).

#include "HistorySource.h"
#include "HistoryWindow.h"
#include "StoreHistorySource.h"
#include "mime/MessageView.h"
#include "store/History.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

class ListSource : public Ui::HistorySource
{
public:
    QList<Recipient> people;
    QList<AuditRecord> records;
    QString failWith;
    QStringList searches;
    QString exportedTo;

    bool recipients(const QString& text, int limit, QList<Recipient>* out, QString* error) override
    {
        searches << text;
        if (!failWith.isEmpty()) {
            *error = failWith;
            return false;
        }
        out->clear();
        for (const Recipient& r : std::as_const(people)) {
            if ((text.isEmpty() || r.address.contains(text) || r.names.join(u' ').contains(text)) &&
                out->size() < limit)
                out->append(r);
        }
        return true;
    }
    bool auditLog(const QString& text, int limit, QList<AuditRecord>* out, QString* error) override
    {
        Q_UNUSED(error)
        searches << text;
        out->clear();
        for (const AuditRecord& r : std::as_const(records)) {
            if ((text.isEmpty() || r.subject.contains(text)) && out->size() < limit)
                out->append(r);
        }
        return true;
    }
    bool exportAuditCsv(const QString& path, QString* error) override
    {
        Q_UNUSED(error)
        exportedTo = path;
        return true;
    }
};

Ui::HistorySource::Recipient person(const QString& address, const QString& name, int daysAgo, qint64 count)
{
    Ui::HistorySource::Recipient r;
    r.address = address;
    r.names = {name};
    r.domain = address.section(u'@', 1);
    r.lastSent = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    r.firstSent = r.lastSent.addDays(-100);
    r.count = count;
    return r;
}

Ui::HistorySource::AuditRecord auditRecord(const QString& subject)
{
    Ui::HistorySource::AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.sender = u"taro@example.co.jp"_s;
    r.recipients = u"a@b.jp"_s;
    r.subject = subject;
    r.decision = u"sent"_s;
    return r;
}

QStringList column(QStandardItemModel* model, int c)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, c).data().toString();
    return out;
}

QString status(const Ui::HistoryWindow& w)
{
    return w.findChild<QLabel*>(u"status"_s)->text();
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsRecipientsMostRecentFirst();
    void searchesAsThePersonTypes();
    void saysWhenTheLimitIsReached();
    void saysWhyTheHistoryCannotBeRead();
    void worksWithoutHistory();
    void exportsTheAuditLog();
    void searchesARealHistoryFile_data();
    void searchesARealHistoryFile();
    void realAuditLogAndCsv();

private:
    QTemporaryDir m_dir;
    QString m_historyPath;
};

void TestHistoryWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());

    m_historyPath = m_dir.filePath(u"history.sqlite"_s);
    Store::History history(m_historyPath);
    QVERIFY2(history.open(), qPrintable(history.errorString()));
    const QList<QByteArray> sent{
        "From: taro@example.co.jp\r\nTo: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <yamada@partner.co.jp>\r\n"
        "Subject: a\r\nMessage-ID: <1@example.co.jp>\r\nDate: Mon, 2 Jun 2025 10:00:00 +0900\r\n\r\nx\r\n",
        "From: taro@example.co.jp\r\nTo: Bob Smith <bob@other.com>, yamada@partner.co.jp\r\n"
        "Subject: b\r\nMessage-ID: <2@example.co.jp>\r\nDate: Tue, 3 Jun 2025 10:00:00 +0900\r\n\r\nx\r\n",
        "From: taro@example.co.jp\r\nTo: 100%_sure@odd.example\r\n"
        "Subject: c\r\nMessage-ID: <3@example.co.jp>\r\nDate: Wed, 4 Jun 2025 10:00:00 +0900\r\n\r\nx\r\n",
    };
    for (const QByteArray& m : sent) {
        int added = 0;
        QVERIFY2(history.learnSent(Mime::MessageView::parse(m), &added), qPrintable(history.errorString()));
    }
    const QByteArray quote =
        "From: taro@example.co.jp\r\nTo: yamada@partner.co.jp\r\n"
        "Subject: =?UTF-8?B?6KaL56mN5pu4?=\r\nMessage-ID: <4@example.co.jp>\r\n\r\nx\r\n";
    Smtp::Envelope env;
    env.mailFrom = u"taro@example.co.jp"_s;
    env.recipients = {u"yamada@partner.co.jp"_s};
    QVERIFY(history.recordDelivered(Mime::MessageView::parse(quote), env, u"work"_s, Review::MessageReview(),
                                    u"sent"_s, true, u"250 2.0.0 OK"_s));
}

void TestHistoryWindow::showsRecipientsMostRecentFirst()
{
    ListSource source;
    source.people = {person(u"old@a.jp"_s, u"Old"_s, 30, 2), person(u"new@b.jp"_s, u"New"_s, 1, 7)};
    Ui::HistoryWindow window(&source);
    window.show();
    QCOMPARE(column(window.recipientModel(), Ui::HistoryWindow::AddressColumn),
             (QStringList{u"new@b.jp"_s, u"old@a.jp"_s}));
    QCOMPARE(column(window.recipientModel(), Ui::HistoryWindow::NameColumn),
             (QStringList{u"New"_s, u"Old"_s}));
    QCOMPARE(column(window.recipientModel(), Ui::HistoryWindow::DomainColumn),
             (QStringList{u"b.jp"_s, u"a.jp"_s}));
    QCOMPARE(column(window.recipientModel(), Ui::HistoryWindow::CountColumn), (QStringList{u"7"_s, u"2"_s}));
    QVERIFY(
        !window.recipientModel()->index(0, Ui::HistoryWindow::LastSentColumn).data().toString().isEmpty());
}

void TestHistoryWindow::searchesAsThePersonTypes()
{
    ListSource source;
    source.people = {person(u"yamada@partner.co.jp"_s, u"山田 太郎"_s, 1, 3),
                     person(u"bob@other.com"_s, u"Bob"_s, 2, 1)};
    Ui::HistoryWindow window(&source);
    window.show();
    auto* search = window.findChild<QLineEdit*>(u"searchEdit"_s);
    QVERIFY(search->hasFocus() || !window.isActiveWindow());
    QTest::keyClicks(search, u"partner"_s);
    // After a short pause in typing, once.
    QTRY_COMPARE(window.recipientModel()->rowCount(), 1);
    QCOMPARE(source.searches.constLast(), u"partner"_s);
    QCOMPARE(source.searches.count(u"partner"_s), 1);
    QCOMPARE(window.recipientModel()->index(0, 0).data().toString(), u"yamada@partner.co.jp"_s);

    window.setSearchText(u"nobody"_s);
    QCOMPARE(window.recipientModel()->rowCount(), 0);
    QVERIFY(status(window).contains(u"nobody"_s));

    // The audit page searches the same text.
    source.records = {auditRecord(u"見積書"_s), auditRecord(u"Invoice"_s)};
    window.setSearchText(u"見積"_s);
    window.setPage(Ui::HistoryWindow::Page::Audit);
    QCOMPARE(window.auditModel()->rowCount(), 1);
    QCOMPARE(window.auditModel()->index(0, Ui::HistoryWindow::SubjectColumn).data().toString(), u"見積書"_s);
}

void TestHistoryWindow::saysWhenTheLimitIsReached()
{
    ListSource source;
    for (int i = 0; i < Ui::HistoryWindow::RowLimit + 20; ++i)
        source.people << person(u"p%1@x.jp"_s.arg(i), QString(), i, 1);
    Ui::HistoryWindow window(&source);
    window.show();
    QCOMPARE(window.recipientModel()->rowCount(), Ui::HistoryWindow::RowLimit);
    QVERIFY2(status(window).contains(u"narrow"_s), qPrintable(status(window)));
}

void TestHistoryWindow::saysWhyTheHistoryCannotBeRead()
{
    ListSource source;
    source.failWith = u"the disk is full"_s;
    Ui::HistoryWindow window(&source);
    window.show();
    QVERIFY2(status(window).contains(u"the disk is full"_s), qPrintable(status(window)));
    QCOMPARE(window.recipientModel()->rowCount(), 0);
}

void TestHistoryWindow::worksWithoutHistory()
{
    Ui::HistoryWindow window(nullptr);
    window.show();
    QVERIFY(!window.findChild<QPushButton*>(u"exportButton"_s)->isEnabled());
    QVERIFY(status(window).contains(u"not available"_s));
}

void TestHistoryWindow::exportsTheAuditLog()
{
    ListSource source;
    Ui::HistoryWindow window(&source);
    const QString target = m_dir.filePath(u"audit.csv"_s);
    window.setFileChooser([&](QWidget*, const QString& suggested) {
        return suggested.endsWith(u".csv"_s) ? target : QString();
    });
    window.show();
    QTest::mouseClick(window.findChild<QPushButton*>(u"exportButton"_s), Qt::LeftButton);
    QCOMPARE(source.exportedTo, target);
    QVERIFY(status(window).contains(u"audit.csv"_s));
}

void TestHistoryWindow::searchesARealHistoryFile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("addresses");
    QTest::newRow("all, most recent first")
        << QString()
        << QStringList{u"yamada@partner.co.jp"_s, u"100%_sure@odd.example"_s, u"bob@other.com"_s};
    QTest::newRow("domain") << u"partner.co"_s << QStringList{u"yamada@partner.co.jp"_s};
    QTest::newRow("display name in Japanese") << u"山田"_s << QStringList{u"yamada@partner.co.jp"_s};
    QTest::newRow("display name, other case") << u"smith"_s << QStringList{u"bob@other.com"_s};
    QTest::newRow("wildcards are literal") << u"%_"_s << QStringList{u"100%_sure@odd.example"_s};
    QTest::newRow("nothing") << u"nobody"_s << QStringList{};
}

void TestHistoryWindow::searchesARealHistoryFile()
{
    QFETCH(QString, text);
    QFETCH(QStringList, addresses);
    Ui::StoreHistorySource source(m_historyPath);
    Ui::HistoryWindow window(&source);
    window.show();
    window.setSearchText(text);
    QCOMPARE(column(window.recipientModel(), Ui::HistoryWindow::AddressColumn), addresses);
    if (text == u"山田"_s) {
        QCOMPARE(window.recipientModel()->index(0, Ui::HistoryWindow::NameColumn).data().toString(),
                 u"山田 太郎"_s);
        QCOMPARE(window.recipientModel()->index(0, Ui::HistoryWindow::CountColumn).data().toString(), u"3"_s);
        QCOMPARE(window.recipientModel()->index(0, Ui::HistoryWindow::DomainColumn).data().toString(),
                 u"partner.co.jp"_s);
    }
}

void TestHistoryWindow::realAuditLogAndCsv()
{
    Ui::StoreHistorySource source(m_historyPath);
    Ui::HistoryWindow window(&source);
    const QString target = m_dir.filePath(u"real-audit.csv"_s);
    window.setFileChooser([&](QWidget*, const QString&) { return target; });
    window.show();
    window.setPage(Ui::HistoryWindow::Page::Audit);
    QCOMPARE(window.auditModel()->rowCount(), 1);
    QCOMPARE(window.auditModel()->index(0, Ui::HistoryWindow::SubjectColumn).data().toString(), u"見積書"_s);
    QCOMPARE(window.auditModel()->index(0, Ui::HistoryWindow::SenderColumn).data().toString(),
             u"taro@example.co.jp"_s);
    QCOMPARE(window.auditModel()->index(0, Ui::HistoryWindow::DecisionColumn).data().toString(), u"Sent"_s);
    QCOMPARE(window.auditModel()->index(0, Ui::HistoryWindow::SignedColumn).data().toString(), u"Yes"_s);
    window.setSearchText(u"Invoice"_s);
    QCOMPARE(window.auditModel()->rowCount(), 0);

    QTest::mouseClick(window.findChild<QPushButton*>(u"exportButton"_s), Qt::LeftButton);
    QFile csv(target);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "time,"));
    QVERIFY(QString::fromUtf8(bytes).contains(u"見積書"_s));
}

QTEST_MAIN(TestHistoryWindow)
#include "TestHistoryWindow.moc"
