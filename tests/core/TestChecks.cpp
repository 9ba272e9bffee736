// The smaller checks, one test function each (look-alike, personal data and
// greetings have their own files).
#include "ReviewFixture.h"
#include "review/checks/AttachmentCheck.h"
#include "review/checks/AttachmentNewDomainCheck.h"
#include "review/checks/BlockedDomainCheck.h"
#include "review/checks/CautionDomainCheck.h"
#include "review/checks/EnvelopeHeaderMismatchCheck.h"
#include "review/checks/ExternalRecipientCheck.h"
#include "review/checks/FirstTimeDomainCheck.h"
#include "review/checks/FirstTimeRecipientCheck.h"
#include "review/checks/KeywordCheck.h"
#include "review/checks/ManyExternalVisibleCheck.h"
#include "review/checks/NameAddressMismatchCheck.h"
#include "review/checks/SenderCertificateCheck.h"
#include "review/checks/ThreadNewDomainCheck.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using Fixture::mailbox;
using Review::Severity;

class TestChecks : public QObject
{
    Q_OBJECT
private slots:
    void externalRecipient();
    void firstTimeRecipient();
    void firstTimeDomain();
    void historyChecksNeedHistory();
    void manyExternalVisible_data();
    void manyExternalVisible();
    void blockedAndCautionDomains();
    void attachmentList();
    void riskyAttachments_data();
    void riskyAttachments();
    void keyword_data();
    void keyword();
    void envelopeHeaderMismatch();
    void nameAddressMismatch_data();
    void nameAddressMismatch();
    void threadNewDomain();
    void attachmentNewDomain();
    void senderCertificate();
};

void TestChecks::externalRecipient()
{
    const auto v = Fixture::message({mailbox(u"hanako@example.co.jp"_s), mailbox(u"a@osaka.example.co.jp"_s),
                                     mailbox(u"bob@partner.example"_s)});
    const auto f = Fixture::run(Review::ExternalRecipientCheck(), v, Fixture::policy());
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{u"bob@partner.example"_s});
    QCOMPARE(f.first().severity, Severity::Warn);
    const auto internalOnly = Fixture::message({mailbox(u"hanako@example.co.jp"_s)});
    QVERIFY(Fixture::run(Review::ExternalRecipientCheck(), internalOnly, Fixture::policy()).isEmpty());
}

void TestChecks::firstTimeRecipient()
{
    const auto v = Fixture::message({mailbox(u"Known@Partner.example"_s), mailbox(u"new@partner.example"_s),
                                     mailbox(u"colleague@example.co.jp"_s)});
    Review::HistoryFacts h;
    h.knownAddresses = {u"known@partner.example"_s};
    const auto f = Fixture::run(Review::FirstTimeRecipientCheck(), v, Fixture::policy(), &h);
    QCOMPARE(f.size(), 1);
    // Case does not make a new recipient, and colleagues are not flagged.
    QCOMPARE(f.first().recipients, QStringList{u"new@partner.example"_s});
}

void TestChecks::firstTimeDomain()
{
    const auto v = Fixture::message(
        {mailbox(u"a@partner.example"_s), mailbox(u"b@new.example"_s), mailbox(u"c@new.example"_s)});
    Review::HistoryFacts h;
    h.knownDomains = {u"partner.example"_s};
    const auto f = Fixture::run(Review::FirstTimeDomainCheck(), v, Fixture::policy(), &h);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, (QStringList{u"b@new.example"_s, u"c@new.example"_s}));
    QVERIFY(f.first().message.contains(u"new.example"_s));
}

void TestChecks::historyChecksNeedHistory()
{
    QVERIFY(Review::FirstTimeRecipientCheck().needsHistory());
    QVERIFY(Review::FirstTimeDomainCheck().needsHistory());
    QVERIFY(Review::NameAddressMismatchCheck().needsHistory());
    QVERIFY(Review::ThreadNewDomainCheck().needsHistory());
    QVERIFY(Review::AttachmentNewDomainCheck().needsHistory());
    QVERIFY(!Review::ExternalRecipientCheck().needsHistory());
}

