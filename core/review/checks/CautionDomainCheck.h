#pragma once

#include "review/checks/Check.h"

namespace Review {

// Recipients in domains the organisation wants checked twice ([policy] caution_domains).
class CautionDomainCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::CautionDomainCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
