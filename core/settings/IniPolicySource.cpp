#include "settings/IniPolicySource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

const QByteArray kUtf8Bom("\xEF\xBB\xBF");

QList<QByteArray> linesOf(const QByteArray& data)
{
    QByteArray text = data.startsWith(kUtf8Bom) ? data.mid(kUtf8Bom.size()) : data;
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray& l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    return lines;
}

bool isUtf8(const QByteArray& line)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(line);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

// What the lines of the file say, as QSettings would name the keys.
struct Scan
{
    QHash<QString, int> lineOf; // QSettings key -> line
    QList<int> otherLines;      // neither a section, a key=value, a comment nor empty
    QList<int> notUtf8;
};

Scan scan(const QByteArray& data)
{
    Scan s;
    QString section;
    const QList<QByteArray> lines = linesOf(data);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        if (!isUtf8(lines.at(i)))
            s.notUtf8 << number;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            const qsizetype end = line.indexOf(u']');
            if (end < 0) {
                s.otherLines << number;
                continue;
            }
            section = line.mid(1, end - 1).trimmed().replace(u'\\', u'/');
            if (section.compare(u"general"_s, Qt::CaseInsensitive) == 0)
                section.clear();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            s.otherLines << number;
            continue;
        }
        const QString key = line.left(eq).trimmed().replace(u'\\', u'/');
        s.lineOf.insert(section.isEmpty() ? key : section + u'/' + key, number);
    }
    return s;
}

} // namespace

IniPolicySource::IniPolicySource(const QString& path) : m_path(QFileInfo(path).absoluteFilePath()) {}

QString IniPolicySource::location() const
{
    return QDir::toNativeSeparators(m_path);
}

QString IniPolicySource::baseFolder() const
{
    return QFileInfo(m_path).absolutePath();
}

QString IniPolicySource::where(const QString& location, int line)
{
    return line > 0 ? tr("%1, line %2").arg(location).arg(line) : location;
}

int IniPolicySource::firstLineNotUtf8(const QByteArray& data)
{
    const QList<QByteArray> lines = linesOf(data);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isUtf8(lines.at(i)))
            return int(i + 1);
    }
    return 0;
}

QString IniPolicySource::notUtf8Message(const QString& location, int line)
{
    return tr("%1 is not saved as UTF-8 text (the first character that is not UTF-8 is on line %2). Editors "
              "on Japanese Windows often save as Shift_JIS (ANSI): open the file in Notepad, choose File, "
              "Save As, set Encoding to UTF-8 and save it again.")
        .arg(location)
        .arg(line);
}

QList<PolicyEntry> IniPolicySource::read(QStringList* errors) const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return {};
    QFile file(m_path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        *errors << tr("The administrator's policy file %1 cannot be read, so its settings are not applied. "
                      "Ask your administrator to check its permissions.")
                       .arg(location());
        return {};
    }
    const QByteArray data = file.readAll();
    file.close();
    const QSettings settings(m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *errors << tr("The administrator's policy file %1 is not a valid INI file, so its settings are not "
                      "applied.")
                       .arg(location());
        return {};
    }
    const Scan s = scan(data);
    for (int line : s.otherLines)
        *errors << tr("%1: this line is neither a [section] nor key=value; it is ignored.")
                       .arg(where(location(), line));
    if (!s.notUtf8.isEmpty())
        *errors << notUtf8Message(location(), s.notUtf8.constFirst());

    QList<PolicyEntry> entries;
    for (const QString& k : settings.allKeys()) {
        PolicyEntry e = entryFor(k, settings.value(k));
        e.line = s.lineOf.value(k);
        // A value that is not UTF-8 would be read as something else than
        // the administrator wrote: the key keeps its default instead.
        if (s.notUtf8.contains(e.line))
            e.value = QVariant();
        entries << e;
    }
    return entries;
}

} // namespace Settings
