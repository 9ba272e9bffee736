#include "DesktopSession.h"

namespace DesktopSession {

bool available()
{
    // A macOS login session always has the window server; over ssh, use --headless.
    return true;
}

} // namespace DesktopSession
