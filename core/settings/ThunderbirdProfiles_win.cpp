#include "settings/ThunderbirdProfiles.h"

#include <QDir>
#include <shlobj.h>
#include <windows.h>

using namespace Qt::StringLiterals;

namespace Settings {

QStringList ThunderbirdProfiles::roots()
{
    // %APPDATA%\Thunderbird: the roaming application data folder.
    PWSTR path = nullptr;
    QStringList roots;
    if (SUCCEEDED(SHGetKnownFolderPath(FOLDERID_RoamingAppData, KF_FLAG_DEFAULT, nullptr, &path)))
        roots << QDir(QString::fromWCharArray(path)).filePath(u"Thunderbird"_s);
    CoTaskMemFree(path);
    return roots;
}

} // namespace Settings
