#include "review/Reviewer.h"

#include "mail/DomainNames.h"
#include "mail/PersonNames.h"
#include "review/checks/BlockedDomainCheck.h"
#include "review/checks/CheckRegistry.h"
#include "review/checks/ManyExternalVisibleCheck.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Review {

namespace {

QString bodyStartOf(const QString& text)
{
    // Enough for the person to recognise the message, not to read it.
    constexpr int kLines = 12;
    constexpr int kChars = 800;
    QStringList lines = text.left(kChars * 2).split(QLatin1Char('\n'));
    if (lines.size() > kLines)
        lines = lines.mid(0, kLines);
    QString s = lines.join(QLatin1Char('\n'));
    for (qsizetype i = s.indexOf(QLatin1Char('\r')); i >= 0; i = s.indexOf(QLatin1Char('\r')))
        s.remove(i, 1);
    return s.left(kChars).trimmed();
}

QString mailboxAddress(const Mime::Mailbox& m)
{
    return m.addressAce.isEmpty() ? m.address : m.addressAce;
}

} // namespace

Reviewer::Reviewer(CheckPolicy policy, HistoryQuery* history)
    : m_policy(std::move(policy)), m_internal(m_policy.policy.internalDomains),
      m_blocked(m_policy.blockedDomains), m_history(history), m_checks(CheckRegistry::createAll())
{}

Reviewer::~Reviewer() = default;

QList<Recipient> Reviewer::recipientsOf(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                                        const DomainMatcher& internal, QList<Address>* notReceiving)
{
    struct HeaderEntry
    {
        Field field;
        const Mime::Mailbox* mailbox;
    };
    QHash<QString, HeaderEntry> header; // first occurrence wins: To before Cc before Bcc
    const std::pair<Field, const QList<Mime::Mailbox>*> lists[] = {
        {Field::To, &view.to}, {Field::Cc, &view.cc}, {Field::Bcc, &view.bcc}};
    for (const auto& [field, list] : lists) {
        for (const Mime::Mailbox& m : *list) {
            const QString key = Mail::DomainNames::addressKey(mailboxAddress(m));
            if (!key.isEmpty() && !header.contains(key))
                header.insert(key, HeaderEntry{field, &m});
        }
    }

    QList<Recipient> out;
    QSet<QString> inEnvelope;
    for (const QString& rcpt : envelope.recipients) {
        const QString key = Mail::DomainNames::addressKey(rcpt);
        if (key.isEmpty() || inEnvelope.contains(key))
            continue;
        inEnvelope.insert(key);
        Recipient r;
        r.address = rcpt.trimmed();
        const auto it = header.constFind(key);
        if (it != header.constEnd()) {
            r.field = it->field; // a header Bcc stays Bcc
            r.name = it->mailbox->name.trimmed();
            if (!it->mailbox->address.isEmpty())
                r.address = it->mailbox->address; // the Unicode spelling the person wrote
        }
        r.domain = Mail::DomainNames::toUnicode(Mail::DomainNames::domainOf(rcpt));
        r.internal = internal.isInternal(key);
        out << r;
    }

    if (notReceiving) {
        notReceiving->clear();
        QSet<QString> listed;
        for (const QList<Mime::Mailbox>* list : {&view.to, &view.cc}) {
            for (const Mime::Mailbox& m : *list) {
                const QString key = Mail::DomainNames::addressKey(mailboxAddress(m));
                if (key.isEmpty() || inEnvelope.contains(key) || listed.contains(key))
                    continue;
                listed.insert(key);
                *notReceiving << Address{m.address.isEmpty() ? m.addressAce : m.address, m.name};
            }
        }
    }
    return out;
}

HistoryFacts Reviewer::factsFor(const Mime::MessageView& view, const QList<Recipient>& recipients, bool* ok,
                                QString* problem) const
{
    HistoryFacts facts;
    *ok = false;
    if (!m_history) {
        *problem = tr("There is no recipient history.");
        return facts;
    }
    HistoryQuestion question;
    for (const Recipient& r : recipients) {
        question.addressKeys << Mail::DomainNames::addressKey(r.address);
        const QString d = Mail::DomainNames::toAce(r.domain);
        if (!question.domains.contains(d))
            question.domains << d;
        const QString key = Mail::PersonNames::key(r.name);
        if (!key.isEmpty())
            question.nameKeys << key;
    }
    question.threadIds = view.references;
    if (!view.inReplyTo.isEmpty())
        question.threadIds << view.inReplyTo;
    for (const Mime::Attachment& a : view.attachments) {
        if (!a.sha256.isEmpty())
            question.attachmentHashes << a.sha256;
    }
    if (!m_history->facts(question, &facts, problem))
        return HistoryFacts();
    *ok = true;
    return facts;
}

