#pragma once

#include "review/checks/Check.h"

#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

namespace Review {

// Every check, in the order their findings are listed.
class CheckRegistry
{
public:
    static std::vector<std::unique_ptr<Check>> createAll();
    // Every check's identity, in the same order.
    static QList<const CheckInfo*> infos();
    static QStringList codes();
    // The check with this code; null for a code no check has.
    static const CheckInfo* info(const QString& code);
};

} // namespace Review
