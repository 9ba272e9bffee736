#include "delivery/Dispatcher.h"

#include "delivery/Assessor.h"
#include "delivery/AuditRecorder.h"
#include "delivery/Transport.h"
#include "mail/DomainNames.h"
#include "mime/HeaderRewrite.h"
#include "smtp/SmtpServer.h"
#include "spool/Queue.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHop, "hop")

namespace Delivery {

struct Dispatcher::Active
{
    Spool::Entry entry;
    QByteArray content; // kept while the message is in flight; reloaded on resume
    // Parsed, planned and reviewed once (assess()); made again only when the
    // bytes change (moveToBcc). Absent until then after a resume in the approved state.
    std::optional<Analysis> analysis;
    // The S/MIME plan in analysis was made just now, with no wait since: the
    // delivery that follows at once uses it. After a wait (a review, a retry)
    // it is made again, since a certificate may have expired meanwhile.
    bool planIsCurrent = false;
    QPointer<Smtp::PendingReply> reply; // set while the mail client waits for its answer
    QTimer* budget = nullptr;           // the client-wait budget
    QTimer* retry = nullptr;
    Transport* transport = nullptr;
    bool abandoned = false;    // the client left before its answer: the message was never handed over
    bool isSigned = false;     // the bytes in flight carry an S/MIME signature
    bool waitsForUser = false; // the last attempt needs the user (sign in again, a setting), not time
    QString waitNotice;        // the reason last told to the user while it waits for them
};

// How a message's road ends other than by delivery (see conclude()).
struct Dispatcher::Ending
{
    Smtp::Reply reply;                       // for a mail client that still waits
    Spool::State state = Spool::State::Held; // kept so, with reason, when Yubisashi keeps it
    QString reason;
    Notice notice = Notice::Info;
    QString title;
    QString text; // of the notice; empty: the reason

