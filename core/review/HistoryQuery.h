#pragma once

#include "review/checks/HistoryFacts.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Review {

// What the Reviewer asks the recipient history about one message, in the
// key forms HistoryFacts uses.
struct HistoryQuestion
{
    QStringList addressKeys;            // Mail::DomainNames::addressKey() of every recipient
    QStringList domains;                // their lower-case ACE domains
    QStringList nameKeys;               // Mail::PersonNames::key() of their display names
    QStringList threadIds;              // In-Reply-To and References; empty: not a reply
    QList<QByteArray> attachmentHashes; // sha256 of each attachment
};

// The review's view of the recipient history. The review asks through this
// and never knows where the answers are kept (Store::History implements it
// over SQLite; tests may answer with hand-made facts).
class HistoryQuery
{
public:
    virtual ~HistoryQuery() = default;

    // Answers the whole question in a few batched lookups. Returns false when
    // the history cannot be used (not open, a read failed); problem then says
    // why in plain language and out is left empty.
    virtual bool facts(const HistoryQuestion& question, HistoryFacts* out, QString* problem) = 0;
};

} // namespace Review
