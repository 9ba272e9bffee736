#include "RecipientModel.h"

#include "Icons.h"
#include "mail/DomainNames.h"
#include "review/checks/CheckRegistry.h"

#include <QCollator>
#include <QFont>
#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

// Child rows carry their group's index + 1 in the internal id; domain rows carry 0.
constexpr quintptr DomainId = 0;

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

void RecipientModel::setRecipients(const QList<Review::Recipient>& recipients,
                                   const QList<Review::Finding>& findings)
{
    beginResetModel();
    m_groups.clear();
    m_total = 0;
    m_checked = 0;

    QHash<QString, qsizetype> groupOf; // domain -> index in m_groups
    for (const Review::Recipient& r : recipients) {
        const QString key = r.domain.isEmpty() ? r.address.section(QLatin1Char('@'), -1).toLower() : r.domain;
        auto it = groupOf.constFind(key);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(key, m_groups.size());
            m_groups.append(Group{key, r.internal, {}, 0});
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
        }
        group.rows.append(row);
        ++m_total;
    }
    // Natural order, so dept2 comes before dept10.
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(m_groups.begin(), m_groups.end(), [&collator](const Group& a, const Group& b) {
        if (a.internal != b.internal)
            return a.internal;
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
            const QModelIndex cell = index(r, FieldColumn, index(g, 0));
            emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
        }
    }
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

QVariant RecipientModel::domainData(int g, int column, int role) const
{
    const Group& group = m_groups.at(g);
    switch (role) {
    case Qt::DisplayRole:
        if (column != NameColumn)
            return {};
        // The word "External" is part of the text so the difference never rests on colour alone.
        return group.internal ? tr("Internal: %1 (%2)").arg(group.domain).arg(group.rows.size())
                              : tr("External: %1 (%2)").arg(group.domain).arg(group.rows.size());
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
        return group.internal ? tr("Recipients inside your organisation")
                              : tr("Recipients outside your organisation: check each one");
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
            return r.name;
        case FieldColumn:
            return fieldText(r.field, row.movedToBcc);
        case AddressColumn:
            return r.address;
        case FindingsColumn:
            return row.badgeLabels.join(u", "_s);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(row.checked ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ToolTipRole: {
        if (column == FindingsColumn && !row.badgeTips.isEmpty())
            return row.badgeTips.join(QLatin1Char('\n'));
        if (column == FieldColumn && row.movedToBcc)
            return tr("Moved from %1 to Bcc: the other recipients will not see this address.")
                .arg(fieldLabel(r.field));
        return r.name.isEmpty() ? r.address : u"%1 <%2>"_s.arg(r.name, r.address);
    }
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
        const int last = static_cast<int>(m_groups.at(index.row()).rows.size()) - 1;
        if (last >= 0)
            setGroupRange(index.row(), 0, last, checked);
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