void TestChecks::manyExternalVisible_data()
{
    QTest::addColumn<int>("toCount");
    QTest::addColumn<int>("bccCount");
    QTest::addColumn<int>("domainThreshold");
    QTest::addColumn<bool>("fires");
    QTest::newRow("10 visible is fine") << 10 << 0 << 0 << false;
    QTest::newRow("11 visible") << 11 << 0 << 0 << true;
    QTest::newRow("50 in Bcc are not visible") << 2 << 50 << 0 << false;
    QTest::newRow("domain threshold") << 4 << 0 << 3 << true;
}

void TestChecks::manyExternalVisible()
{
    QFETCH(int, toCount);
    QFETCH(int, bccCount);
    QFETCH(int, domainThreshold);
    QFETCH(bool, fires);
    QList<Mime::Mailbox> to{mailbox(u"me@example.co.jp"_s)};
    for (int i = 0; i < toCount; ++i)
        to << mailbox(u"p%1@d%1.example"_s.arg(i));
    auto v = Fixture::message(to);
    for (int i = 0; i < bccCount; ++i)
        v.bcc << mailbox(u"hidden%1@x.example"_s.arg(i));
    auto p = Fixture::policy();
    p.manyExternalDomainsThreshold = domainThreshold;
    const auto f = Fixture::run(Review::ManyExternalVisibleCheck(), v, p);
    QCOMPARE(f.size(), fires ? 1 : 0);
    if (fires)
        QVERIFY(f.first().message.contains(u"Bcc"_s));
}

void TestChecks::blockedAndCautionDomains()
{
    const auto v = Fixture::message({mailbox(u"a@free.example"_s), mailbox(u"b@x.bad.example"_s),
                                     mailbox(u"c@partner.example"_s), mailbox(u"d@ok.example"_s)});
    auto p = Fixture::policy();
    p.blockedDomains = {u"free.example"_s, u"*.bad.example"_s};
    p.cautionDomains = {u"partner.example"_s};
    const auto blocked = Fixture::run(Review::BlockedDomainCheck(), v, p);
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked.first().recipients, (QStringList{u"a@free.example"_s, u"b@x.bad.example"_s}));
    const auto caution = Fixture::run(Review::CautionDomainCheck(), v, p);
    QCOMPARE(caution.size(), 1);
    QCOMPARE(caution.first().recipients, QStringList{u"c@partner.example"_s});
}

void TestChecks::attachmentList()
{
    auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    v.attachments << Fixture::attachment(u"見積書.pdf"_s, QByteArray(2048, 'x'), u"application/pdf"_s);
    Mime::Attachment logo = Fixture::attachment(u"logo.png"_s);
    logo.isInline = true;
    v.attachments << logo;
    const auto f = Fixture::run(Review::AttachmentCheck(), v, Fixture::policy());
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().severity, Severity::Info);
    QCOMPARE(f.first().attachments,
             QStringList{u"見積書.pdf"_s}); // inline images are not attachments to a person
    // Listed with the size the check read from the part, and without the inline image.
    const QString listed = u"見積書.pdf (%1)"_s.arg(QLocale().formattedDataSize(2048));
    QVERIFY2(f.first().message.contains(listed), qPrintable(f.first().message));
    QVERIFY2(!f.first().message.contains(u"logo.png"_s), qPrintable(f.first().message));
}

void TestChecks::riskyAttachments_data()
{
    QTest::addColumn<QString>("filename");
    QTest::addColumn<bool>("risky");
    // What the check worked out: the type that runs (lower case, trailing dots
    // and spaces dropped as Windows does), the type the name pretends to be,
    // the hidden character. Not merely text the file name already contains.
    QTest::addColumn<QString>("hint");
    QTest::newRow("exe") << u"setup.exe"_s << true << u"is a .exe file: a program"_s;
    QTest::newRow("upper case") << u"RUN.JS"_s << true << u"is a .js file: a program"_s;
    QTest::newRow("lnk") << u"document.lnk"_s << true << u"is a .lnk file: a program"_s;
    QTest::newRow("iso") << u"disk.iso"_s << true << u"is a .iso file: a program"_s;
    QTest::newRow("html") << u"login.html"_s << true << u"is a .html file: a program"_s;
    QTest::newRow("double extension")
        << u"invoice.pdf.exe"_s << true << u"looks like a .pdf file but is a .exe file"_s;
    QTest::newRow("spaces before extension")
        << u"invoice.pdf          .scr"_s << true << u"looks like a .pdf file but is a .scr file"_s;
    QTest::newRow("trailing dot") << u"tool.exe."_s << true << u"\"tool.exe.\" is a .exe file: a program"_s;
    QTest::newRow("rtl override") << u"report\u202Efdp.exe"_s << true
                                  << u"\"report[U+202E]fdp.exe\" contains invisible characters"_s;
    QTest::newRow("pdf") << u"report.pdf"_s << false << QString();
    QTest::newRow("no extension") << u"README"_s << false << QString();
    QTest::newRow("exe inside the name") << u"exe-manual.pdf"_s << false << QString();
}