MessageReview Reviewer::review(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                               const Inputs& inputs) const
{
    MessageReview out;
    out.account = inputs.account;
    out.from = Address{view.from.address.isEmpty() ? envelope.mailFrom : view.from.address, view.from.name};
    out.subject = view.subject;
    out.bodyStart = bodyStartOf(view.textBody);
    out.problems = view.problems;
    for (const Mime::Attachment& a : view.attachments)
        out.attachments << Attachment{a.filename, a.contentType, a.size, a.isInline};
    out.recipients = recipientsOf(view, envelope, m_internal, &out.notReceiving);

    bool wantsHistory = false;
    for (const auto& check : m_checks)
        wantsHistory =
            wantsHistory || (check->needsHistory() && m_policy.action(check->code()) != CheckAction::Off);
    bool historyOk = false;
    QString historyProblem;
    const HistoryFacts facts =
        wantsHistory ? factsFor(view, out.recipients, &historyOk, &historyProblem) : HistoryFacts();

    const CheckContext context{view,
                               envelope,
                               out.recipients,
                               out.notReceiving,
                               m_policy,
                               m_internal,
                               historyOk ? &facts : nullptr,
                               inputs.signingWithoutCertificate,
                               inputs.certificateProblem};
    QStringList skipped;
    for (const auto& check : m_checks) {
        const CheckAction action = m_policy.action(check->code());
        if (action == CheckAction::Off)
            continue;
        if (check->needsHistory() && !historyOk) {
            skipped << check->code();
            continue;
        }
        for (Finding f : check->run(context)) {
            const bool manyVisible = f.code == ManyExternalVisibleCheck::info().code;
            const bool movedToBcc = manyVisible && m_policy.manyExternalAlwaysBcc;
            if (f.severity == Severity::Warn && action == CheckAction::Block)
                f.severity = Severity::Block;
            else if (f.severity == Severity::Warn && action == CheckAction::Confirm && !movedToBcc)
                f.needsAcknowledgement = true; // when they go to Bcc anyway, there is nothing to confirm
            if (manyVisible && f.severity != Severity::Block) {
                out.bccCandidates = f.recipients;
                out.bccRequired = movedToBcc;
            }
            out.findings << f;
        }
    }
    if (!skipped.isEmpty()) {
        out.historyProblem = historyProblem;
        Finding f;
        f.code = u"history-unavailable"_s;
        f.severity = Severity::Info;
        f.message = tr("The recipient history is unavailable, so these checks were skipped: %1. %2")
                        .arg(skipped.join(u", "_s), historyProblem)
                        .trimmed();
        out.findings << f;
    }

    // Badges per recipient.
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < out.recipients.size(); ++i)
        index.insert(Mail::DomainNames::addressKey(out.recipients.at(i).address), i);
    for (const Finding& f : std::as_const(out.findings)) {
        for (const QString& a : f.recipients) {
            const auto it = index.constFind(Mail::DomainNames::addressKey(a));
            if (it != index.constEnd() && !out.recipients[*it].findingCodes.contains(f.code))
                out.recipients[*it].findingCodes << f.code;
        }
    }

    bool block = false;
    bool acknowledge = false;
    for (const Finding& f : std::as_const(out.findings)) {
        block = block || f.severity == Severity::Block;
        acknowledge = acknowledge || f.needsAcknowledgement;
    }
    bool anyExternal = false;
    for (const Recipient& r : std::as_const(out.recipients))
        anyExternal = anyExternal || !r.internal;
    const Settings::ReviewPolicy rp = m_policy.policy.review;
    const bool policyReview =
        rp == Settings::ReviewPolicy::Always || (rp == Settings::ReviewPolicy::External && anyExternal);
    // review=never (also what pause protection sets) means no review window at
    // all: findings that would ask for an acknowledgement are only recorded,
    // and only a blocking finding stops the message.
    // review=external: a message that stays inside the organisation skips the
    // review, also when a check would ask for an acknowledgement (DESIGN, Checks).
    if (rp == Settings::ReviewPolicy::Never || (rp == Settings::ReviewPolicy::External && !anyExternal))
        acknowledge = false;
    out.verdict = block ? Verdict::Block : (policyReview || acknowledge) ? Verdict::Review : Verdict::Pass;
    return out;
}

bool Reviewer::isBlockedRecipient(const QString& address, QString* reason) const
{
    if (m_policy.action(BlockedDomainCheck::info().code) != CheckAction::Block || m_blocked.isEmpty())
        return false;
    const QString domain = Mail::DomainNames::domainOf(address);
    if (!m_blocked.matchesDomain(domain))
        return false;
    if (reason) {
        *reason = tr("Sending to %1 is not allowed by your organisation's policy.")
                      .arg(Mail::DomainNames::toUnicode(domain));
    }
    return true;
}

} // namespace Review
