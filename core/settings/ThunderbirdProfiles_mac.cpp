#include "settings/ThunderbirdProfiles.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Settings {

QStringList ThunderbirdProfiles::roots()
{
    return {QDir::home().filePath(u"Library/Thunderbird"_s)};
}

} // namespace Settings
