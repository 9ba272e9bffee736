#pragma once

#include <QString>

namespace Ui {

// Japanese has no spaces, so Qt may break a wrapped line between any two
// kana or kanji, even inside a word (「メールボック｜ス」). phraseBreaks()
// keeps the characters of a phrase together with WORD JOINERs (U+2060) and
// leaves a break opportunity only where a phrase ends: after punctuation and
// spaces (as before) and where hiragana (a particle or an inflection) is
// followed by katakana or kanji, the start of the next word:
//   メールサーバーが|メールを|拒否しました: |送信先の|メールボックスがありません
// Text without Japanese comes back unchanged. Use it for short wrapped
// labels (a status line); a phrase longer than the label would not wrap.
QString phraseBreaks(const QString& text);

} // namespace Ui
