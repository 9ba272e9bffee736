#include "Autostart.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {

const QString kLabel = u"org.yubisashi.Yubisashi"_s;

QString xmlEscape(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

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
    if (!enabled)
        return removeEntryFile(location(), error);
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
    return writeEntryFile(location(), plist.toUtf8(), error);
}
