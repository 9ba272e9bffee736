#pragma once

#include "review/checks/Check.h"

namespace Review {

// A known recipient who does not belong with the others: written to before,
// but never (or rarely) with these co-recipients, above all when someone with
// a similar name or address usually is with them. That is autocomplete picking
// 田中 健二 at another company instead of 田中 健, or a reply in one customer's
// thread adding someone from another customer: every address is known, so
// the first-time and look-alike checks stay silent.
class UnusualRecipientCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::UnusualRecipientCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    bool needsHistory() const override { return true; }
    QList<Finding> run(const CheckContext& context) const override;

    // Whether two people may be confused: the same surname or given name in
    // their display names, or nearly the same local part. Public for tests.
    static bool similar(const QStringList& namesA, const QString& addressA, const QStringList& namesB,
                        const QString& addressB);
};

} // namespace Review