    // The waiting client hears reply: a refusal hands the message back to it, a 250 leaves it with us.
    static Ending tellClient(const Smtp::Reply& reply)
    {
        Ending e;
        e.reply = reply;
        return e;
    }
    // Otherwise Yubisashi keeps the message in this state (Held or Failed), with the reason...
    Ending& orKeep(Spool::State kept, const QString& why)
    {
        state = kept;
        reason = why;
        return *this;
    }
    // ...and tells the user.
    Ending& notify(Notice kind, const QString& noticeTitle, const QString& noticeText = {})
    {
        notice = kind;
        title = noticeTitle;
        text = noticeText;
        return *this;
    }
};

Dispatcher::Dispatcher(const Settings::Config& config, Spool::Queue* spool, Assessor* assessor,
                       AuditRecorder* audit, DecisionProvider* decisions, TransportFactory transports,
                       QObject* parent)
    : QObject(parent), m_config(config), m_spool(spool), m_assessor(assessor), m_audit(audit),
      m_decisions(decisions), m_transports(std::move(transports))
{
    connect(m_decisions, &DecisionProvider::decided, this, &Dispatcher::onDecision);
    // Several at once: their syncs overlap, and the file system groups them.
    m_storePool.setMaxThreadCount(4);
}

Dispatcher::~Dispatcher()
{
    // A message being written is finished first; its client never heard an
    // answer, so at worst it arrives twice, never not at all.
    m_storePool.waitForDone();
    qDeleteAll(m_active);
}

Dispatcher::Active* Dispatcher::find(const QString& id) const
{
    return m_active.value(id, nullptr);
}

bool Dispatcher::clientWaits(const Active* a) const
{
    return a->reply && !a->reply->isAnswered();
}

void Dispatcher::answer(Active* a, const Smtp::Reply& reply)
{
    if (a->budget) {
        a->budget->stop();
    }
    if (clientWaits(a)) {
        qCInfo(lcHop).noquote() << a->entry.id << "answered" << reply.toString();
        a->reply->answer(reply);
    }
    a->reply = nullptr;
}

void Dispatcher::setState(Active* a, Spool::State state, const QString& error)
{
    a->entry.state = state;
    a->entry.lastError = error;
    QString spoolError;
    // "sending" and "sent" are written without waiting for the disk: losing
    // them in a power failure only means the message is sent again.
    const bool durable = state != Spool::State::Sending && state != Spool::State::Sent;
    if (!m_spool->update(a->entry, &spoolError, durable)) {
        // The message is still in memory and its previous state on disk: it is
        // not lost, but a restart would repeat the last step. Tell the user.
        qCWarning(lcHop).noquote() << a->entry.id << "cannot record state" << Spool::stateName(state) << ":"
                                   << spoolError;
        emit notice(Notice::Error, a->entry.id, tr("Queue folder problem"),
                    tr("Yubisashi could not update its queue folder (%1). Check that the disk is not full.")
                        .arg(spoolError));
    }
    emit stateChanged(a->entry);
}

void Dispatcher::finish(Active* a)
{
    m_active.remove(a->entry.id);
    if (a->budget)
        a->budget->deleteLater();
    if (a->retry)
        a->retry->deleteLater();
    if (a->transport)
        a->transport->deleteLater();
    delete a;
}

// A message on its way to the disk: the mail client may leave meanwhile.
struct Dispatcher::Storing
{
    Smtp::Envelope envelope;
    QString account;
    QPointer<Smtp::PendingReply> reply;
    bool hadReply = false;
    bool clientGone = false;
};

void Dispatcher::submit(const Smtp::Envelope& envelope, const QByteArray& content, const QString& account,
                        Smtp::PendingReply* reply)
{
    Spool::Entry entry;
    entry.account = account;
    entry.envelope = envelope;
    entry.state = Spool::State::Received;
    auto storing = std::make_shared<Storing>();
    storing->envelope = envelope;
    storing->account = account;
    storing->reply = reply;
    storing->hadReply = reply != nullptr;
    if (reply)
        connect(reply, &Smtp::PendingReply::clientGone, this, [storing] { storing->clientGone = true; });
    // The writes and syncs run on a worker thread, so the sessions of other
    // clients go on meanwhile and their syncs overlap; the client hears
    // nothing before the message is on disk.
    Spool::Queue* spool = m_spool;
    ++m_storing;
    m_storePool.start([this, spool, entry, content, storing] {
        QString error;
        std::optional<Spool::Entry> stored = spool->add(entry, content, &error);
        QMetaObject::invokeMethod(
            this, [this, stored, error, content, storing] { onStored(stored, error, content, storing); },
            Qt::QueuedConnection);
    });
}

void Dispatcher::onStored(const std::optional<Spool::Entry>& stored, const QString& error,
                          const QByteArray& content, const std::shared_ptr<Storing>& storing)
{
    --m_storing;
    Smtp::PendingReply* reply = storing->reply;
    if (m_shuttingDown && storing->hadReply) {
        if (stored) {
            QString ignored;
            m_spool->remove(stored->id, &ignored);
        }
        if (reply && !reply->isAnswered())
            reply->answer(
                Smtp::Reply::make(421, u"4.3.2"_s, u"Yubisashi is shutting down; try again later"_s));
        return;
    }
    if (storing->hadReply && (!reply || storing->clientGone || reply->isAnswered())) {
        // No answer reached the client, so it still has the message and will send it again.
        if (stored) {
            QString ignored;
            m_spool->remove(stored->id, &ignored);
            qCInfo(lcHop).noquote() << stored->id << "client disconnected before its reply: message dropped";
        }
        return;
    }
    const Smtp::Envelope& envelope = storing->envelope;
    const QString& account = storing->account;
    if (!stored) {
        qCWarning(lcHop).noquote() << "cannot spool a message from" << envelope.mailFrom << ":" << error;
        if (reply) {
            reply->answer(Smtp::Reply::make(451, u"4.3.0"_s,
                                            u"Cannot store the message (%1); your mail client keeps it, "
                                            "try again later"_s.arg(error)));
        }
        emit notice(
            Notice::Error, {}, tr("Queue folder problem"),
            tr("A message could not be stored (%1); the mail client keeps it. Check the disk.").arg(error));
        return;
    }

    auto* a = new Active;
    a->entry = *stored;
    a->content = content;
    a->reply = reply;
    m_active.insert(a->entry.id, a);
    qCInfo(lcHop).noquote() << a->entry.id << "spooled from"
                            << (envelope.mailFrom.isEmpty() ? u"<>"_s : envelope.mailFrom) << "for"
                            << envelope.recipients.size() << "recipient(s)," << content.size() << "bytes"
                            << (account.isEmpty() ? QString() : u"account "_s + account);
    emit stateChanged(a->entry);

    if (reply) {
        const QString id = a->entry.id;
        connect(reply, &Smtp::PendingReply::clientGone, this, [this, id] { onClientGone(id); });
        const int budget = m_config.delivery.clientWaitSeconds;
        if (budget <= 0) {
            answer(a, Smtp::Reply::make(250, u"2.6.0"_s, u"Queued as %1"_s.arg(id)));
        } else {
            a->budget = new QTimer(this);
            a->budget->setSingleShot(true);
            connect(a->budget, &QTimer::timeout, this, [this, id] { onBudgetExpired(id); });
            a->budget->start(budget * 1000);
        }
    }
    decide(a);
}

bool Dispatcher::loadContent(Active* a)
{
    if (!a->content.isNull())
        return true;
    QString error;
    const std::optional<QByteArray> content = m_spool->content(a->entry.id, &error);
    if (!content) {
        conclude(a, Ending::tellClient(
                        Smtp::Reply::make(451, u"4.3.0"_s, u"Cannot read the queued copy: "_s + error))
                        .orKeep(Spool::State::Failed, tr("The queued copy cannot be read: %1").arg(error))
                        .notify(Notice::Error, tr("Message cannot be sent")));
        return false;
    }
    a->content = *content;
    return true;
}

// Why the person is asked, in a line or two: the findings that are more than
// information, or else what the review policy says.
static QStringList reasonsFor(const Review::MessageReview& review)
{
    QStringList reasons;
    for (const Review::Finding& f : review.findings) {
        if (f.severity != Review::Severity::Info && !reasons.contains(f.message))
            reasons << f.message;
    }
    if (reasons.isEmpty()) {
        int external = 0;
        for (const Review::Recipient& r : review.recipients)
            external += r.internal ? 0 : 1;
        if (external > 0)
            reasons << Dispatcher::tr("%n recipient(s) outside your organisation.", nullptr, external);
        else
            reasons << Dispatcher::tr("Every message is reviewed before it leaves.");
    }
    return reasons;
}

void Dispatcher::assess(Active* a, std::optional<Settings::ReviewPolicy> reviewOverride)
{
    a->analysis = m_assessor->assess(a->entry, a->content, reviewOverride);
    a->planIsCurrent = true;
}

void Dispatcher::decide(Active* a)
{
    if (!loadContent(a))
        return;
    assess(a, m_reviewOverride);
    const Review::MessageReview& review = a->analysis->review;
    switch (review.verdict) {
    case Review::Verdict::Pass:
        if (review.bccRequired && !moveToBcc(a, review.bccCandidates))
            return;
        startDelivery(a);
        return;
    case Review::Verdict::Block: {
        QStringList why;
        for (const Review::Finding& f : review.findings) {
            if (f.severity == Review::Severity::Block)
                why << f.message;
        }
        const QString reason = why.isEmpty() ? u"Blocked by policy"_s : why.join(u' ');
        qCInfo(lcHop).noquote() << a->entry.id << "blocked:" << reason;
        m_audit->recordNotDelivered(*a->analysis, a->entry, u"blocked"_s, reason);
        // A waiting client keeps the message so the user can fix it.
        conclude(a, Ending::tellClient(Smtp::Reply::make(550, u"5.7.1"_s, u"Blocked: "_s + reason))
                        .orKeep(Spool::State::Held, tr("Blocked: %1").arg(reason))
                        .notify(Notice::Info, tr("Message held")));
        return;
    }
    case Review::Verdict::Review:
        break;
    }

    a->planIsCurrent = false; // the person may take hours
    setState(a, Spool::State::Reviewing);
    ReviewRequest request;
    request.id = a->entry.id;
    request.account = a->entry.account;
    request.envelope = a->entry.envelope;
    request.review = review;
    request.review.account = a->entry.account;
    request.reasons = reasonsFor(review);
    qCInfo(lcHop).noquote() << a->entry.id << "waiting for review:" << request.reasons.join(u' ');
    m_decisions->requestDecision(request);
}

void Dispatcher::onDecision(const QString& id, const Decision& decision)
{
    Active* a = find(id);
    if (!a || a->entry.state != Spool::State::Reviewing) {
        qCInfo(lcHop).noquote() << id << "decision for a message that no longer waits for one: ignored";
        return;
    }
    if (decision.kind == Decision::Kind::Send) {
        qCInfo(lcHop).noquote() << id << "confirmed at review";
        QStringList hide = decision.toBcc;
        if (a->analysis && a->analysis->review.bccRequired)
            hide += a->analysis->review.bccCandidates;
        if (!decision.replacements.isEmpty()) {
            if (!replaceRecipients(a, decision.replacements))
                return;
            // An address chosen for Bcc by its old name goes to Bcc by its new one.
            for (QString& address : hide) {
                for (const Replacement& r : decision.replacements) {
                    if (Mail::DomainNames::addressKey(address) == Mail::DomainNames::addressKey(r.address))
                        address = r.newAddress;
                }
            }
        }
        if (!hide.isEmpty() && !moveToBcc(a, hide))
            return;
        startDelivery(a);
        return;
    }
    const QString reason = decision.reason.isEmpty() ? u"Cancelled at review"_s : decision.reason;
    qCInfo(lcHop).noquote() << id << "cancelled at review:" << reason;
    m_audit->recordNotDelivered(*a->analysis, a->entry, u"cancelled"_s, reason);
    // A waiting client keeps the message (Thunderbird keeps the compose window
    // open). One that already heard 250 left it with Yubisashi: held for the user.
    conclude(a, Ending::tellClient(Smtp::Reply::make(550, u"5.7.1"_s, u"Cancelled at review: "_s + reason))
                    .orKeep(Spool::State::Held, tr("Cancelled at review: %1").arg(reason))
                    .notify(Notice::Info, tr("Message held"),
                            tr("The message to %1 was cancelled and is kept in the queue. You can send it "
                               "anyway, export or delete it there.")
                                .arg(a->entry.envelope.recipients.value(0))));
}

void Dispatcher::dropFromSpool(Active* a)
{
    QString error;
    if (!m_spool->remove(a->entry.id, &error))
        qCWarning(lcHop).noquote() << a->entry.id << "could not be removed from the queue folder:" << error;
    emit removed(a->entry.id);
}

bool Dispatcher::moveToBcc(Active* a, const QStringList& addresses)
{
    if (!loadContent(a))
        return false;
    QSet<QString> keys;
    for (const QString& address : addresses)
        keys.insert(Mail::DomainNames::addressKey(address));
    const auto hide = [&keys](const Mime::Mailbox& m) {
        return keys.contains(
            Mail::DomainNames::addressKey(m.addressAce.isEmpty() ? m.address : m.addressAce));
    };
    int moved = 0;
    QString error;
    std::optional<QByteArray> rewritten =
        Mime::HeaderRewrite::hideRecipients(a->content, hide, &moved, &error);
    // A header that cannot be rewritten stays so: sending again will not help (5xx).
    const bool permanent = !rewritten;
    // On disk before anything leaves: a restart must not send the old header.
    if (rewritten && moved > 0 && !m_spool->replaceContent(a->entry, *rewritten, &error))
        rewritten.reset();
    if (!rewritten) {
        // They were to be hidden: never send them visible instead.
        const QString reason =
            tr("The addresses in To and Cc could not be moved to Bcc (%1). The message is kept in the queue: "
               "send it from there as it is, or delete it and send it again from your mail program.")
                .arg(error);
        qCWarning(lcHop).noquote() << a->entry.id << "not sent:" << reason;
        const Smtp::Reply refusal =
            permanent
                ? Smtp::Reply::make(554, u"5.6.0"_s,
                                    u"The visible addresses cannot be moved to Bcc: "_s + error)
                : Smtp::Reply::make(451, u"4.3.0"_s,
                                    u"Could not move the visible addresses to Bcc; your mail client keeps "
                                    "the message: "_s +
                                        error);
        conclude(a, Ending::tellClient(refusal)
                        .orKeep(Spool::State::Held, reason)
                        .notify(Notice::Error, tr("Message held")));
        return false;
    }
    if (moved > 0) {
        qCInfo(lcHop).noquote() << a->entry.id << "moved" << moved << "address(es) from To/Cc to Bcc";
        a->content = *rewritten;
        // New bytes, so assessed again: what is recorded (Bcc for them) and
        // the S/MIME plan (they are Bcc recipients now) follow the message that leaves.
        assess(a, std::nullopt);
    }
    return true;
}

bool Dispatcher::replaceRecipients(Active* a, const QList<Replacement>& replacements)
{
    if (!loadContent(a))
        return false;
    QString error;
    // The envelope is the truth: each replaced address must be a recipient,
    // and takes the new address's place (once, if it is a recipient already).
    QStringList recipients = a->entry.envelope.recipients;
    QList<Mime::HeaderRewrite::Replacement> rewrites;
    for (const Replacement& r : replacements) {
        const QString oldKey = Mail::DomainNames::addressKey(r.address);
        const QString newKey = Mail::DomainNames::addressKey(r.newAddress);
        const qsizetype at = r.newAddress.lastIndexOf(QLatin1Char('@'));
        // The envelope gets the domain's A-label form: every server takes it without SMTPUTF8.
        const QString newAddress =
            at > 0 ? r.newAddress.left(at + 1) + Mail::DomainNames::toAce(r.newAddress.mid(at + 1))
                   : QString();
        qsizetype found = -1;
        bool present = false;
        for (qsizetype i = 0; i < recipients.size(); ++i) {
            const QString key = Mail::DomainNames::addressKey(recipients.at(i));
            if (key == oldKey && found < 0)
                found = i;
            else if (key == newKey)
                present = true;
        }
        if (found < 0 || newAddress.isEmpty() || oldKey == newKey) {
            error = found < 0 ? tr("%1 is not a recipient of this message").arg(r.address)
                              : tr("%1 is not an address that can be sent to").arg(r.newAddress);
            break;
        }
        if (present)
            recipients.removeAt(found);
        else
            recipients[found] = newAddress;
        rewrites << Mime::HeaderRewrite::Replacement{r.address, newAddress, r.newName};
    }
    int replaced = 0;
    std::optional<QByteArray> rewritten;
    if (error.isEmpty())
        rewritten = Mime::HeaderRewrite::replaceRecipients(a->content, rewrites, &replaced, &error);
    const bool permanent = !rewritten;
    // Content and envelope on disk before anything leaves: a restart sends
    // the new message to the new address, never the old one.
    if (rewritten && !m_spool->replaceMessage(a->entry, *rewritten, recipients, &error))
        rewritten.reset();
    if (!rewritten) {
        const QString reason =
            tr("The recipient could not be replaced as you chose at the review (%1). The message was not "
               "sent "
               "and is kept in the queue: delete it and send it again from your mail program with the right "
               "address.")
                .arg(error);
        qCWarning(lcHop).noquote() << a->entry.id << "not sent:" << reason;
        const Smtp::Reply refusal =
            permanent
                ? Smtp::Reply::make(554, u"5.6.0"_s, u"The recipient cannot be replaced: "_s + error)
                : Smtp::Reply::make(
                      451, u"4.3.0"_s,
                      u"Could not replace the recipient; your mail client keeps the message: "_s + error);
        conclude(a, Ending::tellClient(refusal)
                        .orKeep(Spool::State::Held, reason)
                        .notify(Notice::Error, tr("Message held")));
        return false;
    }
    for (const Mime::HeaderRewrite::Replacement& r : std::as_const(rewrites))
        qCInfo(lcHop).noquote() << a->entry.id << "replaced recipient" << r.address << "with" << r.newAddress;
    a->content = *rewritten;
    // New bytes and recipients: the audit and the S/MIME plan follow what leaves.
    assess(a, std::nullopt);
    return true;
}

void Dispatcher::startDelivery(Active* a)
{
    if (!loadContent(a))
        return;
    if (!a->analysis) // resumed after a restart in the approved state: assessed once, here
        assess(a, std::nullopt);
    // Bcc fields never go upstream (the envelope still delivers to those
    // addresses); taken out before S/MIME, so a signature covers what is sent.
    const QByteArray sendable = Mime::HeaderRewrite::withoutBcc(a->content);
    // S/MIME on the exact bytes that are sent. The plan made with the
    // assessment holds when delivery follows it at once (the pass path, a
    // resume, after the Bcc rewrite: it was made for those bytes). After a
    // wait it is made again: a certificate may have expired or been replaced
    // during the review or before a retry.
    QByteArray outgoing = sendable;
    a->isSigned = false;
    const bool planIsCurrent = std::exchange(a->planIsCurrent, false); // a later attempt comes after a wait
    if (Protection* protection = m_assessor->protection()) {
        const ProtectionPlan plan =
            planIsCurrent ? a->analysis->protection : protection->plan(a->entry, sendable, a->analysis->view);
        QString error;
        std::optional<QByteArray> transformed;
        if (plan.action == ProtectionPlan::Action::Refuse) {
            error = plan.reason;
        } else if (plan.action != ProtectionPlan::Action::None) {
            transformed = protection->apply(plan, a->entry, sendable, &error);
        }
        if (plan.action == ProtectionPlan::Action::Refuse ||
            (plan.action != ProtectionPlan::Action::None && !transformed)) {
            // Never unsigned or unencrypted instead. Not sendable like this
            // (required encryption impossible, certificate unusable): a waiting
            // mail program keeps the message so the person can change it. One
            // that could not be signed or encrypted now waits in the queue for the user.
            const bool refused = plan.action == ProtectionPlan::Action::Refuse;
            qCWarning(lcHop).noquote()
                << a->entry.id << (refused && clientWaits(a) ? "refused:" : "not sent:") << error;
            conclude(
                a, Ending::tellClient(refused ? Smtp::Reply::make(550, u"5.7.1"_s, error)
                                              : Smtp::Reply::make(250, u"2.6.0"_s,
                                                                  u"Held in the Yubisashi queue: "_s + error))
                       .orKeep(Spool::State::Held, error)
                       .notify(Notice::Info, tr("Message held")));
            return;
        }
        if (!plan.reason.isEmpty()) // what was not done and why: "not encrypted: it has Bcc recipients"
            qCInfo(lcHop).noquote() << a->entry.id << "S/MIME:" << plan.reason;
        if (transformed) {
            outgoing = *transformed;
            a->isSigned = plan.willSign();
        }
    }
    if (a->entry.state == Spool::State::Received) {
        // The pass path: on disk it stays "received", which a restart treats
        // the same way (assessed again, passes, sent). One file write less per
        // message; the mark matters only after a review, which must not be
        // asked again.
        a->entry.state = Spool::State::Sending;
        emit stateChanged(a->entry);
    } else {
        setState(a, Spool::State::Sending, a->entry.lastError);
    }
    if (!a->transport) {
        a->transport = m_transports(a->entry.account, this);
        const QString id = a->entry.id;
        connect(a->transport, &Transport::finished, this,
                [this, id](const Smtp::SubmitResult& result) { onDelivered(id, result); });
    }
    a->entry.attempts += 1;
    a->transport->deliver(a->entry, outgoing);
}

void Dispatcher::onDelivered(const QString& id, const Smtp::SubmitResult& result)
{
    Active* a = find(id);
    if (!a)
        return;
    using Kind = Smtp::SubmitResult::Kind;
    const QString upstream = result.reply.toString();
    qCInfo(lcHop).noquote() << id << "upstream:" << upstream
                            << (result.detail.isEmpty() ? QString() : u"— "_s + result.detail);

    if (a->abandoned) {
        if (result.delivered() || result.dataSent) {
            // It left before the client hung up; the client will send it again.
            setState(a, Spool::State::Sent, {});
        } else {
            dropFromSpool(a);
        }
        finish(a);
        return;
    }

    switch (result.kind) {
    case Kind::Delivered: {
        const bool afterRetry = a->entry.attempts > 1 || !clientWaits(a);
        // The client hears first; the records follow (they cannot change its answer).
        answer(a, Smtp::Reply::make(250, u"2.0.0"_s, u"Delivered: "_s + result.reply.text));
        setState(a, Spool::State::Sent, {});
        m_audit->recordDelivered(*a->analysis, a->entry, u"sent"_s, a->isSigned, upstream);
        if (afterRetry) {
            emit notice(
                Notice::Info, id, tr("Message delivered"),
                tr("The message to %1 has been delivered.").arg(a->entry.envelope.recipients.value(0)));
        }
        finish(a);
        return;
    }
    case Kind::Permanent: {
        QString text = result.reply.text;
        if (!result.failedRecipient.isEmpty() && !text.contains(result.failedRecipient))
            text = u"<%1>: %2"_s.arg(result.failedRecipient, text);
        m_audit->recordNotDelivered(*a->analysis, a->entry, u"refused"_s, upstream);
        const QString reason =
            tr("The mail server refused the message: %1").arg(result.detail.isEmpty() ? text : result.detail);
        conclude(a, Ending::tellClient(
                        Smtp::Reply::make(
                            result.reply.isPermanent() ? result.reply.code : 554,
                            result.reply.enhanced.isEmpty() ? u"5.0.0"_s : result.reply.enhanced, text))
                        .orKeep(Spool::State::Failed, reason + u" ("_s + upstream + u')')
                        .notify(Notice::Error, tr("Message not delivered"), reason));
        return;
    }
    case Kind::Configuration: {
        if (clientWaits(a)) {
            // Retrying will not help until the user acts: tell the mail client now, it keeps the mail.
            conclude(a, Ending::tellClient(Smtp::Reply::make(
                            451, u"4.7.0"_s, result.detail.isEmpty() ? result.reply.text : result.detail)));
            return;
        }
        // Not a failing message but a setting only the user can fix (a certificate, STARTTLS, the
        // password): it waits for them however long that takes, with the reason in the queue.
        a->waitsForUser = true;
        const QString reason = result.detail.isEmpty() ? upstream : result.detail;
        if (reason != a->waitNotice) { // once per reason, not at every retry
            a->waitNotice = reason;
            emit notice(Notice::Error, id, tr("Message waits: the account needs your attention"), reason);
        }
        scheduleRetry(a, reason);
        return;
    }
    case Kind::Temporary:
        answer(a,
               Smtp::Reply::make(250, u"2.6.0"_s,
                                 u"Queued as %1; the mail server is not available now (%2), Yubisashi will "
                                 "retry"_s.arg(id, upstream)));
        a->waitsForUser = result.waitsForUser;
        scheduleRetry(a, result.detail.isEmpty() ? upstream : result.detail);
        return;
    }
}

void Dispatcher::scheduleRetry(Active* a, const QString& error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A message waiting for the user (a sign-in) is never given up on: it is not failing, it is waiting.
    if (!a->waitsForUser && a->entry.received.secsTo(now) > qint64(m_config.delivery.giveUpHours) * 3600) {
        // Its client heard 250 long ago (never waits here): kept as Failed.
        const QString reason =
            tr("Gave up after %n hour(s) of retrying: %1", nullptr, m_config.delivery.giveUpHours).arg(error);
        conclude(a, Ending::tellClient(Smtp::Reply::make(451, u"4.4.1"_s, reason))
                        .orKeep(Spool::State::Failed, reason)
                        .notify(Notice::Error, tr("Message not delivered")));
        return;
    }
    // 1 min doubling to 1 h by default (DESIGN), from the attempts made so far.
    qint64 delay = m_config.delivery.retryInitialSeconds;
    for (int i = 1; i < a->entry.attempts && delay < m_config.delivery.retryMaxSeconds; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, m_config.delivery.retryMaxSeconds);
    // Waiting for the user: time alone will not fix it, so only the longest
    // interval; retryAll() sends it at once when they have acted.
    if (a->waitsForUser)
        delay = m_config.delivery.retryMaxSeconds;
    a->entry.nextAttempt = now.addSecs(delay);
    setState(a, Spool::State::Approved, error);
    qCInfo(lcHop).noquote() << a->entry.id << "retry in" << delay << "s (attempt" << a->entry.attempts
                            << "failed)";
    startRetryTimer(a, delay * 1000);
}

void Dispatcher::startRetryTimer(Active* a, qint64 milliseconds)
{
    if (!a->retry) {
        a->retry = new QTimer(this);
        a->retry->setSingleShot(true);
        const QString id = a->entry.id;
        connect(a->retry, &QTimer::timeout, this, [this, id] {
            if (Active* x = find(id))
                startDelivery(x);
        });
    }
    a->retry->start(int(milliseconds));
}

void Dispatcher::conclude(Active* a, const Ending& ending)
{
    if (clientWaits(a) && !ending.reply.isPositive()) {
        // It never heard 250, so it still has the message: no copy is kept here.
        answer(a, ending.reply);
        dropFromSpool(a);
        finish(a);
        return;
    }
    answer(a, ending.reply); // a 250 if the client still waits: Yubisashi keeps the message
    setState(a, ending.state, ending.reason);
    emit notice(ending.notice, a->entry.id, ending.title,
                ending.text.isEmpty() ? ending.reason : ending.text);
    finish(a);
}

void Dispatcher::onBudgetExpired(const QString& id)
{
    Active* a = find(id);
    if (!a || !clientWaits(a))
        return;
    if (a->entry.state == Spool::State::Reviewing) {
        answer(a, Smtp::Reply::make(250, u"2.6.0"_s, u"Queued for review as %1"_s.arg(id)));
        m_decisions->clientReleased(id);
    } else {
        // A slow upstream: the message is safe on disk, so release the client before it gives up.
        answer(a, Smtp::Reply::make(250, u"2.6.0"_s, u"Queued as %1; delivery in progress"_s.arg(id)));
    }
}

void Dispatcher::onClientGone(const QString& id)
{
    Active* a = find(id);
    if (!a || !clientWaits(a))
        return;
    // No reply reached the client, so it did not hand the message over and will send it again.
    if (a->entry.state == Spool::State::Sending)
        qCInfo(lcHop).noquote() << id
                                << "client disconnected during delivery: stopped if it has not left yet";
    else
        qCInfo(lcHop).noquote() << id << "client disconnected before its reply: message dropped";
    a->reply = nullptr;
    a->abandoned = true;
    if (a->budget)
        a->budget->stop();
    if (a->entry.state == Spool::State::Sending && a->transport) {
        a->transport->abort(); // finished() follows and completes the clean-up
        return;
    }
    if (a->entry.state == Spool::State::Reviewing)
        m_decisions->withdraw(id, tr("The mail client stopped sending this message."));
    dropFromSpool(a);
    finish(a);
}

void Dispatcher::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    // Messages still being written: let the writes end, then hand them to onStored().
    m_storePool.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    const QList<Active*> all = m_active.values();
    int given = 0;
    for (Active* a : all) {
        if (!clientWaits(a))
            continue;
        if (a->transport) {
            a->transport->disconnect(this);
            a->transport->abort();
        }
        if (a->entry.state == Spool::State::Reviewing)
            m_decisions->withdraw(a->entry.id, tr("Yubisashi is shutting down."));
        conclude(a, Ending::tellClient(Smtp::Reply::make(421, u"4.3.2"_s,
                                                         u"Yubisashi is shutting down; try again later"_s)));
        ++given;
    }
    if (given > 0)
        qCInfo(lcHop) << "shutting down:" << given
                      << "message(s) left with their mail clients, which were still waiting for an answer";
}

