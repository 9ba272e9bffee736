#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace Ui {

// One field in a settings form: the field, a lock shown when the
// administrator's policy sets the value, and below it a message saying why
// the value typed cannot be used.
class SettingRow : public QWidget
{
    Q_OBJECT
public:
    explicit SettingRow(QWidget* field, QWidget* parent = nullptr);

    QWidget* field() const { return m_field; }

    // A locked field is disabled (a list stays readable) and has a line
    // under it with a lock and "Set by your administrator".
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }

    // Shows why the value cannot be used; an empty problem hides the message.
    void setProblem(const QString& problem);
    QString problem() const { return m_problem; }

    static QString lockedToolTip();
    // The hidden message label under a field, in the error colour; shared
    // with editors that show their own problems (ListEditor).
    static QLabel* problemLabel(QWidget* parent);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // A wrapped line is as high as its text needs at the width it got: a
    // form inside a scroll area may lay the row out from another width and
    // clip a long message (Japanese at 200 %) at its top and bottom.
    void fitWrappedLines();

    QWidget* m_field;
    QWidget* m_lockLine;
    QLabel* m_lock;
    QLabel* m_lockNote;
    QLabel* m_message;
    QString m_problem;
    bool m_locked = false;
};

} // namespace Ui
