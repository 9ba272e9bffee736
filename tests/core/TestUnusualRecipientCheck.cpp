#include "ReviewFixture.h"
#include "review/checks/UnusualRecipientCheck.h"
#include "store/History.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The check over a real (in-memory) history: the sender's past mail is
// learned as import-history learns it, and the Reviewer asks the history for
// its facts, so the relationships the store keeps are tested with the check.
class TestUnusualRecipientCheck : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void namesakeAtAnotherCompany();
    void sameGivenNameEnglish();
    void outsiderAddedToThread();
    void outsiderOnInternalThread();
    void usualGroupsStaySilent_data();
    void usualGroupsStaySilent();
    void rarelyWithThem();
    void sameOrganisationBySetting();
    void similar_data();
    void similar();

private:
    void learn(const QList<Mime::Mailbox>& to, const QList<Mime::Mailbox>& cc = {}, int times = 1);
    QList<Review::Finding> findings(const QList<Mime::Mailbox>& to, const QList<Mime::Mailbox>& cc = {},
                                    const Review::CheckPolicy& policy = Fixture::policy());

    std::unique_ptr<Store::History> m_history;
    int m_sent = 0;
};

namespace {

// Our people (example.co.jp is internal) and the people we write to.
const Mime::Mailbox kSuzuki = Fixture::mailbox(u"hanako.suzuki@example.co.jp"_s, u"鈴木 花子"_s);
const Mime::Mailbox kKato = Fixture::mailbox(u"makoto.kato@example.co.jp"_s, u"加藤 誠"_s);
const Mime::Mailbox kIkeda = Fixture::mailbox(u"aya.ikeda@example.co.jp"_s, u"池田 彩"_s);
// Acme writes from two domains.
const Mime::Mailbox kTanakaKen = Fixture::mailbox(u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s);
const Mime::Mailbox kMiller = Fixture::mailbox(u"j.miller@acme.com"_s, u"John Miller"_s);
const Mime::Mailbox kTakahashi = Fixture::mailbox(u"yumi.takahashi@acme.com"_s, u"高橋 由美"_s);
// Minato Denki: the other 田中.
const Mime::Mailbox kTanakaKenji = Fixture::mailbox(u"kenji.tanaka@minato-denki.co.jp"_s, u"田中 健二"_s);
const Mime::Mailbox kIto = Fixture::mailbox(u"naoki.ito@minato-denki.co.jp"_s, u"伊藤 直樹"_s);
// Northwind and Contoso: two Johns.
const Mime::Mailbox kSmith = Fixture::mailbox(u"john.smith@northwind.com"_s, u"John Smith"_s);
const Mime::Mailbox kClark = Fixture::mailbox(u"emily.clark@northwind.com"_s, u"Emily Clark"_s);
const Mime::Mailbox kBaker = Fixture::mailbox(u"jbaker@contoso.com"_s, u"John Baker"_s);
const Mime::Mailbox kSarah = Fixture::mailbox(u"sarah.smith@contoso.com"_s, u"Sarah Smith"_s);
// Aoba Kensetsu: nobody's namesake.
const Mime::Mailbox kKimura = Fixture::mailbox(u"yoko.kimura@aoba-kensetsu.co.jp"_s, u"木村 洋子"_s);

} // namespace

void TestUnusualRecipientCheck::learn(const QList<Mime::Mailbox>& to, const QList<Mime::Mailbox>& cc,
                                      int times)
{
    for (int i = 0; i < times; ++i) {
        Mime::MessageView v = Fixture::message(to, {}, cc);
        v.messageId = u"<sent%1@example.co.jp>"_s.arg(++m_sent);
        int fresh = 0;
        QVERIFY2(m_history->learnSent(v, &fresh), qPrintable(m_history->errorString()));
    }
}

QList<Review::Finding> TestUnusualRecipientCheck::findings(const QList<Mime::Mailbox>& to,
                                                           const QList<Mime::Mailbox>& cc,
                                                           const Review::CheckPolicy& policy)
{
    const Mime::MessageView v = Fixture::message(to, {}, cc);
    const Review::Reviewer reviewer(policy, m_history.get());
    QList<Review::Finding> out;
    for (const Review::Finding& f : reviewer.review(v, Fixture::envelopeOf(v)).findings) {
        if (f.code == Review::UnusualRecipientCheck::info().code)
            out << f;
    }
    return out;
}

