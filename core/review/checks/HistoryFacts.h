#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Review {

// What the history knows about one message's recipients, fetched in a few
// batched queries before the checks run. Keys are Mail::DomainNames::addressKey()
// and ACE domains. The checks read only this, so they can be tested with
// hand-made facts and never touch SQL.
struct HistoryFacts
{
    QSet<QString> knownAddresses;                // of this message's recipients, those sent to before
    QSet<QString> knownDomains;                  // of this message's domains, those sent to before
    QStringList allDomains;                      // every domain ever sent to (look-alike reference)
    QHash<QString, QStringList> namesByAddress;  // address -> display names used with it before
    QHash<QString, QStringList> addressesByName; // name key -> addresses it was used with before
    bool threadKnown = false;                    // In-Reply-To/References name a message in the history
    QSet<QString> threadDomains;                 // domains that thread was sent to
    QHash<QByteArray, QSet<QString>> attachmentDomains; // sha256 -> domains the file went to before

    // Relationships: who is written to together.
    struct Use
    {
        int count = 0;       // messages sent to the address
        qint64 lastSent = 0; // seconds since the epoch
    };
    QHash<QString, Use> usage; // of this message's recipients and of the neighbours below
    // address -> other address -> messages sent to both; for every recipient
    // of this message, and for each neighbour its count with those recipients.
    QHash<QString, QHash<QString, int>> together;
    // The people most often written to with this message's recipients but not
    // in it (the likely "meant" addresses) -> display names used with them.
    QHash<QString, QStringList> neighbourNames;
    // domain of this message -> domain -> messages sent to both.
    QHash<QString, QHash<QString, int>> domainsTogether;
};

} // namespace Review
