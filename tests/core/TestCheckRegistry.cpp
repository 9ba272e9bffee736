#include "review/CheckPolicy.h"
#include "review/checks/CheckRegistry.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Review::CheckInfo;
using Review::CheckRegistry;

// Every check declares its identity once (CheckInfo); the settings, the
// Settings page and the review's badges read it from the registry.
class TestCheckRegistry : public QObject
{
    Q_OBJECT
private slots:
    void everyCheckIsComplete_data();
    void everyCheckIsComplete();
    void codesAreUnique();
    void policyDefaultsAreTheChecks();
    void lookUp();
};

void TestCheckRegistry::everyCheckIsComplete_data()
{
    QTest::addColumn<int>("index");
    const QList<const CheckInfo*> infos = CheckRegistry::infos();
    for (qsizetype i = 0; i < infos.size(); ++i)
        QTest::newRow(qPrintable(infos.at(i)->code)) << int(i);
}

void TestCheckRegistry::everyCheckIsComplete()
{
    QFETCH(int, index);
    const CheckInfo* info = CheckRegistry::infos().at(index);
    QVERIFY(info);
    // A settings key: lower case words joined by "-" (Settings::Validation's rule for [checks]).
    QVERIFY2(QRegularExpression(u"^[a-z][a-z0-9-]*$"_s).match(info->code).hasMatch(), qPrintable(info->code));
    QVERIFY(info->title && *info->title);
    QVERIFY(info->badge && *info->badge);
    QVERIFY(info->help && *info->help);
    QVERIFY(!CheckInfo::translated(info->title).isEmpty());
    const QList<Review::CheckAction> actions{Review::CheckAction::Off, Review::CheckAction::Show,
                                             Review::CheckAction::Confirm, Review::CheckAction::Block};
    QVERIFY(actions.contains(info->defaultAction));
    // Settings lists every check under one of three headings; one without a category would be missing there.
    const QList<Review::CheckCategory> categories{
        Review::CheckCategory::Recipients, Review::CheckCategory::Attachments, Review::CheckCategory::Body};
    QVERIFY2(categories.contains(info->category), qPrintable(info->code));
    // The check made by createAll() reports the same identity.
    const auto all = CheckRegistry::createAll();
    QCOMPARE(all.at(index)->code(), info->code);
    QCOMPARE(&all.at(index)->checkInfo(), info);
}

void TestCheckRegistry::codesAreUnique()
{
    const QStringList codes = CheckRegistry::codes();
    QCOMPARE(codes.size(), qsizetype(CheckRegistry::createAll().size()));
    QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), codes.size());
    QSet<QString> titles;
    for (const CheckInfo* info : CheckRegistry::infos())
        titles.insert(QString::fromUtf8(info->title));
    QCOMPARE(titles.size(), codes.size());
}

void TestCheckRegistry::policyDefaultsAreTheChecks()
{
    const Review::CheckPolicy defaults = Review::CheckPolicy::defaults({});
    QVERIFY(defaults.actions.isEmpty());
    for (const CheckInfo* info : CheckRegistry::infos()) {
        QCOMPARE(Review::CheckPolicy::defaultAction(info->code), info->defaultAction);
        QCOMPARE(defaults.action(info->code), info->defaultAction);
    }
    QCOMPARE(Review::CheckPolicy::fromConfig(Settings::Config()).action(u"keyword"_s),
             CheckRegistry::info(u"keyword"_s)->defaultAction);
}

void TestCheckRegistry::lookUp()
{
    for (const CheckInfo* info : CheckRegistry::infos())
        QCOMPARE(CheckRegistry::info(info->code), info);
    QCOMPARE(CheckRegistry::info(u"no-such-check"_s), nullptr);
    QCOMPARE(Review::CheckPolicy::defaultAction(u"no-such-check"_s), Review::CheckAction::Show);
}

QTEST_GUILESS_MAIN(TestCheckRegistry)
#include "TestCheckRegistry.moc"
