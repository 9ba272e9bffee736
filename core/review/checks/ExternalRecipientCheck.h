#pragma once

#include "review/checks/Check.h"

namespace Review {

// Lists every recipient outside the internal domains.
class ExternalRecipientCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::ExternalRecipientCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
