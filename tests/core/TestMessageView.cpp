#include "mime/MessageView.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <ctime>

using namespace Qt::StringLiterals;

using Mime::MessageView;

// Fixtures are byte strings: ISO-2022-JP, CP932 and RFC 2231 bytes were made
// with Python's codecs ('…'.encode('iso2022_jp'), '…'.encode('cp932'),
// urllib.parse.quote_from_bytes) and checked by hand against the JIS tables.
class TestMessageView : public QObject
{
    Q_OBJECT
private slots:
    void subject_data();
    void subject();
    void addresses_data();
    void addresses();
    void filenames_data();
    void filenames();
    void attachments();
    void inlineImages();
    void textBody_data();
    void textBody();
    void textBodyIsLimited();
    void signedAndEncrypted_data();
    void signedAndEncrypted();
    void forwardedMessage();
    void identityHeaders();
    void problems_data();
    void problems();
    void malformedInputNeverCrashes();
    void largeMessage();

private:
    static QByteArray message(const QByteArray& headers, const QByteArray& body = "Hello\r\n");
    static QString describe(const QList<Mime::Mailbox>& boxes);
};

QByteArray TestMessageView::message(const QByteArray& headers, const QByteArray& body)
{
    return headers + "\r\n" + body;
}

QString TestMessageView::describe(const QList<Mime::Mailbox>& boxes)
{
    QStringList lines;
    for (const auto& box : boxes)
        lines.append(box.name + u'|' + box.address + u'|' + box.addressAce);
    return lines.join(u'\n');
}

void TestMessageView::subject_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("problem");

    QTest::newRow("ascii") << "Quarterly report"_ba << u"Quarterly report"_s << false;
    QTest::newRow("B utf-8 folded across lines")
        << "=?UTF-8?B?44GT44KT44Gr?=\r\n =?UTF-8?B?44Gh44Gv?= world"_ba << u"こんにちは world"_s << false;
    QTest::newRow("Q latin-1") << "=?iso-8859-1?q?caf=E9_cr=E8me?="_ba << u"café crème"_s << false;
    QTest::newRow("lower-case b") << "=?utf-8?b?5pel5pys?="_ba << u"日本"_s << false;
    QTest::newRow("B iso-2022-jp") << "=?ISO-2022-JP?B?GyRCRnxLXDhsJE43b0w+GyhC?="_ba << u"日本語の件名"_s
                                   << false;
    QTest::newRow("text around words keeps its spaces")
        << "Re: =?UTF-8?B?5bGx55Sw?= =?UTF-8?B?5aSq6YOO?= (2)"_ba << u"Re: 山田太郎 (2)"_s << false;
    QTest::newRow("adjacent words without whitespace")
        << "=?UTF-8?B?44GT?==?UTF-8?B?44KT?="_ba << u"こん"_s << false;
    QTest::newRow("padded words split inside a character")
        << "=?UTF-8?B?44E=?= =?UTF-8?B?guM=?=\r\n\t=?UTF-8?B?gYQ=?="_ba << u"あい"_s << false;
    QTest::newRow("iso-2022-jp shift state across words")
        << "=?ISO-2022-JP?B?GyRCRnw=?= =?ISO-2022-JP?B?S1wbKEI=?="_ba << u"日本"_s << false;
    QTest::newRow("different charsets joined")
        << "=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= =?UTF-8?B?5aSq6YOO?="_ba << u"山田太郎"_s << false;
    QTest::newRow("word right after text") << "Re:=?UTF-8?B?5pel?="_ba << u"Re:日"_s << false;
    QTest::newRow("Q underscore and =20") << "=?UTF-8?Q?a_b=20c?="_ba << u"a b c"_s << false;
    QTest::newRow("language suffix") << "=?UTF-8*ja?B?5pel5pys?="_ba << u"日本"_s << false;
    QTest::newRow("shift_jis word, wave dash") << "=?Shift_JIS?B?gWCCxYK3?="_ba << u"\uFF5Eです"_s << false;
    QTest::newRow("raw utf-8 (RFC 6532)")
        << "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"_ba << u"日本語"_s << false;
    QTest::newRow("raw cp932") << "\x90\xbf\x8b\x81\x8f\x91"_ba << u"請求書"_s << true;
    QTest::newRow("damaged word shown as written")
        << "=?UTF-8?B?#$%?= ok"_ba << u"=?UTF-8?B?#$%?= ok"_s << true;
    QTest::newRow("unknown charset guessed") << "=?x-no-such?B?5pel?="_ba << u"日"_s << true;
    QTest::newRow("not an encoded word") << "a =? b ?= c"_ba << u"a =? b ?= c"_s << false;
    // Raw ISO-2022-JP, no encoded words (older Japanese mailers), read as Thunderbird does.
    QTest::newRow("raw iso-2022-jp") << "\x1b$B8+@Q=q$N$4AwIU\x1b(B"_ba << u"見積書のご送付"_s << false;
    QTest::newRow("raw iso-2022-jp NEC row 13")
        << "\x1b$B!Z=EMW![-!$43NG'-j\x1b(B"_ba << u"【重要】①ご確認㈱"_s << false;
    QTest::newRow("raw iso-2022-jp between text and encoded words")
        << "Re: \x1b$B8+@Q=q\x1b(B =?UTF-8?B?5bGx55Sw?=\r\n =?ISO-2022-JP?B?GyRCQkBPOhsoQg==?= (3)"_ba
        << u"Re: 見積書 山田太郎 (3)"_s << false;
    QTest::newRow("raw iso-2022-jp that looks like an encoded word")
        << "\x1b$B=?UTF-8?B?5pel?=\x1b(B"_ba << u"戎孕騰舷多巨繻申"_s << false;
    QTest::newRow("raw iso-2022-jp half-width katakana")
        << "\x1b(I6@6E\x1b(B \x1b$B;3ED\x1b(B"_ba << u"ｶﾀｶﾅ 山田"_s << false;
}

