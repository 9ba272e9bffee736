#include "ReviewFixture.h"
#include "review/Reviewer.h"
#include "store/History.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Fixture::mailbox;
using Review::CheckAction;
using Review::Field;
using Review::Reviewer;
using Review::Severity;
using Review::Verdict;

class TestReviewer : public QObject
{
    Q_OBJECT
private slots:
    void recipientsAsTheyReallyAre();
    void idnDomainIsShownInUnicode();
    void policyPerCheck_data();
    void policyPerCheck();
    void verdictFromReviewPolicy_data();
    void verdictFromReviewPolicy();
    void findingCodesOnRecipients();
    void blockedRecipientAtRcptTime();
    void historyUnavailableIsInformation();
    void learnsFromDeliveredMail();
    void asksHistoryThroughItsInterface();
    void reviewCarriesMessageFacts();
};

void TestReviewer::recipientsAsTheyReallyAre()
{
    auto v =
        Fixture::message({mailbox(u"hanako@example.co.jp"_s, u"花子"_s), mailbox(u"gone@partner.example"_s)},
                         {}, {mailbox(u"Bob@Partner.example"_s, u"Bob"_s)});
    v.bcc << mailbox(u"boss@example.co.jp"_s, u"Boss"_s);
    Smtp::Envelope e;
    e.mailFrom = u"taro@example.co.jp"_s;
    e.recipients = {u"hanako@example.co.jp"_s, u"bob@partner.example"_s, u"boss@example.co.jp"_s,
                    u"secret@other.example"_s, u"HANAKO@example.co.jp"_s};
    const Reviewer reviewer(Fixture::policy());
    const Review::MessageReview r = reviewer.review(v, e);
    QCOMPARE(r.recipients.size(), 4); // the duplicate RCPT is one recipient
    QCOMPARE(r.recipients.at(0).field, Field::To);
    QCOMPARE(r.recipients.at(0).name, u"花子"_s);
    QVERIFY(r.recipients.at(0).internal);
    QCOMPARE(r.recipients.at(1).field, Field::Cc);
    QCOMPARE(r.recipients.at(1).address, u"Bob@Partner.example"_s);
    QCOMPARE(r.recipients.at(1).domain, u"partner.example"_s);
    QVERIFY(!r.recipients.at(1).internal);
    QCOMPARE(r.recipients.at(2).field, Field::Bcc);
    QCOMPARE(r.recipients.at(2).name, u"Boss"_s);
    QCOMPARE(r.recipients.at(3).field, Field::Bcc); // in the envelope only
    QCOMPARE(r.recipients.at(3).address, u"secret@other.example"_s);
    QCOMPARE(r.notReceiving.size(), 1);
    QCOMPARE(r.notReceiving.first().address, u"gone@partner.example"_s);
}

void TestReviewer::idnDomainIsShownInUnicode()
{
    const QString ace = Mail::DomainNames::toAce(u"\u4F8B\u3048.jp"_s);
    QVERIFY(ace.startsWith(u"xn--"_s));
    const auto v = Fixture::message({});
    Smtp::Envelope e;
    e.recipients = {u"a@"_s + ace};
    const Review::MessageReview r = Reviewer(Fixture::policy()).review(v, e);
    QCOMPARE(r.recipients.first().domain, u"\u4F8B\u3048.jp"_s);
}

void TestReviewer::policyPerCheck_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("present");
    QTest::addColumn<int>("severity");
    QTest::addColumn<bool>("acknowledge");
    QTest::addColumn<int>("verdict");
    // An all-internal message with review=external skips the review: a confirm
    // finding is recorded with its acknowledgement flag (shown when the same
    // message goes outside), but only a block stops it.
    QTest::newRow("off") << int(CheckAction::Off) << false << 0 << false << int(Verdict::Pass);
    QTest::newRow("show") << int(CheckAction::Show) << true << int(Severity::Warn) << false
                          << int(Verdict::Pass);
    QTest::newRow("confirm") << int(CheckAction::Confirm) << true << int(Severity::Warn) << true
                             << int(Verdict::Pass);
    QTest::newRow("block") << int(CheckAction::Block) << true << int(Severity::Block) << false
                           << int(Verdict::Block);
}

void TestReviewer::policyPerCheck()
{
    QFETCH(int, action);
    QFETCH(bool, present);
    QFETCH(int, severity);
    QFETCH(bool, acknowledge);
    QFETCH(int, verdict);
    auto v = Fixture::message({mailbox(u"hanako@example.co.jp"_s)}, u"社外秘の資料です"_s);
    auto p = Fixture::policy();
    p.actions.insert(u"keyword"_s, CheckAction(action));
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    const Review::MessageReview r = Reviewer(p, &history).review(v, Fixture::envelopeOf(v));
    const auto it = std::find_if(r.findings.cbegin(), r.findings.cend(),
                                 [](const Review::Finding& f) { return f.code == u"keyword"_s; });
    QCOMPARE(it != r.findings.cend(), present);
    if (present) {
        QCOMPARE(int(it->severity), severity);
        QCOMPARE(it->needsAcknowledgement, acknowledge);
    }
    QCOMPARE(int(r.verdict), verdict);
}

