#include "QueueModel.h"

#include "Icons.h"
#include "QueueActions.h"

#include <QLocale>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

// Enough for a tooltip; the details pane under the list shows every recipient.
constexpr int kTooltipRecipients = 25;
// Messages leave the folder without a state change (blocked, withdrawn): a
// reload this long after the last change notices them, coalescing bursts.
constexpr int kReloadDelayMs = 300;

QString localTime(const QDateTime& utc, const QDateTime& nowUtc)
{
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == nowUtc.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

bool sameRow(const Spool::Entry& a, const Spool::Entry& b)
{
    return a.state == b.state && a.updated == b.updated && a.lastError == b.lastError &&
           a.attempts == b.attempts && a.nextAttempt == b.nextAttempt && a.size == b.size;
}

} // namespace

QueueModel::QueueModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &QueueModel::reload);
}

QueueModel::~QueueModel() = default;

void QueueModel::setSource(QueueActions* source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QueueActions::entryChanged, this, [this](const Spool::Entry& entry) {
            updateEntry(entry);
            scheduleReload();
        });
        connect(m_source, &QueueActions::entryRemoved, this, &QueueModel::removeEntry);
    }
    reload();
}

void QueueModel::scheduleReload()
{
    m_reloadTimer->start();
}

void QueueModel::reload()
{
    m_reloadTimer->stop();
    // Without a source the rows are whatever setEntries() was given.
    if (m_source)
        setEntries(m_source->entries());
}

void QueueModel::reindex(int from)
{
    for (int row = from; row < m_entries.size(); ++row)
        m_rows.insert(m_entries.at(row).id, row);
}