void TestMessageView::subject()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QFETCH(bool, problem);
    const MessageView view = MessageView::parse(message("From: a@example.com\r\nSubject: " + raw + "\r\n"));
    QCOMPARE(view.subject, expected);
    QCOMPARE(!view.problems.isEmpty(), problem);
}

void TestMessageView::addresses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected"); // name|address|addressAce per line
    QTest::addColumn<bool>("problem");

    QTest::newRow("name and address")
        << "Taro Yamada <taro@example.com>"_ba << u"Taro Yamada|taro@example.com|taro@example.com"_s << false;
    QTest::newRow("quoted name with comma") << "\"Yamada, Taro\" <taro@example.com>, b@example.com"_ba
                                            << u"Yamada, Taro|taro@example.com|taro@example.com\n"
                                               u"|b@example.com|b@example.com"_s
                                            << false;
    QTest::newRow("encoded iso-2022-jp name")
        << "=?ISO-2022-JP?B?GyRCOzNFREJATzobKEI=?= <t@x.jp>"_ba << u"山田太郎|t@x.jp|t@x.jp"_s << false;
    QTest::newRow("encoded word inside quotes (Outlook)")
        << "\"=?ISO-2022-JP?B?GyRCOzNFREJATzobKEI=?=\" <t@x.jp>"_ba << u"山田太郎|t@x.jp|t@x.jp"_s << false;
    QTest::newRow("adjacent encoded words in a name")
        << "=?UTF-8?B?5bGx55Sw?=\r\n =?UTF-8?B?5aSq6YOO?= <t@x.jp>"_ba << u"山田太郎|t@x.jp|t@x.jp"_s
        << false;
    QTest::newRow("comma inside a Q word")
        << "=?UTF-8?Q?Yamada,_Taro?= <t@x.jp>"_ba << u"Yamada, Taro|t@x.jp|t@x.jp"_s << false;
    QTest::newRow("undisclosed recipients") << "undisclosed-recipients:;"_ba << QString() << false;
    QTest::newRow("group with members") << "team: a@x.jp, B <b@y.jp>;, c@z.jp"_ba
                                        << u"|a@x.jp|a@x.jp\nB|b@y.jp|b@y.jp\n|c@z.jp|c@z.jp"_s << false;
    QTest::newRow("quoted local part")
        << "\"john doe\"@example.com"_ba << u"|\"john doe\"@example.com|\"john doe\"@example.com"_s << false;
    QTest::newRow("needless quotes dropped")
        << "\"john.doe\"@example.com"_ba << u"|john.doe@example.com|john.doe@example.com"_s << false;
    QTest::newRow("comment is the name")
        << "taro@example.com (Taro Yamada)"_ba << u"Taro Yamada|taro@example.com|taro@example.com"_s << false;
    QTest::newRow("comments around") << "(team) Taro <taro@example.com> (sales)"_ba
                                     << u"Taro|taro@example.com|taro@example.com"_s << false;
    QTest::newRow("punycode domain shown in Unicode")
        << "a@xn--eckwd4c7c.xn--zckzah"_ba << u"|a@ドメイン.テスト|a@xn--eckwd4c7c.xn--zckzah"_s << false;
    QTest::newRow("look-alike punycode")
        << "a@xn--80ak6aa92e.com"_ba << u"|a@аррӏе.com|a@xn--80ak6aa92e.com"_s << false;
    QTest::newRow("unicode domain") << "a@\xe4\xbe\x8b\xe3\x81\x88.jp"_ba << u"|a@例え.jp|a@xn--r8jz45g.jp"_s
                                    << false;
    QTest::newRow("upper-case domain")
        << "Taro.Y@EXAMPLE.Co.JP"_ba << u"|Taro.Y@example.co.jp|Taro.Y@example.co.jp"_s << false;
    QTest::newRow("SMTPUTF8 local part")
        << "\xe5\xb1\xb1\xe7\x94\xb0 <\xe5\xa4\xaa\xe9\x83\x8e@\xe4\xbe\x8b\xe3\x81\x88.jp>"_ba
        << u"山田|太郎@例え.jp|太郎@xn--r8jz45g.jp"_s << false;
    QTest::newRow("raw cp932 name") << "\x8eR\x93\x63 <y@x.jp>"_ba << u"山田|y@x.jp|y@x.jp"_s << true;
    QTest::newRow("obsolete route") << "<@relay.example:taro@example.com>"_ba
                                    << u"|taro@example.com|taro@example.com"_s << false;
    QTest::newRow("empty list items")
        << "a@x.jp,, b@y.jp,"_ba << u"|a@x.jp|a@x.jp\n|b@y.jp|b@y.jp"_s << false;
    QTest::newRow("trailing dot") << "a@example.com."_ba << u"|a@example.com|a@example.com"_s << false;
    QTest::newRow("dots in an unquoted name")
        << "John Q. Public <jqp@x.com>"_ba << u"John Q. Public|jqp@x.com|jqp@x.com"_s << false;
    QTest::newRow("unparsable item skipped") << "not an address, b@y.jp"_ba << u"|b@y.jp|b@y.jp"_s << true;
    QTest::newRow("empty angle address") << "Nobody <>"_ba << QString() << true;
    QTest::newRow("domain literal") << "a@[192.0.2.1]"_ba << u"|a@[192.0.2.1]|a@[192.0.2.1]"_s << false;
    // Raw ISO-2022-JP names: their two-byte codes hold '<', '"', ',' and ';'.
    QTest::newRow("raw iso-2022-jp name with '<' in its codes")
        << "\x1b$B3t<02q<R%5%s%W%k\x1b(B \x1b$B;3ED\x1b(B <yamada@example.co.jp>"_ba
        << u"株式会社サンプル 山田|yamada@example.co.jp|yamada@example.co.jp"_s << false;
    QTest::newRow("raw iso-2022-jp with '\"' and ',' in its codes")
        << "\"\x1b$B%\"%$\x1b(B\" <ai@x.jp>, \x1b$B$J$,$N\x1b(B <n@x.jp>"_ba
        << u"アイ|ai@x.jp|ai@x.jp\nながの|n@x.jp|n@x.jp"_s << false;
    QTest::newRow("raw iso-2022-jp next to an encoded word")
        << "=?UTF-8?B?5bGx55Sw?= \x1b$B;3ED\x1b(B <t@x.jp>"_ba << u"山田 山田|t@x.jp|t@x.jp"_s << false;
    QTest::newRow("raw iso-2022-jp comment")
        << "t@x.jp (\x1b$B:4F#\x1b(B)"_ba << u"佐藤|t@x.jp|t@x.jp"_s << false;
}

