#pragma once

#include "review/checks/Check.h"

namespace Review {

// Recipients in domains the organisation forbids ([policy] blocked_domains).
class BlockedDomainCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::BlockedDomainCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
