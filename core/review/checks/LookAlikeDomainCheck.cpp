#include "review/checks/LookAlikeDomainCheck.h"

#include "mail/DomainNames.h"
#include "review/Confusables.h"

#include <QSet>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

using namespace Qt::StringLiterals;

namespace Review {

const CheckInfo& LookAlikeDomainCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("look-alike-domain"),
        QT_TRANSLATE_NOOP("Checks", "A domain that looks like a known one"),
        QT_TRANSLATE_NOOP("Checks", "Look-alike"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up for an unknown domain that differs from a known one by a "
                                    "letter or two, or by its ending."),
        CheckAction::Confirm,
        CheckCategory::Recipients,
    };
    return info;
}

namespace {

// Suffixes people swap by mistake or that squatters register next to the real one.
const QSet<QString>& swappableSuffixes()
{
    static const QSet<QString> s{u"jp"_s,  u"co.jp"_s, u"ne.jp"_s, u"or.jp"_s, u"com"_s, u"net"_s,
                                 u"org"_s, u"biz"_s,   u"info"_s,  u"co"_s,    u"cm"_s,  u"om"_s};
    return s;
}

// Optimal string alignment distance (Damerau-Levenshtein with adjacent
// transpositions), giving up as soon as it must exceed limit. DNS labels are
// at most 63 characters, so the rows live on the stack.
constexpr int kMaxLabel = 63;

int boundedDistance(const std::u32string& a, const std::u32string& b, int limit)
{
    const int n = int(a.size());
    const int m = int(b.size());
    if (std::abs(n - m) > limit)
        return limit + 1;
    if (n > kMaxLabel || m > kMaxLabel)
        return limit + 1;
    std::array<int, kMaxLabel + 1> prev2{}, prev{}, cur{};
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > limit)
            return limit + 1;
        prev2 = prev;
        prev = cur;
    }
    return prev[m];
}

// The set of characters of a label as bits. One edit changes that set by at
// most two characters, so labels whose sets differ by more than 2 * limit
// cannot be within limit edits: a cheap filter before the distance.
quint64 characterMask(const std::u32string& chars)
{
    quint64 mask = 0;
    for (const char32_t c : chars)
        mask |= quint64(1) << (c % 64);
    return mask;
}

// How many edits still read as "the same name": none for very short names
// (abc.jp and abd.jp are different companies), one from four letters, two
// from seven.
int allowedEdits(qsizetype length)
{
    return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}

} // namespace

struct LookAlikeDomainCheck::Name
{
    QString ace;          // as compared: xn--... for IDN
    QString unicode;      // registrable domain, Unicode
    QString label;        // "example"
    QString suffix;       // "co.jp"
    QString skeleton;     // of the label
    std::u32string chars; // skeleton as code points
    quint64 mask = 0;
    std::u32string typed;  // the label as written (lucrene for lucerne is near as typed,
    quint64 typedMask = 0; // not as folded: luceme)
};

namespace {

using Name = LookAlikeDomainCheck::Name;

Name nameOf(const QString& domain)
{
    Name n;
    n.ace = Mail::DomainNames::toAce(domain);
    n.unicode = Mail::DomainNames::registrable(Mail::DomainNames::toUnicode(n.ace));
    n.label = Mail::DomainNames::labelOf(n.unicode);
    n.suffix = Mail::DomainNames::suffixOf(n.unicode);
    n.skeleton = Confusables::skeleton(n.label);
    n.chars = n.skeleton.toStdU32String();
    n.mask = characterMask(n.chars);
    n.typed = n.label.toStdU32String();
    n.typedMask = characterMask(n.typed);
    return n;
}

} // namespace

LookAlikeDomainCheck::LookAlikeDomainCheck() = default;
LookAlikeDomainCheck::~LookAlikeDomainCheck() = default;

// The domains the person means to write to: internal ones, the admin's list
// and everything sent to before. Prepared once and reused while the inputs
// stay the same (the history's list is shared, not copied, until it changes),
// because preparing tens of thousands of domains costs more than a review.
std::shared_ptr<const LookAlikeDomainCheck::Index>
LookAlikeDomainCheck::indexFor(const CheckContext& context) const
{
    const QStringList internal = context.internal.baseDomains();
    // The administrator's same_organisation domains are real domains of a
    // known organisation: references, and never look-alikes themselves.
    QStringList known = context.policy.knownDomains;
    for (const QStringList& group : context.policy.sameOrganisation)
        known += group;
    const QStringList history = context.history ? context.history->allDomains : QStringList();
    QMutexLocker lock(&m_mutex);
    if (m_index && m_index->internal == internal && m_index->known == known &&
        m_index->history.constData() == history.constData() && m_index->history.size() == history.size())
        return m_index;

    auto index = std::make_shared<Index>();
    index->internal = internal;
    index->known = known;
    index->history = history;
    for (const QString& d : internal)
        index->aces.insert(Mail::DomainNames::toAce(d));
    for (QString d : known) {
        if (d.startsWith(u"*."_s) || d.startsWith(QLatin1Char('@')))
            d = d.mid(d.startsWith(QLatin1Char('@')) ? 1 : 2);
        index->aces.insert(Mail::DomainNames::toAce(d));
    }
    for (const QString& d : history)
        index->aces.insert(Mail::DomainNames::toAce(d));
    index->references.reserve(size_t(index->aces.size()));
    for (const QString& d : std::as_const(index->aces)) {
        index->references.push_back(nameOf(d));
        index->bySkeleton[index->references.back().skeleton] << int(index->references.size() - 1);
    }
    m_index = index;
    return index;
}