void TestMessageView::addresses()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QFETCH(bool, problem);
    const MessageView view = MessageView::parse(message("From: sender@example.com\r\nTo: " + raw + "\r\n"));
    QCOMPARE(describe(view.to), expected);
    QCOMPARE(!view.problems.isEmpty(), problem);

    // The same parser reads From, Cc and Bcc.
    const MessageView asFrom =
        MessageView::parse(message("From: " + raw + "\r\nCc: " + raw + "\r\nBcc: " + raw + "\r\n"));
    QCOMPARE(describe(asFrom.cc), expected);
    QCOMPARE(describe(asFrom.bcc), expected);
    if (!view.to.isEmpty())
        QCOMPARE(asFrom.from, view.to.first());
}

void TestMessageView::filenames_data()
{
    QTest::addColumn<QByteArray>("headers"); // the attachment part's headers
    QTest::addColumn<QString>("expected");

    QTest::newRow("RFC 2231 continuations, ISO-2022-JP")
        << "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
           " filename*0*=ISO-2022-JP'ja'%1B%24B%3Bq;\r\n filename*1*=NA%1B%28B.pdf\r\n"_ba
        << u"資料.pdf"_s;
    QTest::newRow("RFC 2231 continuations out of order")
        << "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
           " filename*1*=NA%1B%28B.pdf;\r\n filename*0*=ISO-2022-JP''%1B%24B%3Bq\r\n"_ba
        << u"資料.pdf"_s;
    QTest::newRow("RFC 2231 utf-8")
        << "Content-Type: application/vnd.ms-excel\r\n"
           "Content-Disposition: attachment; filename*=UTF-8''%E8%A6%8B%E7%A9%8D.xlsx\r\n"_ba
        << u"見積.xlsx"_s;
    QTest::newRow("RFC 2231 shift_jis wave dash")
        << "Content-Type: text/plain\r\n"
           "Content-Disposition: attachment; filename*=Shift_JIS''%81%60.txt\r\n"_ba
        << u"\uFF5E.txt"_s;
    QTest::newRow("RFC 2231 extended then plain section")
        << "Content-Type: text/plain\r\nContent-Disposition: attachment; filename*0*=utf-8''%E6%97%A5;"
           " filename*1=\".txt\"\r\n"_ba
        << u"日.txt"_s;
    QTest::newRow("RFC 2231 beats the plain fallback")
        << "Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"fallback.txt\";"
           " filename*=UTF-8''%E6%97%A5.txt\r\n"_ba
        << u"日.txt"_s;
    QTest::newRow("RFC 2047 inside quotes (Outlook)")
        << "Content-Type: application/msword\r\nContent-Disposition: attachment;\r\n"
           " filename=\"=?ISO-2022-JP?B?GyRCSnM5cD1xGyhCLmRvY3g=?=\"\r\n"_ba
        << u"報告書.docx"_s;
    QTest::newRow("RFC 2047 words folded inside quotes")
        << "Content-Type: application/msword\r\nContent-Disposition: attachment;\r\n"
           " filename=\"=?ISO-2022-JP?B?GyRCSnM5cBsoQg==?=\r\n =?ISO-2022-JP?B?GyRCPXEbKEIuZG9jeA==?=\"\r\n"_ba
        << u"報告書.docx"_s;
    QTest::newRow("Content-Type name only")
        << "Content-Type: application/pdf; name=\"=?UTF-8?B?5pel5pys?=.pdf\"\r\n"_ba << u"日本.pdf"_s;
    QTest::newRow("raw utf-8 in quotes")
        << "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"\xe6\x97\xa5\xe6\x9c\xac.pdf\"\r\n"_ba
        << u"日本.pdf"_s;
    QTest::newRow("raw cp932 in quotes")
        << "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"\x90\xbf\x8b\x81\x8f\x91.pdf\"\r\n"_ba
        << u"請求書.pdf"_s;
    QTest::newRow("unquoted with spaces") << "Content-Type: application/pdf\r\n"
                                             "Content-Disposition: attachment; filename=my file.pdf\r\n"_ba
                                          << u"my file.pdf"_s;
    QTest::newRow("escaped quote") << "Content-Type: application/pdf\r\n"
                                      "Content-Disposition: attachment; filename=\"a \\\"b\\\".pdf\"\r\n"_ba
                                   << u"a \"b\".pdf"_s;
    QTest::newRow("raw iso-2022-jp in quotes, '\"' and ';' in its codes")
        << "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"\x1b$B%\"%$$7$N;qNA\x1b(B.pdf\"; size=3\r\n"_ba
        << u"アイしの資料.pdf"_s;
    QTest::newRow("raw iso-2022-jp, Content-Type name only")
        << "Content-Type: application/pdf; name=\"\x1b$B8+@Q=q!JBh\x1b(B3\x1b$BHG!K\x1b(B.pdf\"\r\n"_ba
        << u"見積書（第3版）.pdf"_s;
    QTest::newRow("raw iso-2022-jp unquoted")
        << "Content-Type: application/msword\r\n"
           "Content-Disposition: attachment; filename=\x1b$BJs9p=q\x1b(B.docx\r\n"_ba
        << u"報告書.docx"_s;
    QTest::newRow("raw iso-2022-jp NEC and IBM rows")
        << "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"\x1b$B-!@A5a=q-j|byu\x1b(B.pdf\"\r\n"_ba
        << u"①請求書㈱髙﨑.pdf"_s;
    QTest::newRow("RFC 2231 without a charset, percent-encoded iso-2022-jp")
        << "Content-Type: application/vnd.ms-excel\r\n"
           "Content-Disposition: attachment; filename*=''%1B%24B%3F%3D%40A%3Dq%1B%28B.xlsx\r\n"_ba
        << u"申請書.xlsx"_s;
    QTest::newRow("RFC 2231 sections without a charset, raw iso-2022-jp")
        << "Content-Type: application/msword\r\n"
           "Content-Disposition: attachment;\r\n filename*0=\"\x1b$B5D;vO?\x1b(B\";\r\n"
           " filename*1=\"\x1b$B!J\x1b(B2\x1b$B!K\x1b(B.docx\"\r\n"_ba
        << u"議事録（2）.docx"_s;
}

void TestMessageView::filenames()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, expected);
    const QByteArray body = "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b\r\n" + headers +
                            "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b--\r\n";
    const MessageView view = MessageView::parse(message(
        "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n", body));
    QCOMPARE(view.attachments.size(), 1);
    QCOMPARE(view.attachments.first().filename, expected);
    QCOMPARE(view.attachments.first().size, 3);
    QCOMPARE(view.textBody, u"body"_s);
}

