#include "DesktopSession.h"

#include <QtGlobal>

namespace DesktopSession {

bool available()
{
    // An X11 or Wayland session sets one of the first two; QT_QPA_PLATFORM
    // names a platform plugin that needs neither (offscreen, vnc…).
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
           qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

} // namespace DesktopSession
