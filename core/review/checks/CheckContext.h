#pragma once

#include "mime/MessageView.h"
#include "review/CheckPolicy.h"
#include "review/DomainMatcher.h"
#include "review/Review.h"
#include "review/checks/HistoryFacts.h"
#include "smtp/Envelope.h"

namespace Review {

// Everything a check may read. The Reviewer fills it once per message.
struct CheckContext
{
    const Mime::MessageView& view;
    const Smtp::Envelope& envelope;
    const QList<Recipient>& recipients; // every envelope recipient, with field, name, domain, internal
    const QList<Address>& notReceiving; // in To/Cc but not in the envelope
    const CheckPolicy& policy;
    const DomainMatcher& internal;
    const HistoryFacts* history = nullptr; // null: the history could not be read
    // Seam for the S/MIME module: the account wants a signature and has no
    // valid certificate for the From address; the reason says why.
    bool signingWithoutCertificate = false;
    QString certificateProblem;
};

} // namespace Review
