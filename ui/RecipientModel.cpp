#include "RecipientModel.h"

#include "Icons.h"
#include "mail/DomainNames.h"
#include "review/checks/CheckRegistry.h"
#include "review/checks/ManyExternalVisibleCheck.h"
#include "review/checks/UnusualRecipientCheck.h"

#include <QCollator>
#include <QFont>
#include <QHash>
#include <QPoint>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

// Child rows carry their group's index + 1 in the internal id; domain rows carry 0.
constexpr quintptr DomainId = 0;

QString mailboxText(const QString& name, const QString& address)
{
    return name.isEmpty() ? address : u"%1 <%2>"_s.arg(name, address);
}

QString fieldLabel(Review::Field field)
{
    switch (field) {
    case Review::Field::To:
        return RecipientModel::tr("To");
    case Review::Field::Cc:
        return RecipientModel::tr("Cc");
    case Review::Field::Bcc:
        return RecipientModel::tr("Bcc");
    }
    return {};
}

} // namespace

RecipientModel::RecipientModel(QObject* parent) : QAbstractItemModel(parent) {}

QString RecipientModel::badgeLabel(const QString& code)
{
    const Review::CheckInfo* info = Review::CheckRegistry::info(code);
    return info ? Review::CheckInfo::translated(info->badge) : code;
}

QString RecipientModel::outsideMarker()
{
    //: A short marker on the row of a recipient outside the organisation (Japanese: 社外)
    return tr("External", "recipient row marker");
}

int RecipientModel::uncheckedInternalCount() const
{
    int n = 0;
    for (const Group& g : m_groups) {
        if (g.internal)
            n += static_cast<int>(g.rows.size()) - g.checked;
    }
    return n;
}

bool RecipientModel::flagsRecipient(const Review::Finding& finding)
{
    if (finding.code == Review::ManyExternalVisibleCheck::info().code)
        return false;
    return finding.needsAcknowledgement || finding.severity != Review::Severity::Info;
}

QList<int> RecipientModel::differingLetters(const QString& domain, const QString& similar)
{
    // Domain names are short: a plain longest-common-subsequence table will do.
    const qsizetype n = domain.size();
    const qsizetype m = similar.size();
    QList<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int& {
        return table[i * (m + 1) + j];
    };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) =
                domain.at(i) == similar.at(j) ? at(i + 1, j + 1) + 1 : qMax(at(i + 1, j), at(i, j + 1));
    }
    QList<int> differing;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n) {
        if (j < m && domain.at(i) == similar.at(j)) {
            ++i;
            ++j;
        } else if (j < m && at(i, j + 1) >= at(i + 1, j)) {
            ++j;
        } else {
            differing << static_cast<int>(i);
            ++i;
        }
    }
    return differing;
}

