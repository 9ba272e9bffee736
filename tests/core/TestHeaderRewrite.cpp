#include "mime/HeaderRewrite.h"
#include "mime/MessageView.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Mime::HeaderRewrite;

// Moving visible addresses to Bcc works on the raw header. Each case checks
// what the recipients will see (the header parsed again) and that nothing
// else changed by a byte.
class TestHeaderRewrite : public QObject
{
    Q_OBJECT
private slots:
    void hidesExternalAndKeepsTheRest_data();
    void hidesExternalAndKeepsTheRest();
    void everyoneHiddenLeavesUndisclosedRecipients();
    void bodyAndOtherFieldsUntouched();
    void nothingToHideChangesNothing();
    void emptyToIsNotAnAddressLeft();
    void eachFieldKeepsItsLineEnding();
    void messageWithoutBody();
    void foldedLongListStaysWithinLineLimits();
    void removesBccFields_data();
    void removesBccFields();
    void replacesOnlyThatMailbox_data();
    void replacesOnlyThatMailbox();
    void replacedNameReadsBack();
    void replacementRefused_data();
    void replacementRefused();
    void addressNotInHeaderChangesNothing();

private:
    static bool external(const Mime::Mailbox& m) { return !m.addressAce.endsWith(u"@example.co.jp"_s); }
    static QStringList visible(const QByteArray& message)
    {
        const Mime::MessageView view = Mime::MessageView::parse(message);
        QStringList out;
        for (const Mime::Mailbox& m : view.to)
            out << u"to:"_s + m.address;
        for (const Mime::Mailbox& m : view.cc)
            out << u"cc:"_s + m.address;
        return out;
    }
};

void TestHeaderRewrite::hidesExternalAndKeepsTheRest_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("removed");

    QTest::newRow("plain") << "To: a@partner.example, boss@example.co.jp\r\nCc: c@other.example\r\n"_ba
                           << QStringList{u"to:boss@example.co.jp"_s} << 2;
    QTest::newRow("quoted names with commas")
        << "To: \"Yamada, Taro\" <t.yamada@partner.example>, \"Sato, Hanako\" <hanako@example.co.jp>\r\n"_ba
        << QStringList{u"to:hanako@example.co.jp"_s} << 1;
    QTest::newRow("encoded word holding a comma")
        << "To: =?UTF-8?Q?Yamada,_Taro?= <t@partner.example>,\r\n =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= "
           "<yamada@example.co.jp>\r\n"_ba
        << QStringList{u"to:yamada@example.co.jp"_s} << 1;
    QTest::newRow("unquoted comma in a name (Outlook)")
        << "To: Yamada, Taro <t@partner.example>, hanako@example.co.jp\r\n"_ba
        << QStringList{u"to:hanako@example.co.jp"_s} << 1;
    QTest::newRow("comments and routes")
        << "Cc: x@partner.example (Partner), <@relay.example:y@other.example>, (Me) me@example.co.jp\r\n"_ba
        << QStringList{u"cc:me@example.co.jp"_s} << 2;
    QTest::newRow("group keeps its internal members")
        << "To: Project: a@partner.example, lead@example.co.jp, b@other.example;, c@third.example\r\n"_ba
        << QStringList{u"to:lead@example.co.jp"_s} << 3;
    QTest::newRow("folded over many lines")
        << "To: a@partner.example,\r\n\tboss@example.co.jp,\r\n  \"Partner B\"\r\n <b@other.example>\r\nCc: "
           "team@example.co.jp\r\n"_ba
        << QStringList{u"to:boss@example.co.jp"_s, u"cc:team@example.co.jp"_s} << 2;
    QTest::newRow("IDN domain")
        << "To: =?UTF-8?B?5L2Q6Jek?= <sato@xn--eckwd4c7c.xn--zckzah>, boss@example.co.jp\r\n"_ba
        << QStringList{u"to:boss@example.co.jp"_s} << 1;
    QTest::newRow("lower-case field names")
        << "to: a@partner.example, boss@example.co.jp\r\ncc: b@partner.example\r\n"_ba
        << QStringList{u"to:boss@example.co.jp"_s} << 2;
}

