#include "delivery/Judge.h"

#include "review/Reviewer.h"
#include "store/History.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJudge, "review")

namespace Delivery {

Judge::Judge(const Settings::Config& config, const QString& historyPath, Protection* protection)
    : m_protection(protection)
{
    // The checks' keys as the administrator's policy file leaves them.
    m_policy = Review::CheckPolicy::fromConfig(config);
    m_history = std::make_unique<Store::History>(historyPath);
    if (!m_history->open()) {
        m_problems << m_history->errorString();
        qCWarning(lcJudge).noquote() << "history unavailable:" << m_history->errorString();
    }
    m_reviewer =
        std::make_unique<Review::Reviewer>(m_policy, m_history->isOpen() ? m_history.get() : nullptr);
}

Judge::~Judge() = default;

Store::History* Judge::history() const
{
    return m_history->isOpen() ? m_history.get() : nullptr;
}

Analysis Judge::analyse(const Spool::Entry& entry, const QByteArray& content,
                        std::optional<Settings::ReviewPolicy> reviewOverride) const
{
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
        const Review::Reviewer reviewer(paused, history());
        a.review = reviewer.review(a.view, entry.envelope, inputs);
    } else {
        a.review = m_reviewer->review(a.view, entry.envelope, inputs);
    }
    a.review.willSign = a.protection.willSign();
    return a;
}

bool Judge::isBlockedRecipient(const QString& address, QString* reason) const
{
    return m_reviewer->isBlockedRecipient(address, reason);
}

void Judge::recordDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                            bool isSigned, const QString& upstreamReply)
{
    if (Store::History* h = history()) {
        if (!h->recordDelivered(analysis.view, entry.envelope, entry.account, analysis.review, decision,
                                isSigned, upstreamReply))
            qCWarning(lcJudge).noquote() << entry.id << "history not updated:" << h->errorString();
    }
}

void Judge::recordNotDelivered(const Analysis& analysis, const Spool::Entry& entry, const QString& decision,
                               const QString& reply)
{
    if (Store::History* h = history()) {
        if (!h->recordNotDelivered(analysis.view, entry.envelope, entry.account, analysis.review, decision,
                                   reply))
            qCWarning(lcJudge).noquote() << entry.id << "audit record not written:" << h->errorString();
    }
}

} // namespace Delivery