void RecipientModel::setRecipients(const QList<Review::Recipient>& recipients,
                                   const QList<Review::Finding>& findings)
{
    beginResetModel();
    m_groups.clear();
    m_total = 0;
    m_checked = 0;
    m_external = 0;
    m_flagged = 0;
    m_suggestions = 0;

    QSet<QString> recipientKeys;
    for (const Review::Recipient& r : recipients)
        recipientKeys.insert(Mail::DomainNames::addressKey(r.address));
    QHash<QString, qsizetype> groupOf; // domain -> index in m_groups
    for (const Review::Recipient& r : recipients) {
        const QString key = r.domain.isEmpty() ? r.address.section(QLatin1Char('@'), -1).toLower() : r.domain;
        auto it = groupOf.constFind(key);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(key, m_groups.size());
            m_groups.append(Group{key, r.internal, {}, 0, {}, false});
        }
        Group& group = m_groups[it.value()];
        // One external address makes the whole domain group count as external.
        group.internal = group.internal && r.internal;

        Row row;
        row.recipient = r;
        for (const QString& code : r.findingCodes) {
            row.badgeLabels << badgeLabel(code);
            // The message of the finding with that code which concerns this
            // recipient, or one that concerns the whole message.
            const Review::Finding* best = nullptr;
            for (const Review::Finding& f : findings) {
                if (f.code != code)
                    continue;
                if (f.recipients.contains(r.address, Qt::CaseInsensitive)) {
                    best = &f;
                    break;
                }
                if (!best && f.recipients.isEmpty())
                    best = &f;
            }
            row.badgeTips << (best ? best->message : row.badgeLabels.constLast());
            row.badgeSeverities << static_cast<int>(best ? best->severity : Review::Severity::Info);
            row.badgeFlags << (best && flagsRecipient(*best));
            if (best && flagsRecipient(*best))
                row.flagged = true;
            // Who was probably meant, unless that person receives it already.
            if (best && code == Review::UnusualRecipientCheck::info().code &&
                !best->suggestedAddress.isEmpty() &&
                best->recipients.contains(r.address, Qt::CaseInsensitive) &&
                !recipientKeys.contains(Mail::DomainNames::addressKey(best->suggestedAddress))) {
                row.suggestion = {best->suggestedAddress, best->suggestedName};
                row.unusualBadge = row.badgeLabels.size() - 1;
                row.unusualTip = row.badgeTips.constLast();
                row.unusualSeverity = row.badgeSeverities.constLast();
                ++m_suggestions;
            }
            if (code == Review::ManyExternalVisibleCheck::info().code) {
                row.bccBadge = row.badgeLabels.size() - 1;
                row.bccTip = row.badgeTips.constLast();
                row.bccSeverity = row.badgeSeverities.constLast();
            }
            if (best && !best->similarDomain.isEmpty())
                group.similarDomain = best->similarDomain;
        }
        group.flagged = group.flagged || row.flagged;
        m_flagged += row.flagged ? 1 : 0;
        m_external += r.internal ? 0 : 1;
        group.rows.append(row);
        ++m_total;
    }
    // Natural order, so dept2 comes before dept10.
    QCollator collator;
    collator.setNumericMode(true);
    // External groups that need attention first, where they are seen before
    // anything else; then internal, then the other external groups.
    const auto rank = [](const Group& g) {
        return g.internal ? 1 : g.flagged ? 0 : 2;
    };
    std::stable_sort(m_groups.begin(), m_groups.end(), [&collator, &rank](const Group& a, const Group& b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return collator.compare(a.domain, b.domain) < 0;
    });
    endResetModel();
    emit checkedCountChanged(m_checked, m_total);
}

QString RecipientModel::fieldText(Review::Field field, bool movedToBcc)
{
    //: The field a recipient had, and Bcc, where it goes: "To → Bcc"
    return movedToBcc ? tr("%1 → %2").arg(fieldLabel(field), fieldLabel(Review::Field::Bcc))
                      : fieldLabel(field);
}

void RecipientModel::setMovedToBcc(const QStringList& addresses, bool moved)
{
    QSet<QString> keys;
    for (const QString& a : addresses)
        keys.insert(Mail::DomainNames::addressKey(a));
    for (int g = 0; g < m_groups.size(); ++g) {
        QList<Row>& rows = m_groups[g].rows;
        for (int r = 0; r < rows.size(); ++r) {
            Row& row = rows[r];
            if (row.movedToBcc == moved ||
                !keys.contains(Mail::DomainNames::addressKey(row.recipient.address)))
                continue;
            row.movedToBcc = moved;
            if (row.bccBadge >= 0) {
                // The warning about visible addresses is settled: the badge says what was done.
                if (moved) {
                    row.badgeLabels[row.bccBadge] = tr("Moved to Bcc");
                    row.badgeTips[row.bccBadge] =
                        tr("Moved to Bcc: the other recipients will not see this address.");
                    row.badgeSeverities[row.bccBadge] = static_cast<int>(Review::Severity::Info);
                } else {
                    row.badgeLabels[row.bccBadge] = badgeLabel(Review::ManyExternalVisibleCheck::info().code);
                    row.badgeTips[row.bccBadge] = row.bccTip;
                    row.badgeSeverities[row.bccBadge] = row.bccSeverity;
                }
            }
            const QModelIndex first = index(r, FieldColumn, index(g, 0));
            const QModelIndex last = index(r, FindingsColumn, index(g, 0));
            emit dataChanged(
                first, last,
                {Qt::DisplayRole, Qt::ToolTipRole, BadgeLabelsRole, BadgeTipsRole, BadgeSeveritiesRole});
        }
    }
}

bool RecipientModel::hasSuggestion(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == DomainId)
        return false;
    return !m_groups.at(static_cast<qsizetype>(index.internalId() - 1))
                .rows.at(index.row())
                .suggestion.address.isEmpty();
}

bool RecipientModel::isReplaced(const QModelIndex& index) const
{
    return hasSuggestion(index) &&
           m_groups.at(static_cast<qsizetype>(index.internalId() - 1)).rows.at(index.row()).replaced;
}

