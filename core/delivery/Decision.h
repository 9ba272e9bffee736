#pragma once

#include "review/Review.h"
#include "smtp/Envelope.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Delivery {

// "Probably meant": a recipient replaced at the review by another mailbox.
struct Replacement
{
    QString address;    // the recipient as the review showed it (envelope and To/Cc)
    QString newAddress; // who receives the message instead
    QString newName;    // the display name written in To/Cc
    bool operator==(const Replacement& o) const
    {
        return address == o.address && newAddress == o.newAddress && newName == o.newName;
    }
};

struct Decision
{
    enum class Kind
    {
        Send,
        Cancel
    };
    Kind kind = Kind::Cancel;
    QString reason; // for Cancel: told to the mail client when it still waits
    // For Send: addresses in To/Cc to move to Bcc (the offer of many-external-visible taken).
    QStringList toBcc;
    // For Send: recipients replaced by another address, in the header and the
    // envelope, before anything else is done (unusual-recipient's suggestion taken).
    QList<Replacement> replacements;

    static Decision send(const QStringList& toBcc = {}) { return {Kind::Send, {}, toBcc, {}}; }
    static Decision send(const QStringList& toBcc, const QList<Replacement>& replacements)
    {
        return {Kind::Send, {}, toBcc, replacements};
    }
    static Decision cancel(const QString& reason) { return {Kind::Cancel, reason, {}, {}}; }
};

// What the person is asked to confirm.
struct ReviewRequest
{
    QString id; // spool id
    QString account;
    Smtp::Envelope envelope;
    QStringList reasons;          // why the policy wants a review (plain language)
    Review::MessageReview review; // what the review window shows
};

// Answers review requests: the ReviewDialog in the app, a scripted provider in
// tests. decided() may come at any time, also after the client stopped waiting.
class DecisionProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void requestDecision(const ReviewRequest& request) = 0;
    // The message is gone (client disconnected before its reply): close its review.
    virtual void withdraw(const QString& id, const QString& note) = 0;
    // The client-wait budget ran out: the client heard "250 queued"; the review stays open.
    virtual void clientReleased(const QString& id) { Q_UNUSED(id) }

signals:
    void decided(const QString& id, const Delivery::Decision& decision);
};

} // namespace Delivery

Q_DECLARE_METATYPE(Delivery::Decision)