QStringList Dispatcher::resume()
{
    QStringList quarantined;
    const QList<Spool::Entry> entries = m_spool->load(&quarantined);
    for (const QString& q : quarantined) {
        qCWarning(lcHop).noquote() << "quarantined:" << q;
        emit notice(Notice::Error, {}, tr("A queued message could not be read"), q);
    }
    purgeSent();
    // A tray app runs for weeks: sent content must not outlive retention_days meanwhile.
    if (!m_purge) {
        m_purge = new QTimer(this);
        connect(m_purge, &QTimer::timeout, this, &Dispatcher::purgeSent);
    }
    m_purge->start(m_purgeIntervalMs);
    int resumed = 0;
    for (const Spool::Entry& entry : entries) {
        switch (entry.state) {
        case Spool::State::Sent:
        case Spool::State::Held:
        case Spool::State::Failed:
            continue;
        case Spool::State::Received:
        case Spool::State::Reviewing:
        case Spool::State::Approved:
        case Spool::State::Sending:
            break;
        }
        auto* a = new Active;
        a->entry = entry;
        m_active.insert(entry.id, a);
        ++resumed;
        if (entry.state == Spool::State::Received || entry.state == Spool::State::Reviewing) {
            decide(a);
        } else {
            // Approved or interrupted while sending: deliver (again). A message
            // that was in flight at a crash may arrive twice; none is lost.
            const qint64 wait =
                entry.nextAttempt.isValid()
                    ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(entry.nextAttempt))
                    : 0;
            startRetryTimer(a, qMin<qint64>(wait, 24LL * 3600 * 1000));
        }
    }
    if (resumed > 0)
        qCInfo(lcHop) << "resumed" << resumed << "queued message(s)";
    return quarantined;
}

