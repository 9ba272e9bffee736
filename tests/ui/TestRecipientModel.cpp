#include "RecipientModel.h"
#include "SampleReview.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::RecipientModel;

namespace {

Qt::CheckState stateOf(const QModelIndex& index)
{
    return index.data(Qt::CheckStateRole).value<Qt::CheckState>();
}

} // namespace

class TestRecipientModel : public QObject
{
    Q_OBJECT
private slots:
    void groupsFlaggedExternalFirst();
    void externalGroupTickSkipsFlagged();
    void externalEmphasisedBeyondColour();
    void domainRowIsTristate();
    void checkAllInternal();
    void badges_data();
    void badges();
    void largeMessageSummarisesInternal_data();
    void largeMessageSummarisesInternal();
};

void TestRecipientModel::groupsFlaggedExternalFirst()
{
    RecipientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Review::MessageReview review = SampleReview::japanese().review;
    model.setRecipients(review.recipients, review.findings);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.recipientCount(), 5);
    // The external group with a flagged recipient (the look-alike) first, then
    // internal, then the other external groups.
    const QStringList expected{u"partner-shouji.co.jp"_s, u"example.co.jp"_s, u"osaka.example.co.jp"_s,
                               u"partner-shoji.co.jp"_s};
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QVERIFY2(group.data().toString().contains(expected.at(g)), qPrintable(group.data().toString()));
        QCOMPARE(group.data(RecipientModel::InternalRole).toBool(), g == 1 || g == 2);
        QCOMPARE(group.data(RecipientModel::FlaggedRole).toBool(), g == 0);
        QVERIFY(group.data(RecipientModel::IsDomainRole).toBool());
        for (int r = 0; r < model.rowCount(group); ++r)
            QCOMPARE(model.recipientAt(model.index(r, 0, group))->domain, expected.at(g));
    }
    // Envelope order within a domain; field, name and address in their columns.
    const QModelIndex partner = model.index(3, 0);
    QCOMPARE(model.index(0, RecipientModel::AddressColumn, partner).data().toString(),
             u"sato@partner-shoji.co.jp"_s);
    QCOMPARE(model.index(0, RecipientModel::NameColumn, partner).data().toString(), u"佐藤 花子"_s);
    QCOMPARE(model.index(0, RecipientModel::FieldColumn, partner).data().toString(), u"To"_s);
    QCOMPARE(model.index(1, RecipientModel::FieldColumn, partner).data().toString(), u"Cc"_s);
    QCOMPARE(model.index(0, RecipientModel::FieldColumn, model.index(2, 0)).data().toString(), u"Bcc"_s);
    QCOMPARE(model.externalCount(), 3);
    QCOMPARE(model.externalDomainCount(), 2);
    QCOMPARE(model.flaggedCount(), 1);
}

void TestRecipientModel::externalGroupTickSkipsFlagged()
{
    RecipientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Review::MessageReview review = SampleReview::japanese().review;
    // A second, unflagged recipient in the look-alike group, between flagged ones.
    review.recipients << SampleReview::recipient(u"aoki@partner-shouji.co.jp"_s, {}, Review::Field::Cc, false)
                      << SampleReview::recipient(u"ueda@partner-shouji.co.jp"_s, {}, Review::Field::Cc, false,
                                                 {u"look-alike-domain"_s});
    review.findings[0].recipients << u"ueda@partner-shouji.co.jp"_s;
    model.setRecipients(review.recipients, review.findings);
    const QModelIndex group = model.index(0, 0);
    QCOMPARE(model.rowCount(group), 3);
    QVERIFY(model.setData(group, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(model.index(0, 0, group)), Qt::Unchecked); // tanaka, look-alike
    QCOMPARE(stateOf(model.index(1, 0, group)), Qt::Checked);   // aoki, no finding
    QCOMPARE(stateOf(model.index(2, 0, group)), Qt::Unchecked); // ueda, look-alike
    QCOMPARE(stateOf(group), Qt::PartiallyChecked);
    // An internal group ticks everyone.
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(model.index(1, 0)), Qt::Checked);
}

void TestRecipientModel::externalEmphasisedBeyondColour()
{
    RecipientModel model;
    const Review::MessageReview review = SampleReview::japanese().review;
    model.setRecipients(review.recipients, review.findings);
    const QModelIndex internal = model.index(1, 0);
    const QModelIndex external = model.index(3, 0);
    QVERIFY(external.data().toString().contains(u"External"_s));
    QVERIFY(!internal.data().toString().contains(u"External"_s));
    QVERIFY(external.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!internal.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!external.data(Qt::DecorationRole).isNull());
}

