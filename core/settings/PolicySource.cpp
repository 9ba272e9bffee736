#include "settings/PolicySource.h"

using namespace Qt::StringLiterals;

namespace Settings {

// PolicySource::system() is in PolicySource_{unix,win,mac}.cpp.

PolicyEntry PolicySource::entryFor(const QString& settingsKey, const QVariant& value)
{
    PolicyEntry e;
    e.value = value;
    QString key = settingsKey;
    const qsizetype slash = key.indexOf(u'/');
    const QString first = slash < 0 ? key : key.left(slash);
    if (first.compare(u"recommended"_s, Qt::CaseInsensitive) == 0 && slash > 0) {
        e.tier = PolicyTier::Recommended;
        key = key.mid(slash + 1);
    }
    // QSettings' top level and a "general" group (any case) are both [general].
    const qsizetype groupEnd = key.lastIndexOf(u'/');
    if (groupEnd < 0)
        key = u"general/"_s + key;
    else if (key.left(groupEnd).compare(u"general"_s, Qt::CaseInsensitive) == 0)
        key = u"general/"_s + key.mid(groupEnd + 1);
    e.key = key;
    return e;
}

} // namespace Settings
