#include "CommandLine.h"

#include <QCommandLineParser>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace CommandLine {

void printErr(const QString& s)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(s));
}

std::optional<int> parse(QCommandLineParser& parser, const QString& command, const QStringList& args)
{
    if (!parser.parse(QStringList{command} + args)) {
        printErr(parser.errorText());
        return 3;
    }
    if (parser.isSet(u"help"_s)) {
        std::fprintf(stdout, "%s", qUtf8Printable(parser.helpText()));
        return 0;
    }
    return std::nullopt;
}

} // namespace CommandLine
