#pragma once

#include "delivery/Protection.h"
#include "mime/MessageView.h"
#include "review/CheckPolicy.h"
#include "review/Review.h"
#include "settings/Config.h"
#include "spool/Entry.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Review {
class Reviewer;
}
namespace Store {
class History;
}

namespace Delivery {

// One message as judged: parsed once, reviewed once; later steps read this.
struct Analysis
{
    Mime::MessageView view;
    Review::MessageReview review;
    ProtectionPlan protection; // S/MIME, as planned when the message was judged
};

// Owns what judging needs: the check policy, the recipient history and the
// Reviewer. A history that cannot be opened is reported, and messages are
// still judged (the checks that need history say they were skipped): mail is
// never blocked because the history is broken.
class Judge
{
public:
    // historyPath: the SQLite file, or ":memory:". protection may be null (no S/MIME).
    Judge(const Settings::Config& config, const QString& historyPath, Protection* protection = nullptr);
    ~Judge();
    Judge(const Judge&) = delete;
    Judge& operator=(const Judge&) = delete;

    // Settings errors and history problems found while opening, for the log and the user.
    QStringList problems() const { return m_problems; }
    Store::History* history() const;
    Protection* protection() const { return m_protection; }

    // reviewOverride: pause protection replaces [policy] review for a while.
    Analysis analyse(const Spool::Entry& entry, const QByteArray& content,
                     std::optional<Settings::ReviewPolicy> reviewOverride = std::nullopt) const;
    bool isBlockedRecipient(const QString& address, QString* reason) const;

    // The audit record (and, when delivered, what the history learns).
    void recordDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                         bool isSigned, const QString& upstreamReply);
    void recordNotDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                            const QString& reply);

private:
    Review::CheckPolicy m_policy;
    std::unique_ptr<Store::History> m_history;
    std::unique_ptr<Review::Reviewer> m_reviewer;
    QStringList m_problems;
    Protection* m_protection = nullptr;
};

} // namespace Delivery
