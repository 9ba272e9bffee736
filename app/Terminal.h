#pragma once

// Whether the command-line tools write to a person at a terminal (progress
// lines that redraw themselves) or to a file or pipe (one line per step).
// Terminal_unix.cpp (isatty) and Terminal_win.cpp (a console handle),
// picked by app/CMakeLists.txt.
namespace Terminal {

bool stderrIsTerminal();

// yubisashi.exe is a GUI program on Windows (no console window flashes up at
// login), so the command-line tools (check, client-setup, --help) would print
// nowhere: this connects stdout and stderr to the console of the command
// prompt that started it, when there is one and they are not redirected.
// Nothing to do elsewhere.
void attachToParentConsole();

} // namespace Terminal
