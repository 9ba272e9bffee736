#pragma once

#include "smtp/SubmitResult.h"
#include "spool/Entry.h"

#include <QByteArray>
#include <QObject>

namespace Delivery {

// Where an approved message goes: the account's upstream server, or the
// test-mode folder. One delivery at a time per Transport object.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void deliver(const Spool::Entry& entry, const QByteArray& content) = 0;
    // Stops a delivery whose final "." has not gone out; finished() follows.
    virtual void abort() = 0;

signals:
    void finished(const Smtp::SubmitResult& result);
};

} // namespace Delivery
