#pragma once

#include "review/checks/Check.h"

namespace Review {

// Many external addresses in To/Cc can all see each other: a privacy leak Bcc avoids.
class ManyExternalVisibleCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::ManyExternalVisibleCheck)

public:
    QString code() const override { return QStringLiteral("many-external-visible"); }
    QList<Finding> run(const CheckContext& context) const override;
};

} // namespace Review