void TestMessageView::attachments()
{
    const QByteArray pdf = QByteArray("%PDF-1.4\n") + QByteArray(5000, 'x');
    const QByteArray body =
        "--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
        "--inner\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n\x1b$BF|K\\8l\x1b(B\r\n"
        "--inner\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>html</p>\r\n--inner--\r\n"
        "--outer\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n"
        "Content-Disposition: attachment; filename=\"a.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        pdf.toBase64() + "\r\n--outer\r\nContent-Type: text/plain; charset=UTF-8\r\n" +
        "Content-Disposition: attachment; filename=notes.txt\r\n" +
        "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9=\r\nline\r\n" +
        "--outer\r\nContent-Type: application/octet-stream\r\n\r\nraw\r\n--outer--\r\n";
    const MessageView view = MessageView::parse(message(
        "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n",
        body));
    QCOMPARE(view.textBody, u"日本語"_s);
    QCOMPARE(view.attachments.size(), 3);
    const Mime::Attachment& a = view.attachments.at(0);
    QCOMPARE(a.filename, u"a.pdf"_s);
    QCOMPARE(a.contentType, u"application/pdf"_s);
    QCOMPARE(a.size, pdf.size());
    QCOMPARE(a.sha256, QCryptographicHash::hash(pdf, QCryptographicHash::Sha256));
    QVERIFY(!a.isInline);
    const Mime::Attachment& t = view.attachments.at(1);
    QCOMPARE(t.filename, u"notes.txt"_s);
    // The line break before a boundary belongs to the boundary (RFC 2046 5.1.1).
    QCOMPARE(t.size, QByteArray("caf\xc3\xa9line").size());
    QCOMPARE(t.sha256, QCryptographicHash::hash("caf\xc3\xa9line", QCryptographicHash::Sha256));
    // A nameless non-text part is still something that leaves with the message.
    QCOMPARE(view.attachments.at(2).contentType, u"application/octet-stream"_s);
    QCOMPARE(view.attachments.at(2).filename, QString());
    QVERIFY(view.hasMimeVersion);
    QVERIFY(view.problems.isEmpty());
}

