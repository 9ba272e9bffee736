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
    // unusual-recipient's suggestion: a row that has one is two lines high,
    // each cell's content on the first line; on the second, from the address
    // column to the right end, the suggestion's text ("Probably meant: ..."
    // or "was: ...", elided in the middle only when even that is too narrow)
    // and a button ("Replace" or "Undo"). option.rect is the rectangle of the
    // cell index; option.widget the view.
    struct Suggestion
    {
        QString text;
        QRect textRect;
        QString button;
        QRect buttonRect;
    };
    static Suggestion suggestion(const QStyleOptionViewItem& option, const QModelIndex& index);
    static bool hasSuggestion(const QModelIndex& index); // any cell of the row
    // The part of a cell its content is painted in: the first line of a row with a suggestion.
    static QRect firstLine(const QStyleOptionViewItem& option, const QModelIndex& index);
    // Where the outside marker of a cell is painted; empty when it has none.
    static QRect outsideMarkerRect(const QStyleOptionViewItem& option, const QModelIndex& index);
    // The colour of the outside marker's border, also used for the edge of an outside row.
    static QColor outsideColour();

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

signals:
    // The button of a suggestion was clicked (the findings cell's index).
    void suggestionClicked(const QModelIndex& index);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    static QFont badgeFont(const QFont& base, int severity);
    void paintLine(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void paintOutsideMarker(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                            const QString& marker) const;
    void paintHighlighted(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                          const QVariantList& runs) const;
};

} // namespace Ui