void TestHeaderRewrite::hidesExternalAndKeepsTheRest()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, expected);
    QFETCH(int, removed);
    const QByteArray message =
        "From: taro@example.co.jp\r\n"_ba + header + "Subject: quote\r\n\r\nHello.\r\n"_ba;
    int count = -1;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, removed);
    QCOMPARE(visible(*out), expected);
    QVERIFY(out->startsWith("From: taro@example.co.jp\r\n"));
    QVERIFY(out->endsWith("Subject: quote\r\n\r\nHello.\r\n"));
}

void TestHeaderRewrite::everyoneHiddenLeavesUndisclosedRecipients()
{
    const QByteArray message = "From: taro@example.co.jp\r\nTo: a@partner.example,\r\n b@other.example\r\n"
                               "Subject: s\r\nCc: c@partner.example\r\n\r\nbody\r\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 3);
    // In the place of the first field that was emptied.
    QCOMPARE(*out,
             "From: taro@example.co.jp\r\nTo: undisclosed-recipients:;\r\nSubject: s\r\n\r\nbody\r\n"_ba);
    QVERIFY(visible(*out).isEmpty());
}

void TestHeaderRewrite::bodyAndOtherFieldsUntouched()
{
    // LF line ends, 8-bit header bytes elsewhere, "To:" inside the body and a
    // Reply-To with an external address: only To and Cc change.
    const QByteArray message = "Received: from x\n\tby y\nFrom: =?UTF-8?B?5aSq6YOO?= <taro@example.co.jp>\n"
                               "Reply-To: desk@partner.example\nTo: a@partner.example, b@example.co.jp\n"
                               "Subject: \xe8\xa6\x8b\xe7\xa9\x8d\n\nTo: a@partner.example\n"
                               "Cc: c@partner.example\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 1);
    QByteArray expected = message;
    expected.replace("To: a@partner.example, b@example.co.jp\n", "To: b@example.co.jp\n");
    QCOMPARE(*out, expected);
}

void TestHeaderRewrite::nothingToHideChangesNothing()
{
    const QByteArray message = "To: undisclosed-recipients:;\r\nCc: a@example.co.jp\r\n\r\nx\r\n"_ba;
    int count = -1;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY(out);
    QCOMPARE(count, 0);
    QCOMPARE(*out, message);
}

void TestHeaderRewrite::emptyToIsNotAnAddressLeft()
{
    const QByteArray message = "To: \r\nCc: a@partner.example\r\n\r\nx\r\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 1);
    QCOMPARE(*out, "To: undisclosed-recipients:;\r\n\r\nx\r\n"_ba);
}

void TestHeaderRewrite::eachFieldKeepsItsLineEnding()
{
    // A file with an LF first line and CRLF after it: the rewritten field ends
    // as it did, never with a bare LF among CRLF lines.
    const QByteArray message = "X-Mailer: x\nTo: a@partner.example, b@example.co.jp\r\n\r\nbody\r\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(*out, "X-Mailer: x\nTo: b@example.co.jp\r\n\r\nbody\r\n"_ba);
}

void TestHeaderRewrite::messageWithoutBody()
{
    const QByteArray message = "To: a@partner.example\r\nCc: b@example.co.jp"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 1);
    QCOMPARE(*out, "Cc: b@example.co.jp"_ba);
}

void TestHeaderRewrite::foldedLongListStaysWithinLineLimits()
{
    // 300 addresses on one 8 KB line (clients do write such lines, within 998
    // only by folding): the rewritten field puts one address per line.
    QByteArray to = "To: ";
    for (int i = 0; i < 300; ++i)
        to += (i ? ", " : "") + QByteArray(i % 3 == 0 ? "staff" : "guest") + QByteArray::number(i) +
              (i % 3 == 0 ? "@example.co.jp" : "@partner.example");
    const QByteArray message = to + "\r\nSubject: list\r\n\r\nbody\r\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::hideRecipients(message, external, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 200);
    QCOMPARE(visible(*out).size(), 100);
    for (const QByteArray& line : out->split('\n'))
        QVERIFY(line.size() <= 998);
}

