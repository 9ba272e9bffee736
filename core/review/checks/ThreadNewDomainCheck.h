#pragma once

#include "review/checks/Check.h"

namespace Review {

// A reply to a known conversation that brings in a domain the conversation never had.
class ThreadNewDomainCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::ThreadNewDomainCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    bool needsHistory() const override { return true; }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