void TestMessageView::inlineImages()
{
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    const QByteArray body =
        "--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<img src=\"cid:logo\">Hi\r\n"
        "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        png.toBase64() +
        "\r\n--rel\r\nContent-Type: image/jpeg; name=photo.jpg\r\n"
        "Content-Disposition: inline; filename=photo.jpg\r\n\r\nJPEG\r\n--rel--\r\n";
    const MessageView view = MessageView::parse(
        message("From: a@example.com\r\nContent-Type: multipart/related; boundary=rel\r\n", body));
    QCOMPARE(view.attachments.size(), 2);
    QVERIFY(view.attachments.at(0).isInline);
    QCOMPARE(view.attachments.at(0).contentType, u"image/png"_s);
    QCOMPARE(view.attachments.at(0).size, png.size());
    QVERIFY(view.attachments.at(1).isInline);
    QCOMPARE(view.attachments.at(1).filename, u"photo.jpg"_s);
    QCOMPARE(view.textBody, u"Hi"_s);
}

void TestMessageView::textBody_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain iso-2022-jp")
        << "Content-Type: text/plain; charset=\"iso-2022-jp\"\r\n"_ba
        << "\x1b$B$3$s$K$A$O\x1b(B\r\n\x1b$B\x2d\x21\x1b(B\r\n"_ba << u"こんにちは\r\n①\r\n"_s;
    QTest::newRow("plain shift_jis base64") << "Content-Type: text/plain; charset=Shift_JIS\r\n"
                                               "Content-Transfer-Encoding: base64\r\n"_ba
                                            << "gWCCxYK3\r\n"_ba << u"\uFF5Eです"_s;
    QTest::newRow("no charset, 8-bit utf-8") << "Content-Type: text/plain\r\n"_ba
                                             << "\xe6\x97\xa5"_ba << u"日"_s;
    QTest::newRow("no Content-Type at all") << QByteArray() << "plain words"_ba << u"plain words"_s;
    QTest::newRow("no charset, raw iso-2022-jp")
        << "Content-Type: text/plain\r\n"_ba
        << "\x1b$B$3$s$K$A$O\x1b(B\r\n\x1b$B\x2d\x21\x1b(B\r\n"_ba << u"こんにちは\r\n①\r\n"_s;
    QTest::newRow("html stripped")
        << "Content-Type: text/html; charset=UTF-8\r\n"_ba
        << "<html><head><title>t</title><style>p{}</style></head><body>"
           "<p>Dear&nbsp;Sato&#27096;,</p><script>x()</script><div>A &amp; B &lt;c&gt;"
           "</div><!-- hidden --></body></html>"_ba
        << u"Dear\u00a0Sato様,\nA & B <c>"_s;
    QTest::newRow("html meta charset")
        << "Content-Type: text/html\r\n"_ba
        << "<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>"_ba << u"日本"_s;
    QTest::newRow("plain preferred over earlier html")
        << "Content-Type: multipart/alternative; boundary=x\r\n"_ba
        << "--x\r\nContent-Type: text/html\r\n\r\n<b>html</b>\r\n--x\r\nContent-Type: "
           "text/plain\r\n\r\nplain\r\n"
           "--x--\r\n"_ba
        << u"plain"_s;
}

