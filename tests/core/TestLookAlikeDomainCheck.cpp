#include "ReviewFixture.h"
#include "review/checks/LookAlikeDomainCheck.h"

#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;

class TestLookAlikeDomainCheck : public QObject
{
    Q_OBJECT
private slots:
    void againstKnown_data();
    void againstKnown();
    void bothInternalStaysSilent();
    void againstInternal();
    void knownDomainsSetting();
    void findingNamesRecipientsAndBothDomains();
    void manyKnownDomainsIsFast();
    void sameOrganisationNeverLookAlike();
    void namesTheClosestKnownDomain();
};

void TestLookAlikeDomainCheck::againstKnown_data()
{
    QTest::addColumn<QString>("recipientDomain");
    QTest::addColumn<QString>("knownDomain");
    QTest::addColumn<bool>("fires");
    QTest::newRow("digit for letter") << u"examp1e.co.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("doubled letter, distance 2") << u"exannple.co.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("rn for m") << u"exarnple.co.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("transposition") << u"exmaple.co.jp"_s << u"example.co.jp"_s << true;
    // "rn" folds to "m" in lucerne (luceme), which put the typed transposition out of reach.
    QTest::newRow("transposition in a name with rn") << u"lucrene.com"_s << u"lucerne.com"_s << true;
    QTest::newRow("missing letter") << u"exaple.co.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("tld swap .jp for .co.jp") << u"example.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("tld swap .com for .co.jp") << u"example.com"_s << u"example.co.jp"_s << true;
    QTest::newRow("tld swap .ne.jp for .or.jp") << u"example.ne.jp"_s << u"example.or.jp"_s << true;
    // "еxample" with a Cyrillic е, as it travels: punycode.
    QTest::newRow("punycode homoglyph")
        << Mail::DomainNames::toAce(u"\u0435xample.co.jp"_s) << u"example.co.jp"_s << true;
    QTest::newRow("unicode homoglyph") << u"\u0435xample.co.jp"_s << u"example.co.jp"_s << true;
    QTest::newRow("full-width letters") << u"ｅｘａｍｐｌｅ.co.jp"_s << u"example.co.jp"_s << false;
    QTest::newRow("identical known domain") << u"example.co.jp"_s << u"example.co.jp"_s << false;
    QTest::newRow("subdomain of known") << u"mail.example.co.jp"_s << u"example.co.jp"_s << false;
    QTest::newRow("unrelated") << u"partner.co.jp"_s << u"example.co.jp"_s << false;
    QTest::newRow("short names differ by one") << u"abd.co.jp"_s << u"abc.co.jp"_s << false;
    QTest::newRow("distance 2 on a short name") << u"sample.co.jp"_s << u"example.co.jp"_s << false;
    QTest::newRow("same name, unrelated suffix") << u"example.de"_s << u"example.co.jp"_s << false;
    // A changed public suffix: one letter of .co.jp changed.
    QTest::newRow("changed public suffix .co.jo") << u"acme.co.jo"_s << u"acme.co.jp"_s << true;
    QTest::newRow("changed public suffix .con") << u"northwind.con"_s << u"northwind.com"_s << true;
    QTest::newRow("transposed letters, Japanese company")
        << u"mniato-denki.co.jp"_s << u"minato-denki.co.jp"_s << true;
    QTest::newRow("rn for m, Japanese company")
        << u"rninato-denki.co.jp"_s << u"minato-denki.co.jp"_s << true;
    QTest::newRow("another company under a country suffix") << u"kita.co.jo"_s << u"acme.co.jp"_s << false;
}

void TestLookAlikeDomainCheck::againstKnown()
{
    QFETCH(QString, recipientDomain);
    QFETCH(QString, knownDomain);
    QFETCH(bool, fires);
    // Full-width letters are folded by IDNA itself: the mail carries example.co.jp.
    const QString address = u"someone@"_s + recipientDomain;
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(address)});
    Review::HistoryFacts facts;
    facts.allDomains = {knownDomain};
    const auto findings =
        Fixture::run(Review::LookAlikeDomainCheck(), v, Fixture::policy({u"internal.example"_s}), &facts);
    QCOMPARE(findings.size(), fires ? 1 : 0);
    if (fires) {
        QCOMPARE(findings.first().code, u"look-alike-domain"_s);
        QCOMPARE(findings.first().severity, Review::Severity::Warn);
        // Every look-alike finding names the known domain it resembles.
        QCOMPARE(findings.first().similarDomain, Mail::DomainNames::toUnicode(knownDomain));
        QVERIFY2(findings.first().message.contains(Mail::DomainNames::toUnicode(knownDomain)),
                 qPrintable(findings.first().message));
    }
}

void TestLookAlikeDomainCheck::bothInternalStaysSilent()
{
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(u"a@example.com"_s)});
    const auto findings = Fixture::run(Review::LookAlikeDomainCheck(), v,
                                       Fixture::policy({u"example.co.jp"_s, u"example.com"_s}));
    QVERIFY(findings.isEmpty());
}

