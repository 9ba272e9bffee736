#include "review/Assessment.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Review::Assessment;
using Review::Verdict;

class TestAssessment : public QObject
{
    Q_OBJECT
private slots:
    void internalPatterns_data();
    void internalPatterns();
    void verdict_data();
    void verdict();
};

void TestAssessment::internalPatterns_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("internal");
    QTest::newRow("exact") << u"taro@example.co.jp"_s << true;
    QTest::newRow("case") << u"Taro@EXAMPLE.co.jp"_s << true;
    QTest::newRow("subdomain") << u"hanako@osaka.example.co.jp"_s << true;
    QTest::newRow("deep subdomain") << u"a@x.y.example.co.jp"_s << true;
    QTest::newRow("look-alike suffix") << u"a@badexample.co.jp"_s << false;
    QTest::newRow("other tld") << u"a@example.com"_s << false;
    QTest::newRow("no domain") << u"postmaster"_s << false;
}

void TestAssessment::internalPatterns()
{
    QFETCH(QString, address);
    QFETCH(bool, internal);
    const Review::DomainMatcher m({QStringLiteral("example.co.jp"), QStringLiteral("*.example.co.jp")});
    QCOMPARE(m.isInternal(address), internal);
}

void TestAssessment::verdict_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QStringList>("rcpts");
    QTest::addColumn<int>("verdict");
    const int ext = int(Settings::ReviewPolicy::External);
    QTest::newRow("all internal skips review")
        << ext << QStringList{u"a@example.co.jp"_s} << int(Verdict::Pass);
    QTest::newRow("one external") << ext << QStringList{u"a@example.co.jp"_s, u"b@other.jp"_s}
                                  << int(Verdict::Review);
    QTest::newRow("always") << int(Settings::ReviewPolicy::Always) << QStringList{u"a@example.co.jp"_s}
                            << int(Verdict::Review);
    QTest::newRow("never") << int(Settings::ReviewPolicy::Never) << QStringList{u"b@other.jp"_s}
                           << int(Verdict::Pass);
}

void TestAssessment::verdict()
{
    QFETCH(int, policy);
    QFETCH(QStringList, rcpts);
    QFETCH(int, verdict);
    Settings::Policy p;
    p.internalDomains = {QStringLiteral("example.co.jp")};
    p.review = Settings::ReviewPolicy(policy);
    Smtp::Envelope env;
    env.recipients = rcpts;
    const Assessment a = Assessment::of(p, env);
    QCOMPARE(int(a.verdict), verdict);
    QCOMPARE(a.reasons.isEmpty(), a.verdict == Verdict::Pass);
}

QTEST_GUILESS_MAIN(TestAssessment)
#include "TestAssessment.moc"
