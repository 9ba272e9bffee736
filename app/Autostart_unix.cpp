#include "Autostart.h"

#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

// Desktop Entry Specification, "The Exec key": arguments with reserved
// characters are quoted, and inside quotes ", `, $ and \ are escaped; a
// literal % is written %%.
QString quoteExecArgument(const QString& arg)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString out = arg;
    out.replace(u'%', u"%%"_s);
    bool needsQuotes = out.isEmpty();
    for (QChar c : std::as_const(out)) {
        if (reserved.contains(c)) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return out;
    QString quoted;
    for (QChar c : std::as_const(out)) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    return u'"' + quoted + u'"';
}

} // namespace

QString Autostart::location()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           u"/autostart/yubisashi.desktop"_s;
}

bool Autostart::isEnabled()
{
    QFile file(location());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // A desktop may switch an entry off without deleting it.
    const QByteArray text = file.readAll();
    return !text.contains("\nHidden=true") && !text.contains("\nX-GNOME-Autostart-enabled=false");
}

bool Autostart::setEnabled(bool enabled, const QString& configPath, QString* error)
{
    if (!enabled)
        return removeEntryFile(location(), error);
    QStringList exec;
    for (const QString& arg : command(configPath))
        exec << quoteExecArgument(arg);
    const QString entry = u"[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Yubisashi\n"
                          "Comment=%1\n"
                          "Exec=%2\n"
                          "Icon=yubisashi\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n"_s.arg(
                              tr("Checks every recipient before a message leaves"), exec.join(u' '));
    return writeEntryFile(location(), entry.toUtf8(), error);
}
