#include "ListEditor.h"

#include "SettingRow.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Ui {

ListEditor::ListEditor(SettingValidator::Rule rule, QWidget* parent)
    : QWidget(parent), m_rule(std::move(rule))
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"entries"_s);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"newEntry"_s);
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(u"addButton"_s);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(u"removeButton"_s);
    m_message = SettingRow::problemLabel(this);

    grid->addWidget(m_edit, 0, 0);
    grid->addWidget(m_add, 0, 1);
    grid->addWidget(m_message, 1, 0, 1, 2);
    grid->addWidget(m_list, 2, 0);
    grid->addWidget(m_remove, 2, 1, Qt::AlignTop);
    grid->setColumnStretch(0, 1);
    // A few lines are enough; the list scrolls.
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 3);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);

    m_edit->installEventFilter(this);
    connect(m_add, &QPushButton::clicked, this, &ListEditor::addEntry);
    connect(m_remove, &QPushButton::clicked, this, &ListEditor::removeSelected);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        const QString p = text.trimmed().isEmpty() ? QString() : m_rule(text.trimmed());
        m_message->setText(p);
        m_message->setVisible(!p.isEmpty());
        m_edit->setAccessibleDescription(p);
        updateButtons();
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ListEditor::updateButtons);
    updateButtons();
}

QStringList ListEditor::values() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void ListEditor::setValues(const QStringList& values)
{
    m_list->clear();
    m_list->addItems(values);
    updateButtons();
}

void ListEditor::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void ListEditor::setLocked(bool locked)
{
    m_locked = locked;
    m_edit->setVisible(!locked);
    m_add->setVisible(!locked);
    m_remove->setVisible(!locked);
    updateButtons();
}

QString ListEditor::problem() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? QString() : m_rule(text);
}

bool ListEditor::eventFilter(QObject* watched, QEvent* event)
{
    // Enter adds the typed entry and goes no further: in a dialog it would
    // otherwise also press the default button (Save, Next). With nothing
    // typed, Enter keeps its usual meaning.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_edit->text().trimmed().isEmpty()) {
            addEntry();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ListEditor::addEntry()
{
    const QString text = m_edit->text().trimmed();
    if (m_locked || text.isEmpty() || !m_rule(text).isEmpty())
        return;
    if (values().contains(text, Qt::CaseInsensitive)) {
        m_edit->clear();
        return;
    }
    m_list->addItem(text);
    m_edit->clear();
    emit changed();
}

void ListEditor::removeSelected()
{
    if (m_locked)
        return;
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    for (QListWidgetItem* item : selected)
        delete item;
    updateButtons();
    emit changed();
}

void ListEditor::updateButtons()
{
    const QString text = m_edit->text().trimmed();
    m_add->setEnabled(!m_locked && !text.isEmpty() && m_rule(text).isEmpty());
    m_remove->setEnabled(!m_locked && !m_list->selectedItems().isEmpty());
}

} // namespace Ui
