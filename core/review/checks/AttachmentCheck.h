#pragma once

#include "review/checks/Check.h"

namespace Review {

// Lists the attachments; warns about programs, scripts, disguised and bidi-reversed names.
class AttachmentCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::AttachmentCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
