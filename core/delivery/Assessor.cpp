#include "delivery/Assessor.h"

#include "review/Reviewer.h"
#include "store/History.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAssessor, "review")

namespace Delivery {

Assessor::Assessor(const Settings::Config& config, Store::History* history, Protection* protection)
    : m_protection(protection)
{
    // The checks' keys as the administrator's policy file leaves them.
    m_policy = Review::CheckPolicy::fromConfig(config, &m_problems);
    if (history && !history->isOpen()) {
        m_problems << history->errorString();
        qCWarning(lcAssessor).noquote() << "history unavailable:" << history->errorString();
    }
    m_history = history && history->isOpen() ? history : nullptr;
    m_reviewer = std::make_unique<Review::Reviewer>(m_policy, m_history);
}

Assessor::~Assessor() = default;

Analysis Assessor::assess(const Spool::Entry& entry, const QByteArray& content,
                          std::optional<Settings::ReviewPolicy> reviewOverride) const
{
    ++m_assessments;
    Analysis a;
    a.view = Mime::MessageView::parse(content);
    Review::Reviewer::Inputs inputs;
    inputs.account = entry.account;
    if (m_protection) {
        a.protection = m_protection->plan(entry, content, a.view);
        if (a.protection.action == ProtectionPlan::Action::Refuse && a.protection.signingProblem) {
            inputs.signingWithoutCertificate = true;
            inputs.certificateProblem = a.protection.reason;
        }
    }
    if (reviewOverride && *reviewOverride != m_policy.policy.review) {
        Review::CheckPolicy paused = m_policy;
        paused.policy.review = *reviewOverride;
        const Review::Reviewer reviewer(paused, m_history);
        a.review = reviewer.review(a.view, entry.envelope, inputs);
    } else {
        a.review = m_reviewer->review(a.view, entry.envelope, inputs);
    }
    a.review.willSign = a.protection.willSign();
    return a;
}

bool Assessor::isBlockedRecipient(const QString& address, QString* reason) const
{
    return m_reviewer->isBlockedRecipient(address, reason);
}

} // namespace Delivery
