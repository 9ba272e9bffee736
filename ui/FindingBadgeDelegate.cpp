#include "FindingBadgeDelegate.h"

#include "RecipientModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <functional>

using namespace Qt::StringLiterals;

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

namespace {

QList<QRect> layoutBadges(const QRect& cell, const QFont& font, const QStringList& labels,
                          const QList<int>& severities,
                          const std::function<QFont(const QFont&, int)>& fontFor)
{
    const QFontMetrics fm(font);
    const int padding = fm.height() / 3;
    const int gap = fm.height() / 4;
    const int height = qMin(fm.height() + 2, cell.height() - 2);
    int x = cell.left() + gap;
    const int y = cell.top() + (cell.height() - height) / 2;
    QList<QRect> rects;
    rects.reserve(labels.size());
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QFontMetrics badgeMetrics(fontFor(font, severities.value(i)));
        const int width = badgeMetrics.horizontalAdvance(labels.at(i)) + 2 * padding;
        rects << QRect(x, y, width, height);
        x += width + gap;
    }
    return rects;
}

} // namespace

namespace {

int suggestionButtonWidth(const QFontMetrics& fm, const QString& label)
{
    return fm.horizontalAdvance(label) + fm.height();
}

} // namespace

bool FindingBadgeDelegate::hasSuggestion(const QModelIndex& index)
{
    return !index.siblingAtColumn(RecipientModel::FindingsColumn)
                .data(RecipientModel::SuggestionActionRole)
                .toString()
                .isEmpty();
}

QRect FindingBadgeDelegate::firstLine(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    QRect rect = option.rect;
    // Only a rectangle of two lines is halved: paint() passes the first line on as it is.
    if (hasSuggestion(index) && rect.height() > QFontMetrics(option.font).height() * 2)
        rect.setHeight(rect.height() / 2);
    return rect;
}

FindingBadgeDelegate::Badges FindingBadgeDelegate::badges(const QStyleOptionViewItem& itemOption,
                                                          const QModelIndex& index)
{
    // A row with a suggestion has two lines: the badges on the first.
    QStyleOptionViewItem option = itemOption;
    option.rect = firstLine(itemOption, index);
    Badges b;
    b.labels = index.data(RecipientModel::BadgeLabelsRole).toStringList();
    b.tips = index.data(RecipientModel::BadgeTipsRole).toStringList();
    const QVariantList severities = index.data(RecipientModel::BadgeSeveritiesRole).toList();
    for (qsizetype i = 0; i < b.labels.size(); ++i)
        b.severities << severities.value(i).toInt();
    if (b.labels.isEmpty())
        return b;
    b.rects = layoutBadges(option.rect, option.font, b.labels, b.severities, badgeFont);
    // A zero-width rectangle is sizeHint() asking for the natural width.
    if (option.rect.width() <= 0 || b.rects.constLast().right() <= option.rect.right() ||
        b.labels.size() == 1)
        return b;
    // Too many for the column: one badge with the most severe colour that
    // says how many there are; its tooltip lists every one.
    int worst = 0;
    QStringList lines;
    for (qsizetype i = 0; i < b.labels.size(); ++i) {
        worst = qMax(worst, b.severities.at(i));
        lines << u"%1: %2"_s.arg(b.labels.at(i), b.tips.value(i));
    }
    const int n = static_cast<int>(b.labels.size());
    b.combined = true;
    b.labels = {tr("%1 +%n", nullptr, n - 1).arg(b.labels.constFirst())};
    b.severities = {worst};
    b.tips = {lines.join(QLatin1Char('\n'))};
    b.rects = layoutBadges(option.rect, option.font, b.labels, b.severities, badgeFont);
    if (b.rects.constFirst().right() > option.rect.right())
        b.labels = {tr("%n findings", nullptr, n)};
    b.rects = layoutBadges(option.rect, option.font, b.labels, b.severities, badgeFont);
    return b;
}

