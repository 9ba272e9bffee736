#pragma once

#include "review/Review.h"
#include "review/checks/CheckContext.h"
#include "review/checks/CheckInfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace Review {

// One check: its identity (CheckInfo: the stable code for settings keys, JSON
// and the audit log, its texts, its default action) and the findings it makes
// for a message. Checks are stateless; policy (off, show, confirm,
// block) is applied by the Reviewer, not by the check.
//
// Severity is the check's own judgement: Info for facts (an attachment list,
// a Bcc recipient), Warn for something that may be a mistake. Policy escalates
// only Warn findings; facts are always just shown.
class Check
{
public:
    virtual ~Check() = default;
    // The check's static info(): every check declares its identity once.
    virtual const CheckInfo& checkInfo() const = 0;
    QString code() const { return checkInfo().code; }
    // The check reads the recipient history; with the history unavailable it is
    // skipped and the review says so once.
    virtual bool needsHistory() const { return false; }
    virtual QList<Finding> run(const CheckContext& context) const = 0;

protected:
    // "a, b, c and 4 more": long lists stay one readable sentence.
    static QString joined(const QStringList& items, int max = 5)
    {
        if (items.size() <= max)
            return items.join(QStringLiteral(", "));
        return QCoreApplication::translate("Review::Check", "%1 and %n more", nullptr,
                                           int(items.size() - max))
            .arg(items.mid(0, max).join(QStringLiteral(", ")));
    }

    // The outside recipients for whom `isNew` holds: their addresses, and
    // their domains once each, in the order the message names them.
    struct Outsiders
    {
        QStringList domains;
        QStringList addresses;
    };
    static Outsiders outsiders(const CheckContext& context,
                               const std::function<bool(const Recipient&)>& isNew)
    {
        Outsiders o;
        for (const Recipient& r : context.recipients) {
            if (r.internal || !isNew(r))
                continue;
            if (!o.domains.contains(r.domain))
                o.domains << r.domain;
            o.addresses << r.address;
        }
        return o;
    }

    Finding finding(Severity severity, const QString& message, const QStringList& recipients = {},
                    const QStringList& attachments = {}) const
    {
        Finding f;
        f.code = code();
        f.severity = severity;
        f.message = message;
        f.recipients = recipients;
        f.attachments = attachments;
        return f;
    }
};

} // namespace Review
