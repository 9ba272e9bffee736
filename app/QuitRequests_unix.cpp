#include "QuitRequests.h"

#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// [0] is written by the signal handler, [1] read by the notifier on the main thread.
int g_signalFd[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalFd[0], &c, 1);
}

QString nameOf(int signal)
{
    switch (signal) {
    case SIGTERM:
        return u"SIGTERM"_s;
    case SIGINT:
        return u"SIGINT"_s;
    case SIGHUP:
        return u"SIGHUP"_s;
    default:
        return u"signal %1"_s.arg(signal);
    }
}

} // namespace

QuitRequests::QuitRequests(QObject* parent) : QObject(parent)
{
    if (g_signalFd[0] >= 0) {
        qWarning("QuitRequests: installed twice; the second one stays silent");
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0) {
        qWarning("QuitRequests: no socket pair for the signal handler; SIGTERM ends Yubisashi abruptly");
        g_signalFd[0] = g_signalFd[1] = -1;
        return;
    }
    // Not handed to programs started from here (SOCK_CLOEXEC is not on macOS).
    ::fcntl(g_signalFd[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(g_signalFd[1], F_SETFD, FD_CLOEXEC);
    auto* notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        if (::read(g_signalFd[1], &c, 1) == 1)
            emit quitRequested(nameOf(int(c)));
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (const int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaction(signal, &sa, nullptr);
    m_installed = true;
}

QuitRequests::~QuitRequests()
{
    if (!m_installed)
        return;
    // Back to the default actions before the pipe goes away.
    struct sigaction sa = {};
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (const int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaction(signal, &sa, nullptr);
    ::close(g_signalFd[0]);
    ::close(g_signalFd[1]);
    g_signalFd[0] = g_signalFd[1] = -1;
}