void TestMessageView::textBody()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const MessageView view = MessageView::parse(message("From: a@example.com\r\n" + headers, body));
    QCOMPARE(view.textBody.trimmed(), expected.trimmed());
    QVERIFY(view.attachments.isEmpty());
}

void TestMessageView::textBodyIsLimited()
{
    const QByteArray big = QByteArray("\xe6\x97\xa5").repeated(100 * 1024);
    const MessageView view = MessageView::parse(
        message("From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n", big));
    QCOMPARE(view.textBody.size(), 64 * 1024);
    QVERIFY(view.textBody.startsWith(u"日日日"_s));
    QVERIFY(!view.textBody.contains(QChar(0xFFFD)));
    QVERIFY2(view.problems.isEmpty(), qPrintable(view.problems.join(u'\n')));
}

void TestMessageView::signedAndEncrypted_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<bool>("isEncrypted");
    QTest::addColumn<int>("attachments");

    QTest::newRow("multipart/signed")
        << "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=s\r\n"_ba
        << "--s\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: "
           "text/plain\r\n\r\nhi\r\n"
           "--m\r\nContent-Type: application/pdf; name=x.pdf\r\n\r\npdf\r\n--m--\r\n"
           "--s\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n"
           "Content-Disposition: attachment; filename=smime.p7s\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQE=\r\n--s--\r\n"_ba
        << true << false << 1;
    QTest::newRow("opaque signed-data")
        << "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
           "Content-Transfer-Encoding: base64\r\n"_ba
        << "MIAGCSqGSIb3DQEHAqCAMIACAQE=\r\n"_ba << true << false << 0;
    QTest::newRow("enveloped-data")
        << "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
           "Content-Transfer-Encoding: base64\r\n"_ba
        << "MIAGCSqGSIb3DQEHA6CAMIACAQI=\r\n"_ba << false << true << 0;
    // 30 80 06 09 2a 86 48 86 f7 0d 01 07 03: the OID says enveloped-data.
    QTest::newRow("x-pkcs7-mime without smime-type")
        << "Content-Type: application/x-pkcs7-mime; name=smime.p7m\r\n"
           "Content-Transfer-Encoding: base64\r\n"_ba
        << "MIAGCSqGSIb3DQEHA6CAMIACAQI=\r\n"_ba << false << true << 0;
    QTest::newRow("without smime-type, signed OID")
        << "Content-Type: application/pkcs7-mime\r\n"
           "Content-Transfer-Encoding: base64\r\n"_ba
        << "MIAGCSqGSIb3DQEHAqCAMIACAQE=\r\n"_ba << true << false << 0;
    QTest::newRow("multipart/encrypted")
        << "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=e\r\n"_ba
        << "--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--e\r\n"
           "Content-Type: application/octet-stream; name=encrypted.asc\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n--e--\r\n"_ba
        << false << true << 0;
    QTest::newRow("plain mixed") << "Content-Type: multipart/mixed; boundary=m\r\n"_ba
                                 << "--m\r\nContent-Type: text/plain\r\n\r\nhi\r\n--m--\r\n"_ba << false
                                 << false << 0;
}

