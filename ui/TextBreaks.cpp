#include "TextBreaks.h"

namespace Ui {

namespace {

constexpr QChar kWordJoiner(0x2060);

bool isHiragana(QChar c)
{
    return c.unicode() >= 0x3041 && c.unicode() <= 0x309F;
}

// Kana, kanji, the prolonged sound mark and the iteration mark: the letters
// of a Japanese word (not its punctuation).
bool isJapaneseLetter(QChar c)
{
    const char16_t u = c.unicode();
    return isHiragana(c) || (u >= 0x30A0 && u <= 0x30FF) || (u >= 0x4E00 && u <= 0x9FFF) ||
           (u >= 0x3400 && u <= 0x4DBF) || u == 0x3005 || (u >= 0xFF66 && u <= 0xFF9F);
}

// Small kana and the prolonged sound mark never start a word.
bool startsWord(QChar c)
{
    static const QString small = QStringLiteral("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー");
    return !small.contains(c);
}

} // namespace

// A particle that ends a phrase on its own (送信先の|メール); a single other
// hiragana after kanji is an inflection inside a word (貼り付け, 読み込め).
static bool isParticle(QChar c)
{
    static const QString particles = QStringLiteral("のがをにでとはもへやか");
    return particles.contains(c);
}

QString phraseBreaks(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 2);
    qsizetype hiraganaRun = 0; // hiragana letters just before c
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i > 0) {
            const QChar previous = text.at(i - 1);
            const bool bothLetters = isJapaneseLetter(previous) && isJapaneseLetter(c);
            const bool phraseEnds = isHiragana(previous) && !isHiragana(c) && startsWord(c) &&
                                    (isParticle(previous) || hiraganaRun >= 2);
            if (bothLetters && !phraseEnds)
                out += kWordJoiner;
        }
        hiraganaRun = isHiragana(c) ? hiraganaRun + 1 : 0;
        out += c;
    }
    return out;
}

} // namespace Ui