void TestChecks::riskyAttachments()
{
    QFETCH(QString, filename);
    QFETCH(bool, risky);
    QFETCH(QString, hint);
    auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    v.attachments << Fixture::attachment(filename);
    const auto f = Fixture::run(Review::AttachmentCheck(), v, Fixture::policy());
    QCOMPARE(f.size(), risky ? 2 : 1); // the list, and the warning
    if (risky) {
        QCOMPARE(f.at(1).severity, Severity::Warn);
        QCOMPARE(f.at(1).attachments, QStringList{filename});
        QVERIFY2(f.at(1).message.contains(hint), qPrintable(f.at(1).message));
    }
}

void TestChecks::keyword_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("attachment");
    QTest::addColumn<int>("findings");
    QTest::newRow("none") << u"Meeting"_s << u"Hello"_s << u"a.pdf"_s << 0;
    QTest::newRow("subject") << u"【社外秘】計画"_s << u"Hello"_s << u"a.pdf"_s << 1;
    QTest::newRow("body, any case") << u"Plan"_s << u"This is CONFIDENTIAL."_s << u"a.pdf"_s << 1;
    QTest::newRow("full-width latin") << u"ＣＯＮＦＩＤＥＮＴＩＡＬ"_s << u""_s << u"a.pdf"_s << 1;
    QTest::newRow("attachment name") << u"Plan"_s << u"Hi"_s << u"極秘_計画.xlsx"_s << 1;
    QTest::newRow("everywhere") << u"社外秘"_s << u"社外秘"_s << u"社外秘.pdf"_s << 3;
}

void TestChecks::keyword()
{
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(QString, attachment);
    QFETCH(int, findings);
    auto v = Fixture::message({mailbox(u"a@partner.example"_s)}, body);
    v.subject = subject;
    v.attachments << Fixture::attachment(attachment);
    const auto f = Fixture::run(Review::KeywordCheck(), v, Fixture::policy());
    QCOMPARE(f.size(), findings);
}

void TestChecks::envelopeHeaderMismatch()
{
    // To: a, b  Cc: c   envelope: a, c, hidden   -> hidden is Bcc, b will not receive it.
    auto v = Fixture::message({mailbox(u"a@partner.example"_s), mailbox(u"b@partner.example"_s, u"Bee"_s)},
                              {}, {mailbox(u"c@partner.example"_s)});
    Smtp::Envelope e;
    e.mailFrom = u"taro@example.co.jp"_s;
    e.recipients = {u"A@partner.example"_s, u"c@partner.example"_s, u"hidden@other.example"_s};
    const auto f = Fixture::run(Review::EnvelopeHeaderMismatchCheck(), v, Fixture::policy(), nullptr, &e);
    QCOMPARE(f.size(), 2);
    QCOMPARE(f.at(0).severity, Severity::Info);
    QCOMPARE(f.at(0).recipients, QStringList{u"hidden@other.example"_s});
    QCOMPARE(f.at(1).severity, Severity::Warn);
    QCOMPARE(f.at(1).recipients, QStringList{u"b@partner.example"_s});
}

void TestChecks::nameAddressMismatch_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("fires");
    QTest::newRow("same name, same address") << u"yamada@partner.example"_s << u"山田 太郎"_s << false;
    QTest::newRow("name written differently") << u"yamada@partner.example"_s << u"山田太郎 様"_s << false;
    QTest::newRow("known name, other address") << u"yamada@gmail.example"_s << u"山田 太郎"_s << true;
    QTest::newRow("known address, other name") << u"yamada@partner.example"_s << u"鈴木 花子"_s << true;
    QTest::newRow("shorter name is fine") << u"yamada@partner.example"_s << u"山田"_s << false;
    QTest::newRow("no name") << u"yamada@gmail.example"_s << QString() << false;
    QTest::newRow("new person") << u"suzuki@partner.example"_s << u"鈴木 花子"_s << false;
}

