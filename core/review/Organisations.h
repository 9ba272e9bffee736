#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Review {

// Which domains belong to one organisation: the administrator's groups
// ([policy] same_organisation=acme.co.jp acme.com) and what the history shows
// (two domains with the same name under different endings, written to in the
// same messages, such as acme.co.jp and acme.com). Everything else is one
// organisation per registrable domain (mail.acme.co.jp is acme.co.jp).
class Organisations
{
public:
    // groups: the administrator's lists, any spelling; together: for a domain,
    // the domains written to in the same messages and how often (ACE forms).
    Organisations(const QList<QStringList>& groups, const QHash<QString, QHash<QString, int>>& together = {});

    // A stable name of the organisation of a domain or address (Unicode or ACE).
    QString of(const QString& domainOrAddress) const;
    bool same(const QString& a, const QString& b) const { return of(a) == of(b); }

private:
    QHash<QString, QString> m_canonical; // registrable ACE -> organisation name
};

} // namespace Review