void TestLookAlikeDomainCheck::againstInternal()
{
    // Without any history: the internal domains are the reference.
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(u"a@examp1e.co.jp"_s)});
    const auto findings = Fixture::run(Review::LookAlikeDomainCheck(), v, Fixture::policy());
    QCOMPARE(findings.size(), 1);
    QVERIFY(findings.first().message.contains(u"example.co.jp"_s));
    // The review window highlights the letters that differ from this one.
    QCOMPARE(findings.first().similarDomain, u"example.co.jp"_s);
}

void TestLookAlikeDomainCheck::knownDomainsSetting()
{
    const Mime::MessageView v = Fixture::message({Fixture::mailbox(u"a@customer.jp"_s)});
    Review::CheckPolicy p = Fixture::policy();
    QVERIFY(Fixture::run(Review::LookAlikeDomainCheck(), v, p).isEmpty());
    p.knownDomains = {u"customer.co.jp"_s};
    QCOMPARE(Fixture::run(Review::LookAlikeDomainCheck(), v, p).size(), 1);
}

void TestLookAlikeDomainCheck::findingNamesRecipientsAndBothDomains()
{
    const Mime::MessageView v =
        Fixture::message({Fixture::mailbox(u"a@exannple.co.jp"_s), Fixture::mailbox(u"b@exannple.co.jp"_s),
                          Fixture::mailbox(u"c@example.co.jp"_s)});
    Review::HistoryFacts facts;
    facts.allDomains = {u"example.co.jp"_s};
    const auto findings = Fixture::run(Review::LookAlikeDomainCheck(), v, Fixture::policy({}), &facts);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().recipients, (QStringList{u"a@exannple.co.jp"_s, u"b@exannple.co.jp"_s}));
    QVERIFY(findings.first().message.contains(u"exannple.co.jp"_s));
    QVERIFY(findings.first().message.contains(u"example.co.jp"_s));
}

void TestLookAlikeDomainCheck::manyKnownDomainsIsFast()
{
    // A long-used history: 20,000 known domains, 200 new ones in one message.
    Review::HistoryFacts facts;
    for (int i = 0; i < 20000; ++i)
        facts.allDomains << u"company%1.co.jp"_s.arg(i);
    QList<Mime::Mailbox> to;
    for (int i = 0; i < 200; ++i)
        to << Fixture::mailbox(u"x@newcorp%1.example"_s.arg(i));
    const Mime::MessageView v = Fixture::message(to);
    QElapsedTimer t;
    t.start();
    const auto findings = Fixture::run(Review::LookAlikeDomainCheck(), v, Fixture::policy(), &facts);
    qInfo("look-alike: 200 domains against 20,000 known in %lld ms", t.elapsed());
    QVERIFY(findings.isEmpty());
}

void TestLookAlikeDomainCheck::sameOrganisationNeverLookAlike()
{
    // The first message to Acme's .com domain; only acme.co.jp was written to before.
    const Mime::MessageView v =
        Fixture::message({Fixture::mailbox(u"j.miller@acme.com"_s, u"John Miller"_s)});
    Review::HistoryFacts facts;
    facts.allDomains = {u"acme.co.jp"_s};
    Review::CheckPolicy p = Fixture::policy();
    QCOMPARE(Fixture::run(Review::LookAlikeDomainCheck(), v, p, &facts).size(), 1);
    // The administrator says both are Acme's.
    p.sameOrganisation = {{u"acme.co.jp"_s, u"acme.com"_s}};
    QVERIFY(Fixture::run(Review::LookAlikeDomainCheck(), v, p, &facts).isEmpty());
    // Listed domains are references too: a look-alike of acme.com is still caught.
    const Mime::MessageView typo = Fixture::message({Fixture::mailbox(u"j.miller@acme.con"_s)});
    const Review::HistoryFacts none;
    const auto f = Fixture::run(Review::LookAlikeDomainCheck(), typo, p, &none);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().similarDomain, u"acme.com"_s);
}

void TestLookAlikeDomainCheck::namesTheClosestKnownDomain()
{
    // さくらテック writes from sakura-tech.co.jp and sakuratech.com; a
    // transposed sakrua-tech.co.jp was meant as the first (one edit, not two).
    const Mime::MessageView v =
        Fixture::message({Fixture::mailbox(u"ken.yamamoto@sakrua-tech.co.jp"_s, u"山本 健"_s)});
    Review::HistoryFacts facts;
    facts.allDomains = {u"sakuratech.com"_s, u"sakura-tech.co.jp"_s};
    for (int i = 0; i < 2; ++i) {
        const auto f = Fixture::run(Review::LookAlikeDomainCheck(), v, Fixture::policy(), &facts);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().similarDomain, u"sakura-tech.co.jp"_s);
        std::reverse(facts.allDomains.begin(), facts.allDomains.end()); // whatever the order
    }
}

QTEST_GUILESS_MAIN(TestLookAlikeDomainCheck)
#include "TestLookAlikeDomainCheck.moc"
