#pragma once

// Builds MessageView values and runs one check the way the Reviewer does, for
// the check tests. MessageView is a plain value: constructing it directly
// keeps these tests independent of the MIME parser.

#include "mail/DomainNames.h"
#include "mail/PersonNames.h"
#include "mime/MessageView.h"
#include "review/CheckPolicy.h"
#include "review/Reviewer.h"
#include "review/checks/Check.h"
#include "smtp/Envelope.h"

#include <QCryptographicHash>

namespace Fixture {

inline Mime::Mailbox mailbox(const QString& address, const QString& name = {})
{
    Mime::Mailbox m;
    m.name = name;
    m.address = address;
    m.addressAce = Mail::DomainNames::addressKey(address);
    return m;
}

inline Mime::Attachment attachment(const QString& filename, const QByteArray& content = "content",
                                   const QString& type = QStringLiteral("application/octet-stream"))
{
    Mime::Attachment a;
    a.filename = filename;
    a.contentType = type;
    a.size = content.size();
    a.sha256 = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    return a;
}

// The envelope a mail client would give: every To, Cc and Bcc address.
inline Smtp::Envelope envelopeOf(const Mime::MessageView& v)
{
    Smtp::Envelope e;
    e.mailFrom = v.from.address;
    for (const QList<Mime::Mailbox>* list : {&v.to, &v.cc, &v.bcc}) {
        for (const Mime::Mailbox& m : *list)
            e.recipients << m.address;
    }
    return e;
}

inline Mime::MessageView message(const QList<Mime::Mailbox>& to, const QString& body = {},
                                 const QList<Mime::Mailbox>& cc = {})
{
    Mime::MessageView v;
    v.from = mailbox(QStringLiteral("taro@example.co.jp"), QStringLiteral("Taro Yamada"));
    v.to = to;
    v.cc = cc;
    v.subject = QStringLiteral("Meeting");
    v.textBody = body;
    v.messageId = QStringLiteral("<m1@example.co.jp>");
    return v;
}

inline Review::CheckPolicy policy(const QStringList& internal = {QStringLiteral("example.co.jp"),
                                                                 QStringLiteral("*.example.co.jp")})
{
    Settings::Policy p;
    p.internalDomains = internal;
    return Review::CheckPolicy::defaults(p);
}

// Runs check on view with envelope (default: the header recipients).
inline QList<Review::Finding> run(const Review::Check& check, const Mime::MessageView& view,
                                  const Review::CheckPolicy& policy,
                                  const Review::HistoryFacts* history = nullptr,
                                  const Smtp::Envelope* envelope = nullptr)
{
    const Smtp::Envelope env = envelope ? *envelope : envelopeOf(view);
    const Review::DomainMatcher internal(policy.policy.internalDomains);
    QList<Review::Address> notReceiving;
    const QList<Review::Recipient> recipients =
        Review::Reviewer::recipientsOf(view, env, internal, &notReceiving);
    const Review::CheckContext context{view,    env,   recipients, notReceiving, policy, internal,
                                       history, false, {}};
    return check.run(context);
}

} // namespace Fixture
