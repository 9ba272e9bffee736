#pragma once

#include <QStyledItemDelegate>

namespace Ui {

// Paints the findings of a recipient as small labelled badges and shows the
// message of the badge under the pointer as its tooltip. Painting instead of
// one widget per row keeps a list of 1,000 recipients fast. When the badges do
// not all fit the column, they become one badge that names how many there are
// and lists them all in its tooltip: a badge is never cut off. Domain rows
// with a HighlightRole get those letters marked (the letters of a look-alike
// domain that differ from the domain it resembles). A cell with an
// OutsideMarkerRole text (an outside recipient's name) shows that text as a
// tag at its right end; the name is elided before it, never the tag.
class FindingBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // What is painted in a findings cell: one rectangle, label, tooltip and
    // severity per badge shown.
    struct Badges
    {
        QList<QRect> rects;
        QStringList labels;
        QStringList tips;
        QList<int> severities;
        bool combined = false;
    };
    static Badges badges(const QStyleOptionViewItem& option, const QModelIndex& index);
    // Where the outside marker of a cell is painted; empty when it has none.
    static QRect outsideMarkerRect(const QStyleOptionViewItem& option, const QModelIndex& index);
    // The colour of the outside marker's border, also used for the edge of an outside row.
    static QColor outsideColour();

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    static QFont badgeFont(const QFont& base, int severity);
    void paintOutsideMarker(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                            const QString& marker) const;
    void paintHighlighted(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                          const QVariantList& runs) const;
};

} // namespace Ui
