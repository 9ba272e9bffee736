#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Settings {

// Writes settings back to the user's INI file, one key at a time, with the
// rules Config::load reads them by (Validation): a value Config::load would
// reject is refused with the reason, a key the administrator's policy sets is
// refused, and only keys whose value really changes are written. Keys
// Yubisashi does not know stay in the file. (QSettings rewrites the file, so
// comments and the order of sections are not kept.)
//
// Keys are "group/key" as in docs/CONFIG.md: "listener/port",
// "account.work/host", "general/language", "checks/keyword".
class ConfigWriter
{
    Q_DECLARE_TR_FUNCTIONS(Settings::ConfigWriter)

public:
    explicit ConfigWriter(const QString& path, const QStringList& lockedKeys = {});

    // Queues one value. false, with the reason in error, when the value breaks
    // the key's rule or the key is locked; nothing is queued then.
    bool set(const QString& key, const QString& value, QString* error = nullptr);
    bool setList(const QString& key, const QStringList& values, QString* error = nullptr);
    // Queues removing one key, or a whole group ("account.work"). Refused when
    // a locked key would go with it.
    bool remove(const QString& key, QString* error = nullptr);
    bool removeGroup(const QString& group, QString* error = nullptr);

    // Writes what was queued and differs from the file. The file is not
    // touched when nothing differs. false with error when it cannot be written
    // (or exists and is not a valid INI file: writing would lose its content).
    bool commit(QString* error = nullptr);

    // After commit(): the keys that were written or removed.
    QStringList writtenKeys() const { return m_written; }
    // Also true for "account.NAME/KEY" while lockedKeys has "accounts/KEY"
    // (the policy's [accounts]): set() then accepts a valid value without
    // writing it (the policy's applies), so adding an account does not fail
    // over a key the caller could not know was locked.
    bool isLocked(const QString& key) const;

    // The QSettings key of a documented key: [general] is QSettings' top level.
    static QString settingsKey(const QString& key);

private:
    bool lockedForEveryAccount(const QString& key) const;

    enum class Op
    {
        Set,
        Remove,
        RemoveGroup
    };
    struct Change
    {
        Op op = Op::Set;
        QString key;
        QVariant value; // QString or QStringList
    };

    QString m_path;
    QStringList m_locked;
    QList<Change> m_changes;
    QStringList m_written;
};

} // namespace Settings
