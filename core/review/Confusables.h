#pragma once

#include <QString>

namespace Review {

// Folds characters that look alike into one "skeleton" (after Unicode TS #39),
// for the scripts spoofed domains use: Cyrillic and Greek letters that look
// Latin, full-width forms, accented Latin letters, and the digit/letter and
// letter-pair tricks of hand-made look-alikes (1/l, 0/o, rn/m, vv/w).
// Two strings with the same skeleton are confusable; the table is small and
// deliberate rather than complete, because every entry can merge names that
// are really different.
class Confusables
{
public:
    static QString skeleton(const QString& text);
    // Different spellings that a person would read the same way.
    static bool areConfusable(const QString& a, const QString& b);
    // True when the text mixes Latin letters with look-alike Cyrillic or Greek letters.
    static bool hasMixedScripts(const QString& text);
};

} // namespace Review
