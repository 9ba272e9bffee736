#include "SettingValidator.h"

#include "SettingRow.h"
#include "settings/Validation.h"

#include <QLineEdit>
#include <QSpinBox>
#include <limits>

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

QSpinBox* SettingValidator::numberField(const QString& key, const QString& suffix, QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    const std::optional<Settings::Validation::KeySpec> spec = Settings::Validation::spec(key);
    Q_ASSERT(spec && spec->type == Settings::Validation::Type::Integer);
    if (spec) {
        const qint64 low = std::numeric_limits<int>::min();
        const qint64 high = std::numeric_limits<int>::max();
        spin->setRange(int(qBound(low, spec->min, high)), int(qBound(low, spec->max, high)));
    }
    spin->setSuffix(suffix);
    // A port or a count is read digit by digit, not as a sum of thousands.
    spin->setGroupSeparatorShown(false);
    spin->setAccelerated(true);
    spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return spin;
}

} // namespace Ui
