#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Starting Yubisashi when the person logs in, the way each platform does it:
// an XDG autostart entry (~/.config/autostart/yubisashi.desktop) on Linux and
// other Unix desktops, the HKCU Run key on Windows, a LaunchAgent on macOS.
// One header, one implementation file per platform (Autostart_unix.cpp,
// Autostart_win.cpp, Autostart_mac.cpp), picked by app/CMakeLists.txt; macOS
// and other Unix share Autostart_file.cpp.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    // The program and arguments that start this Yubisashi (the running
    // executable, and --config FILE when a non-default settings file is used).
    static QStringList command(const QString& configPath = {});

    static bool isEnabled();
    // Writes or removes the platform's entry; false with a reason for the person.
    static bool setEnabled(bool enabled, const QString& configPath, QString* error);
    // Where the entry lives, for the settings window and the log.
    static QString location();

private:
    // macOS and other Unix: the entry is a file (Autostart_file.cpp).
    static bool removeEntryFile(const QString& path, QString* error);
    static bool writeEntryFile(const QString& path, const QByteArray& contents, QString* error);
};
