#include "Logging.h"

#include "diagnostics/LogFile.h"
#include "diagnostics/SecretMask.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>
#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Logging {

namespace {

// Set once by openFile() and never destroyed: Qt may log from other threads
// and during static destruction, after main() returned.
std::atomic<Diagnostics::LogFile*> g_file{nullptr};

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const char* level = "info ";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info ";
        break;
    case QtWarningMsg:
        level = "warn ";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QString time = QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    const QString category = context.category && qstrcmp(context.category, "default") != 0
                                 ? QString::fromUtf8(context.category)
                                 : u"app"_s;
    const QString line = Diagnostics::SecretMask::mask(time + u' ' + QLatin1StringView(level) + u' ' +
                                                       category + u": "_s + message);
    std::fprintf(stderr, "%s\n", line.toUtf8().constData());
    std::fflush(stderr);
    if (Diagnostics::LogFile* file = g_file.load())
        file->write(line);
}

} // namespace

void install()
{
    qInstallMessageHandler(handler);
}

bool openFile(const QString& folder, QString* error)
{
    if (g_file.load())
        return true;
    auto* file = new Diagnostics::LogFile(folder);
    if (!file->open(error)) {
        delete file;
        return false;
    }
    g_file.store(file);
    return true;
}

QString defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"logs"_s);
}

QString folder()
{
    const Diagnostics::LogFile* file = g_file.load();
    return file ? file->folder() : QString();
}

} // namespace Logging
