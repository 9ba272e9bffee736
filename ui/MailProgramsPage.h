#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QTabWidget;
class QGroupBox;

namespace Smtp {
class TestMessageWatcher;
}

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

    // "Wait for a test message" (hidden until the application hands its watcher over).
    void setTestMessageWatcher(Smtp::TestMessageWatcher* watcher);
    class TestMessagePanel* testMessagePanel() const { return m_testMessage; }
    // Whether the listener asks for a password (Thunderbird's authentication method).
    void setRequireAuth(bool required) { m_requireAuth = required; }
    // Where "Set up Thunderbird…" looks for profiles.ini (test seam; default: ThunderbirdProfiles::roots()).
    void setThunderbirdRoots(const QStringList& roots) { m_thunderbirdRoots = roots; }
    // Writes the outgoing servers into the Thunderbird profile at profileDir; the message for the person.
    bool setUpThunderbird(const QString& profileDir, QString* message) const;

signals:
    // "Generate new password" made a new password for user (not saved yet).
    void passwordGenerated(const QString& user, const QString& password);

private:
    QWidget* copyableRow(QLineEdit* edit, const QString& objectName);
    void updateInstructions();
    void chooseThunderbirdProfile();

    quint16 m_port = 10587;
    QMap<QString, QString> m_passwords;
    QStringList m_users; // in the order of the settings (Thunderbird's server numbers follow it)
    QLineEdit* m_portEdit;
    QWidget* m_accounts;
    QGridLayout* m_accountsLayout;
    QLabel* m_thunderbird;
    QLabel* m_outlook;
    QLabel* m_appleMail;
    QGroupBox* m_testBox;
    class TestMessagePanel* m_testMessage;
    bool m_requireAuth = true;
    QStringList m_thunderbirdRoots;
};

} // namespace Ui