void TestMessageView::signedAndEncrypted()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, isSigned);
    QFETCH(bool, isEncrypted);
    QFETCH(int, attachments);
    const MessageView view =
        MessageView::parse(message("From: a@example.com\r\nMIME-Version: 1.0\r\n" + headers, body));
    QCOMPARE(view.isSigned, isSigned);
    QCOMPARE(view.isEncrypted, isEncrypted);
    QCOMPARE(view.attachments.size(), attachments);
}

void TestMessageView::forwardedMessage()
{
    const QByteArray inner = "From: x@example.org\r\nSubject: =?UTF-8?B?5pel5pys?=\r\n\r\ninner body\r\n";
    const QByteArray body =
        "--m\r\nContent-Type: text/plain\r\n\r\nsee below\r\n--m\r\nContent-Type: message/rfc822\r\n\r\n" +
        inner + "--m--\r\n";
    const MessageView view = MessageView::parse(
        message("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=m\r\n", body));
    QCOMPARE(view.textBody.trimmed(), u"see below"_s);
    QCOMPARE(view.attachments.size(), 1);
    QCOMPARE(view.attachments.first().filename, u"日本.eml"_s);
    QCOMPARE(view.attachments.first().contentType, u"message/rfc822"_s);
    QVERIFY(view.attachments.first().size > 0);
    QCOMPARE(view.attachments.first().sha256.size(), 32);
}

void TestMessageView::identityHeaders()
{
    const MessageView view = MessageView::parse(message(
        "From: Taro <taro@example.com>\r\nSender: sec@example.com\r\nReply-To: list@example.com\r\n"
        "Date: Tue, 1 Apr 2025 09:30:00 +0900\r\nMessage-ID: <abc.123@example.com>\r\n"
        "In-Reply-To: <prev@example.org>\r\nReferences: <first@example.org>\r\n <prev@example.org>\r\n"));
    QCOMPARE(view.date, QDateTime(QDate(2025, 4, 1), QTime(0, 30), Qt::UTC));
    QCOMPARE(view.date.offsetFromUtc(), 9 * 3600);
    QCOMPARE(view.messageId, u"abc.123@example.com"_s);
    QCOMPARE(view.inReplyTo, u"prev@example.org"_s);
    QCOMPARE(view.references, (QStringList{u"first@example.org"_s, u"prev@example.org"_s}));
    QCOMPARE(view.sender.size(), 1);
    QCOMPARE(view.sender.first().address, u"sec@example.com"_s);
    QCOMPARE(view.replyTo.first().address, u"list@example.com"_s);
    QVERIFY(!view.hasMimeVersion);
    QVERIFY(view.problems.isEmpty());
}

