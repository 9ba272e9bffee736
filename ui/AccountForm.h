#pragma once

#include "settings/AccountSerializer.h"
#include "settings/Config.h"

#include <QPair>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Delivery {
class ConnectionTest;
}

namespace Ui {

class SettingRow;

// The fields of one account ([account.NAME]): provider preset, server,
// security, sign-in, user, password, sender addresses and signing, with
// "Test connection". Used by Settings and by the first-run wizard.
class AccountForm : public QWidget
{
    Q_OBJECT
public:
    explicit AccountForm(QWidget* parent = nullptr);
    ~AccountForm() override;

    // isNew: the name can be chosen (an existing account keeps its name: it is
    // the user name mail programs log in with). lockedKeys: key names of this
    // account's group that the administrator sets ("host", "port"...).
    void setAccount(const Settings::Account& account, bool isNew, const QStringList& lockedKeys,
                    bool hasStoredPassword);
    Settings::Account account() const;
    // The password typed here; empty means "keep the stored one".
    QString password() const;
    bool isNew() const { return m_isNew; }
    // Names other accounts already use.
    void setTakenNames(const QStringList& names) { m_takenNames = names; }
    // The first reason a field cannot be used, or empty.
    QString problem() const;

    // Seams the application wires.
    using StoredPassword = std::function<std::optional<QString>(const QString& account)>;
    void setStoredPassword(StoredPassword provider) { m_storedPassword = std::move(provider); }
    // "Sign in…" for Microsoft 365 / Google (OAuth, core/oauth).
    using SignIn = std::function<void(const QString& account, QWidget* parent)>;
    void setSignInHandler(SignIn handler);
    // The current OAuth access token for "Test connection" with xoauth2.
    using AccessToken = std::function<QString(const QString& account)>;
    void setAccessTokenProvider(AccessToken provider) { m_accessToken = std::move(provider); }
    // The sign-in state in plain words ("Signed in as …", "Sign in again: …"), and "Sign out".
    using SignInStatus = std::function<QString(const QString& account)>;
    void setSignInStatusProvider(SignInStatus provider);
    // Why this account cannot sign in yet, in plain words for staff (no
    // client ID registered), or empty. Sign in stays off while there is one.
    using SignInProblem = std::function<QString(const Settings::Account& account)>;
    void setSignInProblemProvider(SignInProblem provider);
    using SignOut = std::function<void(const QString& account, QWidget* parent)>;
    void setSignOutHandler(SignOut handler);
    // Reads the state again (after a sign-in finished).
    void refreshSignInStatus();

    QLineEdit* nameEdit() const { return m_name; }

    // The keys of [account.NAME] this form edits, and their value in an
    // account: Settings::AccountSerializer's (which also says what to write).
    static QStringList keys() { return Settings::AccountSerializer::keys(); }
    static QString keyValue(const Settings::Account& account, const QString& key)
    {
        return Settings::AccountSerializer::value(account, key);
    }

signals:
    void changed();
    void nameEdited(const QString& name);

private:
    void applyPresetChoice();
    void onSecurityChosen();
    void updateVisibility();
    void testConnection();
    SettingRow* row(QWidget* field, const QString& key);

    QLineEdit* m_name;
    QComboBox* m_preset;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QComboBox* m_auth;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_from;
    QComboBox* m_sign;
    QPushButton* m_signIn;
    QPushButton* m_test;
    QLabel* m_testResult;
    QLabel* m_passwordLabel;
    QLabel* m_signInLabel;
    SettingRow* m_nameRow;
    SettingRow* m_passwordRow;
    SettingRow* m_signInRow;
    QList<QPair<QString, SettingRow*>> m_rows; // key name -> row

    Settings::Account m_loaded;
    bool m_isNew = true;
    QStringList m_takenNames;
    StoredPassword m_storedPassword;
    SignIn m_signInHandler;
    SignInStatus m_signInStatus;
    SignInProblem m_signInProblem;
    SignOut m_signOutHandler;
    QPushButton* m_signOut = nullptr;
    QLabel* m_signInState = nullptr;
    AccessToken m_accessToken;
    Delivery::ConnectionTest* m_connectionTest = nullptr;
};

} // namespace Ui
