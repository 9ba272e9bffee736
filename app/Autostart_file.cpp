#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

// What the platforms whose entry is a file share: macOS (a LaunchAgent) and
// other Unix desktops (an XDG autostart entry). Windows uses the registry.

using namespace Qt::StringLiterals;

QStringList Autostart::command(const QString& configPath)
{
    QStringList cmd{QCoreApplication::applicationFilePath()};
    if (!configPath.isEmpty())
        cmd << u"--config"_s << QFileInfo(configPath).absoluteFilePath();
    return cmd;
}

bool Autostart::removeEntryFile(const QString& path, QString* error)
{
    if (QFile::exists(path) && !QFile::remove(path)) {
        *error = tr("%1 could not be removed.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool Autostart::writeEntryFile(const QString& path, const QByteArray& contents, QString* error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("The folder %1 could not be created.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) < 0 || !file.commit()) {
        *error = tr("%1 could not be written (%2).").arg(path, file.errorString());
        return false;
    }
    return true;
}
