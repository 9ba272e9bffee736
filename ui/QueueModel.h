#pragma once

#include "QueueActions.h"
#include "spool/Entry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>

class QTimer;

namespace Ui {

// The messages in the queue folder as a table, one row per message, in the
// words a person uses: when it came in, from whom, to whom, how big, what
// Yubisashi is doing with it and, when it is stuck, why. Kept current from
// QueueActions::entryChanged; a short-delayed reload of the folder catches
// messages that left the queue without a state change (blocked, withdrawn).
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        FromColumn,
        RecipientsColumn,
        SizeColumn,
        StateColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // a value that sorts right (time, bytes, count)
        IdRole,                      // QString: the spool id
        StateRole,                   // int(Spool::State)
        GroupRole,                   // int(Group)
    };
    // The lists the queue window offers.
    enum class Group
    {
        All,
        Attention, // held or failed: waits for the person
        Waiting,   // being checked, reviewed, sent, or waiting for the next attempt
        Sent,
    };

    explicit QueueModel(QObject* parent = nullptr);
    ~QueueModel() override;

    // Follows the actions' entryChanged and loads their entries now.
    void setSource(QueueActions* source);
    QueueActions* source() const { return m_source; }
    // Re-reads the queue folder; rows of messages that are still there keep their place.
    void reload();
    // Replaces the rows with entries (kept rows stay, so a selection survives).
    void setEntries(const QList<Spool::Entry>& entries);
    // Adds or updates one message.
    void updateEntry(const Spool::Entry& entry);
    void removeEntry(const QString& id);

    const Spool::Entry* entryAt(int row) const;
    const Spool::Entry* entry(const QString& id) const;
    int rowOf(const QString& id) const { return m_rows.value(id, -1); }
    int count(Group group) const;

    static Group groupOf(Spool::State state);
    static QString groupName(Group group);
    // What Yubisashi does with the message, in plain words.
    static QString stateText(const Spool::Entry& entry,
                             const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());
    // Why it is stuck or what happened last; empty when there is nothing to say.
    static QString reasonText(const Spool::Entry& entry,
                              const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());
    // "a@example.com", "a@example.com and 2 more".
    static QString recipientsText(const QStringList& recipients);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The number of messages per group may have changed.
    void countsChanged();

private:
    void scheduleReload();
    void reindex(int from);

    QPointer<QueueActions> m_source;
    QList<Spool::Entry> m_entries;
    QHash<QString, int> m_rows; // id -> row
    QTimer* m_reloadTimer = nullptr;
};

} // namespace Ui
