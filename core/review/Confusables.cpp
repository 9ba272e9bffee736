#include "review/Confusables.h"

#include <QHash>

namespace Review {

namespace {

// Single code point -> Latin look-alike. Lower case only: skeletons are built
// from case-folded text.
const QHash<char32_t, char16_t>& table()
{
    static const QHash<char32_t, char16_t> map{
        // Cyrillic
        {0x0430, u'a'},
        {0x0435, u'e'},
        {0x0451, u'e'},
        {0x0456, u'i'},
        {0x0457, u'i'},
        {0x0458, u'j'},
        {0x043A, u'k'},
        {0x043E, u'o'},
        {0x0440, u'p'},
        {0x0441, u'c'},
        {0x0443, u'y'},
        {0x0445, u'x'},
        {0x0455, u's'},
        {0x0501, u'd'},
        {0x051B, u'q'},
        {0x051D, u'w'},
        {0x04BB, u'h'},
        {0x04CF, u'l'},
        {0x0475, u'v'},
        {0x044C, u'b'},
        {0x0261, u'g'},
        // Greek
        {0x03B1, u'a'},
        {0x03B3, u'y'},
        {0x03B5, u'e'},
        {0x03B9, u'i'},
        {0x03BA, u'k'},
        {0x03BD, u'v'},
        {0x03BF, u'o'},
        {0x03C1, u'p'},
        {0x03C4, u't'},
        {0x03C5, u'u'},
        {0x03C7, u'x'},
        {0x03C9, u'w'},
        {0x03F2, u'c'},
        {0x03F3, u'j'},
        {0x03B2, u'b'},
        // Latin look-alikes and lookalike digits
        {0x0131, u'i'},
        {0x0269, u'i'},
        {0x0251, u'a'},
        {0x0253, u'b'},
        {0x0257, u'd'},
        {0x1E9B, u's'},
        {0x217C, u'l'},
        {0x2170, u'i'},
        {u'1', u'l'},
        {u'|', u'l'},
        {u'0', u'o'},
        // Ideographic and half-width full stops separate labels like '.'
        {0x3002, u'.'},
        {0xFF61, u'.'},
    };
    return map;
}

bool isLatinGreekCyrillic(char32_t c)
{
    return c < 0x0530 || (c >= 0x1E00 && c <= 0x1FFF);
}

} // namespace

QString Confusables::skeleton(const QString& text)
{
    // Most domains are plain ASCII: fold them without Unicode normalisation.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QString out = text.toLower();
        for (QChar& c : out) {
            if (c == QLatin1Char('1') || c == QLatin1Char('|'))
                c = QLatin1Char('l');
            else if (c == QLatin1Char('0'))
                c = QLatin1Char('o');
        }
        out.replace(QLatin1String("rn"), QLatin1String("m"));
        out.replace(QLatin1String("vv"), QLatin1String("w"));
        return out;
    }
    // NFKD turns full-width letters into ASCII and splits accents off their
    // letters; the accents are dropped only after Latin, Greek or Cyrillic
    // letters (dropping the voicing marks of kana would merge real words).
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    char32_t previousBase = 0;
    const auto& map = table();
    for (const char32_t c : decomposed.toUcs4()) {
        const QChar::Category cat = QChar::category(c);
        if (cat == QChar::Mark_NonSpacing && isLatinGreekCyrillic(previousBase))
            continue;
        if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD)
            continue; // invisible characters hide inside look-alikes
        previousBase = c;
        const auto it = map.constFind(c);
        if (it != map.constEnd())
            out += QChar(*it);
        else
            out += QString::fromUcs4(&c, 1);
    }
    out.replace(QLatin1String("rn"), QLatin1String("m"));
    out.replace(QLatin1String("vv"), QLatin1String("w"));
    return out;
}

bool Confusables::areConfusable(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) != 0 && skeleton(a) == skeleton(b);
}

bool Confusables::hasMixedScripts(const QString& text)
{
    bool latin = false;
    bool other = false;
    for (const char32_t c : text.toUcs4()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            latin = true;
        else if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x0400 && c <= 0x052F))
            other = true;
    }
    return latin && other;
}

} // namespace Review
