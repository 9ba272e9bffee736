#pragma once

#include "review/checks/Check.h"

namespace Review {

// Words such as 社外秘 or confidential in the subject, the body or attachment names.
class KeywordCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::KeywordCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
