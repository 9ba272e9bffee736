#pragma once

#include "review/checks/Check.h"

namespace Review {

// A display name used before with another address, or an address that had another name.
class NameAddressMismatchCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::NameAddressMismatchCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    bool needsHistory() const override { return true; }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
