#pragma once

#include "review/checks/Check.h"

namespace Review {

// Signing is wanted but there is no valid certificate for the From address (set by the caller).
class SenderCertificateCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::SenderCertificateCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
