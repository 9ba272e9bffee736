#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;

// What the command-line commands (check, import-history, sign-in) share.
namespace CommandLine {

// One line on stderr.
void printErr(const QString& s);

// Parses the arguments of "yubisashi <command>" (command: "yubisashi check").
// Returns the exit status when the command has nothing more to do: 3 after
// an error in the arguments (printed), 0 after --help (the help printed).
std::optional<int> parse(QCommandLineParser& parser, const QString& command, const QStringList& args);

} // namespace CommandLine
