#include "SettingRow.h"

#include "Icons.h"
#include "ListEditor.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    line->addWidget(field, 1);
    m_lock = new QLabel(this);
    m_lock->setObjectName(u"lockIcon"_s);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_lock->setPixmap(icon(u"locked"_s).pixmap(size, size));
    m_lock->setToolTip(lockedToolTip());
    m_lock->setAccessibleName(lockedToolTip());
    m_lock->hide();
    line->addWidget(m_lock);
    outer->addLayout(line);

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
    m_lock->setVisible(locked);
    if (auto* edit = qobject_cast<QLineEdit*>(m_field))
        edit->setReadOnly(locked);
    else if (auto* list = qobject_cast<ListEditor*>(m_field))
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
}

} // namespace Ui
