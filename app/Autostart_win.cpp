#include "Autostart.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QString kRunKey = u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s;
const QString kValue = u"Yubisashi"_s;

QString quoteArgument(const QString& arg)
{
    // CommandLineToArgvW rules for the common case: paths with spaces, no quotes inside.
    if (!arg.contains(u' ') && !arg.contains(u'\t') && !arg.isEmpty())
        return arg;
    QString escaped = arg;
    escaped.replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

} // namespace

QStringList Autostart::command(const QString& configPath)
{
    QStringList cmd{QDir::toNativeSeparators(QCoreApplication::applicationFilePath())};
    if (!configPath.isEmpty())
        cmd << u"--config"_s << QDir::toNativeSeparators(QFileInfo(configPath).absoluteFilePath());
    return cmd;
}

QString Autostart::location()
{
    return kRunKey + u'\\' + kValue;
}

bool Autostart::isEnabled()
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    return !run.value(kValue).toString().isEmpty();
}

bool Autostart::setEnabled(bool enabled, const QString& configPath, QString* error)
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled) {
        QStringList parts;
        for (const QString& arg : command(configPath))
            parts << quoteArgument(arg);
        run.setValue(kValue, parts.join(u' '));
    } else {
        run.remove(kValue);
    }
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = tr("The Windows registry entry %1 could not be changed.").arg(location());
        return false;
    }
    return true;
}
