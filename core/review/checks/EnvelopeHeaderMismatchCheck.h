#pragma once

#include "review/checks/Check.h"

namespace Review {

// The envelope is the truth: hidden (Bcc) recipients, and header addresses that will not receive the message.
class EnvelopeHeaderMismatchCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::EnvelopeHeaderMismatchCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
