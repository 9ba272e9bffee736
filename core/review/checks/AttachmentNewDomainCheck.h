#pragma once

#include "review/checks/Check.h"

namespace Review {

// A file (by SHA-256) sent before to one organisation now going to another.
class AttachmentNewDomainCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::AttachmentNewDomainCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    bool needsHistory() const override { return true; }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
