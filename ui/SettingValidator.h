#pragma once

#include <QString>
#include <QValidator>
#include <functional>

class QLineEdit;
class QSpinBox;
class QWidget;

namespace Ui {

class SettingRow;

// A validator over one rule that explains itself: the rule returns why a
// value cannot be used (empty when it can). Text that breaks the rule is
// Intermediate, not Invalid, so the person can keep typing and reads the
// reason under the field instead of seeing keys silently refused.
class SettingValidator : public QValidator
{
    Q_OBJECT
public:
    using Rule = std::function<QString(const QString&)>;

    SettingValidator(Rule rule, QObject* parent);
    // The rule of a documented key (Settings::Validation).
    static Rule keyRule(const QString& key);

    State validate(QString& input, int& pos) const override;
    QString problem(const QString& input) const { return m_rule(input); }

    // Validates edit with rule and keeps row's message current as the text changes.
    static SettingValidator* attach(QLineEdit* edit, SettingRow* row, Rule rule);

    // A number field for an Integer key: it takes only the whole numbers the
    // key allows (Settings::Validation), so no value out of range can be typed.
    // The unit (" s", " min", " MB"…) goes after the number as the suffix.
    static QSpinBox* numberField(const QString& key, const QString& suffix, QWidget* parent);

private:
    Rule m_rule;
};

} // namespace Ui