void QueueModel::setEntries(const QList<Spool::Entry>& entries)
{
    QSet<QString> ids;
    for (const Spool::Entry& e : entries)
        ids.insert(e.id);
    for (int row = static_cast<int>(m_entries.size()) - 1; row >= 0; --row) {
        if (ids.contains(m_entries.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.remove(m_entries.at(row).id);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    reindex(0);
    for (const Spool::Entry& e : entries) {
        const int row = m_rows.value(e.id, -1);
        if (row >= 0) {
            if (!sameRow(m_entries.at(row), e)) {
                m_entries[row] = e;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const int at = static_cast<int>(m_entries.size());
        beginInsertRows({}, at, at);
        m_entries.append(e);
        m_rows.insert(e.id, at);
        endInsertRows();
    }
    emit countsChanged();
}

void QueueModel::updateEntry(const Spool::Entry& entry)
{
    const int row = m_rows.value(entry.id, -1);
    if (row >= 0) {
        m_entries[row] = entry;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int at = static_cast<int>(m_entries.size());
        beginInsertRows({}, at, at);
        m_entries.append(entry);
        m_rows.insert(entry.id, at);
        endInsertRows();
    }
    emit countsChanged();
}

void QueueModel::removeEntry(const QString& id)
{
    const int row = m_rows.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.remove(id);
    m_entries.removeAt(row);
    endRemoveRows();
    reindex(row);
    emit countsChanged();
}

const Spool::Entry* QueueModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return nullptr;
    return &m_entries.at(row);
}

const Spool::Entry* QueueModel::entry(const QString& id) const
{
    return entryAt(rowOf(id));
}

int QueueModel::count(Group group) const
{
    if (group == Group::All)
        return static_cast<int>(m_entries.size());
    int n = 0;
    for (const Spool::Entry& e : m_entries) {
        if (groupOf(e.state) == group)
            ++n;
    }
    return n;
}

QueueModel::Group QueueModel::groupOf(Spool::State state)
{
    switch (state) {
    case Spool::State::Held:
    case Spool::State::Failed:
        return Group::Attention;
    case Spool::State::Sent:
        return Group::Sent;
    case Spool::State::Received:
    case Spool::State::Reviewing:
    case Spool::State::Approved:
    case Spool::State::Sending:
        break;
    }
    return Group::Waiting;
}

QString QueueModel::groupName(Group group)
{
    switch (group) {
    case Group::All:
        return tr("All");
    case Group::Attention:
        return tr("Needs your attention");
    case Group::Waiting:
        return tr("On its way");
    case Group::Sent:
        return tr("Sent");
    }
    return {};
}

QString QueueModel::stateText(const Spool::Entry& entry, const QDateTime& nowUtc)
{
    switch (entry.state) {
    case Spool::State::Received:
        return tr("Being checked");
    case Spool::State::Reviewing:
        return tr("Waiting for your review");
    case Spool::State::Approved:
        if ((entry.nextAttempt.isValid() && entry.nextAttempt > nowUtc) || !entry.lastError.isEmpty())
            return tr("Waiting to retry");
        return tr("Waiting to be sent");
    case Spool::State::Sending:
        return tr("Sending");
    case Spool::State::Sent:
        return tr("Sent");
    case Spool::State::Held:
        return tr("Held, not sent");
    case Spool::State::Failed:
        return tr("Not delivered");
    }
    return {};
}

QString QueueModel::reasonText(const Spool::Entry& entry, const QDateTime& nowUtc)
{
    switch (entry.state) {
    case Spool::State::Approved: {
        const bool later = entry.nextAttempt.isValid() && entry.nextAttempt > nowUtc;
        const QString when = later ? localTime(entry.nextAttempt, nowUtc) : QString();
        if (entry.lastError.isEmpty())
            return later ? tr("Next attempt at %1.").arg(when) : QString();
        if (later)
            return tr("Next attempt at %1. Last attempt: %2").arg(when, entry.lastError);
        return tr("Last attempt: %1").arg(entry.lastError);
    }
    case Spool::State::Held:
        return entry.lastError.isEmpty() ? tr("Cancelled at review.") : entry.lastError;
    case Spool::State::Failed:
        return entry.lastError.isEmpty() ? tr("The mail server did not accept the message.")
                                         : entry.lastError;
    case Spool::State::Sending:
        return entry.attempts > 1 ? tr("Attempt %1").arg(entry.attempts) : QString();
    case Spool::State::Received:
    case Spool::State::Reviewing:
    case Spool::State::Sent:
        break;
    }
    return {};
}

QString QueueModel::recipientsText(const QStringList& recipients)
{
    if (recipients.isEmpty())
        return tr("(no recipients)");
    if (recipients.size() == 1)
        return recipients.constFirst();
    return tr("%1 and %n more", nullptr, static_cast<int>(recipients.size()) - 1)
        .arg(recipients.constFirst());
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    const Spool::Entry* e = entryAt(index.row());
    if (!e || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (role) {
    case IdRole:
        return e->id;
    case StateRole:
        return static_cast<int>(e->state);
    case GroupRole:
        return static_cast<int>(groupOf(e->state));
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return localTime(e->received, now);
        case FromColumn:
            return e->envelope.mailFrom.isEmpty() ? tr("(no sender)") : e->envelope.mailFrom;
        case RecipientsColumn:
            return recipientsText(e->envelope.recipients);
        case SizeColumn:
            // Whole kilobytes are precise enough; megabytes keep one decimal.
            return QLocale().formattedDataSize(e->size, e->size >= 1024 * 1024 ? 1 : 0,
                                               QLocale::DataSizeTraditionalFormat);
        case StateColumn:
            return stateText(*e, now);
        case ReasonColumn:
            // One line in the table; the details pane shows all of it.
            return reasonText(*e, now).simplified();
        }
        break;
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return e->received;
        case FromColumn:
            return e->envelope.mailFrom.toCaseFolded();
        case RecipientsColumn:
            return e->envelope.recipients.value(0).toCaseFolded();
        case SizeColumn:
            return e->size;
        case StateColumn:
            return static_cast<int>(groupOf(e->state)) * 100 + static_cast<int>(e->state);
        case ReasonColumn:
            return reasonText(*e, now);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e->received.toLocalTime(), QLocale::LongFormat);
        case RecipientsColumn: {
            QStringList shown = e->envelope.recipients.mid(0, kTooltipRecipients);
            const qsizetype rest = e->envelope.recipients.size() - shown.size();
            if (rest > 0)
                shown << tr("… and %n more", nullptr, static_cast<int>(rest));
            return shown.join(u'\n');
        }
        case ReasonColumn: {
            const QString reason = reasonText(*e, now);
            return reason.isEmpty() ? QVariant() : QVariant(reason);
        }
        }
        break;
    case Qt::DecorationRole:
        if (index.column() != StateColumn)
            break;
        switch (e->state) {
        case Spool::State::Failed:
            return Ui::icon(u"tray-error"_s);
        case Spool::State::Held:
            return Ui::icon(u"dialog-warning"_s);
        case Spool::State::Reviewing:
            return Ui::icon(u"tray-review"_s);
        case Spool::State::Received:
        case Spool::State::Approved:
        case Spool::State::Sending:
            return Ui::icon(u"tray-sending"_s);
        case Spool::State::Sent:
            return Ui::icon(u"tray-idle"_s);
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == StateColumn)
            return stateText(*e, now);
        break;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case FromColumn:
        return tr("From");
    case RecipientsColumn:
        return tr("To");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Details");
    }
    return {};
}

} // namespace Ui
