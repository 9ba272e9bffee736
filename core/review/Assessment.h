#pragma once

#include "settings/Config.h"
#include "smtp/Envelope.h"

#include <QString>
#include <QStringList>

namespace Review {

enum class Verdict
{
    Pass,
    Review,
    Block
};

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
    static QString domainOf(const QString& address);

private:
    QStringList m_exact;
    QStringList m_suffixes;
};

// The policy's verdict on an envelope, with the reasons in plain language.
struct Assessment
{
    Verdict verdict = Verdict::Review;
    QStringList reasons;
    QStringList externalRecipients;

    static Assessment of(const Settings::Policy& policy, const Smtp::Envelope& envelope);
};

} // namespace Review
