#pragma once

#include "settings/Config.h"

#include <QStringList>
#include <QWizard>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Settings {
class SecretStore;
}
namespace Smtp {
class TestMessageWatcher;
}

namespace Ui {

class AccountForm;
class ListEditor;
class MailProgramsPage;
class TestMessagePanel;

// The first start: welcome; an account, or "Try it first" (test mode);
// the organisation's internal domains; a certificate (optional); and how to
// set up the mail program. Finish writes the settings through
// Settings::ConfigWriter and the passwords to the secret store.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        WelcomePage,
        ModePage,
        AccountPage,
        DomainsPage,
        CertificatePage,
        MailProgramsPageId,
        TestMessagePageId // optional: only with a test-message starter
    };

    FirstRunWizard(const QString& configPath, Settings::SecretStore* secrets, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    bool testMode() const;
    // The reason Finish could not save, or empty.
    QString lastError() const { return m_lastError; }

    // Seams the application wires (S/MIME import, OAuth sign-in).
    void setCertificateImporter(std::function<void(QWidget* parent)> importer);
    // Sign in is offered only when the account has an application (client)
    // ID to sign in with (docs/OAUTH.md); handler gets the account as typed,
    // not saved yet. status: the sign-in state in plain words.
    void setSignInHandler(std::function<void(const Settings::Account& account, QWidget* parent)> handler);
    void setSignInStatusProvider(std::function<QString(const QString& account)> status);
    void refreshSignInStatus();
    // "Send a test message" after the mail program page: the settings are
    // saved first, then starter runs Yubisashi's listener and returns its
    // watcher (null with error when it cannot). Without a starter the wizard
    // ends at the mail program page.
    void setTestMessageStarter(std::function<Smtp::TestMessageWatcher*(QString* error)> starter);
    // Finish or "Save and test" saved the settings.
    bool isSaved() const { return m_saved; }

    int nextId() const override;
    bool validateCurrentPage() override;

public slots:
    void accept() override;

signals:
    void settingsSaved();

protected:
    void initializePage(int id) override;

private:
    QWizardPage* buildWelcome();
    QWizardPage* buildMode();
    QWizardPage* buildAccount();
    QWizardPage* buildDomains();
    QWizardPage* buildCertificate();
    QWizardPage* buildMailPrograms();
    QWizardPage* buildTestMessage();
    QString localUser() const;
    bool save();
    // With [general] certificate_source: the person's file there, its password, its details.
    void findSourceCertificate();
    bool openSourceCertificate();
    bool importSourceCertificate(const QString& account);

    QString m_path;
    Settings::SecretStore* m_secrets;
    Settings::Config m_config;
    QStringList m_locked;
    QString m_lastError;
    QString m_localPassword;
    QString m_localPasswordUser;

    QRadioButton* m_useAccount = nullptr;
    QRadioButton* m_tryFirst = nullptr;
    AccountForm* m_accountForm = nullptr;
    ListEditor* m_domains = nullptr;
    QPushButton* m_importCertificate = nullptr;
    std::function<void(QWidget*)> m_certificateImporter;
    QWidget* m_sourceBox = nullptr; // only with a certificate_source
    QLabel* m_sourceFile = nullptr;
    QLineEdit* m_sourcePassword = nullptr;
    QPushButton* m_openSource = nullptr;
    QLabel* m_sourceDetails = nullptr;
    QString m_sourcePath;           // the file found for the account, or empty
    QString m_sourceOpenedPassword; // the password that opened it (imported at Finish)
    bool m_sourceOpened = false;
    MailProgramsPage* m_mailPrograms = nullptr;
    QLabel* m_saveError = nullptr;
    std::function<Smtp::TestMessageWatcher*(QString*)> m_testMessageStarter;
    TestMessagePanel* m_testMessage = nullptr;
    bool m_saved = false;
};

} // namespace Ui
