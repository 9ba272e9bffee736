#include "mail/DomainNames.h"

#include <QSet>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Mail {

namespace {

// Second-level public suffixes common in the mail this tool sees. Without
// them "example.co.jp" would be read as the organisation "co.jp".
const QSet<QString>& secondLevelSuffixes()
{
    static const QSet<QString> suffixes{
        u"co.jp"_s,  u"ne.jp"_s,  u"or.jp"_s,  u"ac.jp"_s,  u"ad.jp"_s,  u"ed.jp"_s,  u"go.jp"_s,
        u"gr.jp"_s,  u"lg.jp"_s,  u"co.uk"_s,  u"org.uk"_s, u"ac.uk"_s,  u"gov.uk"_s, u"com.au"_s,
        u"net.au"_s, u"org.au"_s, u"co.kr"_s,  u"or.kr"_s,  u"com.cn"_s, u"net.cn"_s, u"org.cn"_s,
        u"com.tw"_s, u"org.tw"_s, u"com.hk"_s, u"com.sg"_s, u"co.nz"_s,  u"co.in"_s,  u"co.th"_s,
        u"com.br"_s, u"com.mx"_s, u"co.id"_s,  u"com.my"_s, u"com.ph"_s, u"com.vn"_s,
    };
    return suffixes;
}

} // namespace

QString DomainNames::domainOf(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString d = address.mid(at + 1).toLower();
    while (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    return d;
}

QString DomainNames::toAce(const QString& domain)
{
    if (domain.isEmpty())
        return {};
    bool ascii = true;
    for (const QChar c : domain) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return domain.toLower();
    const QByteArray ace = QUrl::toAce(domain);
    return ace.isEmpty() ? domain.toLower() : QString::fromLatin1(ace).toLower();
}

QString DomainNames::toUnicode(const QString& domain)
{
    const QString ace = toAce(domain);
    if (!ace.contains(u"xn--"_s))
        return ace;
    const QString u = QUrl::fromAce(ace.toLatin1(), QUrl::IgnoreIDNWhitelist);
    return u.isEmpty() ? ace : u.toLower();
}

QString DomainNames::addressKey(const QString& address)
{
    const QString a = address.trimmed();
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return a.toLower();
    return a.left(at).toLower() + QLatin1Char('@') + toAce(domainOf(a));
}

QString DomainNames::registrable(const QString& domain)
{
    const QStringList labels = domain.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return labels.join(QLatin1Char('.'));
    const QString lastTwo = labels.mid(labels.size() - 2).join(QLatin1Char('.'));
    // Beyond the list, "co.", "com." and their kind under a two-letter country
    // code are suffixes too: acme.co.jo is the organisation "acme" (and a
    // look-alike of acme.co.jp), not "co".
    static const QSet<QString> genericSecondLevel{u"co"_s,  u"or"_s,  u"ne"_s,  u"ac"_s, u"ad"_s,
                                                  u"ed"_s,  u"go"_s,  u"gr"_s,  u"lg"_s, u"com"_s,
                                                  u"net"_s, u"org"_s, u"gov"_s, u"edu"_s};
    const QString& tld = labels.constLast();
    const bool countryCode = tld.size() == 2 && tld.at(0).isLetter() && tld.at(1).isLetter();
    const qsizetype keep = secondLevelSuffixes().contains(lastTwo) ||
                                   (countryCode && genericSecondLevel.contains(labels.at(labels.size() - 2)))
                               ? 3
                               : 2;
    return labels.mid(labels.size() - keep).join(QLatin1Char('.'));
}

QString DomainNames::suffixOf(const QString& registrableDomain)
{
    const qsizetype dot = registrableDomain.indexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : registrableDomain.mid(dot + 1);
}

QString DomainNames::labelOf(const QString& registrableDomain)
{
    const qsizetype dot = registrableDomain.indexOf(QLatin1Char('.'));
    return dot < 0 ? registrableDomain : registrableDomain.left(dot);
}

} // namespace Mail
