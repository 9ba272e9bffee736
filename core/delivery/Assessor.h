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

// One message as assessed: parsed once, reviewed once; later steps read this.
// Made again only when the bytes change (the addresses moved to Bcc).
struct Analysis
{
    Mime::MessageView view;
    Review::MessageReview review;
    ProtectionPlan protection; // S/MIME, as planned when the message was assessed
};

// Judges messages and nothing else: parses each one, plans its S/MIME and
// reviews it with the check policy and the recipient history. It writes no
// record (AuditRecorder does). A history that is not open is reported, and
// messages are still assessed (the checks that need history say they were
// skipped): mail is never blocked because the history is broken.
class Assessor
{
public:
    // history: what the checks know about earlier mail (not owned; may be null
    // or not open). protection may be null (no S/MIME).
    Assessor(const Settings::Config& config, Store::History* history, Protection* protection = nullptr);
    ~Assessor();
    Assessor(const Assessor&) = delete;
    Assessor& operator=(const Assessor&) = delete;

    // Settings errors and history problems, for the log and the user.
    QStringList problems() const { return m_problems; }
    Protection* protection() const { return m_protection; }

    // reviewOverride: pause protection replaces [policy] review for a while.
    Analysis assess(const Spool::Entry& entry, const QByteArray& content,
                    std::optional<Settings::ReviewPolicy> reviewOverride = std::nullopt) const;
    bool isBlockedRecipient(const QString& address, QString* reason) const;
    // How many messages assess() has parsed and reviewed: the log and tests
    // read it to see that a message is judged once.
    int assessments() const { return m_assessments; }

private:
    Review::CheckPolicy m_policy;
    Store::History* m_history = nullptr; // null when it could not be opened
    std::unique_ptr<Review::Reviewer> m_reviewer;
    QStringList m_problems;
    Protection* m_protection = nullptr;
    mutable int m_assessments = 0;
};

} // namespace Delivery
