#pragma once

// Review requests shared by the UI tests and the screenshot tool.

#include "delivery/Decision.h"

#include <QString>

namespace SampleReview {

using namespace Qt::StringLiterals;

inline Review::Recipient recipient(const QString& address, const QString& name, Review::Field field,
                                   bool internal, const QStringList& codes = {})
{
    Review::Recipient r;
    r.address = address;
    r.name = name;
    r.field = field;
    r.domain = address.section(QLatin1Char('@'), -1).toLower();
    r.internal = internal;
    r.findingCodes = codes;
    return r;
}

// A realistic Japanese business message: two internal and three external
// recipients, one of them at a look-alike domain (acknowledged on its row),
// one attachment and one finding about the whole message that needs its own
// acknowledgement. japanese: the finding messages as
// core would translate them.
inline Delivery::ReviewRequest japanese(bool japaneseMessages = false)
{
    Delivery::ReviewRequest request;
    request.id = u"20240401-0001"_s;
    request.account = u"yamada@example.co.jp"_s;
    Review::MessageReview& r = request.review;
    r.account = u"yamada@example.co.jp (Microsoft 365)"_s;
    r.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    r.subject = u"【お見積り】新製品 YB-200 のお見積書送付の件"_s;
    r.bodyStart = u"株式会社パートナー商事\n営業部 佐藤 花子 "
                  u"様\n\nいつもお世話になっております。株式会社エグザンプルの山田です。\n"
                  u"先日お問い合わせいただきました新製品 YB-200 のお見積書をお送りいたします。\n"
                  u"ご不明な点がございましたら、お気軽にお問い合わせください。\n"_s;
    r.recipients = {
        recipient(u"sato@partner-shoji.co.jp"_s, u"佐藤 花子"_s, Review::Field::To, false),
        recipient(u"tanaka@partner-shouji.co.jp"_s, u"田中 次郎"_s, Review::Field::To, false,
                  {u"look-alike-domain"_s, u"first-time-domain"_s}),
        recipient(u"suzuki@partner-shoji.co.jp"_s, u"鈴木 一郎"_s, Review::Field::Cc, false,
                  {u"first-time-recipient"_s}),
        recipient(u"kimura@example.co.jp"_s, u"木村 美咲"_s, Review::Field::Cc, true),
        recipient(u"eigyo@osaka.example.co.jp"_s, u"大阪支社 営業部"_s, Review::Field::Bcc, true),
    };
    Review::Attachment quote;
    quote.filename = u"見積書_YB-200.pdf"_s;
    quote.contentType = u"application/pdf"_s;
    quote.size = 245'760;
    r.attachments = {quote};

    Review::Finding lookAlike;
    lookAlike.code = u"look-alike-domain"_s;
    lookAlike.severity = Review::Severity::Block;
    lookAlike.message =
        japaneseMessages
            ? u"partner-shouji.co.jp は、送信履歴のある partner-shoji.co.jp によく似たドメインです。"_s
            : u"partner-shouji.co.jp looks like partner-shoji.co.jp, a domain you have written to."_s;
    lookAlike.needsAcknowledgement = true;
    lookAlike.similarDomain = u"partner-shoji.co.jp"_s;
    lookAlike.recipients = {u"tanaka@partner-shouji.co.jp"_s};
    Review::Finding firstDomain;
    firstDomain.code = u"first-time-domain"_s;
    firstDomain.severity = Review::Severity::Warn;
    firstDomain.message = japaneseMessages ? u"partner-shouji.co.jp に送るのは初めてです。"_s
                                           : u"You have never written to partner-shouji.co.jp before."_s;
    firstDomain.recipients = {u"tanaka@partner-shouji.co.jp"_s};
    Review::Finding firstRecipient;
    firstRecipient.code = u"first-time-recipient"_s;
    firstRecipient.severity = Review::Severity::Info;
    firstRecipient.message = japaneseMessages
                                 ? u"suzuki@partner-shoji.co.jp に送るのは初めてです。"_s
                                 : u"You have never written to suzuki@partner-shoji.co.jp before."_s;
    firstRecipient.recipients = {u"suzuki@partner-shoji.co.jp"_s};
    Review::Finding keyword;
    keyword.code = u"keyword"_s;
    keyword.severity = Review::Severity::Warn;
    keyword.message = japaneseMessages ? u"件名に「見積」が含まれています。"_s
                                       : u"The subject contains \"見積\" (quotation)."_s;
    keyword.needsAcknowledgement = true; // about the whole message: its own tick at the bottom
    r.findings = {lookAlike, firstDomain, firstRecipient, keyword};
    r.willSign = true;
    request.reasons = {japaneseMessages ? u"社外の送信先が含まれています。"_s
                                        : u"The message goes outside your organisation."_s};
    return request;
}

// count recipients spread evenly over domains; the first internalDomains are internal.
inline Delivery::ReviewRequest large(int count, int domains, int internalDomains)
{
    Delivery::ReviewRequest request;
    request.id = u"large"_s;
    Review::MessageReview& r = request.review;
    r.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    r.subject = u"Newsletter"_s;
    for (int i = 0; i < count; ++i) {
        const int d = i % domains;
        const bool internal = d < internalDomains;
        const QString domain =
            internal ? u"dept%1.example.co.jp"_s.arg(d) : u"partner%1.example.com"_s.arg(d);
        QStringList codes;
        if (i % 7 == 0)
            codes << u"first-time-recipient"_s;
        r.recipients << recipient(u"user%1@%2"_s.arg(i).arg(domain), u"利用者 %1"_s.arg(i),
                                  i % 3 == 0 ? Review::Field::To : Review::Field::Cc, internal, codes);
    }
    Review::Finding first;
    first.code = u"first-time-recipient"_s;
    first.message = u"Never written to before."_s;
    r.findings = {first};
    return request;
}

// A company-wide announcement with partners in copy: 120 recipients, 100 of
// them internal in two domains (60 at the head office, 40 in Osaka) and 20
// outside in four domains of five. Two outside recipients are flagged: one whose
// display name was seen with another address, one first-time recipient the
// policy asks to confirm; their domains come first. flaggedInternal: one
// internal recipient is flagged too (osaka, the seventh).
inline Delivery::ReviewRequest hundredTwenty(bool japaneseMessages = false, bool flaggedInternal = false)
{
    Delivery::ReviewRequest request;
    request.id = u"announcement"_s;
    request.account = u"yamada@example.co.jp"_s;
    Review::MessageReview& r = request.review;
    r.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    r.subject = japaneseMessages ? u"【ご案内】4 月からの新しい受注システムについて"_s
                                 : u"The new order system from April"_s;
    r.bodyStart = japaneseMessages ? u"各位\n\n4 月 1 日より新しい受注システムに切り替わります。"_s
                                   : u"Dear all,\n\nFrom 1 April orders go through the new system."_s;
    static const char* const surnames[] = {"佐藤", "鈴木", "高橋", "田中", "伊藤",   "渡辺", "山本", "中村",
                                           "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本"};
    for (int i = 0; i < 100; ++i) {
        const bool osaka = i >= 60;
        const int n = osaka ? i - 60 : i;
        const QString domain = osaka ? u"osaka.example.co.jp"_s : u"example.co.jp"_s;
        QStringList codes;
        if (flaggedInternal && osaka && n == 6)
            codes << u"name-address-mismatch"_s;
        r.recipients << recipient(u"staff%1@%2"_s.arg(n + 1, 3, 10, QLatin1Char('0')).arg(domain),
                                  u"%1 %2"_s.arg(QString::fromUtf8(surnames[i % 15])).arg(n + 1),
                                  Review::Field::To, true, codes);
    }
    static const char* const partners[] = {"partner-shoji.co.jp", "gamma-kogyo.jp", "delta.example.com",
                                           "beta-trading.co.jp"};
    for (int i = 0; i < 20; ++i) {
        const QString domain = QString::fromLatin1(partners[i / 5]);
        QStringList codes;
        if (i == 2)
            codes << u"name-address-mismatch"_s;
        if (i == 7)
            codes << u"first-time-recipient"_s;
        r.recipients << recipient(u"contact%1@%2"_s.arg(i % 5 + 1).arg(domain),
                                  u"担当者 %1-%2"_s.arg(i / 5 + 1).arg(i % 5 + 1), Review::Field::Cc, false,
                                  codes);
    }
    Review::Finding mismatch;
    mismatch.code = u"name-address-mismatch"_s;
    mismatch.severity = Review::Severity::Warn;
    mismatch.recipients = {u"contact3@partner-shoji.co.jp"_s};
    if (flaggedInternal)
        mismatch.recipients << u"staff007@osaka.example.co.jp"_s;
    mismatch.message = japaneseMessages ? u"この表示名は以前、別のアドレスで使われていました。"_s
                                        : u"This display name was used with another address before."_s;
    Review::Finding first;
    first.code = u"first-time-recipient"_s;
    first.severity = Review::Severity::Warn;
    first.needsAcknowledgement = true;
    first.recipients = {u"contact3@gamma-kogyo.jp"_s};
    first.message = japaneseMessages ? u"contact3@gamma-kogyo.jp に送るのは初めてです。"_s
                                     : u"You have never written to contact3@gamma-kogyo.jp before."_s;
    r.findings = {mismatch, first};
    request.reasons = {japaneseMessages ? u"社外の送信先が含まれています。"_s
                                        : u"The message goes outside your organisation."_s};
    return request;
}

// An invitation with twelve partners from five companies visible in To and Cc
// and one colleague: many-external-visible offers to move the partners to Bcc.
// japaneseMessages: the finding message as core would translate it.
inline Delivery::ReviewRequest manyVisible(bool japaneseMessages = false, bool required = false)
{
    Delivery::ReviewRequest request;
    request.id = u"invitation"_s;
    request.account = u"yamada@example.co.jp"_s;
    Review::MessageReview& r = request.review;
    r.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    r.subject = japaneseMessages ? u"新製品発表会のご案内"_s : u"Invitation: new product launch"_s;
    r.bodyStart = japaneseMessages ? u"関係者各位\n\n新製品発表会を下記のとおり開催いたします。"_s
                                   : u"Dear partners,\n\nWe are pleased to invite you to our launch."_s;
    r.recipients << recipient(u"kimura@example.co.jp"_s, u"木村 美咲"_s, Review::Field::To, true);
    static const char* const companies[] = {"alpha-trading.co.jp", "beta-kogyo.jp", "gamma.example.com",
                                            "delta-shoji.co.jp", "epsilon.example.org"};
    Review::Finding many;
    many.code = u"many-external-visible"_s;
    many.severity = Review::Severity::Warn;
    many.needsAcknowledgement = !required;
    for (int i = 0; i < 12; ++i) {
        const QString address = u"contact%1@%2"_s.arg(i + 1).arg(QLatin1String(companies[i % 5]));
        r.recipients << recipient(address, u"担当者 %1"_s.arg(i + 1),
                                  i < 8 ? Review::Field::To : Review::Field::Cc, false, {many.code});
        many.recipients << address;
    }
    many.message =
        japaneseMessages
            ? u"宛先と CC に 5 ドメインの社外アドレスが 12 件あり、すべての受信者に互いのアドレスが見えます。"
              u"アドレスを伏せるには BCC に入れてください。"_s
            : u"12 external addresses from 5 organisations are in To and Cc, so every recipient sees "
              u"all of them. Put them in Bcc to keep them private."_s;
    r.findings = {many};
    r.bccCandidates = many.recipients;
    r.bccRequired = required;
    request.reasons = {many.message};
    return request;
}

// Only internal recipients, nothing else to confirm.
// A message to a customer's team where one person is probably the wrong
// Tanaka: 田中 健二 at another company was never written to with them, while
// 田中 健 at acme.co.jp usually is (unusual-recipient with a suggestion).
inline Delivery::ReviewRequest unusualRecipient(bool japaneseMessages = false)
{
    Delivery::ReviewRequest request;
    request.id = u"20240401-0042"_s;
    request.account = u"yamada@example.co.jp"_s;
    Review::MessageReview& r = request.review;
    r.account = u"yamada@example.co.jp (Microsoft 365)"_s;
    r.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    r.subject = u"【ご案内】定例会議の議事録送付"_s;
    r.bodyStart = u"株式会社アクメ\n田中 様、鈴木 様\n\nいつもお世話になっております。\n"
                  u"先日の定例会議の議事録をお送りいたします。\n"_s;
    r.recipients = {
        recipient(u"suzuki@acme.co.jp"_s, u"鈴木 一郎"_s, Review::Field::To, false),
        recipient(u"kenji.tanaka@acme-trading.co.jp"_s, u"田中 健二"_s, Review::Field::To, false,
                  {u"unusual-recipient"_s}),
        recipient(u"kimura@example.co.jp"_s, u"木村 美咲"_s, Review::Field::Cc, true),
    };
    Review::Finding unusual;
    unusual.code = u"unusual-recipient"_s;
    unusual.severity = Review::Severity::Warn;
    unusual.message =
        japaneseMessages
            ? u"田中 健二 <kenji.tanaka@acme-trading.co.jp> にこの人たちと一緒に送ったことはありません。"
              u"この人たちとは、いつも 田中 健 <ken.tanaka@acme.co.jp> に送っています。"_s
            : u"You have never written to 田中 健二 <kenji.tanaka@acme-trading.co.jp> together with these "
              u"people. Usually you write to 田中 健 <ken.tanaka@acme.co.jp> with these people."_s;
    unusual.recipients = {u"kenji.tanaka@acme-trading.co.jp"_s};
    unusual.suggestedAddress = u"ken.tanaka@acme.co.jp"_s;
    unusual.suggestedName = u"田中 健"_s;
    r.findings = {unusual};
    request.reasons = {unusual.message};
    return request;
}

inline Delivery::ReviewRequest internalOnly(const QString& id)
{
    Delivery::ReviewRequest request;
    request.id = id;
    request.review.from = {u"yamada@example.co.jp"_s, u"山田 太郎"_s};
    request.review.subject = u"Meeting %1"_s.arg(id);
    request.review.recipients = {
        recipient(u"kimura@example.co.jp"_s, u"木村 美咲"_s, Review::Field::To, true)};
    return request;
}

} // namespace SampleReview