void TestUnusualRecipientCheck::init()
{
    m_history = std::make_unique<Store::History>(u":memory:"_s);
    QVERIFY(m_history->open());
    m_sent = 0;
    // Months of mail: each project's group stays the same.
    learn({kTanakaKen, kMiller}, {kSuzuki, kKato}, 6);
    learn({kTanakaKen}, {kSuzuki}, 3);
    learn({kMiller, kTakahashi}, {kKato}, 2);
    learn({kTanakaKenji, kIto}, {kIkeda}, 4);
    learn({kSmith, kClark}, {kKato}, 5);
    learn({kBaker, kSarah}, {kIkeda}, 3);
    learn({kKimura}, {kIkeda}, 2);
    learn({kSuzuki, kKato, kIkeda}, {}, 3); // the team among themselves
}

void TestUnusualRecipientCheck::namesakeAtAnotherCompany()
{
    // Autocomplete offered 田中 健二 (Minato Denki) for 田中 健 (Acme).
    const auto f = findings({kTanakaKenji, kMiller}, {kSuzuki});
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{kTanakaKenji.address});
    QCOMPARE(f.first().severity, Review::Severity::Warn);
    QCOMPARE(f.first().suggestedAddress, kTanakaKen.address);
    QCOMPARE(f.first().suggestedName, u"田中 健"_s);
    QVERIFY2(f.first().message.contains(
                 u"Usually you write to 田中 健 <ken.tanaka@acme.co.jp> with these people."_s),
             qPrintable(f.first().message));

    // Only colleagues besides: judged against them.
    const auto alone = findings({kTanakaKenji}, {kSuzuki, kKato});
    QCOMPARE(alone.size(), 1);
    QCOMPARE(alone.first().suggestedAddress, kTanakaKen.address);

    // With the default policy it needs its own acknowledgement.
    const Mime::MessageView v = Fixture::message({kTanakaKenji, kMiller}, {}, {kSuzuki});
    const Review::MessageReview review =
        Review::Reviewer(Fixture::policy(), m_history.get()).review(v, Fixture::envelopeOf(v));
    bool acknowledged = false;
    for (const Review::Finding& x : review.findings)
        acknowledged = acknowledged || (x.code == u"unusual-recipient"_s && x.needsAcknowledgement);
    QVERIFY(acknowledged);
}

void TestUnusualRecipientCheck::sameGivenNameEnglish()
{
    // John Baker (Contoso) in Northwind's conversation instead of John Smith.
    const auto f = findings({kClark, kBaker}, {kKato});
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{kBaker.address});
    QCOMPARE(f.first().suggestedAddress, kSmith.address);
    QVERIFY(f.first().message.contains(u"John Smith <john.smith@northwind.com>"_s));
}

void TestUnusualRecipientCheck::outsiderAddedToThread()
{
    // 木村 洋子 of Aoba has nothing to do with Acme's project and no namesake there.
    const auto f = findings({kTanakaKen, kMiller, kKimura}, {kSuzuki});
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{kKimura.address});
    QVERIFY(f.first().suggestedAddress.isEmpty());
    QVERIFY2(f.first().message.contains(u"never together with 田中 健, John Miller"_s),
             qPrintable(f.first().message));
}

void TestUnusualRecipientCheck::outsiderOnInternalThread()
{
    // Reply-all on the team's own conversation that adds Northwind's John Smith.
    const auto f = findings({kSuzuki, kIkeda, kSmith}, {});
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{kSmith.address});
}

void TestUnusualRecipientCheck::usualGroupsStaySilent_data()
{
    QTest::addColumn<QList<Mime::Mailbox>>("to");
    QTest::addColumn<QList<Mime::Mailbox>>("cc");
    QTest::newRow("the usual group") << QList<Mime::Mailbox>{kTanakaKen, kMiller}
                                     << QList<Mime::Mailbox>{kSuzuki};
    QTest::newRow("part of the group") << QList<Mime::Mailbox>{kMiller} << QList<Mime::Mailbox>{kKato};
    QTest::newRow("a colleague of theirs at their other domain")
        << QList<Mime::Mailbox>{kTanakaKen, kTakahashi} << QList<Mime::Mailbox>{kSuzuki};
    QTest::newRow("one person alone") << QList<Mime::Mailbox>{kKimura} << QList<Mime::Mailbox>{};
    QTest::newRow("a new colleague on the project (one colleague only)")
        << QList<Mime::Mailbox>{kKimura} << QList<Mime::Mailbox>{kKato};
    QTest::newRow("someone never written to")
        << QList<Mime::Mailbox>{kTanakaKen, Fixture::mailbox(u"ken.tanaka@newcorp.co.jp"_s, u"田中 健"_s)}
        << QList<Mime::Mailbox>{kSuzuki};
    QTest::newRow("the team") << QList<Mime::Mailbox>{kSuzuki, kKato} << QList<Mime::Mailbox>{kIkeda};
}

