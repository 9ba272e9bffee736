#pragma once

#include "review/CheckPolicy.h"
#include "review/checks/CheckInfo.h"
#include "settings/Config.h"

#include <QDialog>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QVariant>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

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
class SettingRow;

// The Settings window. It shows the effective settings (the user's file with
// the administrator's policy on top; locked values carry a lock and cannot be
// changed), checks every value as it is typed, and on Save writes only what
// changed through Settings::ConfigWriter and the passwords to the secret
// store. Cancel discards everything. settingsSaved() tells the app to reload.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Page
    {
        AccountsPage,
        MailProgramsPageIndex,
        RecipientsPage,
        ChecksPage,
        CertificatesPage,
        TimingPage,
        GeneralPage,
        SecretsPage,
        PageCount
    };

    SettingsDialog(const QString& configPath, Settings::SecretStore* secrets, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    // Problems found in the settings file when it was read.
    QStringList loadProblems() const { return m_loadProblems; }
    QStringList lockedKeys() const { return m_locked; }
    // Whether Save is possible: no field holds a value that cannot be used.
    bool canSave() const;
    // The reason the last Save failed, or empty.
    QString lastError() const { return m_lastError; }

    // Seams the application wires (OAuth sign-in, S/MIME import).
    void setSignInHandler(std::function<void(const QString& account, QWidget* parent)> handler);
    void setAccessTokenProvider(std::function<QString(const QString& account)> provider);
    void setSignInStatusProvider(std::function<QString(const QString& account)> provider);
    void setSignOutHandler(std::function<void(const QString& account, QWidget* parent)> handler);
    void refreshSignInStatus();
    // "Import…" on the Certificates page; after it, call reloadCertificates().
    void setCertificateImporter(std::function<void(QWidget* parent)> importer);
    // "Import from your organisation's folder" ([general] certificate_source); after it, call
    // reloadCertificates().
    void setSourceImporter(std::function<void(QWidget* parent)> importer);
    // Describes an account's certificate (subject, addresses, issuer, validity,
    // an expiry warning), given the account name and its smime_p12 path.
    void setCertificateDetailsProvider(
        std::function<QString(const QString& account, const QString& p12)> provider);
    void reloadCertificates();
    // "Wait for a test message" on the Mail programs page (the running listener's watcher).
    void setTestMessageWatcher(Smtp::TestMessageWatcher* watcher);

public slots:
    void accept() override;

signals:
    void settingsSaved();

private:
    struct AccountDraft
    {
        Settings::Account loaded;
        Settings::Account current;
        QString password; // typed; empty = unchanged
        bool isNew = false;
        bool hasStoredPassword = false;
        QStringList locked; // key names in its group
        // The policy names this account ([account.NAME]), so only the
        // administrator removes it; [accounts]' keys apply to any account
        // a person has and do not keep one.
        bool lockedByName = false;
    };

    void load();
    QWidget* buildAccounts();
    QWidget* buildMailPrograms();
    QWidget* buildRecipients();
    QWidget* buildChecks();
    void buildCheckRows(QFormLayout* form, Review::CheckCategory category, QWidget* page);
    QWidget* buildCertificates();
    QWidget* buildTiming();
    QWidget* buildGeneral();
    QWidget* buildSecrets();
    SettingRow* addSetting(QFormLayout* form, const QString& label, QWidget* field, const QString& key,
                           const QVariant& initial);
    void lockRows();
    void showLockBanners();
    int pageOf(const QWidget* widget) const;
    int pageOfLoadProblem(const QString& problem) const;
    QString pageLink(int page) const;
    void markPages(const QSet<int>& pages);
    void goToProblem(int page);

    void selectAccount(int row);
    void storeCurrentAccount();
    void addAccount();
    void removeAccount();
    QString accountProblem(int index) const;
    void refreshMailPrograms();
    void updateSaveState();
    bool save();
    void showError(const QString& text);
    QVariant currentValue(const QString& key) const;

    QString m_path;
    Settings::SecretStore* m_secrets;
    Settings::Config m_config;
    Review::CheckPolicy m_checks;
    QStringList m_locked;
    QStringList m_loadProblems;
    QSet<QString> m_rawKeys;           // documented keys present in the user's file
    QMap<QString, QVariant> m_initial; // key -> the value shown when the dialog opened
    QHash<QString, SettingRow*> m_rows;
    QString m_lastError;

    QListWidget* m_pages = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_problemsBanner = nullptr;
    QLabel* m_status = nullptr;
    QString m_statusText; // m_status in plain text
    QStringList m_pageTitles;
    QList<QWidget*> m_lockBanners; // one per page, shown when the page has a locked setting
    QSet<int> m_loadProblemPages;  // pages named by the problems found when the file was read
    int m_problemAccount = -1;     // the account whose problem the status names, or -1
    QPushButton* m_save = nullptr;

    QListWidget* m_accountList = nullptr;
    AccountForm* m_accountForm = nullptr;
    QPushButton* m_addAccount = nullptr;
    QPushButton* m_removeAccount = nullptr;
    QList<AccountDraft> m_drafts;
    QStringList m_removedAccounts;
    int m_currentAccount = -1;

    QSpinBox* m_listenerPort = nullptr;
    QCheckBox* m_requireAuth = nullptr;
    MailProgramsPage* m_mailPrograms = nullptr;
    QMap<QString, QString> m_localPasswords;
    QSet<QString> m_localPasswordsToWrite;

    ListEditor* m_internal = nullptr;
    ListEditor* m_caution = nullptr;
    ListEditor* m_blocked = nullptr;
    ListEditor* m_keywords = nullptr;
    QMap<QString, QComboBox*> m_checkCombos;
    QComboBox* m_bccChoice = nullptr;

    QLabel* m_certificateList = nullptr;
    std::function<QString(const QString&, const QString&)> m_certificateDetails;
    QPushButton* m_importCertificate = nullptr;
    std::function<void(QWidget*)> m_certificateImporter;
    QPushButton* m_importFromSource = nullptr; // only with a certificate_source
    std::function<void(QWidget*)> m_sourceImporter;

    QSpinBox* m_clientWait = nullptr;
    QSpinBox* m_countdown = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QRadioButton* m_keychain = nullptr;
    QRadioButton* m_fileStore = nullptr;
    QLineEdit* m_secretsFile = nullptr;
    QLabel* m_fileWarning = nullptr;
};

} // namespace Ui
