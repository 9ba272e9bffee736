#include "settings/ThunderbirdProfiles.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Settings {

QStringList ThunderbirdProfiles::roots()
{
    const QDir home = QDir::home();
    // The distribution's package, then the Snap and the Flatpak.
    return {home.filePath(u".thunderbird"_s), home.filePath(u"snap/thunderbird/common/.thunderbird"_s),
            home.filePath(u".var/app/org.mozilla.Thunderbird/.thunderbird"_s)};
}

} // namespace Settings
