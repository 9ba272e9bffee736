#pragma once

#include <QSize>

class QWidget;

namespace Ui {

// Sizes for windows that must open within the screen in English and Japanese.
//
// Widths are measured in Latin letters (latinCharWidth), not in
// QFontMetrics::averageCharWidth(): a Japanese desktop's font (Yu Gothic UI,
// Noto Sans CJK) reports a full-width character as its average, twice as
// wide, which opened the wizard 1320 px wide on a 1280 px screen.

// The width of an average Latin letter in widget's font.
int latinCharWidth(const QWidget* widget);

// The room a window's contents have on its screen: the available area less
// a title bar and borders (39 x 16 px at 100 %), and less a 48 px taskbar
// when the platform does not report one (its available area is the whole
// screen). At 200 % on a 1920x1080 screen that is about 944x481.
QSize screenRoom(const QWidget* window);

// Resizes window to wanted, bounded by screenRoom() (but not below the
// window's minimum size), before it is first shown.
void resizeWithinScreen(QWidget* window, QSize wanted);

} // namespace Ui
