#pragma once

#include <QStyledItemDelegate>

namespace Ui {

// Paints the findings of a recipient as small labelled badges and shows the
// message of the badge under the pointer as its tooltip. Painting instead of
// one widget per row keeps a list of 1,000 recipients fast.
class FindingBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    // The rectangles of the badges inside an item rectangle, one per label.
    static QList<QRect> badgeRects(const QStyleOptionViewItem& option, const QModelIndex& index);
    static QFont badgeFont(const QFont& base, int severity);
};

} // namespace Ui