FindingBadgeDelegate::Suggestion FindingBadgeDelegate::suggestion(const QStyleOptionViewItem& option,
                                                                  const QModelIndex& index)
{
    Suggestion s;
    const QModelIndex findings = index.siblingAtColumn(RecipientModel::FindingsColumn);
    s.button = findings.data(RecipientModel::SuggestionActionRole).toString();
    if (s.button.isEmpty())
        return s;
    const QString text = findings.data(RecipientModel::SuggestionRole).toString();
    // The second line of the row, under the address and across the findings:
    // as wide as it can be, whichever cell is asked about.
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const QRect cell = option.rect;
    const QRect address =
        view ? view->visualRect(index.siblingAtColumn(RecipientModel::AddressColumn)) : cell;
    const QRect last = view ? view->visualRect(findings) : cell;
    const int lineHeight = cell.height() / 2;
    const QFontMetrics fm(option.font);
    const int gap = fm.height() / 2;
    const int margin = fm.height() / 4;
    const int left = address.left() + margin;
    const int right = qMax(last.right(), view ? view->viewport()->width() - 1 : cell.right());
    const int top = cell.top() + lineHeight;
    const int buttonWidth = suggestionButtonWidth(fm, s.button);
    const int height = qMin(fm.height() + fm.height() / 3, lineHeight - 2);
    const int natural = fm.horizontalAdvance(text);
    const int room = right - gap - buttonWidth - gap - left;
    const int textWidth = qMax(0, qMin(natural, room));
    s.text = textWidth < natural ? fm.elidedText(text, Qt::ElideMiddle, textWidth) : text;
    s.textRect = QRect(left, top, textWidth, lineHeight);
    s.buttonRect = QRect(left + textWidth + gap, top + (lineHeight - height) / 2, buttonWidth, height);
    return s;
}

QColor FindingBadgeDelegate::outsideColour()
{
    return QColor(0xc2, 0x4e, 0x00);
}

QRect FindingBadgeDelegate::outsideMarkerRect(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const QString marker = index.data(RecipientModel::OutsideMarkerRole).toString();
    if (marker.isEmpty())
        return {};
    const QFontMetrics fm(option.font);
    const int padding = fm.height() / 3;
    const int gap = fm.height() / 4;
    const int height = qMin(fm.height() + 2, option.rect.height() - 2);
    const int width = fm.horizontalAdvance(marker) + 2 * padding;
    return QRect(option.rect.right() - gap - width + 1,
                 option.rect.top() + (option.rect.height() - height) / 2, width, height);
}

void FindingBadgeDelegate::paintOutsideMarker(QPainter* painter, const QStyleOptionViewItem& option,
                                              const QModelIndex& index, const QString& marker) const
{
    QRect tag = outsideMarkerRect(option, index);
    // The background (and selection) across the whole cell, then the checkbox
    // and name in what is left of it beside the tag.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.features &= ~(QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration);
    background.state &= ~QStyle::State_HasFocus;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    const int gap = option.fontMetrics.height() / 4;
    QStyleOptionViewItem rest = option;
    rest.rect.setRight(tag.left() - gap);
    QStyledItemDelegate::paint(painter, rest, index);

    // The tag right after the name where it fits, so it reads with the name.
    QStyleOptionViewItem text = rest;
    initStyleOption(&text, index);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &text, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const int nameEnd = textRect.left() + text.fontMetrics.horizontalAdvance(text.text) + 2 * margin;
    tag.moveLeft(qMin(tag.left(), nameEnd + gap));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    const qreal radius = tag.height() / 3.0;
    painter->setPen(QPen(outsideColour(), 1));
    painter->setBrush(QColor(0xff, 0xe8, 0xd6));
    painter->drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setPen(QColor(0x6b, 0x2a, 0x00));
    painter->setFont(option.font);
    painter->drawText(tag, Qt::AlignCenter, marker);
    painter->restore();
}

void FindingBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& itemOption,
                                 const QModelIndex& index) const
{
    if (!hasSuggestion(index)) {
        paintLine(painter, itemOption, index);
        return;
    }
    // Two lines: the background across the whole cell, the cell's content on
    // the first line; the findings cell (painted last) adds the suggestion line.
    const QWidget* widget = itemOption.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem background = itemOption;
    initStyleOption(&background, index);
    background.text.clear();
    background.features &= ~(QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration);
    background.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    QStyleOptionViewItem first = itemOption;
    first.rect = firstLine(itemOption, index);
    paintLine(painter, first, index);
    if (index.column() != RecipientModel::FindingsColumn)
        return;
    const Suggestion suggested = suggestion(itemOption, index);
    painter->save();
    painter->setClipping(false);
    painter->setFont(itemOption.font);
    painter->setPen(itemOption.palette.color(
        itemOption.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(suggested.textRect, Qt::AlignLeft | Qt::AlignVCenter, suggested.text);
    QStyleOptionButton button;
    if (widget)
        button.initFrom(widget);
    button.rect = suggested.buttonRect;
    button.text = suggested.button;
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    button.fontMetrics = QFontMetrics(itemOption.font);
    style->drawControl(QStyle::CE_PushButton, &button, painter, widget);
    painter->restore();
}

void FindingBadgeDelegate::paintLine(QPainter* painter, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    const QString marker = index.data(RecipientModel::OutsideMarkerRole).toString();
    if (!marker.isEmpty()) {
        paintOutsideMarker(painter, option, index, marker);
        return;
    }
    const QVariantList runs = index.data(RecipientModel::HighlightRole).toList();
    if (!runs.isEmpty()) {
        paintHighlighted(painter, option, index, runs);
        return;
    }
    const Badges b = badges(option, index);
    if (b.labels.isEmpty()) {
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

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    const qreal radius = b.rects.constFirst().height() / 3.0;
    for (qsizetype i = 0; i < b.labels.size(); ++i) {
        const int severity = b.severities.value(i);
        const BadgeColours colours = coloursFor(severity);
        painter->setFont(badgeFont(opt.font, severity));
        painter->setPen(QPen(colours.border, 1));
        painter->setBrush(colours.background);
        painter->drawRoundedRect(QRectF(b.rects.at(i)).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        painter->setPen(colours.text);
        painter->drawText(b.rects.at(i), Qt::AlignCenter, b.labels.at(i));
    }
    painter->restore();
}

bool FindingBadgeDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                       const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease ||
        event->type() == QEvent::MouseButtonDblClick) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const Suggestion s = suggestion(option, index);
        if (mouse->button() == Qt::LeftButton && !s.button.isEmpty() &&
            s.buttonRect.contains(mouse->position().toPoint())) {
            if (event->type() == QEvent::MouseButtonRelease)
                emit suggestionClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void FindingBadgeDelegate::paintHighlighted(QPainter* painter, const QStyleOptionViewItem& option,
                                            const QModelIndex& index, const QVariantList& runs) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // Plain runs in the item's font; the differing letters underlined on a
    // marker colour, so they stand out without relying on colour alone.
    QList<bool> marked(text.size(), false);
    for (const QVariant& run : runs) {
        const QPoint p = run.toPoint();
        for (int i = p.x(); i < p.x() + p.y() && i < text.size(); ++i)
            marked[i] = true;
    }
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = textRect.adjusted(margin, 0, -margin, 0);
    const QColor textColour =
        opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);
    const BadgeColours marker = coloursFor(static_cast<int>(Review::Severity::Block));
    painter->save();
    painter->setClipRect(area);
    QFont plain = opt.font;
    QFont emphasised = opt.font;
    emphasised.setUnderline(true);
    int x = area.left();
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype j = i;
        while (j < text.size() && marked.at(j) == marked.at(i))
            ++j;
        const QString part = text.mid(i, j - i);
        const QFont& font = marked.at(i) ? emphasised : plain;
        const QFontMetrics fm(font);
        const int width = fm.horizontalAdvance(part);
        const QRect rect(x, area.top(), width, area.height());
        painter->setFont(font);
        if (marked.at(i)) {
            painter->fillRect(QRect(x, area.center().y() - fm.height() / 2, width, fm.height()),
                              marker.background);
            painter->setPen(marker.text);
        } else {
            painter->setPen(textColour);
        }
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, part);
        x += width;
        i = j;
    }
    painter->restore();
}

QSize FindingBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Rows a little taller than the text: room for the badges and easier to hit.
    const QFontMetrics fm(option.font);
    size.setHeight(qMax(size.height(), fm.height() * 3 / 2));
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, 0, size.height());
    const QRect tag = outsideMarkerRect(opt, index);
    if (!tag.isEmpty())
        size.setWidth(size.width() + tag.width() + fm.height() / 2);
    // A row with a suggestion has a second line for it.
    if (hasSuggestion(index))
        size.setHeight(fm.height() * 3);
    const Badges b = badges(opt, index);
    if (b.rects.isEmpty())
        return size;
    size.setWidth(qMax(size.width(), b.rects.constLast().right() + fm.height() / 4));
    return size;
}

bool FindingBadgeDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                     const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event && event->type() == QEvent::ToolTip) {
        const Badges b = badges(option, index);
        for (qsizetype i = 0; i < b.rects.size(); ++i) {
            if (b.rects.at(i).contains(event->pos())) {
                QToolTip::showText(event->globalPos(), b.tips.value(i), view->viewport(), b.rects.at(i));
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Ui
