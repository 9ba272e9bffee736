#pragma once

// Whether Yubisashi runs where a person can see windows, decided before the
// application object exists (QApplication needs a display; QCoreApplication
// runs without one). Windows (DesktopSession_win.cpp) and macOS
// (DesktopSession_mac.cpp) always have a desktop; other Unix systems have one
// when DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM says so
// (DesktopSession_unix.cpp). --headless overrides it (main.cpp).
namespace DesktopSession {

bool available();

} // namespace DesktopSession