// Bcc and Resent-Bcc never go upstream: each field goes with its folded
// lines, and every other byte stays as it was (line endings included).
void TestHeaderRewrite::removesBccFields_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("removed");

    const QByteArray body = "\r\nBcc: in the body stays\r\n"_ba;
    QTest::newRow("one field")
        << "From: t@example.co.jp\r\nTo: a@example.co.jp\r\nBcc: boss@example.co.jp\r\n"
           "Subject: s\r\n"_ba +
               body
        << "From: t@example.co.jp\r\nTo: a@example.co.jp\r\nSubject: s\r\n"_ba + body << 1;
    QTest::newRow("folded")
        << "To: a@example.co.jp\r\nBcc: Boss <boss@example.co.jp>,\r\n\tx@partner.example,\r\n  "
           "=?UTF-8?B?5aSq6YOO?= <y@partner.example>\r\nSubject: s\r\n"_ba +
               body
        << "To: a@example.co.jp\r\nSubject: s\r\n"_ba + body << 1;
    QTest::newRow("several, lower and upper case")
        << "bcc: one@partner.example\r\nTo: a@example.co.jp\r\nBCC: two@partner.example\r\n"
           "Subject: s\r\nBcc:\r\n"_ba +
               body
        << "To: a@example.co.jp\r\nSubject: s\r\n"_ba + body << 3;
    QTest::newRow("Resent-Bcc")
        << "Resent-From: t@example.co.jp\r\nResent-Bcc: r@partner.example,\r\n "
           "q@partner.example\r\nResent-To: a@example.co.jp\r\nTo: b@example.co.jp\r\n"_ba +
               body
        << "Resent-From: t@example.co.jp\r\nResent-To: a@example.co.jp\r\n"
           "To: b@example.co.jp\r\n"_ba +
               body
        << 1;
    QTest::newRow("space before the colon") << "To: a@example.co.jp\r\nBcc : b@partner.example\r\n"_ba + body
                                            << "To: a@example.co.jp\r\n"_ba + body << 1;
    // Only fields of that name: look-alike names and "Bcc:" in another field's folded text stay.
    QTest::newRow("other fields named like it")
        << "X-Bcc: x\r\nBcc-Note: y\r\nSubject: about\r\n Bcc: nobody\r\n"_ba + body
        << "X-Bcc: x\r\nBcc-Note: y\r\nSubject: about\r\n Bcc: nobody\r\n"_ba + body << 0;
    QTest::newRow("LF and CRLF mixed") << "X-Mailer: m\nBcc: b@partner.example\n\tc@partner.example\r\n"
                                          "To: a@example.co.jp\r\n\r\nx\n"_ba
                                       << "X-Mailer: m\nTo: a@example.co.jp\r\n\r\nx\n"_ba << 1;
    QTest::newRow("first and last field, no body")
        << "Bcc: b@partner.example\r\nTo: a@example.co.jp\r\nBcc: c@partner.example"_ba
        << "To: a@example.co.jp\r\n"_ba << 2;
    QTest::newRow("no Bcc") << "From: t@example.co.jp\r\nTo: a@example.co.jp\r\n"_ba + body
                            << "From: t@example.co.jp\r\nTo: a@example.co.jp\r\n"_ba + body << 0;
    QTest::newRow("header only") << "To: a@example.co.jp\r\n"_ba
                                 << "To: a@example.co.jp\r\n"_ba << 0;
}

void TestHeaderRewrite::removesBccFields()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QFETCH(int, removed);
    int count = -1;
    const QByteArray out = HeaderRewrite::withoutBcc(message, &count);
    QCOMPARE(out, expected);
    QCOMPARE(count, removed);
    const Mime::MessageView view = Mime::MessageView::parse(out);
    QVERIFY(view.bcc.isEmpty());
}