void TestChecks::nameAddressMismatch()
{
    QFETCH(QString, address);
    QFETCH(QString, name);
    QFETCH(bool, fires);
    Review::HistoryFacts h;
    h.namesByAddress.insert(u"yamada@partner.example"_s, {u"山田 太郎"_s});
    h.addressesByName.insert(Mail::PersonNames::key(u"山田 太郎"_s), {u"yamada@partner.example"_s});
    const auto v = Fixture::message({mailbox(address, name)});
    const auto f = Fixture::run(Review::NameAddressMismatchCheck(), v, Fixture::policy(), &h);
    QCOMPARE(f.size(), fires ? 1 : 0);
}

void TestChecks::threadNewDomain()
{
    auto v = Fixture::message({mailbox(u"a@partner.example"_s), mailbox(u"b@mail.partner.example"_s),
                               mailbox(u"c@example.co.jp"_s), mailbox(u"x@stranger.example"_s)});
    v.inReplyTo = u"<t1@partner.example>"_s;
    Review::HistoryFacts h;
    h.threadKnown = true;
    h.threadDomains = {u"partner.example"_s};
    auto f = Fixture::run(Review::ThreadNewDomainCheck(), v, Fixture::policy(), &h);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{u"x@stranger.example"_s});
    h.threadKnown = false; // a reply to a conversation the history does not know: no opinion
    QVERIFY(Fixture::run(Review::ThreadNewDomainCheck(), v, Fixture::policy(), &h).isEmpty());
}

void TestChecks::attachmentNewDomain()
{
    auto v = Fixture::message({mailbox(u"a@other.example"_s), mailbox(u"b@partner.example"_s)});
    v.attachments << Fixture::attachment(u"price-list.xlsx"_s, "secret prices");
    Review::HistoryFacts h;
    h.attachmentDomains.insert(v.attachments.first().sha256, {u"partner.example"_s, u"example.co.jp"_s});
    auto f = Fixture::run(Review::AttachmentNewDomainCheck(), v, Fixture::policy(), &h);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().recipients, QStringList{u"a@other.example"_s});
    QCOMPARE(f.first().attachments, QStringList{u"price-list.xlsx"_s});
    // Sent before only inside the organisation: going out now is the normal case.
    h.attachmentDomains.insert(v.attachments.first().sha256, {u"example.co.jp"_s});
    QVERIFY(Fixture::run(Review::AttachmentNewDomainCheck(), v, Fixture::policy(), &h).isEmpty());
}

void TestChecks::senderCertificate()
{
    const auto v = Fixture::message({mailbox(u"a@partner.example"_s)});
    const Smtp::Envelope e = Fixture::envelopeOf(v);
    const auto p = Fixture::policy();
    const Review::DomainMatcher internal(p.policy.internalDomains);
    QList<Review::Address> none;
    const QList<Review::Recipient> rs = Review::Reviewer::recipientsOf(v, e, internal, &none);
    const Review::CheckContext without{v, e, rs, none, p, internal, nullptr, false, {}};
    QVERIFY(Review::SenderCertificateCheck().run(without).isEmpty());
    const Review::CheckContext with{
        v, e, rs, none, p, internal, nullptr, true, u"The certificate expired."_s};
    const auto f = Review::SenderCertificateCheck().run(with);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.first().severity, Severity::Warn);
    // The sender the check found in the message, then the store's reason.
    QCOMPARE(f.first().message, u"This message should be signed, but there is no valid certificate for "
                                u"taro@example.co.jp. The certificate expired."_s);

    // No From: address in the message: the envelope sender is the one named.
    auto noFrom = v;
    noFrom.from = {};
    Smtp::Envelope other = e;
    other.mailFrom = u"jiro@example.co.jp"_s;
    const Review::CheckContext fromEnvelope{noFrom, other, rs, none, p, internal, nullptr, true, {}};
    const auto g = Review::SenderCertificateCheck().run(fromEnvelope);
    QCOMPARE(g.size(), 1);
    QCOMPARE(g.first().message,
             u"This message should be signed, but there is no valid certificate for jiro@example.co.jp."_s);
}

QTEST_GUILESS_MAIN(TestChecks)
#include "TestChecks.moc"
