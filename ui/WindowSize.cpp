#include "WindowSize.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Ui {

int latinCharWidth(const QWidget* widget)
{
    static const QString letters = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    const int width = widget->fontMetrics().horizontalAdvance(letters);
    return qMax(1, (width + int(letters.size()) / 2) / int(letters.size()));
}

QSize screenRoom(const QWidget* window)
{
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return {1264, 633};
    const qreal scale = screen->devicePixelRatio();
    const auto logical = [scale](int px) {
        return qRound(px / scale);
    };
    const QRect available = screen->availableGeometry();
    const int taskbar = available == screen->geometry() ? logical(48) : 0;
    return available.size() - QSize(logical(16), logical(39) + taskbar);
}

void resizeWithinScreen(QWidget* window, QSize wanted)
{
    window->resize(wanted.boundedTo(screenRoom(window)).expandedTo(window->minimumSize()));
}

} // namespace Ui