void TestRecipientModel::domainRowIsTristate()
{
    RecipientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Review::MessageReview review = SampleReview::japanese().review;
    model.setRecipients(review.recipients, review.findings);
    QSignalSpy counts(&model, &RecipientModel::checkedCountChanged);
    const QModelIndex group = model.index(3, 0); // external, nobody flagged
    QCOMPARE(stateOf(group), Qt::Unchecked);
    QVERIFY(model.setData(model.index(0, 0, group), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(group), Qt::PartiallyChecked);
    QCOMPARE(model.checkedCount(), 1);
    QCOMPARE(counts.count(), 1);
    QVERIFY(model.setData(group, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(group), Qt::Checked);
    QCOMPARE(stateOf(model.index(1, 0, group)), Qt::Checked);
    QCOMPARE(model.checkedCount(), 2);
    QVERIFY(model.setData(group, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.checkedCount(), 0);
    QVERIFY(!model.allChecked());
    // Only the first column holds a checkbox.
    QVERIFY(!model.setData(model.index(0, RecipientModel::AddressColumn, group), Qt::Checked,
                           Qt::CheckStateRole));
    QVERIFY(!(model.flags(model.index(0, RecipientModel::AddressColumn, group)) & Qt::ItemIsUserCheckable));
    QVERIFY(model.flags(model.index(0, 0, group)) & Qt::ItemIsUserCheckable);
}

void TestRecipientModel::checkAllInternal()
{
    RecipientModel model;
    const Review::MessageReview review = SampleReview::large(1000, 200, 20).review;
    model.setRecipients(review.recipients, review.findings);
    model.checkAllInternal();
    QCOMPARE(model.checkedCount(), 100);
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        const bool internal = group.data(RecipientModel::InternalRole).toBool();
        QCOMPARE(stateOf(group), internal ? Qt::Checked : Qt::Unchecked);
    }
}

void TestRecipientModel::badges_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("tipContains");
    QTest::newRow("look-alike") << u"tanaka@partner-shouji.co.jp"_s
                                << QStringList{u"Look-alike"_s, u"New domain"_s}
                                << u"looks like partner-shoji.co.jp"_s;
    QTest::newRow("first time") << u"suzuki@partner-shoji.co.jp"_s << QStringList{u"First time"_s}
                                << u"never written to suzuki"_s;
    QTest::newRow("none") << u"sato@partner-shoji.co.jp"_s << QStringList{} << QString();
}

void TestRecipientModel::badges()
{
    QFETCH(QString, address);
    QFETCH(QStringList, labels);
    QFETCH(QString, tipContains);
    RecipientModel model;
    const Review::MessageReview review = SampleReview::japanese().review;
    model.setRecipients(review.recipients, review.findings);
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex cell = model.index(r, RecipientModel::FindingsColumn, group);
            if (model.recipientAt(cell)->address != address)
                continue;
            QCOMPARE(cell.data(RecipientModel::BadgeLabelsRole).toStringList(), labels);
            QCOMPARE(cell.data(RecipientModel::BadgeTipsRole).toStringList().size(), labels.size());
            if (!tipContains.isEmpty()) {
                QVERIFY(cell.data(RecipientModel::BadgeTipsRole)
                            .toStringList()
                            .first()
                            .contains(tipContains, Qt::CaseInsensitive));
                QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(tipContains, Qt::CaseInsensitive));
            }
            return;
        }
    }
    QFAIL("recipient not found");
}

void TestRecipientModel::largeMessageSummarisesInternal_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("summarised");
    QTest::newRow("at the threshold") << RecipientModel::SummariseInternalAbove << false;
    QTest::newRow("one more") << RecipientModel::SummariseInternalAbove + 1 << true;
    QTest::newRow("120") << 120 << true;
}

void TestRecipientModel::largeMessageSummarisesInternal()
{
    QFETCH(int, count);
    QFETCH(bool, summarised);
    RecipientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Two internal domains and two outside ones.
    const Review::MessageReview review = SampleReview::large(count, 4, 2).review;
    model.setRecipients(review.recipients, review.findings);
    QCOMPARE(model.summarisesInternal(), summarised);
    int outside = 0;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        const bool internal = group.data(RecipientModel::InternalRole).toBool();
        const QString text = group.data().toString();
        if (internal) {
            const QString people = u"%1 people inside your organisation"_s.arg(model.rowCount(group));
            QCOMPARE(text.contains(people), summarised);
        }
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex name = model.index(r, RecipientModel::NameColumn, group);
            QCOMPARE(name.data(RecipientModel::OutsideMarkerRole).toString().isEmpty(), internal);
            // Only the name column carries it: one marker per row.
            QVERIFY(model.index(r, RecipientModel::AddressColumn, group)
                        .data(RecipientModel::OutsideMarkerRole)
                        .toString()
                        .isEmpty());
            outside += internal ? 0 : 1;
        }
        QVERIFY(group.data(RecipientModel::OutsideMarkerRole).toString().isEmpty());
    }
    QCOMPARE(outside, model.externalCount());
    QCOMPARE(model.uncheckedInternalCount(), count - outside);
    model.checkAllInternal();
    QCOMPARE(model.uncheckedInternalCount(), 0);
}

QTEST_MAIN(TestRecipientModel)
#include "TestRecipientModel.moc"
