#pragma once

#include "review/checks/Check.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <memory>
#include <vector>

namespace Review {

// Domains that look like an internal or known domain but are not: one letter off,
// look-alike letters (also hidden in punycode), or the same name under another suffix.
class LookAlikeDomainCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::LookAlikeDomainCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;

    LookAlikeDomainCheck();
    ~LookAlikeDomainCheck() override;
    struct Name;

private:
    struct Index
    {
        QStringList internal;
        QStringList known;
        QStringList history; // shared with the History's cached list: identity means "unchanged"
        QSet<QString> aces;
        std::vector<Name> references;
        QHash<QString, QList<int>> bySkeleton;
    };
    std::shared_ptr<const Index> indexFor(const CheckContext& context) const;

    mutable QMutex m_mutex;
    mutable std::shared_ptr<const Index> m_index;
};

} // namespace Review