QString RecipientModel::suggestionText(const QModelIndex& index) const
{
    if (!hasSuggestion(index))
        return {};
    const Row& row = m_groups.at(static_cast<qsizetype>(index.internalId() - 1)).rows.at(index.row());
    return mailboxText(row.suggestion.name, row.suggestion.address);
}

bool RecipientModel::setReplaced(const QModelIndex& index, bool replaced)
{
    if (!hasSuggestion(index))
        return false;
    const int g = static_cast<int>(index.internalId() - 1);
    Group& group = m_groups[g];
    Row& row = group.rows[index.row()];
    if (row.replaced == replaced)
        return false;
    row.replaced = replaced;
    if (row.unusualBadge >= 0) {
        // Like the Bcc move: the warning is answered, the badge says what was done.
        if (replaced) {
            row.badgeLabels[row.unusualBadge] = tr("Replaced");
            row.badgeTips[row.unusualBadge] =
                tr("Replaced by you: the message goes to %1 instead of %2.")
                    .arg(mailboxText(row.suggestion.name, row.suggestion.address),
                         mailboxText(row.recipient.name, row.recipient.address));
            row.badgeSeverities[row.unusualBadge] = static_cast<int>(Review::Severity::Info);
        } else {
            row.badgeLabels[row.unusualBadge] = badgeLabel(Review::UnusualRecipientCheck::info().code);
            row.badgeTips[row.unusualBadge] = row.unusualTip;
            row.badgeSeverities[row.unusualBadge] = row.unusualSeverity;
        }
    }
    bool flagged = false;
    for (qsizetype i = 0; i < row.badgeFlags.size(); ++i)
        flagged = flagged || (row.badgeFlags.at(i) && !(replaced && i == row.unusualBadge));
    if (flagged != row.flagged) {
        row.flagged = flagged;
        m_flagged += flagged ? 1 : -1;
        group.flagged =
            std::any_of(group.rows.cbegin(), group.rows.cend(), [](const Row& r) { return r.flagged; });
    }
    // A tick given to the old address does not confirm the new one.
    setGroupRange(g, index.row(), index.row(), false);
    const QModelIndex parentIndex = this->index(g, 0);
    emit dataChanged(this->index(index.row(), 0, parentIndex),
                     this->index(index.row(), ColumnCount - 1, parentIndex));
    emit dataChanged(parentIndex, parentIndex.siblingAtColumn(ColumnCount - 1));
    emit flaggedCountChanged(m_flagged);
    return true;
}

QList<Delivery::Replacement> RecipientModel::replacements() const
{
    QList<Delivery::Replacement> out;
    for (const Group& g : m_groups) {
        for (const Row& row : g.rows) {
            if (row.replaced)
                out << Delivery::Replacement{row.recipient.address, row.suggestion.address,
                                             row.suggestion.name};
        }
    }
    return out;
}

const Review::Recipient* RecipientModel::recipientAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == DomainId)
        return nullptr;
    const Group& group = m_groups.at(static_cast<qsizetype>(index.internalId() - 1));
    return &group.rows.at(index.row()).recipient;
}

void RecipientModel::checkAllInternal()
{
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).internal && !m_groups.at(g).rows.isEmpty())
            setGroupRange(static_cast<int>(g), 0, static_cast<int>(m_groups.at(g).rows.size() - 1), true);
    }
}

QModelIndex RecipientModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, DomainId) : QModelIndex();
    if (parent.internalId() != DomainId || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).rows.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex RecipientModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == DomainId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, DomainId);
}

int RecipientModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != DomainId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).rows.size());
}

int RecipientModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::CheckState RecipientModel::groupState(const Group& group) const
{
    if (group.checked == 0)
        return Qt::Unchecked;
    return group.checked == group.rows.size() ? Qt::Checked : Qt::PartiallyChecked;
}

int RecipientModel::externalDomainCount() const
{
    return static_cast<int>(
        std::count_if(m_groups.cbegin(), m_groups.cend(), [](const Group& g) { return !g.internal; }));
}

