#include "FindingBadgeDelegate.h"

#include "RecipientModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace Ui {

namespace {

struct BadgeColours
{
    QColor background;
    QColor border;
    QColor text;
};

// Fixed light badge colours with dark text read well on light and dark themes
// alike; the label text carries the meaning, the colour only helps.
BadgeColours coloursFor(int severity)
{
    switch (static_cast<Review::Severity>(severity)) {
    case Review::Severity::Block:
        return {QColor(0xff, 0xd8, 0xd3), QColor(0xcf, 0x22, 0x2e), QColor(0x82, 0x07, 0x1e)};
    case Review::Severity::Warn:
        return {QColor(0xff, 0xf1, 0xc2), QColor(0xbf, 0x87, 0x00), QColor(0x4d, 0x2d, 0x00)};
    case Review::Severity::Info:
        break;
    }
    return {QColor(0xdd, 0xea, 0xff), QColor(0x54, 0x8e, 0xe0), QColor(0x0a, 0x30, 0x69)};
}

} // namespace

QFont FindingBadgeDelegate::badgeFont(const QFont& base, int severity)
{
    // Blocking findings in bold as well: a difference that does not rest on colour alone.
    QFont font = base;
    font.setBold(static_cast<Review::Severity>(severity) == Review::Severity::Block);
    return font;
}

QList<QRect> FindingBadgeDelegate::badgeRects(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const QStringList labels = index.data(RecipientModel::BadgeLabelsRole).toStringList();
    const QVariantList severities = index.data(RecipientModel::BadgeSeveritiesRole).toList();
    const QFontMetrics fm(option.font);
    const int padding = fm.height() / 3;
    const int gap = fm.height() / 4;
    const int height = qMin(fm.height() + 2, option.rect.height() - 2);
    int x = option.rect.left() + gap;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    QList<QRect> rects;
    rects.reserve(labels.size());
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QFontMetrics badgeMetrics(badgeFont(option.font, severities.value(i).toInt()));
        const int width = badgeMetrics.horizontalAdvance(labels.at(i)) + 2 * padding;
        rects << QRect(x, y, width, height);
        x += width + gap;
    }
    return rects;
}

void FindingBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    const QStringList labels = index.data(RecipientModel::BadgeLabelsRole).toStringList();
    if (labels.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background and selection as for any item, without the plain text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariantList severities = index.data(RecipientModel::BadgeSeveritiesRole).toList();
    const QList<QRect> rects = badgeRects(opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    const qreal radius = rects.constFirst().height() / 3.0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int severity = severities.value(i).toInt();
        const BadgeColours colours = coloursFor(severity);
        painter->setFont(badgeFont(opt.font, severity));
        painter->setPen(QPen(colours.border, 1));
        painter->setBrush(colours.background);
        painter->drawRoundedRect(QRectF(rects.at(i)).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        painter->setPen(colours.text);
        painter->drawText(rects.at(i), Qt::AlignCenter, labels.at(i));
    }
    painter->restore();
}

QSize FindingBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Rows a little taller than the text: room for the badges and easier to hit.
    const QFontMetrics fm(option.font);
    size.setHeight(qMax(size.height(), fm.height() * 3 / 2));
    const QStringList labels = index.data(RecipientModel::BadgeLabelsRole).toStringList();
    if (labels.isEmpty())
        return size;
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, 0, size.height());
    const QList<QRect> rects = badgeRects(opt, index);
    size.setWidth(qMax(size.width(), rects.constLast().right() + fm.height() / 4));
    return size;
}

bool FindingBadgeDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                     const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event && event->type() == QEvent::ToolTip) {
        const QStringList tips = index.data(RecipientModel::BadgeTipsRole).toStringList();
        const QList<QRect> rects = badgeRects(option, index);
        for (qsizetype i = 0; i < rects.size(); ++i) {
            if (rects.at(i).contains(event->pos())) {
                QToolTip::showText(event->globalPos(), tips.value(i), view->viewport(), rects.at(i));
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Ui