// "Probably meant": one address of To/Cc written as another mailbox. The whole
// message is compared byte for byte: only that mailbox's text may change.
void TestHeaderRewrite::replacesOnlyThatMailbox_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("newAddress");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QByteArray>("expected");

    // 田中 健 in UTF-8, base64.
    const QByteArray ken = "=?UTF-8?B?55Sw5LitIOWBpQ==?="_ba;
    QTest::newRow("in To, Japanese name")
        << "To: =?UTF-8?B?55Sw5LitIOWBpeS6jA==?= <kenji.tanaka@acme-trading.co.jp>, boss@example.co.jp\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << u"田中 健"_s
        << "To: "_ba + ken + " <ken.tanaka@acme.co.jp>, boss@example.co.jp\r\n"_ba;
    QTest::newRow("in Cc, raw ISO-2022-JP name beside it")
        << "To: boss@example.co.jp\r\nCc: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@acme.co.jp>,\r\n"
           " kenji.tanaka@acme-trading.co.jp\r\n"_ba
        << u"Kenji.Tanaka@ACME-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << u"田中 健"_s
        << "To: boss@example.co.jp\r\nCc: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@acme.co.jp>,\r\n "_ba +
               ken + " <ken.tanaka@acme.co.jp>\r\n"_ba;
    QTest::newRow("encoded words around it stay as written")
        << "To: =?UTF-8?Q?Yamada,_Taro?= <t@acme.co.jp>, =?UTF-8?B?55Sw5LitIOWBpeS6jA==?=\r\n"
           " <kenji.tanaka@acme-trading.co.jp>, =?UTF-8?B?5L2Q6Jek?= <sato@acme.co.jp>\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << u"Ken Tanaka"_s
        << "To: =?UTF-8?Q?Yamada,_Taro?= <t@acme.co.jp>, Ken Tanaka <ken.tanaka@acme.co.jp>, "
           "=?UTF-8?B?5L2Q6Jek?= <sato@acme.co.jp>\r\n"_ba;
    QTest::newRow("in a group")
        << "To: Project: a@acme.co.jp, \"Tanaka, Kenji\" <kenji.tanaka@acme-trading.co.jp>;, c@example.co.jp\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << u"Tanaka, Ken"_s
        << "To: Project: a@acme.co.jp, \"Tanaka, Ken\" <ken.tanaka@acme.co.jp>;, c@example.co.jp\r\n"_ba;
    QTest::newRow("folded field, folds kept")
        << "To: a@acme.co.jp,\r\n\tkenji.tanaka@acme-trading.co.jp\r\n  ,\r\n \"Partner B\"\r\n <b@other.example>\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << QString()
        << "To: a@acme.co.jp,\r\n\tken.tanaka@acme.co.jp\r\n  ,\r\n \"Partner B\"\r\n <b@other.example>\r\n"_ba;
    QTest::newRow("unquoted comma in the old name goes with it")
        << "To: Tanaka, Kenji <kenji.tanaka@acme-trading.co.jp>, hanako@example.co.jp\r\n"_ba
        << u"kenji.tanaka@acme-trading.co.jp"_s << u"ken.tanaka@acme.co.jp"_s << u"Ken"_s
        << "To: Ken <ken.tanaka@acme.co.jp>, hanako@example.co.jp\r\n"_ba;
    QTest::newRow("IDN domain written as A-labels")
        << "To: kenji@acme-trading.co.jp\r\n"_ba << u"kenji@acme-trading.co.jp"_s << u"ken@ドメイン.テスト"_s
        << QString() << "To: ken@xn--eckwd4c7c.xn--zckzah\r\n"_ba;
    QTest::newRow("name with quotes is quoted")
        << "Cc: kenji@acme-trading.co.jp\r\n"_ba << u"kenji@acme-trading.co.jp"_s << u"ken@acme.co.jp"_s
        << u"Ken \"K\" Tanaka"_s << "Cc: \"Ken \\\"K\\\" Tanaka\" <ken@acme.co.jp>\r\n"_ba;
}

