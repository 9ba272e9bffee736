#include "review/checks/UnusualRecipientCheck.h"

#include "mail/DomainNames.h"
#include "mail/PersonNames.h"
#include "review/Organisations.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Review {

const CheckInfo& UnusualRecipientCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("unusual-recipient"),
        QT_TRANSLATE_NOOP("Checks", "A known recipient who is not usually with the others"),
        QT_TRANSLATE_NOOP("Checks", "Not usual here"),
        QT_TRANSLATE_NOOP("Checks",
                          "Speaks up when someone you know was never written to together with the other "
                          "recipients, above all when a person with a similar name usually is."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

namespace {

// How often an address was written to together with a set of people:
// with how many of them (support) and in how many messages in all (total).
struct Together
{
    int support = 0;
    int total = 0;
};

Together togetherWith(const HistoryFacts& h, const QString& address, const QStringList& people)
{
    // The history answers for the message's recipients (people): read from
    // their side, so the address may be anyone they were written to with.
    Together t;
    for (const QString& p : people) {
        const int n = h.together.value(p).value(address);
        if (n > 0) {
            ++t.support;
            t.total += n;
        }
    }
    return t;
}

// The local part's words: "ken.tanaka" -> {ken, tanaka}.
QStringList localWords(const QString& address)
{
    const QString local = address.left(address.lastIndexOf(QLatin1Char('@'))).toLower();
    static const QRegularExpression separators(u"[._+\\-]+"_s);
    return local.split(separators, Qt::SkipEmptyParts);
}

int editDistance(const QString& a, const QString& b)
{
    QList<int> prev(b.size() + 1);
    QList<int> cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString mailbox(const QString& name, const QString& address)
{
    return name.isEmpty() ? address : u"%1 <%2>"_s.arg(name, address);
}

} // namespace

bool UnusualRecipientCheck::similar(const QStringList& namesA, const QString& addressA,
                                    const QStringList& namesB, const QString& addressB)
{
    // A surname or given name in common: 田中 健 / 田中 健二, 山本 健 / 田中 健,
    // John Smith / Sarah Smith.
    QSet<QString> wordsA;
    for (const QString& n : namesA) {
        for (const QString& w : Mail::PersonNames::words(n))
            wordsA.insert(w);
    }
    for (const QString& n : namesB) {
        for (const QString& w : Mail::PersonNames::words(n)) {
            // A single Latin letter (an initial) says nothing, nor does an
            // honorific; a single kanji is a name (健).
            static const QStringList honorifics{u"様"_s, u"さま"_s, u"殿"_s,  u"さん"_s,
                                                u"mr"_s, u"ms"_s,   u"mrs"_s, u"dr"_s};
            if (wordsA.contains(w) && (w.size() > 1 || Mail::PersonNames::hasCjk(w)) &&
                !honorifics.contains(w))
                return true;
        }
    }
    // The same or nearly the same local part: ichiro.suzuki@ at two companies,
    // k.tanaka / k.tanka.
    const QString localA = localWords(addressA).join(QLatin1Char('.'));
    const QString localB = localWords(addressB).join(QLatin1Char('.'));
    if (localA.size() >= 5 && localB.size() >= 5 &&
        editDistance(localA, localB) <= (localA.size() >= 9 ? 2 : 1))
        return true;
    // A surname word of the local part in common (ken.tanaka / kenji.tanaka).
    const QStringList wa = localWords(addressA);
    for (const QString& w : localWords(addressB)) {
        if (w.size() >= 4 && wa.contains(w))
            return true;
    }
    return false;
}

QList<Finding> UnusualRecipientCheck::run(const CheckContext& context) const
{
    if (!context.history)
        return {};
    const HistoryFacts& h = *context.history;
    const Organisations organisations(context.policy.sameOrganisation, h.domainsTogether);

    struct Person
    {
        QString key;
        QString org;
        bool internal;
        const Recipient* recipient;
    };
    QList<Person> people;
    for (const Recipient& r : context.recipients)
        people << Person{Mail::DomainNames::addressKey(r.address), organisations.of(r.address), r.internal,
                         &r};

    // How tied each person is to the rest of the message: with how many of
    // the other organisations' people (colleagues included) it was written to.
    // When one person does not belong, the others seem not to belong with it
    // either; the one with fewer ties is the odd one out.
    QHash<QString, int> ties;
    for (const Person& a : std::as_const(people)) {
        int n = 0;
        for (const Person& b : std::as_const(people)) {
            if (b.key != a.key && b.org != a.org && h.together.value(a.key).value(b.key) > 0)
                ++n;
        }
        ties.insert(a.key, n);
    }

    QList<Finding> out;
    for (const Person& r : std::as_const(people)) {
        // Colleagues are not judged (a wrong colleague stays inside), nor
        // people never written to (the first-time checks speak for them).
        if (r.internal || !h.knownAddresses.contains(r.key))
            continue;
        // The people it is judged against: not its own colleagues, and outside
        // people when there are any (an organisation's contacts are what
        // belongs together; the sender's colleagues work with many).
        QStringList outside;
        QStringList inside;
        QStringList names;
        QSet<QString> orgs;
        for (const Person& o : std::as_const(people)) {
            // Someone never written to says nothing about who belongs together.
            if (o.key == r.key || o.org == r.org || !h.knownAddresses.contains(o.key))
                continue;
            (o.internal ? inside : outside) << o.key;
            if (!o.internal) {
                orgs.insert(o.org);
                names << (o.recipient->name.isEmpty() ? o.recipient->address : o.recipient->name);
            }
        }
        const QStringList& others = outside.isEmpty() ? inside : outside;
        if (others.isEmpty())
            continue;
        const Together mine = togetherWith(h, r.key, others);

        // Who was probably meant: the person with a similar name or address
        // usually written to with these people.
        QStringList myNames = h.namesByAddress.value(r.key);
        if (!r.recipient->name.isEmpty())
            myNames.prepend(r.recipient->name);
        QString meant;
        Together meantTogether;
        qint64 meantLast = 0;
        for (auto it = h.neighbourNames.constBegin(); it != h.neighbourNames.constEnd(); ++it) {
            const QString& candidate = it.key();
            if (candidate == r.key || context.internal.isInternal(candidate) ||
                !similar(myNames, r.key, it.value(), candidate))
                continue;
            const Together t = togetherWith(h, candidate, others);
            const qint64 last = h.usage.value(candidate).lastSent;
            // Usual with them: in two messages at least, and with two of
            // them when they are colleagues (who work with many people).
            if (t.total < 2 || (outside.isEmpty() && t.support < std::min<qsizetype>(2, others.size())))
                continue;
            if (t.support > meantTogether.support ||
                (t.support == meantTogether.support &&
                 (t.total > meantTogether.total || (t.total == meantTogether.total && last > meantLast)))) {
                meant = candidate;
                meantTogether = t;
                meantLast = last;
            }
        }
        const bool rarelyAgainstMeant =
            !meant.isEmpty() && (mine.support == 0 || (mine.total * 3 <= meantTogether.total &&
                                                       meantTogether.support >= mine.support));

        // Never with these people, who do belong together: an outsider in
        // their conversation. Outside people belong together when their
        // organisations were never written to with this one's; colleagues
        // alone when at least two of them often were written to together.
        bool outsider = false;
        if (!rarelyAgainstMeant && mine.support == 0) {
            if (!outside.isEmpty()) {
                const QHash<QString, int> domainsWith =
                    h.domainsTogether.value(Mail::DomainNames::toAce(Mail::DomainNames::domainOf(r.key)));
                bool orgSeen = false;
                for (auto it = domainsWith.constBegin(); it != domainsWith.constEnd() && !orgSeen; ++it)
                    orgSeen = it.value() > 0 && orgs.contains(organisations.of(it.key()));
                int mostTied = 0;
                for (const QString& o : std::as_const(outside))
                    mostTied = std::max(mostTied, ties.value(o));
                outsider = !orgSeen && ties.value(r.key) < mostTied;
            } else if (inside.size() >= 2) {
                for (qsizetype i = 0; i < inside.size() && !outsider; ++i)
                    outsider = togetherWith(h, inside.at(i), inside.mid(i + 1)).total >= 2;
            }
        }
        if (!rarelyAgainstMeant && !outsider)
            continue;

        const QString who = mailbox(r.recipient->name, r.recipient->address);
        QString message;
        Finding f;
        if (rarelyAgainstMeant) {
            const QStringList meantNames = h.neighbourNames.value(meant);
            const QString meantName = meantNames.isEmpty() ? QString() : meantNames.constFirst();
            message = (mine.support == 0 ? tr("You have never written to %1 together with these people.")
                                         : tr("You have rarely written to %1 together with these people."))
                          .arg(who) +
                      QLatin1Char(' ') +
                      tr("Usually you write to %1 with these people.").arg(mailbox(meantName, meant));
            f = finding(Severity::Warn, message, {r.recipient->address});
            f.suggestedAddress = meant;
            f.suggestedName = meantName;
        } else {
            if (names.isEmpty()) {
                for (const Person& o : std::as_const(people)) {
                    if (o.internal && o.key != r.key)
                        names << (o.recipient->name.isEmpty() ? o.recipient->address : o.recipient->name);
                }
            }
            message =
                tr("You have written to %1 before, but never together with %2.").arg(who, joined(names, 3));
            f = finding(Severity::Warn, message, {r.recipient->address});
        }
        out << f;
    }
    return out;
}

} // namespace Review
