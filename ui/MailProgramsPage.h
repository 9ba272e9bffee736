#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace Ui {

// What a person types into a mail program so that it sends through
// Yubisashi: server 127.0.0.1, the port, and a user name and password per
// account (each with a Copy button), with short step-by-step instructions for
// Thunderbird, Outlook and Apple Mail. Shown in Settings and at the end of the
// first-run wizard.
class MailProgramsPage : public QWidget
{
    Q_OBJECT
public:
    explicit MailProgramsPage(QWidget* parent = nullptr);

    void setPort(quint16 port);
    // One (user, password) per account; the test-mode user when there is no account.
    void setCredentials(const QList<QPair<QString, QString>>& credentials);
    QString password(const QString& user) const { return m_passwords.value(user); }

    static QString host() { return QStringLiteral("127.0.0.1"); }

signals:
    // "Generate new password" made a new password for user (not saved yet).
    void passwordGenerated(const QString& user, const QString& password);

private:
    QWidget* copyableRow(QLineEdit* edit, const QString& objectName);
    void updateInstructions();

    quint16 m_port = 10587;
    QMap<QString, QString> m_passwords;
    QLineEdit* m_portEdit;
    QWidget* m_accounts;
    QGridLayout* m_accountsLayout;
    QLabel* m_thunderbird;
    QLabel* m_outlook;
    QLabel* m_appleMail;
};

} // namespace Ui
