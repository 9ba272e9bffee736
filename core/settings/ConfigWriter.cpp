#include "settings/ConfigWriter.h"

#include "settings/Validation.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

QStringList cleanList(const QStringList& values)
{
    QStringList out;
    for (const QString& v : values) {
        const QString t = v.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

// What the file holds for a key, as Config::load sees it: "a, b" is a list,
// "a" or a quoted "a, b" is one string that a list key splits at commas.
QStringList currentList(const QVariant& v)
{
    if (v.userType() == QMetaType::QStringList)
        return cleanList(v.toStringList());
    return cleanList(v.toString().split(u','));
}

QString currentText(const QVariant& v)
{
    if (v.userType() == QMetaType::QStringList)
        return v.toStringList().join(u',').trimmed();
    return v.toString().trimmed();
}

bool isList(Validation::Type type)
{
    using Type = Validation::Type;
    return type == Type::DomainList || type == Type::AddressList || type == Type::TextList ||
           type == Type::ExtensionList || type == Type::DomainGroups;
}

// Whether the file's value already means what `wanted` means.
bool sameValue(const Validation::KeySpec& spec, const QVariant& current, const QVariant& wanted)
{
    using Type = Validation::Type;
    if (isList(spec.type)) {
        QStringList a = currentList(current);
        QStringList b = currentList(wanted);
        if (spec.type == Type::DomainList || spec.type == Type::ExtensionList) {
            for (QString& s : a)
                s = s.toLower();
            for (QString& s : b)
                s = s.toLower();
        }
        return a == b;
    }
    const QString a = currentText(current);
    const QString b = currentText(wanted);
    switch (spec.type) {
    case Type::Choice:
        return a.compare(b, Qt::CaseInsensitive) == 0;
    case Type::Boolean:
        return Validation::parseBoolean(a) == Validation::parseBoolean(b);
    case Type::Integer: {
        bool okA = false;
        bool okB = false;
        const qint64 x = a.toLongLong(&okA);
        const qint64 y = b.toLongLong(&okB);
        return okA && okB && x == y;
    }
    default:
        return a == b;
    }
}

} // namespace

ConfigWriter::ConfigWriter(const QString& path, const QStringList& lockedKeys)
    : m_path(QFileInfo(path).absoluteFilePath()), m_locked(lockedKeys)
{}

bool ConfigWriter::isLocked(const QString& key) const
{
    return m_locked.contains(key) || lockedForEveryAccount(key);
}

bool ConfigWriter::lockedForEveryAccount(const QString& key) const
{
    const qsizetype slash = key.indexOf(u'/');
    return key.startsWith(u"account."_s) && slash > 0 &&
           m_locked.contains(u"accounts/"_s + key.mid(slash + 1));
}

QString ConfigWriter::settingsKey(const QString& key)
{
    // QSettings reads both [general] and [General] as its top level, and
    // writes that level as [General]; Config::load reads it from there.
    if (key.startsWith(u"general/"_s))
        return key.mid(8);
    return key;
}

bool ConfigWriter::set(const QString& key, const QString& value, QString* error)
{
    return setList(key, {value}, error);
}

bool ConfigWriter::setList(const QString& key, const QStringList& values, QString* error)
{
    const std::optional<Validation::KeySpec> spec = Validation::spec(key);
    QString problem;
    if (!spec)
        problem = Validation::tr("\"%1\" is not a setting Yubisashi knows.").arg(key);
    else if (m_locked.contains(key))
        problem = tr("\"%1\" is set by your administrator and cannot be changed here.").arg(key);
    else
        problem = Validation::checkList(key, values);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    // Locked by [accounts] for an account the caller did not know was
    // covered (one being added): its value would not apply, so it is not
    // written, and adding the account does not fail over it.
    if (lockedForEveryAccount(key))
        return true;
    Change c;
    c.key = key;
    if (isList(spec->type)) {
        const QStringList clean = cleanList(values);
        // One item is written as a plain value: QSettings would otherwise
        // write an empty list as "@Invalid()".
        c.value = clean.size() > 1 ? QVariant(clean) : QVariant(clean.value(0));
    } else {
        c.value = values.value(0).trimmed();
    }
    m_changes << c;
    return true;
}

bool ConfigWriter::remove(const QString& key, QString* error)
{
    if (m_locked.contains(key)) {
        if (error)
            *error = tr("\"%1\" is set by your administrator and cannot be changed here.").arg(key);
        return false;
    }
    Change c;
    c.op = Op::Remove;
    c.key = key;
    m_changes << c;
    return true;
}

bool ConfigWriter::removeGroup(const QString& group, QString* error)
{
    for (const QString& locked : m_locked) {
        // A key locked for every account ([accounts]) does not keep this one.
        if (locked.startsWith(group + u'/') &&
            !m_locked.contains(u"accounts/"_s + locked.mid(group.size() + 1))) {
            if (error)
                *error =
                    tr("[%1] contains settings made by your administrator and cannot be removed.").arg(group);
            return false;
        }
    }
    Change c;
    c.op = Op::RemoveGroup;
    c.key = group;
    m_changes << c;
    return true;
}

bool ConfigWriter::commit(QString* error)
{
    m_written.clear();
    const QFileInfo info(m_path);
    if (info.exists() && (!info.isFile() || !info.isReadable())) {
        if (error)
            *error = tr("The settings file %1 cannot be read, so it is not changed. Check that it is a file "
                        "and that you may read and write it.")
                         .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = tr("The folder %1 cannot be created, so the settings cannot be saved.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }

    QSettings settings(m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error =
                tr("The settings file %1 is not a valid INI file, so it is not changed (saving would lose "
                   "what it contains). Correct or remove it, then save again.")
                    .arg(QDir::toNativeSeparators(m_path));
        return false;
    }

    for (const Change& c : std::as_const(m_changes)) {
        switch (c.op) {
        case Op::Set: {
            const QString k = settingsKey(c.key);
            if (settings.contains(k) && sameValue(*Validation::spec(c.key), settings.value(k), c.value))
                break;
            settings.setValue(k, c.value);
            m_written << c.key;
            break;
        }
        case Op::Remove: {
            const QString k = settingsKey(c.key);
            if (!settings.contains(k))
                break;
            settings.remove(k);
            m_written << c.key;
            break;
        }
        case Op::RemoveGroup:
            settings.beginGroup(c.key);
            if (!settings.allKeys().isEmpty()) {
                settings.remove(QString());
                m_written << c.key;
            }
            settings.endGroup();
            break;
        }
    }
    m_changes.clear();
    if (m_written.isEmpty())
        return true;
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error =
                tr("The settings file %1 cannot be written. Check that you may change it and that the disk "
                   "is not full.")
                    .arg(QDir::toNativeSeparators(m_path));
        m_written.clear();
        return false;
    }
    return true;
}

} // namespace Settings