void Dispatcher::purgeSent()
{
    m_spool->purgeSent(m_config.delivery.retentionDays);
}

void Dispatcher::setPurgeInterval(int milliseconds)
{
    m_purgeIntervalMs = qMax(1, milliseconds);
    if (m_purge && m_purge->isActive())
        m_purge->start(m_purgeIntervalMs);
}

bool Dispatcher::retryNow(const QString& id)
{
    Active* a = find(id);
    if (!a || a->entry.state != Spool::State::Approved)
        return false;
    if (a->retry)
        a->retry->stop();
    startDelivery(a);
    return true;
}

int Dispatcher::retryAll()
{
    int n = 0;
    for (Active* a : std::as_const(m_active)) {
        if (a->entry.state == Spool::State::Approved && a->retry && a->retry->isActive()) {
            startRetryTimer(a, 0);
            ++n;
        }
    }
    return n;
}

bool Dispatcher::release(const QString& id)
{
    if (find(id))
        return false;
    QStringList ignored;
    for (const Spool::Entry& entry : m_spool->load(&ignored)) {
        if (entry.id != id)
            continue;
        if (entry.state != Spool::State::Held && entry.state != Spool::State::Failed)
            return false;
        auto* a = new Active;
        a->entry = entry;
        a->entry.attempts = 0;
        m_active.insert(id, a);
        decide(a); // "send anyway" still goes through review
        return true;
    }
    return false;
}

bool Dispatcher::discard(const QString& id)
{
    if (Active* a = find(id)) {
        if (a->entry.state == Spool::State::Sending)
            return false;
        if (a->entry.state == Spool::State::Reviewing)
            m_decisions->withdraw(id, tr("The message was deleted from the queue."));
        answer(a, Smtp::Reply::make(550, u"5.7.1"_s, u"Deleted from the queue"_s));
        finish(a);
    }
    QString error;
    const bool removed = m_spool->remove(id, &error);
    if (removed)
        emit this->removed(id);
    return removed;
}

} // namespace Delivery
