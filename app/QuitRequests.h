#pragma once

#include <QObject>
#include <QString>

// The operating system asking Yubisashi to stop, turned into one Qt signal
// on the main thread, so the event loop ends normally (spool consistent,
// sockets closed) instead of the process being cut off.
//   Unix (QuitRequests_unix.cpp): SIGTERM, SIGINT and SIGHUP, through a
//   self-pipe (the handler only writes a byte, which is async-signal-safe).
//   Windows (QuitRequests_win.cpp): Ctrl+C, Ctrl+Break and closing the
//   console window, for a run in a console. Logging off and shutting down
//   reach a program with windows as WM_QUERYENDSESSION/WM_ENDSESSION, which
//   Qt handles itself (it emits aboutToQuit); nothing is needed here.
// One object per process; picked by app/CMakeLists.txt like Autostart.
class QuitRequests : public QObject
{
    Q_OBJECT
public:
    explicit QuitRequests(QObject* parent = nullptr);
    ~QuitRequests() override;

    // false (with the reason in the log) when the handlers could not be installed.
    bool isInstalled() const { return m_installed; }

signals:
    // what: the request in a word for the log ("SIGTERM", "Ctrl+C"…).
    void quitRequested(const QString& what);

private:
    bool m_installed = false;
};
