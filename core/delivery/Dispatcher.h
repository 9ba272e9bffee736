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
class Spool;
}

namespace Delivery {

class Assessor;
class AuditRecorder;
class Transport;

// The hop: takes a message from the listener, makes it durable, asks for a
// decision when the policy wants one, delivers it, and answers the mail client
// truthfully within the client-wait budget (DESIGN "Replies to the mail client").
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
    Dispatcher(const Settings::Config& config, Spool::Spool* spool, Assessor* assessor, AuditRecorder* audit,
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
    // Temporarily let everything that needs a review wait in the queue.
    // Messages in flight: being written to the spool, judged, reviewed or delivered.
    int pendingCount() const { return int(m_active.size()) + m_storing; }
    // Pause protection (set by the app for a chosen time): this review policy
    // replaces the configured one for every decision taken from now on;
    // nullopt restores the configured policy. Reviews already open stay open.
    void setReviewOverride(std::optional<Settings::ReviewPolicy> policy) { m_reviewOverride = policy; }

    // Before the app exits: every message whose mail client is still waiting
    // for its answer (being written, judged, reviewed or sent) is given up
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
    void onStored(const std::optional<Spool::Entry>& stored, const QString& error, const QByteArray& content,
                  const std::shared_ptr<Storing>& storing);
    void decide(Active* a);
    void onDecision(const QString& id, const Decision& decision);
    void startDelivery(Active* a);
    // Takes the addresses out of To/Cc (they stay recipients: Bcc) and keeps the
    // rewritten message in the spool; false when that failed and the message was
    // answered or held instead.
    bool moveToBcc(Active* a, const QStringList& addresses);
    void onDelivered(const QString& id, const Smtp::SubmitResult& result);
    void onBudgetExpired(const QString& id);
    void onClientGone(const QString& id);
    void answer(Active* a, const Smtp::Reply& reply);
    void setState(Active* a, Spool::State state, const QString& error = {});
    void scheduleRetry(Active* a, const QString& error);
    void purgeSent();              // sent messages older than retention_days
    void finish(Active* a);        // forgets the in-memory record
    void dropFromSpool(Active* a); // deletes its files and says so (removed())
    bool loadContent(Active* a);
    Active* find(const QString& id) const;
    bool clientWaits(const Active* a) const;

    Settings::Config m_config;
    Spool::Spool* m_spool = nullptr;
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
