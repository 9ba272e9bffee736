#include "SettingValidator.h"

#include "SettingRow.h"
#include "settings/Validation.h"

#include <QLineEdit>

namespace Ui {

SettingValidator::SettingValidator(Rule rule, QObject* parent) : QValidator(parent), m_rule(std::move(rule))
{}

SettingValidator::Rule SettingValidator::keyRule(const QString& key)
{
    return [key](const QString& value) {
        return Settings::Validation::check(key, value);
    };
}

QValidator::State SettingValidator::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos);
    return m_rule(input).isEmpty() ? Acceptable : Intermediate;
}

SettingValidator* SettingValidator::attach(QLineEdit* edit, SettingRow* row, Rule rule)
{
    auto* validator = new SettingValidator(std::move(rule), edit);
    edit->setValidator(validator);
    QObject::connect(edit, &QLineEdit::textChanged, row,
                     [row, validator](const QString& text) { row->setProblem(validator->problem(text)); });
    return validator;
}

} // namespace Ui
