#pragma once

#include "mime/MessageView.h"
#include "review/CheckPolicy.h"
#include "review/DomainMatcher.h"
#include "review/HistoryQuery.h"
#include "review/Review.h"
#include "review/checks/Check.h"
#include "smtp/Envelope.h"

#include <QCoreApplication>
#include <memory>
#include <vector>

namespace Review {

// Judges one message: runs every check the policy enables against the parsed
// message, the envelope and the recipient history, applies the policy to
// the findings and decides the verdict.
//
// Policy per check: off (not run), show, confirm (its warnings need their
// own acknowledgement), block (its warnings block). Verdict: block if any
// finding blocks; else review if [policy] review says so (always; external:
// any external recipient) or any finding needs acknowledgement; else pass.
class Reviewer
{
    Q_DECLARE_TR_FUNCTIONS(Review::Reviewer)

public:
    // What the caller knows besides the message: the S/MIME plan's word on
    // the sender's certificate (Delivery::Assessor plans it before the review).
    struct Inputs
    {
        QString account;
        bool signingWithoutCertificate = false; // sign wanted, no valid certificate for From
        QString certificateProblem;             // why, in plain language
    };

    // history may be null (no history): checks that need it are skipped and
    // the review says so. The Reviewer does not own it.
    explicit Reviewer(CheckPolicy policy, HistoryQuery* history = nullptr);
    ~Reviewer();

    MessageReview review(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                         const Inputs& inputs) const;
    MessageReview review(const Mime::MessageView& view, const Smtp::Envelope& envelope) const
    {
        return review(view, envelope, Inputs());
    }

    // For the listener at RCPT time: a recipient in a blocked domain when the
    // blocked-domain check blocks. reason gets a sentence for the 550 reply.
    bool isBlockedRecipient(const QString& address, QString* reason) const;

    const CheckPolicy& policy() const { return m_policy; }

    // The recipients as they really are: every envelope recipient, with its
    // field from the headers (Bcc when absent from To/Cc), name, Unicode
    // domain and internal flag; and the To/Cc addresses missing from the envelope.
    static QList<Recipient> recipientsOf(const Mime::MessageView& view, const Smtp::Envelope& envelope,
                                         const DomainMatcher& internal, QList<Address>* notReceiving);

private:
    HistoryFacts factsFor(const Mime::MessageView& view, const QList<Recipient>& recipients, bool* ok,
                          QString* problem) const;

    CheckPolicy m_policy;
    DomainMatcher m_internal;
    DomainMatcher m_blocked;
    HistoryQuery* m_history;
    std::vector<std::unique_ptr<Check>> m_checks;
};

} // namespace Review
