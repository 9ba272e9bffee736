#pragma once

#include "smtp/Envelope.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Spool {

// received -> reviewing -> approved -> sending -> sent | held | failed
enum class State
{
    Received,
    Reviewing,
    Approved,
    Sending,
    Sent,
    Held,
    Failed
};

QString stateName(State state); // "received", "reviewing", ... (stable: stored in ID.env)
bool stateFromName(const QString& name, State* state);

// The envelope file (ID.env) of one spooled message.
struct Entry
{
    QString id;      // file-name safe, unique, sortable by arrival
    QString account; // local AUTH user name = account key ("" in test mode without auth)
    Smtp::Envelope envelope;
    State state = State::Received;
    int attempts = 0;
    QString lastError;     // plain text for the user, with the upstream reply when there is one
    QDateTime received;    // UTC
    QDateTime updated;     // UTC
    QDateTime nextAttempt; // UTC; null = now
    qint64 size = 0;       // bytes of ID.eml
    // While the content is being replaced: its size before (-1 otherwise). A
    // crash in between leaves either size on disk, and both are valid.
    qint64 previousSize = -1;
    // While the content and the recipients are replaced together (a recipient
    // replaced at the review): the recipients before, and the SHA-256 (hex) of
    // the new content, which tells the new bytes from the old ones when both
    // have the same size. Empty otherwise.
    QStringList previousRecipients;
    QString replacingSha256;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, Entry* entry, QString* error);
};

} // namespace Spool

Q_DECLARE_METATYPE(Spool::Entry)
