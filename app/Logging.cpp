#include "Logging.h"

#include <QDateTime>
#include <QtGlobal>
#include <cstdio>

namespace Logging {

namespace {
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
    const QByteArray time =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toUtf8();
    const char* category =
        context.category && qstrcmp(context.category, "default") != 0 ? context.category : "app";
    std::fprintf(stderr, "%s %s %s: %s\n", time.constData(), level, category, message.toUtf8().constData());
    std::fflush(stderr);
}
} // namespace

void install()
{
    qInstallMessageHandler(handler);
}

} // namespace Logging
