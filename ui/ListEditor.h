#pragma once

#include "SettingValidator.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Ui {

// Edits a list of short entries (domains, keywords): a list, a line to type a
// new entry (Enter or Add), and Remove for the selected ones. An entry that
// breaks the rule is not added; the reason shows under the line.
class ListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ListEditor(SettingValidator::Rule rule, QWidget* parent = nullptr);

    QStringList values() const;
    void setValues(const QStringList& values);
    void setPlaceholderText(const QString& text);
    void setLocked(bool locked);
    // Adds a valid entry that was typed but not added yet (before saving).
    void commitPending() { addEntry(); }
    // Whether the typed entry that was not added yet is in error.
    QString problem() const;

    QLineEdit* lineEdit() const { return m_edit; }

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addEntry();
    void removeSelected();
    void updateButtons();

    SettingValidator::Rule m_rule;
    QListWidget* m_list;
    QLineEdit* m_edit;
    QPushButton* m_add;
    QPushButton* m_remove;
    QLabel* m_message;
    bool m_locked = false;
};

} // namespace Ui
