#include "DesktopSession.h"

namespace DesktopSession {

bool available()
{
    // Every interactive Windows session has a desktop; a service would need
    // --headless (and a service has no tray to show anyway).
    return true;
}

} // namespace DesktopSession
