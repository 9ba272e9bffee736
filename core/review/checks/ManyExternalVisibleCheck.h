#pragma once

#include "review/checks/Check.h"

namespace Review {

// Many external addresses in To/Cc can all see each other: a privacy leak Bcc avoids.
class ManyExternalVisibleCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::ManyExternalVisibleCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