void TestReviewer::verdictFromReviewPolicy_data()
{
    QTest::addColumn<int>("review");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<int>("verdict");
    using RP = Settings::ReviewPolicy;
    QTest::newRow("external: internal passes")
        << int(RP::External) << u"a@example.co.jp"_s << int(Verdict::Pass);
    QTest::newRow("external: external reviewed")
        << int(RP::External) << u"a@known.example"_s << int(Verdict::Review);
    QTest::newRow("always") << int(RP::Always) << u"a@example.co.jp"_s << int(Verdict::Review);
    QTest::newRow("never") << int(RP::Never) << u"a@known.example"_s << int(Verdict::Pass);
}

void TestReviewer::verdictFromReviewPolicy()
{
    QFETCH(int, review);
    QFETCH(QString, recipient);
    QFETCH(int, verdict);
    auto p = Fixture::policy();
    p.policy.review = Settings::ReviewPolicy(review);
    // Known recipient, so only the review policy decides.
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    const auto known = Fixture::message({mailbox(recipient)});
    QVERIFY(history.learnSent(known, nullptr));
    auto v = known;
    v.messageId = u"<new@example.co.jp>"_s;
    const Review::MessageReview r = Reviewer(p, &history).review(v, Fixture::envelopeOf(v));
    QStringList codes;
    for (const auto& f : r.findings)
        codes << f.code;
    QVERIFY2(int(r.verdict) == verdict, qPrintable(codes.join(u", "_s)));
}

void TestReviewer::findingCodesOnRecipients()
{
    auto v = Fixture::message({mailbox(u"a@examp1e.co.jp"_s), mailbox(u"b@example.co.jp"_s)});
    const Review::MessageReview r = Reviewer(Fixture::policy()).review(v, Fixture::envelopeOf(v));
    QVERIFY(r.recipients.at(0).findingCodes.contains(u"look-alike-domain"_s));
    QVERIFY(r.recipients.at(0).findingCodes.contains(u"external-recipient"_s));
    QVERIFY(r.recipients.at(1).findingCodes.isEmpty());
    QCOMPARE(r.verdict, Verdict::Review);
}

void TestReviewer::blockedRecipientAtRcptTime()
{
    auto p = Fixture::policy();
    p.blockedDomains = {u"*.free.example"_s};
    QString reason;
    QVERIFY(Reviewer(p).isBlockedRecipient(u"x@mail.free.example"_s, &reason));
    QVERIFY(reason.contains(u"mail.free.example"_s));
    QVERIFY(!Reviewer(p).isBlockedRecipient(u"x@partner.example"_s, &reason));
    p.actions.insert(u"blocked-domain"_s, CheckAction::Show);
    QVERIFY(!Reviewer(p).isBlockedRecipient(u"x@mail.free.example"_s, &reason));
    // The same policy blocks the whole message when such a recipient slips through.
    p.actions.remove(u"blocked-domain"_s);
    const auto v = Fixture::message({mailbox(u"x@mail.free.example"_s)});
    QCOMPARE(Reviewer(p).review(v, Fixture::envelopeOf(v)).verdict, Verdict::Block);
}

void TestReviewer::historyUnavailableIsInformation()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"history.sqlite"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'Z'));
    f.close();
    Store::History history(file);
    QVERIFY(!history.open());

    auto p = Fixture::policy();
    p.actions.insert(u"first-time-recipient"_s, CheckAction::Block); // must not block without history
    const auto v = Fixture::message({mailbox(u"a@example.co.jp"_s)});
    const Review::MessageReview r = Reviewer(p, &history).review(v, Fixture::envelopeOf(v));
    QCOMPARE(r.verdict, Verdict::Pass);
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings.first().code, u"history-unavailable"_s);
    QCOMPARE(r.findings.first().severity, Severity::Info);
    QVERIFY(r.findings.first().message.contains(u"first-time-recipient"_s));
    QVERIFY(!r.historyProblem.isEmpty());
}

