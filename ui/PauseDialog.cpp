#include "PauseDialog.h"

#include "Icons.h"
#include "WindowSize.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

PauseDialog::PauseDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(u"pauseDialog"_s);
    setWindowTitle(tr("Pause protection"));
    setWindowIcon(Ui::icon(u"tray-paused"_s));

    auto* warning = new QLabel(tr("While protection is paused, messages are sent <b>without review</b>: "
                                  "recipients are not checked and no warning is shown. Protection comes "
                                  "back on by itself."),
                               this);
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::RichText);

    const QDateTime now = QDateTime::currentDateTime();
    const QLocale locale;
    auto until = [&](Choice c) {
        return locale.toString(endOf(c, now).time(), QLocale::ShortFormat);
    };
    m_group = new QButtonGroup(this);
    auto* fifteen =
        new QRadioButton(tr("For &15 minutes (until %1)").arg(until(Choice::FifteenMinutes)), this);
    fifteen->setObjectName(u"fifteenMinutes"_s);
    auto* hour = new QRadioButton(tr("For one &hour (until %1)").arg(until(Choice::OneHour)), this);
    hour->setObjectName(u"oneHour"_s);
    auto* tomorrow = new QRadioButton(tr("Until &tomorrow (%1)").arg(until(Choice::UntilTomorrow)), this);
    tomorrow->setObjectName(u"untilTomorrow"_s);
    m_group->addButton(fifteen, static_cast<int>(Choice::FifteenMinutes));
    m_group->addButton(hour, static_cast<int>(Choice::OneHour));
    m_group->addButton(tomorrow, static_cast<int>(Choice::UntilTomorrow));
    fifteen->setChecked(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Pause"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"pauseButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addWidget(fifteen);
    layout->addWidget(hour);
    layout->addWidget(tomorrow);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    warning->setMinimumWidth(latinCharWidth(this) * 50);
    fifteen->setFocus();
}

PauseDialog::~PauseDialog() = default;

PauseDialog::Choice PauseDialog::choice() const
{
    return static_cast<Choice>(m_group->checkedId());
}

QDateTime PauseDialog::endOf(Choice choice, const QDateTime& now)
{
    switch (choice) {
    case Choice::FifteenMinutes:
        return now.addSecs(15 * 60);
    case Choice::OneHour:
        return now.addSecs(3600);
    case Choice::UntilTomorrow: {
        // Midnight of the person's own day, whatever spec now is in.
        const QDateTime local = now.toLocalTime();
        const QDateTime midnight(local.date().addDays(1), QTime(0, 0));
        return now.timeSpec() == Qt::UTC ? midnight.toUTC() : midnight;
    }
    }
    return now;
}

} // namespace Ui
