#include "review/Assessment.h"

#include "review/DomainNames.h"

#include <QCoreApplication>

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
            m_suffixes << QLatin1Char('.') + DomainNames::toAce(p.mid(2)); // ".example.co.jp"
        else if (p.startsWith(QLatin1Char('@')))
            m_exact << DomainNames::toAce(p.mid(1));
        else
            m_exact << DomainNames::toAce(p);
    }
}

QString DomainMatcher::domainOf(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

bool DomainMatcher::isInternal(const QString& address) const
{
    return matchesDomain(domainOf(address));
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
    const QString domain = DomainNames::toAce(name);
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

Assessment Assessment::of(const Settings::Policy& policy, const Smtp::Envelope& envelope)
{
    Assessment a;
    const DomainMatcher matcher(policy.internalDomains);
    for (const QString& rcpt : envelope.recipients) {
        if (!matcher.isInternal(rcpt))
            a.externalRecipients << rcpt;
    }
    switch (policy.review) {
    case Settings::ReviewPolicy::Never:
        a.verdict = Verdict::Pass;
        break;
    case Settings::ReviewPolicy::Always:
        a.verdict = Verdict::Review;
        a.reasons << QCoreApplication::translate("Review::Assessment",
                                                 "Every message is reviewed before it leaves.");
        break;
    case Settings::ReviewPolicy::External:
        a.verdict = a.externalRecipients.isEmpty() ? Verdict::Pass : Verdict::Review;
        if (!a.externalRecipients.isEmpty()) {
            a.reasons << QCoreApplication::translate("Review::Assessment",
                                                     "%n recipient(s) outside your organisation.", nullptr,
                                                     int(a.externalRecipients.size()));
        }
        break;
    }
    return a;
}

} // namespace Review
