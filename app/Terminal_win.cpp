#include "Terminal.h"

#include <windows.h>

namespace Terminal {

bool stderrIsTerminal()
{
    // GetConsoleMode succeeds only for a real console; _isatty() would also
    // say yes for the NUL device.
    DWORD mode = 0;
    const HANDLE handle = GetStdHandle(STD_ERROR_HANDLE);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE && GetConsoleMode(handle, &mode);
}

} // namespace Terminal
