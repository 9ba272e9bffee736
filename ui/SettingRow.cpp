#include "SettingRow.h"

#include "Icons.h"
#include "ListEditor.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

SettingRow::SettingRow(QWidget* field, QWidget* parent) : QWidget(parent), m_field(field)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    // A field of fixed width (a number) stays at its width, at the start of the line.
    const bool fixed = field->sizePolicy().horizontalPolicy() == QSizePolicy::Fixed;
    line->addWidget(field, fixed ? 0 : 1);
    if (fixed)
        line->addStretch(1);
    outer->addLayout(line);

    // Under a locked field, a lock and the words saying who set it: a greyed
    // field alone does not say why it cannot be changed.
    m_lockLine = new QWidget(this);
    m_lockLine->setObjectName(u"lockLine"_s);
    auto* lockLayout = new QHBoxLayout(m_lockLine);
    lockLayout->setContentsMargins(0, 0, 0, 0);
    m_lock = new QLabel(m_lockLine);
    m_lock->setObjectName(u"lockIcon"_s);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_lock->setPixmap(icon(u"locked"_s).pixmap(size, size));
    m_lock->setAccessibleName(lockedToolTip());
    m_lockNote = new QLabel(lockedToolTip(), m_lockLine);
    m_lockNote->setObjectName(u"lockNote"_s);
    m_lockNote->setTextFormat(Qt::PlainText);
    m_lockNote->setWordWrap(true);
    lockLayout->addWidget(m_lock);
    lockLayout->addWidget(m_lockNote, 1);
    m_lockLine->hide();
    outer->addWidget(m_lockLine);

    m_message = problemLabel(this);
    outer->addWidget(m_message);
    setFocusProxy(field);
}

QLabel* SettingRow::problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(u"problemLabel"_s);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    label->hide();
    return label;
}

QString SettingRow::lockedToolTip()
{
    return tr("Set by your administrator");
}

void SettingRow::setLocked(bool locked)
{
    m_locked = locked;
    m_lockLine->setVisible(locked);
    // A list stays readable and scrollable (ListEditor::setLocked); any other field is disabled.
    if (auto* list = qobject_cast<ListEditor*>(m_field))
        list->setLocked(locked);
    else
        m_field->setEnabled(!locked);
    m_field->setToolTip(locked ? lockedToolTip() : QString());
}

void SettingRow::setProblem(const QString& problem)
{
    m_problem = problem;
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_field->setAccessibleDescription(problem);
    fitWrappedLines();
}

void SettingRow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitWrappedLines();
}

void SettingRow::fitWrappedLines()
{
    for (QLabel* label : {m_message, m_lockNote}) {
        const int needed = label->text().isEmpty() ? 0 : label->heightForWidth(label->width());
        if (needed > 0 && label->minimumHeight() != needed)
            label->setMinimumHeight(needed);
    }
}

} // namespace Ui