QVariant RecipientModel::domainData(int g, int column, int role) const
{
    const Group& group = m_groups.at(g);
    switch (role) {
    case Qt::DisplayRole:
        if (column != NameColumn)
            return {};
        if (group.internal && summarisesInternal())
            //: A summary row for an internal domain in a large message; %1 is the domain
            return tr("Internal: %1 — %n people inside your organisation", nullptr,
                      static_cast<int>(group.rows.size()))
                .arg(group.domain);
        if (group.internal)
            return tr("Internal: %1 (%2)").arg(group.domain).arg(group.rows.size());
        // The word "External" is part of the text so the difference never rests on colour alone.
        if (!group.similarDomain.isEmpty())
            return tr("External: %1 (%2), looks like %3")
                .arg(group.domain)
                .arg(group.rows.size())
                .arg(group.similarDomain);
        return tr("External: %1 (%2)").arg(group.domain).arg(group.rows.size());
    case HighlightRole: {
        if (column != NameColumn || group.similarDomain.isEmpty())
            return {};
        const qsizetype offset = domainData(g, column, Qt::DisplayRole).toString().indexOf(group.domain);
        if (offset < 0)
            return {};
        QVariantList runs;
        for (int i : differingLetters(group.domain, group.similarDomain)) {
            const int at = static_cast<int>(offset) + i;
            if (!runs.isEmpty()) {
                QPoint last = runs.constLast().toPoint();
                if (last.x() + last.y() == at) {
                    runs.last() = QPoint(last.x(), last.y() + 1);
                    continue;
                }
            }
            runs << QPoint(at, 1);
        }
        return runs;
    }
    case FlaggedRole:
        return group.flagged;
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(groupState(group)) : QVariant();
    case Qt::FontRole:
        if (!group.internal) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if (column == NameColumn && !group.internal)
            return icon(u"dialog-warning"_s);
        return {};
    case Qt::ToolTipRole:
        if (group.internal && summarisesInternal())
            return tr("%n recipient(s) inside your organisation. Ticking this row ticks them all; "
                      "press the right arrow key or click the arrow to see them.",
                      nullptr, static_cast<int>(group.rows.size()));
        if (group.internal)
            return tr("Recipients inside your organisation");
        if (!group.similarDomain.isEmpty())
            return tr("%1 is not %2: the highlighted letters differ.").arg(group.domain, group.similarDomain);
        if (group.flagged)
            return tr("Recipients outside your organisation. Ticking the domain ticks only the recipients "
                      "without a warning; tick each flagged one on its own row.");
        return tr("Recipients outside your organisation: check each one");
    case InternalRole:
        return group.internal;
    case IsDomainRole:
        return true;
    default:
        return {};
    }
}

QVariant RecipientModel::recipientData(const Group& group, const Row& row, int column, int role) const
{
    const Review::Recipient& r = row.recipient;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return row.replaced ? row.suggestion.name : r.name;
        case FieldColumn:
            return fieldText(r.field, row.movedToBcc);
        case AddressColumn:
            return row.replaced ? row.suggestion.address : r.address;
        case FindingsColumn:
            return row.badgeLabels.join(u", "_s);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(row.checked ? Qt::Checked : Qt::Unchecked) : QVariant();
    case SuggestionRole:
        if (column != FindingsColumn || row.suggestion.address.isEmpty())
            return QString();
        //: The old recipient of a row replaced at the review: "was: 田中 健二 <kenji@…>"
        return row.replaced
                   ? tr("was: %1").arg(mailboxText(r.name, r.address))
                   //: Who was probably meant instead of this row's recipient
                   : tr("Probably meant: %1").arg(mailboxText(row.suggestion.name, row.suggestion.address));
    case SuggestionActionRole:
        if (column != FindingsColumn || row.suggestion.address.isEmpty())
            return QString();
        //: The button on a row that replaces its recipient by who was probably meant, or undoes that
        return row.replaced ? tr("Undo", "replacement") : tr("Replace", "recipient");
    case ReplacedRole:
        return row.replaced;
    case Qt::AccessibleDescriptionRole:
        if (column != NameColumn || row.suggestion.address.isEmpty())
            return {};
        return row.replaced
                   ? tr("Replaced: was %1. Press Ctrl+R to undo.").arg(mailboxText(r.name, r.address))
                   : tr("Probably meant: %1. Press Ctrl+R to replace the address.")
                         .arg(mailboxText(row.suggestion.name, row.suggestion.address));
    case Qt::ToolTipRole: {
        if (column == FindingsColumn && !row.suggestion.address.isEmpty())
            return (row.badgeTips +
                    QStringList{recipientData(group, row, FindingsColumn, SuggestionRole).toString()})
                .join(QLatin1Char('\n'));
        if (column == FindingsColumn && !row.badgeTips.isEmpty())
            return row.badgeTips.join(QLatin1Char('\n'));
        if (column == NameColumn && row.flagged)
            return tr("Tick to confirm: %1").arg(row.badgeTips.join(QLatin1Char('\n')));
        if (column == FieldColumn && row.movedToBcc)
            return tr("Moved from %1 to Bcc: the other recipients will not see this address.")
                .arg(fieldLabel(r.field));
        const QString who = row.replaced ? mailboxText(row.suggestion.name, row.suggestion.address)
                                         : mailboxText(r.name, r.address);
        return group.internal ? who : tr("%1 (outside your organisation)").arg(who);
    }
    case Qt::AccessibleTextRole:
        // A screen reader hears the marker that the row shows.
        if (column == NameColumn && !group.internal) {
            const QString name = row.replaced ? row.suggestion.name : r.name;
            const QString address = row.replaced ? row.suggestion.address : r.address;
            return tr("%1 (outside your organisation)").arg(name.isEmpty() ? address : name);
        }
        return {};
    case OutsideMarkerRole:
        return column == NameColumn && !group.internal ? outsideMarker() : QString();
    case BadgeLabelsRole:
        return column == FindingsColumn ? QVariant(row.badgeLabels) : QVariant();
    case BadgeTipsRole:
        return column == FindingsColumn ? QVariant(row.badgeTips) : QVariant();
    case BadgeSeveritiesRole:
        return column == FindingsColumn ? QVariant(row.badgeSeverities) : QVariant();
    case InternalRole:
        return group.internal;
    case IsDomainRole:
        return false;
    case FlaggedRole:
        return row.flagged;
    default:
        return {};
    }
}