void TestHeaderRewrite::replacesOnlyThatMailbox()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, address);
    QFETCH(QString, newAddress);
    QFETCH(QString, newName);
    QFETCH(QByteArray, expected);
    const QByteArray head = "From: taro@example.co.jp\r\nDate: Mon, 1 Dec 2025 10:00:00 +0900\r\n"_ba;
    const QByteArray tail = "Subject: =?UTF-8?B?6KaL56mN?=\r\n\r\nTo: kenji.tanaka@acme-trading.co.jp\r\n"_ba;
    int count = -1;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::replaceRecipients(
        head + header + tail, {{address, newAddress, newName}}, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 1);
    QCOMPARE(*out, head + expected + tail);
}

void TestHeaderRewrite::replacedNameReadsBack()
{
    // What the recipients' mail programs will show: the new name and address.
    const QByteArray message = "To: =?ISO-2022-JP?B?GyRCRURDZiEhN3IbKEI=?= <kenji.tanaka@acme-trading.co.jp>,"
                               " boss@example.co.jp\r\n\r\nbody\r\n"_ba;
    int count = 0;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::replaceRecipients(
        message, {{u"kenji.tanaka@acme-trading.co.jp"_s, u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s}}, &count,
        &error);
    QVERIFY2(out, qPrintable(error));
    const Mime::MessageView view = Mime::MessageView::parse(*out);
    QCOMPARE(view.to.size(), 2);
    QCOMPARE(view.to.at(0).name, u"田中 健"_s);
    QCOMPARE(view.to.at(0).address, u"ken.tanaka@acme.co.jp"_s);
    QCOMPARE(view.to.at(1).address, u"boss@example.co.jp"_s);
    QVERIFY(!out->contains("kenji"));
    // 7-bit: the encoded name travels through any server.
    QVERIFY(std::all_of(out->cbegin(), out->cend(), [](char c) { return uchar(c) < 0x80; }));
}

void TestHeaderRewrite::replacementRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("newAddress");

    QTest::newRow("two addresses without a comma")
        << "To: kenji.tanaka@acme-trading.co.jp boss@example.co.jp\r\n"_ba << u"ken.tanaka@acme.co.jp"_s;
    QTest::newRow("non-ASCII local part")
        << "To: kenji.tanaka@acme-trading.co.jp\r\n"_ba << u"健@acme.co.jp"_s;
    QTest::newRow("not an address") << "To: kenji.tanaka@acme-trading.co.jp\r\n"_ba << u"ken.tanaka"_s;
    QTest::newRow("angle bracket in the address")
        << "To: kenji.tanaka@acme-trading.co.jp\r\n"_ba << u"ken>@acme.co.jp"_s;
}

void TestHeaderRewrite::replacementRefused()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, newAddress);
    int count = -1;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::replaceRecipients(
        "From: taro@example.co.jp\r\n"_ba + header + "\r\nbody\r\n"_ba,
        {{u"kenji.tanaka@acme-trading.co.jp"_s, newAddress, u"田中 健"_s}}, &count, &error);
    QVERIFY(!out);
    QVERIFY(!error.isEmpty());
}

void TestHeaderRewrite::addressNotInHeaderChangesNothing()
{
    // A Bcc recipient (only in the envelope): the header has nothing to change.
    const QByteArray message = "To: boss@example.co.jp\r\n\r\nkenji.tanaka@acme-trading.co.jp\r\n"_ba;
    int count = -1;
    QString error;
    const std::optional<QByteArray> out = HeaderRewrite::replaceRecipients(
        message, {{u"kenji.tanaka@acme-trading.co.jp"_s, u"ken.tanaka@acme.co.jp"_s, {}}}, &count, &error);
    QVERIFY2(out, qPrintable(error));
    QCOMPARE(count, 0);
    QCOMPARE(*out, message);
}

QTEST_GUILESS_MAIN(TestHeaderRewrite)
#include "TestHeaderRewrite.moc"
