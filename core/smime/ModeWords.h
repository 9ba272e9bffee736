#pragma once

#include <QLatin1String>
#include <QString>
#include <cstddef>

namespace Smime {

// The words of an account's "sign" or "encrypt" setting: one table serves
// reading the setting and writing it back. The first entry is the fallback
// name of a value that is not in the table.
template <typename Mode> struct ModeWord
{
    Mode mode;
    QLatin1String word;
};

// Trimmed and case-insensitive; false (and *mode untouched) for any other word.
template <typename Mode, std::size_t N>
bool modeFromWord(const ModeWord<Mode> (&words)[N], const QString& text, Mode* mode)
{
    const QString t = text.trimmed().toLower();
    for (const ModeWord<Mode>& w : words) {
        if (t == w.word) {
            if (mode)
                *mode = w.mode;
            return true;
        }
    }
    return false;
}

template <typename Mode, std::size_t N> QString wordOf(const ModeWord<Mode> (&words)[N], Mode mode)
{
    for (const ModeWord<Mode>& w : words) {
        if (w.mode == mode)
            return w.word;
    }
    return words[0].word;
}

} // namespace Smime