QVariant RecipientModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == DomainId)
        return domainData(index.row(), index.column(), role);
    const Group& group = m_groups.at(static_cast<qsizetype>(index.internalId() - 1));
    return recipientData(group, group.rows.at(index.row()), index.column(), role);
}

void RecipientModel::setGroupRange(int g, int first, int last, bool checked)
{
    Group& group = m_groups[g];
    bool changed = false;
    for (int i = first; i <= last; ++i) {
        Row& row = group.rows[i];
        if (row.checked == checked)
            continue;
        row.checked = checked;
        const int delta = checked ? 1 : -1;
        group.checked += delta;
        m_checked += delta;
        changed = true;
    }
    if (!changed)
        return;
    const QModelIndex parentIndex = index(g, 0);
    emit dataChanged(index(first, NameColumn, parentIndex), index(last, NameColumn, parentIndex),
                     {Qt::CheckStateRole});
    emit dataChanged(parentIndex, parentIndex, {Qt::CheckStateRole});
    emit checkedCountChanged(m_checked, m_total);
}

bool RecipientModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != NameColumn)
        return false;
    // A partial domain row becomes fully ticked: anything else than Checked unticks.
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    if (index.internalId() == DomainId) {
        const Group& group = m_groups.at(index.row());
        const int last = static_cast<int>(group.rows.size()) - 1;
        if (group.internal || !checked || !group.flagged) {
            if (last >= 0)
                setGroupRange(index.row(), 0, last, checked);
            return true;
        }
        // An external group with a flagged recipient: only the unflagged rows, run by
        // run. When those are ticked already, the click (or Space) unticks the group,
        // so the domain row still toggles.
        const bool unflaggedDone = std::all_of(group.rows.cbegin(), group.rows.cend(),
                                               [](const Row& row) { return row.flagged || row.checked; });
        if (unflaggedDone) {
            setGroupRange(index.row(), 0, last, false);
            return true;
        }
        int first = -1;
        for (int i = 0; i <= last + 1; ++i) {
            const bool tickable = i <= last && !group.rows.at(i).flagged;
            if (tickable && first < 0)
                first = i;
            if (!tickable && first >= 0) {
                setGroupRange(index.row(), first, i - 1, true);
                first = -1;
            }
        }
        return true;
    }
    setGroupRange(static_cast<int>(index.internalId() - 1), index.row(), index.row(), checked);
    return true;
}

Qt::ItemFlags RecipientModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.internalId() != DomainId)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant RecipientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FieldColumn:
        return tr("Field");
    case AddressColumn:
        return tr("Address");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

} // namespace Ui
