#include "RecipientView.h"

#include "FindingBadgeDelegate.h"
#include "RecipientModel.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionViewItem>

using namespace Qt::StringLiterals;

namespace Ui {

// A copy of a group's header row, drawn over the top of the list. No checkbox:
// the group is ticked on its own row, and a click here takes the person there.
class PinnedGroupHeader : public QWidget
{
public:
    explicit PinnedGroupHeader(RecipientView* view) : QWidget(view), m_view(view)
    {
        setObjectName(u"pinnedGroupHeader"_s);
        setFocusPolicy(Qt::NoFocus);
        setCursor(Qt::PointingHandCursor);
        hide();
    }

    void setGroup(const QModelIndex& group)
    {
        m_group = group;
        const QString text = group.data().toString();
        if (accessibleName() != text)
            setAccessibleName(text);
        setToolTip(group.data(Qt::ToolTipRole).toString());
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (!m_group.isValid())
            return;
        QPainter painter(this);
        const QPalette pal = palette();
        painter.fillRect(rect(), pal.color(QPalette::Window));
        QStyleOptionViewItem opt;
        opt.initFrom(this);
        opt.state = QStyle::State_Enabled;
        opt.rect = rect().adjusted(m_view->indentation(), 0, 0, -1);
        const QVariant font = m_group.data(Qt::FontRole);
        if (font.isValid())
            opt.font = font.value<QFont>().resolve(this->font());
        else
            opt.font = this->font();
        opt.fontMetrics = QFontMetrics(opt.font);
        opt.text = m_group.data().toString();
        opt.features = QStyleOptionViewItem::HasDisplay;
        opt.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
        opt.textElideMode = Qt::ElideRight;
        opt.viewItemPosition = QStyleOptionViewItem::OnlyOne;
        const QIcon icon = m_group.data(Qt::DecorationRole).value<QIcon>();
        if (!icon.isNull()) {
            opt.icon = icon;
            opt.features |= QStyleOptionViewItem::HasDecoration;
            const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
            opt.decorationSize = QSize(size, size);
        }
        opt.widget = this;
        style()->drawControl(QStyle::CE_ItemViewItem, &opt, &painter, this);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(rect().bottomLeft(), rect().bottomRight());
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (m_group.isValid() && event->button() == Qt::LeftButton)
            m_view->scrollTo(m_group, QAbstractItemView::PositionAtTop);
        event->accept();
    }

private:
    RecipientView* m_view;
    QPersistentModelIndex m_group;
};

RecipientView::RecipientView(QWidget* parent) : QTreeView(parent), m_pinned(new PinnedGroupHeader(this))
{
    connect(this, &QTreeView::expanded, this, &RecipientView::updatePinnedHeader);
    connect(this, &QTreeView::collapsed, this, &RecipientView::updatePinnedHeader);
}

RecipientView::~RecipientView() = default;

QWidget* RecipientView::pinnedHeader() const
{
    return m_pinned;
}

void RecipientView::setModel(QAbstractItemModel* model)
{
    QTreeView::setModel(model);
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, &RecipientView::updatePinnedHeader);
    updatePinnedHeader();
}

void RecipientView::updatePinnedHeader()
{
    QModelIndex group;
    QModelIndex top;
    if (model()) {
        top = indexAt(QPoint(0, 0));
        if (top.isValid() && top.parent().isValid())
            group = top.parent().siblingAtColumn(0);
    }
    m_pinnedGroup = group;
    if (!group.isValid()) {
        m_pinned->hide();
        return;
    }
    const QRect area = viewport()->geometry();
    m_pinned->setGeometry(area.left(), area.top(), area.width(), visualRect(top).height());
    m_pinned->setGroup(group);
    m_pinned->show();
    m_pinned->raise();
}

void RecipientView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    QTreeView::scrollTo(index, hint);
    updatePinnedHeader();
    if (!index.isValid() || !m_pinned->isVisible())
        return;
    // The row under the pinned header would be hidden: show one row more above it.
    const QRect rect = visualRect(index);
    const int covered = m_pinned->geometry().bottom() - viewport()->y() + 1 - rect.top();
    if (rect.isEmpty() || covered <= 0 || rect.bottom() < 0)
        return;
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() - (verticalScrollMode() == ScrollPerItem ? 1 : covered));
    updatePinnedHeader();
}

void RecipientView::scrollContentsBy(int dx, int dy)
{
    QTreeView::scrollContentsBy(dx, dy);
    updatePinnedHeader();
}

void RecipientView::updateGeometries()
{
    QTreeView::updateGeometries();
    updatePinnedHeader();
}

void RecipientView::drawBranches(QPainter* painter, const QRect& rect, const QModelIndex& index) const
{
    QTreeView::drawBranches(painter, rect, index);
    if (!index.parent().isValid() || index.siblingAtColumn(RecipientModel::NameColumn)
                                         .data(RecipientModel::OutsideMarkerRole)
                                         .toString()
                                         .isEmpty())
        return;
    // The edge of an outside recipient's row; its marker says the same in words.
    const int width = qMax(3, fontMetrics().height() / 5);
    painter->fillRect(QRect(rect.left(), rect.top(), width, rect.height()),
                      FindingBadgeDelegate::outsideColour());
}

} // namespace Ui