void TestUnusualRecipientCheck::usualGroupsStaySilent()
{
    QFETCH(QList<Mime::Mailbox>, to);
    QFETCH(QList<Mime::Mailbox>, cc);
    const auto f = findings(to, cc);
    QVERIFY2(f.isEmpty(), f.isEmpty() ? "" : qPrintable(f.first().message));
}

void TestUnusualRecipientCheck::rarelyWithThem()
{
    // Once, by mistake, 田中 健二 got Acme's mail; 田中 健 is still the one meant.
    learn({kTanakaKenji, kMiller}, {kSuzuki}, 1);
    const auto f = findings({kTanakaKenji, kMiller}, {kSuzuki});
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().suggestedAddress, kTanakaKen.address);
    QVERIFY(f.first().message.contains(u"rarely"_s));
}

void TestUnusualRecipientCheck::sameOrganisationBySetting()
{
    // Minato Denki's second domain, listed by the administrator: one organisation.
    const Mime::Mailbox other = Fixture::mailbox(u"sales@minatodenki.com"_s, u"みなと電機 営業部"_s);
    learn({other}, {kKato}, 2);
    Review::CheckPolicy p = Fixture::policy();
    // Never written to together, so without the list each is an outsider to the other.
    QVERIFY(!findings({kTanakaKenji, other}, {kIkeda}, p).isEmpty());
    p.sameOrganisation = {{u"minato-denki.co.jp"_s, u"minatodenki.com"_s}};
    QVERIFY(findings({kTanakaKenji, other}, {kIkeda}, p).isEmpty());
}

void TestUnusualRecipientCheck::similar_data()
{
    QTest::addColumn<QString>("nameA");
    QTest::addColumn<QString>("addressA");
    QTest::addColumn<QString>("nameB");
    QTest::addColumn<QString>("addressB");
    QTest::addColumn<bool>("similar");
    QTest::newRow("same surname") << u"田中 健二"_s << u"kenji.tanaka@minato-denki.co.jp"_s << u"田中 健"_s
                                  << u"ken.tanaka@acme.co.jp"_s << true;
    QTest::newRow("same given name") << u"山本 健"_s << u"ken.yamamoto@sakura-tech.co.jp"_s << u"田中 健"_s
                                     << u"k.t@acme.co.jp"_s << true;
    QTest::newRow("honorific and width ignored")
        << u"ＳＭＩＴＨ John 様"_s << u"js@a.example"_s << u"John Baker"_s << u"jb@b.example"_s << true;
    QTest::newRow("same local part") << u""_s << u"ichiro.suzuki@aoba-kensetsu.co.jp"_s << u""_s
                                     << u"ichiro.suzuki@acme.co.jp"_s << true;
    QTest::newRow("local part one letter off")
        << u""_s << u"k.tanka@a.example"_s << u""_s << u"k.tanaka@b.example"_s << true;
    QTest::newRow("different people") << u"木村 洋子"_s << u"yoko.kimura@aoba-kensetsu.co.jp"_s
                                      << u"田中 健"_s << u"ken.tanaka@acme.co.jp"_s << false;
    QTest::newRow("only an initial in common")
        << u"J. Miller"_s << u"jm@a.example"_s << u"J. Baker"_s << u"jb@b.example"_s << false;
    QTest::newRow("short local parts") << u""_s << u"ito@a.example"_s << u""_s << u"iso@b.example"_s << false;
}

void TestUnusualRecipientCheck::similar()
{
    QFETCH(QString, nameA);
    QFETCH(QString, addressA);
    QFETCH(QString, nameB);
    QFETCH(QString, addressB);
    QFETCH(bool, similar);
    const QStringList a = nameA.isEmpty() ? QStringList() : QStringList{nameA};
    const QStringList b = nameB.isEmpty() ? QStringList() : QStringList{nameB};
    QCOMPARE(Review::UnusualRecipientCheck::similar(a, addressA, b, addressB), similar);
    QCOMPARE(Review::UnusualRecipientCheck::similar(b, addressB, a, addressA), similar);
}

QTEST_GUILESS_MAIN(TestUnusualRecipientCheck)
#include "TestUnusualRecipientCheck.moc"