void TestMessageView::problems_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fragment"); // part of the expected note

    QTest::newRow("no From") << message("To: a@example.com\r\nSubject: hi\r\n") << u"no sender"_s;
    QTest::newRow("missing boundary") << message("From: a@example.com\r\nContent-Type: multipart/mixed\r\n",
                                                 "--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n")
                                      << u"no boundary"_s;
    QTest::newRow("boundary never found")
        << message("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=zz\r\n",
                   "--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n")
        << u"cut off"_s;
    QTest::newRow("unknown body charset")
        << message("From: a@example.com\r\nContent-Type: text/plain; charset=x-klingon\r\n", "\xe6\x97\xa5")
        << u"unknown character set (x-klingon)"_s;
    QTest::newRow("8-bit header, not UTF-8")
        << message("From: a@example.com\r\nSubject: \x93\xfa\r\n") << u"neither encoded nor UTF-8"_s;
    QTest::newRow("bad encoded word")
        << message("From: a@example.com\r\nSubject: =?utf-8?B?***?=\r\n") << u"damaged encoded word"_s;
    QTest::newRow("unparsable address")
        << message("From: a@example.com\r\nTo: just-a-name\r\n") << u"“just-a-name”"_s;
    QTest::newRow("empty input") << QByteArray() << u"does not look like an e-mail"_s;
}

void TestMessageView::problems()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fragment);
    const MessageView view = MessageView::parse(content);
    QVERIFY2(view.problems.join(u'\n').contains(fragment), qPrintable(view.problems.join(u'\n')));
}

void TestMessageView::malformedInputNeverCrashes()
{
    // Mutations of a message that exercises every code path; the sanitizers do the checking.
    const QByteArray seed =
        "From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <t@xn--eckwd4c7c.xn--zckzah>\r\nTo: g: a@x, \"q\"@y;\r\n"
        "Subject: =?UTF-8?B?44E=?= =?UTF-8?Q?=E3=81=82?=\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/html; charset=shift_jis\r\n\r\n<p>&#x41;\x93\xfa</p>\r\n"
        "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*0*=utf-8''%E6;"
        " filename*1*=%97%A5\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
        "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@y\r\n\r\nz\r\n--b--\r\n";
    QRandomGenerator random(4711);
    const char interesting[] = "=?\"\\()<>@,;:.[]\r\n\x1b\x80\xff%*'-";
    for (int round = 0; round < 3000; ++round) {
        QByteArray mutated = seed;
        const int edits = 1 + random.bounded(8);
        for (int e = 0; e < edits; ++e) {
            const int pos = random.bounded(int(mutated.size()));
            switch (random.bounded(3)) {
            case 0:
                mutated[pos] = interesting[random.bounded(int(sizeof(interesting) - 1))];
                break;
            case 1:
                mutated.remove(pos, random.bounded(16));
                break;
            default:
                mutated.insert(pos, mutated.mid(random.bounded(int(mutated.size())), random.bounded(32)));
                break;
            }
        }
        const MessageView view = MessageView::parse(mutated);
        Q_UNUSED(view);
    }
    const MessageView garbage = MessageView::parse(QByteArray("\x00\x01\x02\xff\xfe", 5).repeated(1000));
    QVERIFY(!garbage.problems.isEmpty());
}

void TestMessageView::largeMessage()
{
    // 25 MB on the wire: four binary attachments, base64-encoded with 76-column lines.
    QByteArray body = "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee attached.\r\n";
    QList<QByteArray> hashes;
    for (int i = 0; i < 4; ++i) {
        QByteArray payload(4'700'000, Qt::Uninitialized);
        QRandomGenerator random(i + 1);
        random.fillRange(reinterpret_cast<quint32*>(payload.data()), payload.size() / 4);
        hashes.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
        QByteArray encoded = payload.toBase64();
        QByteArray wrapped;
        wrapped.reserve(encoded.size() + encoded.size() / 38);
        for (qsizetype p = 0; p < encoded.size(); p += 76)
            wrapped += encoded.mid(p, 76) + "\r\n";
        body +=
            "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=f" +
            QByteArray::number(i) + ".bin\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped;
    }
    body += "--b--\r\n";
    const QByteArray content = message("From: a@example.com\r\nTo: b@example.com\r\nSubject: big\r\n"
                                       "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n",
                                       body);
    QVERIFY(content.size() > 25'000'000);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const MessageView view = MessageView::parse(content);
    // Printed, not asserted: the sanitizer build is several times slower than a
    // release build, and a busy machine makes wall time meaningless.
    qInfo("parsed %lld bytes in %lld ms (%.0f ms CPU)", static_cast<long long>(content.size()),
          static_cast<long long>(timer.elapsed()), 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    QCOMPARE(view.attachments.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(view.attachments.at(i).size, 4'700'000);
        QCOMPARE(view.attachments.at(i).sha256, hashes.at(i));
    }
    QCOMPARE(view.textBody.trimmed(), u"See attached."_s);
}

QTEST_GUILESS_MAIN(TestMessageView)
#include "TestMessageView.moc"
