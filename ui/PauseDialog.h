#pragma once

#include <QDateTime>
#include <QDialog>

class QButtonGroup;

namespace Ui {

// Asks for how long protection pauses. Every choice ends by itself, so a
// pause cannot be forgotten: 15 minutes, an hour, or until midnight.
class PauseDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        FifteenMinutes,
        OneHour,
        UntilTomorrow
    };

    explicit PauseDialog(QWidget* parent = nullptr);
    ~PauseDialog() override;

    Choice choice() const;
    // When a pause chosen at now (local or UTC) ends, in the same time spec.
    static QDateTime endOf(Choice choice, const QDateTime& now);

private:
    QButtonGroup* m_group = nullptr;
};

} // namespace Ui
