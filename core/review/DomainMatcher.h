#pragma once

#include <QString>
#include <QStringList>

namespace Review {

// Matches addresses against the internal-domain patterns of the policy:
// "example.co.jp" matches that domain, "*.example.co.jp" any subdomain of it.
class DomainMatcher
{
public:
    explicit DomainMatcher(const QStringList& patterns);
    bool isInternal(const QString& address) const;
    // The same test for a bare domain (Unicode or punycode).
    bool matchesDomain(const QString& domain) const;
    // The domains the patterns name, without "*.": the reference set for look-alikes.
    QStringList baseDomains() const;
    bool isEmpty() const { return m_exact.isEmpty() && m_suffixes.isEmpty(); }

private:
    QStringList m_exact;
    QStringList m_suffixes;
};

} // namespace Review