QList<Finding> LookAlikeDomainCheck::run(const CheckContext& context) const
{
    const std::shared_ptr<const Index> index = indexFor(context);
    if (index->references.empty())
        return {};
    const std::vector<Name>& references = index->references;
    const QHash<QString, QList<int>>& bySkeleton = index->bySkeleton;

    QHash<QString, QStringList> addressesByDomain;
    QStringList candidates;
    for (const Recipient& r : context.recipients) {
        const QString ace = Mail::DomainNames::toAce(r.domain);
        // Internal and already-known domains are what look-alikes imitate, not look-alikes.
        if (r.internal || ace.isEmpty() || index->aces.contains(ace))
            continue;
        if (!addressesByDomain.contains(ace))
            candidates << ace;
        addressesByDomain[ace] << r.address;
    }
    if (candidates.isEmpty())
        return {};

    // Suffixes people swap, and a suffix changed by one letter (.co.jp and
    // .co.jo, .com and .con): both read as the known organisation's domain.
    auto comparable = [](const Name& a, const Name& b) {
        if (a.suffix == b.suffix ||
            (swappableSuffixes().contains(a.suffix) && swappableSuffixes().contains(b.suffix)))
            return true;
        const std::u32string sa = a.suffix.toStdU32String();
        const std::u32string sb = b.suffix.toStdU32String();
        return !sa.empty() && !sb.empty() && boundedDistance(sa, sb, 1) <= 1;
    };

    QList<Finding> out;
    for (const QString& ace : std::as_const(candidates)) {
        const Name c = nameOf(ace);
        if (c.label.isEmpty())
            continue;
        const bool punycode = ace.contains(u"xn--"_s);
        QString reason;
        QString like;
        for (const int i : bySkeleton.value(c.skeleton)) {
            const Name& r = references[size_t(i)];
            if (r.unicode == c.unicode || r.label.isEmpty())
                continue; // same organisation (a subdomain of a known domain)
            if (c.suffix == r.suffix) {
                like = r.unicode;
                reason = punycode
                             ? tr("%1 is written with letters from another alphabet (%2) that look like %3.")
                                   .arg(c.unicode, ace, r.unicode)
                             : tr("%1 uses letters or digits that look like those of %2.")
                                   .arg(c.unicode, r.unicode);
                break;
            }
            if (comparable(c, r)) {
                like = r.unicode;
                reason = tr("%1 has the same name as %2 but ends in .%3 instead of .%4.")
                             .arg(c.unicode, r.unicode, c.suffix, r.suffix);
                break;
            }
        }
        if (like.isEmpty()) {
            // The closest known domain is the one meant (sakrua-tech.co.jp is
            // sakura-tech.co.jp, not the same company's sakuratech.com); then
            // one with the same ending; then alphabetical, so the answer does
            // not depend on the order of the references.
            int best = 0;
            bool bestSameSuffix = false;
            // Edits between two spellings, or -1 beyond what still reads as the same name.
            const auto edits = [](const std::u32string& a, quint64 maskA, const std::u32string& b,
                                  quint64 maskB) {
                const int limit = allowedEdits(std::min(a.size(), b.size()));
                if (limit == 0 || std::abs(int(a.size()) - int(b.size())) > limit ||
                    int(qPopulationCount(maskA ^ maskB)) > 2 * limit)
                    return -1;
                const int d = boundedDistance(a, b, limit);
                return d > limit ? -1 : d;
            };
            for (const Name& r : references) {
                if (r.unicode == c.unicode || !comparable(c, r))
                    continue;
                // Near as the letters read, or near as they were typed.
                const int folded = edits(c.chars, c.mask, r.chars, r.mask);
                const int typed = edits(c.typed, c.typedMask, r.typed, r.typedMask);
                const int d = folded < 0 ? typed : typed < 0 ? folded : std::min(folded, typed);
                if (d < 0)
                    continue;
                const bool sameSuffix = r.suffix == c.suffix;
                if (like.isEmpty() || d < best ||
                    (d == best && (sameSuffix != bestSameSuffix ? sameSuffix : r.unicode < like))) {
                    like = r.unicode;
                    best = d;
                    bestSameSuffix = sameSuffix;
                }
            }
            if (!like.isEmpty())
                reason = tr("%1 differs from %2 by %n letter(s).", nullptr, best).arg(c.unicode, like);
        }
        if (like.isEmpty())
            continue;
        Finding f = finding(Severity::Warn,
                            tr("%1 looks like %2, a domain you know, but it is a different domain. %3")
                                .arg(Mail::DomainNames::toUnicode(ace), like, reason),
                            addressesByDomain.value(ace));
        f.similarDomain = like;
        out << f;
    }
    return out;
}

} // namespace Review
