#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

const QString kLabel = u"org.yubisashi.Yubisashi"_s;

QString xmlEscape(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

QStringList Autostart::command(const QString& configPath)
{
    QStringList cmd{QCoreApplication::applicationFilePath()};
    if (!configPath.isEmpty())
        cmd << u"--config"_s << QFileInfo(configPath).absoluteFilePath();
    return cmd;
}

QString Autostart::location()
{
    return QDir::homePath() + u"/Library/LaunchAgents/"_s + kLabel + u".plist"_s;
}

bool Autostart::isEnabled()
{
    return QFile::exists(location());
}

bool Autostart::setEnabled(bool enabled, const QString& configPath, QString* error)
{
    const QString path = location();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("%1 could not be removed.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("The folder %1 could not be created.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QString args;
    for (const QString& arg : command(configPath))
        args += u"    <string>"_s + xmlEscape(arg) + u"</string>\n"_s;
    const QString plist = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n<dict>\n"
                          "  <key>Label</key>\n  <string>%1</string>\n"
                          "  <key>ProgramArguments</key>\n  <array>\n%2  </array>\n"
                          "  <key>RunAtLoad</key>\n  <true/>\n"
                          "  <key>ProcessType</key>\n  <string>Interactive</string>\n"
                          "</dict>\n</plist>\n"_s.arg(kLabel, args);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(plist.toUtf8()) < 0 || !file.commit()) {
        *error = tr("%1 could not be written (%2).").arg(path, file.errorString());
        return false;
    }
    return true;
}
