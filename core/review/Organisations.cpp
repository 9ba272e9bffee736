#include "review/Organisations.h"

#include "mail/DomainNames.h"

using namespace Qt::StringLiterals;

namespace Review {

namespace {

QString registrableAce(const QString& domainOrAddress)
{
    const QString d = domainOrAddress.contains(QLatin1Char('@'))
                          ? Mail::DomainNames::domainOf(domainOrAddress)
                          : domainOrAddress.trimmed().toLower();
    return Mail::DomainNames::registrable(Mail::DomainNames::toAce(d));
}

// "sakura-tech" and "sakuratech" read as one name.
QString looseLabel(const QString& registrable)
{
    QString label = Mail::DomainNames::labelOf(registrable);
    label.remove(QLatin1Char('-'));
    return label;
}

} // namespace

Organisations::Organisations(const QList<QStringList>& groups,
                             const QHash<QString, QHash<QString, int>>& together)
{
    // Union of everything said to be one organisation; its name is the
    // alphabetically first member, so it does not depend on the order of input.
    QHash<QString, QString> parent;
    auto find = [&parent](QString d) {
        while (parent.contains(d) && parent.value(d) != d)
            d = parent.value(d);
        return d;
    };
    auto unite = [&](const QString& a, const QString& b) {
        const QString ra = find(a);
        const QString rb = find(b);
        if (ra == rb)
            return;
        parent.insert(ra, qMin(ra, rb));
        parent.insert(rb, qMin(ra, rb));
    };
    for (const QStringList& group : groups) {
        for (qsizetype i = 1; i < group.size(); ++i)
            unite(registrableAce(group.at(0)), registrableAce(group.at(i)));
    }
    for (auto it = together.constBegin(); it != together.constEnd(); ++it) {
        const QString a = registrableAce(it.key());
        for (auto jt = it->constBegin(); jt != it->constEnd(); ++jt) {
            const QString b = registrableAce(jt.key());
            if (a != b && jt.value() > 0 && !looseLabel(a).isEmpty() && looseLabel(a) == looseLabel(b))
                unite(a, b);
        }
    }
    for (auto it = parent.constBegin(); it != parent.constEnd(); ++it)
        m_canonical.insert(it.key(), find(it.key()));
}

QString Organisations::of(const QString& domainOrAddress) const
{
    const QString r = registrableAce(domainOrAddress);
    return m_canonical.value(r, r);
}

} // namespace Review
