#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

namespace Ui {

class PinnedGroupHeader;

// The review window's recipient list: domain groups (RecipientModel) whose
// header stays in sight. When a group's header row has scrolled out above the
// list, a copy of it is pinned over the top row, so the person always sees
// which domain the rows belong to; the rows scroll beneath it, and a row the
// keyboard moves to is never left under it. A click on the pinned header
// scrolls back to the group's own row. Outside recipients' rows also get a
// coloured edge in the indentation, beside the marker the delegate paints.
class RecipientView : public QTreeView
{
    Q_OBJECT
public:
    explicit RecipientView(QWidget* parent = nullptr);
    ~RecipientView() override;

    void setModel(QAbstractItemModel* model) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

    // The group whose header is pinned now; invalid when none is (its own row is in view).
    QModelIndex pinnedGroup() const { return m_pinnedGroup; }
    // The pinned header widget (hidden while no group is pinned).
    QWidget* pinnedHeader() const;

public slots:
    // Call after hiding or showing rows; scrolling, resizing, expanding and
    // collapsing update it on their own.
    void updatePinnedHeader();

protected:
    void scrollContentsBy(int dx, int dy) override;
    void updateGeometries() override;
    void drawBranches(QPainter* painter, const QRect& rect, const QModelIndex& index) const override;

private:
    PinnedGroupHeader* m_pinned = nullptr;
    QPersistentModelIndex m_pinnedGroup;
};

} // namespace Ui
