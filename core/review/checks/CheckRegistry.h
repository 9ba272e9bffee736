#pragma once

#include "review/checks/Check.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace Review {

// Every check, in the order their findings are listed.
class CheckRegistry
{
public:
    static std::vector<std::unique_ptr<Check>> createAll();
    static QStringList codes();
};

} // namespace Review
