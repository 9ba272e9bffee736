#pragma once

#include "delivery/Decision.h"
#include "settings/Config.h"
#include "smtp/Envelope.h"
#include "smtp/SubmitResult.h"
#include "spool/Entry.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Smtp {
class PendingReply;
}
namespace Spool {
class Queue;
}

namespace Delivery {

class Assessor;
class AuditRecorder;
class Transport;

// The hop: the road one message takes from the listener to the upstream,
// answering the mail client truthfully within the client-wait budget (DESIGN
// "The way a message travels", "Replies to the mail client"). In order:
//
//  1. received   submit(): the listener hands over envelope and bytes.
//  2. spooled    onStored(): on disk (fsync) before anything else; the
//                client-wait budget starts. A spool failure answers 451.
//  3. assessed   decide() -> assess(): parsed, S/MIME planned and reviewed,
//                once; the Analysis stays with the message in flight.
//  4. [reviewed] decide() asks the DecisionProvider when the verdict is
//                "review"; onDecision() takes the answer (send or cancel).
//  5. [replaced, Bcc moved -> re-assessed] replaceRecipients(): recipients
//                replaced at the review get their new address in To/Cc and
//                in the envelope; moveToBcc(): the addresses chosen at the
//                review (or by the policy) leave To/Cc. The new bytes are
//                spooled and assessed again.
//  6. protected  startDelivery(): Bcc fields out, S/MIME applied (the plan of
//                the assessment, made again only after a wait), handed to
//                the Transport.
//  7. delivered  onDelivered(): the upstream's answer; a temporary failure
//                goes to scheduleRetry() and back to 6.
//  8. concluded  delivered: the client hears 250, the audit record is
//                written. Every other ending (blocked, cancelled, Bcc move,
//                S/MIME refusal, permanent refusal...) goes through
//                conclude(): a waiting client is answered and keeps the
//                message, else it is kept as Held or Failed and the user told.
//
// Side roads: onBudgetExpired() (the client hears 250 queued and Yubisashi
// keeps the message), onClientGone() (never handed over: dropped), resume()
// (unfinished messages re-enter at 3, or at 6 when approved), shutdown().
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    // How a notice is shown: Error for what went wrong and needs the user, Info otherwise.
    enum class Notice
    {
        Info,
        Error
    };
    Q_ENUM(Notice)

    using TransportFactory = std::function<Transport*(const QString& account, QObject* parent)>;

    // assessor parses and reviews each message, audit records how each one
    // ended (neither owned).
    Dispatcher(const Settings::Config& config, Spool::Queue* spool, Assessor* assessor, AuditRecorder* audit,
               DecisionProvider* decisions, TransportFactory transports, QObject* parent = nullptr);
    ~Dispatcher() override;

    // Loads the spool and resumes every unfinished message. Returns the
    // descriptions of quarantined files. Also deletes sent messages older than
    // retention_days, now and then once a day for as long as the app runs.
    QStringList resume();
    // Seam for tests: how often sent messages are cleaned up (default: a day).
    void setPurgeInterval(int milliseconds);

    // A complete message from the listener. reply may be null (import, tests).
    void submit(const Smtp::Envelope& envelope, const QByteArray& content, const QString& account,
                Smtp::PendingReply* reply);

    // Queue actions (QueueWindow): deliver a held/failed message after a new
    // review, retry now, or delete.
    bool retryNow(const QString& id);
    // Every message waiting for a retry goes now (after a sign-in or a settings
    // change, or the network came back).
    int retryAll();
    bool release(const QString& id); // held/failed -> review again
    bool discard(const QString& id);
    // Messages in flight: being written to the spool, assessed, reviewed or delivered.
    int pendingCount() const { return int(m_active.size()) + m_storing; }
    // Pause protection (set by the app for a chosen time): this review policy
    // replaces the configured one for every decision taken from now on;
    // nullopt restores the configured policy. Reviews already open stay open.
    void setReviewOverride(std::optional<Settings::ReviewPolicy> policy) { m_reviewOverride = policy; }

    // Before the app exits: every message whose mail client is still waiting
    // for its answer (being written, assessed, reviewed or sent) is given up
    // here. The client never heard 250, so it keeps the message and sends it
    // again; keeping a copy too would send it twice. Everything else stays
    // queued for the next start.
    void shutdown();

signals:
    void stateChanged(const Spool::Entry& entry);
    // The message left the queue folder without being sent by Yubisashi: its
    // client took it back (cancelled, refused, gone) or it was deleted.
    void removed(const QString& id);
    // Something the user should know (held, failed, delivered after retry, spool problem).
    void notice(Delivery::Dispatcher::Notice kind, const QString& id, const QString& title,
                const QString& text);

private:
    struct Active;
    struct Storing;
    struct Ending;
    // The road, in order (see above).
    void onStored(const std::optional<Spool::Entry>& stored, const QString& error, const QByteArray& content,
                  const std::shared_ptr<Storing>& storing);
    void decide(Active* a);
    // Replaces the message's Analysis: at decide(), after a rewrite, or once after a resume.
    void assess(Active* a, std::optional<Settings::ReviewPolicy> reviewOverride);
    void onDecision(const QString& id, const Decision& decision);
    // Takes the addresses out of To/Cc (they stay recipients: Bcc) and keeps the
    // rewritten message in the spool; false when that failed and the message was
    // concluded instead.
    bool moveToBcc(Active* a, const QStringList& addresses);
    // Writes each replaced recipient's new mailbox into To/Cc and its new
    // address into the envelope, both in the spool before anything leaves,
    // and assesses the new message; false when that failed and the message
    // was concluded instead (held, never sent to the old address).
    bool replaceRecipients(Active* a, const QList<Replacement>& replacements);
    void startDelivery(Active* a);
    void onDelivered(const QString& id, const Smtp::SubmitResult& result);
    // Every ending but delivery and a vanished client: while the mail client
    // waits and the reply refuses, the client keeps the message and the spool
    // copy goes; otherwise (or after a 250) Yubisashi keeps it as Held or
    // Failed and tells the user. Then the message is finished.
    void conclude(Active* a, const Ending& ending);
    void scheduleRetry(Active* a, const QString& error);
    // The one place that makes and starts a message's retry timer, which starts delivery again.
    void startRetryTimer(Active* a, qint64 milliseconds);

    void onBudgetExpired(const QString& id);
    void onClientGone(const QString& id);
    void answer(Active* a, const Smtp::Reply& reply);
    void setState(Active* a, Spool::State state, const QString& error = {});
    void purgeSent();              // sent messages older than retention_days
    void finish(Active* a);        // forgets the in-memory record
    void dropFromSpool(Active* a); // deletes its files and says so (removed())
    bool loadContent(Active* a);   // concluded (Failed) when the queued copy cannot be read
    Active* find(const QString& id) const;
    bool clientWaits(const Active* a) const;

    Settings::Config m_config;
    Spool::Queue* m_spool = nullptr;
    Assessor* m_assessor = nullptr;
    AuditRecorder* m_audit = nullptr;
    DecisionProvider* m_decisions = nullptr;
    TransportFactory m_transports;
    QHash<QString, Active*> m_active;
    std::optional<Settings::ReviewPolicy> m_reviewOverride; // pause protection
    QThreadPool m_storePool;                                // writes new messages to the spool
    int m_storing = 0;                                      // messages m_storePool is writing
    bool m_shuttingDown = false;
    QTimer* m_purge = nullptr; // the daily clean-up, started by resume()
    int m_purgeIntervalMs = 24 * 3600 * 1000;
};

} // namespace Delivery
