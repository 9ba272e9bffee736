#include "Terminal.h"

#include <unistd.h>

namespace Terminal {

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

void attachToParentConsole() {}

} // namespace Terminal
