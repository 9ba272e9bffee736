#pragma once

#include "review/checks/Check.h"

namespace Review {

// External recipients this person has never written to.
class FirstTimeRecipientCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::FirstTimeRecipientCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    bool needsHistory() const override { return true; }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
