#include "QuitRequests.h"

#include <QMetaObject>
#include <mutex>
#include <windows.h>

using namespace Qt::StringLiterals;

namespace {

std::mutex g_lock;
QuitRequests* g_instance = nullptr; // guarded by g_lock
// Set once the object is gone, i.e. the event loop has ended and the spool is left consistent.
HANDLE g_finished = nullptr;

// Windows calls this on a thread of its own.
BOOL WINAPI onConsoleEvent(DWORD type)
{
    QString what;
    switch (type) {
    case CTRL_C_EVENT:
        what = u"Ctrl+C"_s;
        break;
    case CTRL_BREAK_EVENT:
        what = u"Ctrl+Break"_s;
        break;
    case CTRL_CLOSE_EVENT:
        what = u"console window closed"_s;
        break;
    case CTRL_LOGOFF_EVENT:
        what = u"log-off"_s;
        break;
    case CTRL_SHUTDOWN_EVENT:
        what = u"shutdown"_s;
        break;
    default:
        return FALSE;
    }
    {
        const std::lock_guard<std::mutex> locked(g_lock);
        if (!g_instance)
            return FALSE; // the default: the process ends
        QuitRequests* instance = g_instance;
        QMetaObject::invokeMethod(
            instance, [instance, what] { emit instance->quitRequested(what); }, Qt::QueuedConnection);
    }
    // Ctrl+C and Ctrl+Break only ask. For the others Windows ends the process
    // as soon as this returns (or after about 5 s): wait until the event loop
    // has ended, within that time.
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT && g_finished)
        WaitForSingleObject(g_finished, 4500);
    return TRUE;
}

} // namespace

QuitRequests::QuitRequests(QObject* parent) : QObject(parent)
{
    const std::lock_guard<std::mutex> locked(g_lock);
    if (g_instance) {
        qWarning("QuitRequests: installed twice; the second one stays silent");
        return;
    }
    if (!g_finished)
        g_finished = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!SetConsoleCtrlHandler(onConsoleEvent, TRUE)) {
        qWarning("QuitRequests: the console handler could not be installed (error %lu)", GetLastError());
        return;
    }
    g_instance = this;
    m_installed = true;
}

QuitRequests::~QuitRequests()
{
    if (!m_installed)
        return;
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    {
        const std::lock_guard<std::mutex> locked(g_lock);
        g_instance = nullptr;
    }
    // A handler that waits may go on now; the handle stays open for it (the process is ending).
    if (g_finished)
        SetEvent(g_finished);
}
