#include "review/DomainMatcher.h"

#include "mail/DomainNames.h"

namespace Review {

DomainMatcher::DomainMatcher(const QStringList& patterns)
{
    // Patterns and domains are compared in their ASCII (punycode) form, so an
    // internal domain written in Unicode matches mail that carries punycode.
    for (QString p : patterns) {
        p = p.trimmed().toLower();
        if (p.isEmpty())
            continue;
        if (p.startsWith(QLatin1String("*.")))
            m_suffixes << QLatin1Char('.') + Mail::DomainNames::toAce(p.mid(2)); // ".example.co.jp"
        else if (p.startsWith(QLatin1Char('@')))
            m_exact << Mail::DomainNames::toAce(p.mid(1));
        else
            m_exact << Mail::DomainNames::toAce(p);
    }
}

bool DomainMatcher::isInternal(const QString& address) const
{
    return matchesDomain(Mail::DomainNames::domainOf(address));
}

QStringList DomainMatcher::baseDomains() const
{
    QStringList out = m_exact;
    for (const QString& suffix : m_suffixes)
        out << suffix.mid(1);
    out.removeDuplicates();
    return out;
}

bool DomainMatcher::matchesDomain(const QString& name) const
{
    const QString domain = Mail::DomainNames::toAce(name);
    if (domain.isEmpty())
        return false;
    if (m_exact.contains(domain))
        return true;
    for (const QString& suffix : m_suffixes) {
        if (domain.endsWith(suffix))
            return true;
    }
    return false;
}

} // namespace Review
