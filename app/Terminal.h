#pragma once

// Whether the command-line tools write to a person at a terminal (progress
// lines that redraw themselves) or to a file or pipe (one line per step).
// Terminal_unix.cpp (isatty) and Terminal_win.cpp (a console handle),
// picked by app/CMakeLists.txt.
namespace Terminal {

bool stderrIsTerminal();

} // namespace Terminal