void TestReviewer::learnsFromDeliveredMail()
{
    Store::History history(u":memory:"_s);
    QVERIFY(history.open());
    const Reviewer reviewer(Fixture::policy(), &history);
    auto v = Fixture::message({mailbox(u"yamada@partner.example"_s, u"山田 太郎"_s)});
    v.attachments << Fixture::attachment(u"prices.xlsx"_s, "prices");
    const Smtp::Envelope e = Fixture::envelopeOf(v);

    Review::MessageReview first = reviewer.review(v, e);
    QStringList codes;
    for (const auto& f : first.findings)
        codes << f.code;
    QVERIFY(codes.contains(u"first-time-recipient"_s));
    QVERIFY(codes.contains(u"first-time-domain"_s));
    QVERIFY(history.recordDelivered(v, e, u"work"_s, first, u"sent"_s, false, u"250 OK"_s));

    // The reply to our own message, adding a stranger and the same file.
    auto reply = Fixture::message({mailbox(u"yamada@partner.example"_s, u"山田 太郎"_s),
                                   mailbox(u"yamada@partner-example.com"_s, u"山田 太郎"_s),
                                   mailbox(u"x@parlner.example"_s)});
    reply.messageId = u"<m2@example.co.jp>"_s;
    reply.inReplyTo = v.messageId;
    reply.attachments = v.attachments;
    const Review::MessageReview second = reviewer.review(reply, Fixture::envelopeOf(reply));
    QHash<QString, QStringList> byCode;
    for (const auto& f : second.findings)
        byCode[f.code] << f.recipients;
    QVERIFY(!byCode.value(u"first-time-recipient"_s).contains(u"yamada@partner.example"_s));
    QVERIFY(byCode.value(u"first-time-recipient"_s).contains(u"x@parlner.example"_s));
    QVERIFY(byCode.value(u"thread-new-domain"_s).contains(u"x@parlner.example"_s));
    QVERIFY(byCode.value(u"name-address-mismatch"_s).contains(u"yamada@partner-example.com"_s));
    QVERIFY(byCode.value(u"look-alike-domain"_s).contains(u"x@parlner.example"_s));
    QVERIFY(byCode.value(u"attachment-new-domain"_s).contains(u"x@parlner.example"_s));
    QCOMPARE(second.verdict, Verdict::Review);
}

// The review knows the history only as Review::HistoryQuery: one batched
// question per message, in normalised keys, answered with plain facts.
class AnsweredHistory : public Review::HistoryQuery
{
public:
    bool facts(const Review::HistoryQuestion& question, Review::HistoryFacts* out, QString*) override
    {
        ++asked;
        last = question;
        *out = answer;
        return true;
    }
    int asked = 0;
    Review::HistoryQuestion last;
    Review::HistoryFacts answer;
};

void TestReviewer::asksHistoryThroughItsInterface()
{
    AnsweredHistory history;
    history.answer.knownAddresses = {u"sato@partner.example"_s};
    history.answer.knownDomains = {u"partner.example"_s};
    history.answer.allDomains = {u"partner.example"_s};
    const Reviewer reviewer(Fixture::policy(), &history);
    const auto v = Fixture::message(
        {mailbox(u"Sato@Partner.Example."_s), mailbox(u"kim@new.example"_s), mailbox(u"a@例え.jp"_s)});
    const Review::MessageReview r = reviewer.review(v, Fixture::envelopeOf(v));

    QCOMPARE(history.asked, 1);
    QVERIFY2(history.last.addressKeys.contains(u"sato@partner.example"_s),
             qPrintable(history.last.addressKeys.join(u' ')));
    QVERIFY(history.last.domains.contains(u"partner.example"_s));
    QVERIFY(history.last.domains.contains(u"xn--r8jz45g.jp"_s));
    QStringList firstTime;
    for (const auto& f : r.findings) {
        if (f.code == u"first-time-recipient"_s)
            firstTime << f.recipients;
    }
    QVERIFY(!firstTime.contains(u"Sato@Partner.Example."_s));
    QVERIFY(firstTime.contains(u"kim@new.example"_s));
}

void TestReviewer::reviewCarriesMessageFacts()
{
    auto v = Fixture::message({mailbox(u"a@example.co.jp"_s)}, u"line 1\r\nline 2\r\n"_s);
    v.problems << u"The Date header could not be read."_s;
    v.attachments << Fixture::attachment(u"a.pdf"_s, "12345", u"application/pdf"_s);
    Reviewer::Inputs in;
    in.account = u"work"_s;
    const Review::MessageReview r = Reviewer(Fixture::policy()).review(v, Fixture::envelopeOf(v), in);
    QCOMPARE(r.account, u"work"_s);
    QCOMPARE(r.from.address, u"taro@example.co.jp"_s);
    QCOMPARE(r.from.name, u"Taro Yamada"_s);
    QCOMPARE(r.subject, u"Meeting"_s);
    QCOMPARE(r.bodyStart, u"line 1\nline 2"_s);
    QCOMPARE(r.problems, v.problems);
    QCOMPARE(r.attachments.size(), 1);
    QCOMPARE(r.attachments.first().size, 5);
    QCOMPARE(r.attachments.first().contentType, u"application/pdf"_s);
}

QTEST_GUILESS_MAIN(TestReviewer)
#include "TestReviewer.moc"
