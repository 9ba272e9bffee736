#include "MailProgramsPage.h"

#include "TestMessagePanel.h"
#include "settings/ClientSetup.h"
#include "settings/LocalCredentials.h"
#include "settings/ThunderbirdProfiles.h"

#include <QClipboard>
#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

QLineEdit* readOnlyEdit(const QString& text, QWidget* parent)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setReadOnly(true);
    return edit;
}

QLabel* steps(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

} // namespace

MailProgramsPage::MailProgramsPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* intro = new QLabel(tr("Set your mail program to send its mail to Yubisashi. Yubisashi checks each "
                                "message with you and then sends it on through your mail server. Use these "
                                "settings for the outgoing server (SMTP):"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* server = new QGroupBox(tr("Outgoing server"), this);
    auto* serverGrid = new QGridLayout(server);
    auto* hostEdit = readOnlyEdit(host(), server);
    hostEdit->setObjectName(u"hostEdit"_s);
    m_portEdit = readOnlyEdit(QString::number(m_port), server);
    m_portEdit->setObjectName(u"portEdit"_s);
    hostEdit->setAccessibleName(tr("Server name"));
    m_portEdit->setAccessibleName(tr("Port"));
    auto* hostLabel = new QLabel(tr("Server name:"), server);
    hostLabel->setBuddy(hostEdit);
    auto* portLabel = new QLabel(tr("Port:"), server);
    portLabel->setBuddy(m_portEdit);
    serverGrid->addWidget(hostLabel, 0, 0);
    serverGrid->addWidget(copyableRow(hostEdit, u"copyHost"_s), 0, 1);
    serverGrid->addWidget(portLabel, 1, 0);
    serverGrid->addWidget(copyableRow(m_portEdit, u"copyPort"_s), 1, 1);
    serverGrid->addWidget(new QLabel(tr("Connection security:"), server), 2, 0);
    auto* security = new QLabel(tr("None (the connection never leaves this computer)"), server);
    security->setWordWrap(true);
    serverGrid->addWidget(security, 2, 1);
    serverGrid->addWidget(new QLabel(tr("Authentication:"), server), 3, 0);
    serverGrid->addWidget(new QLabel(tr("Normal password"), server), 3, 1);
    serverGrid->setColumnStretch(1, 1);
    layout->addWidget(server);

    m_accounts = new QWidget(this);
    m_accountsLayout = new QGridLayout(m_accounts);
    m_accountsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_accounts);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"instructionTabs"_s);
    m_thunderbird = steps(tabs);
    m_outlook = steps(tabs);
    m_appleMail = steps(tabs);
    // Thunderbird can be set up by writing its preferences; the others are typed in.
    auto* thunderbirdTab = new QWidget(tabs);
    auto* thunderbirdLayout = new QVBoxLayout(thunderbirdTab);
    m_thunderbird->setParent(thunderbirdTab);
    thunderbirdLayout->addWidget(m_thunderbird, 1);
    auto* setUpThunderbird = new QPushButton(tr("Set up Thunderbird…"), thunderbirdTab);
    setUpThunderbird->setObjectName(u"setUpThunderbird"_s);
    setUpThunderbird->setToolTip(tr("Writes the outgoing server into your Thunderbird profile (user.js). "
                                    "Thunderbird uses it after a restart."));
    connect(setUpThunderbird, &QPushButton::clicked, this, &MailProgramsPage::chooseThunderbirdProfile);
    thunderbirdLayout->addWidget(setUpThunderbird, 0, Qt::AlignLeft);
    tabs->addTab(thunderbirdTab, tr("Thunderbird"));
    tabs->addTab(m_outlook, tr("Outlook"));
    tabs->addTab(m_appleMail, tr("Apple Mail"));
    layout->addWidget(tabs, 1);

    m_testBox = new QGroupBox(tr("Send a test message"), this);
    auto* testLayout = new QVBoxLayout(m_testBox);
    m_testMessage = new TestMessagePanel(m_testBox);
    m_testMessage->setObjectName(u"testMessage"_s);
    testLayout->addWidget(m_testMessage);
    m_testBox->hide();
    layout->addWidget(m_testBox);
    updateInstructions();
}

void MailProgramsPage::setTestMessageWatcher(Smtp::TestMessageWatcher* watcher)
{
    m_testMessage->setWatcher(watcher);
    m_testBox->setVisible(watcher != nullptr);
}

bool MailProgramsPage::setUpThunderbird(const QString& profileDir, QString* message) const
{
    const QStringList& users = m_users;
    const QString prefs = Settings::ClientSetup::thunderbird(users, m_port, m_requireAuth);
    QString error;
    if (!Settings::ThunderbirdProfiles::write(
            profileDir, prefs, Settings::ClientSetup::thunderbirdServerKeys(int(users.size())), &error)) {
        *message = error;
        return false;
    }
    *message = tr("Thunderbird's profile %1 now has the outgoing server \"Yubisashi (%2)\" as its default. "
                  "Quit Thunderbird and start it again. The first time it sends, it asks for the password "
                  "once: paste the password above and tick \"Use Password Manager to remember this "
                  "password\". An account that is set to another outgoing server keeps it: choose "
                  "Yubisashi in its Account Settings.")
                   .arg(QDir::toNativeSeparators(profileDir), users.join(u", "_s));
    return true;
}

void MailProgramsPage::chooseThunderbirdProfile()
{
    const QStringList roots =
        m_thunderbirdRoots.isEmpty() ? Settings::ThunderbirdProfiles::roots() : m_thunderbirdRoots;
    const QList<Settings::ThunderbirdProfiles::Profile> profiles = Settings::ThunderbirdProfiles::find(roots);
    if (profiles.isEmpty()) {
        QStringList shown;
        for (const QString& r : roots)
            shown << QDir::toNativeSeparators(r);
        QMessageBox::information(this, tr("Set up Thunderbird"),
                                 tr("No Thunderbird profile was found (looked in %1). Start Thunderbird "
                                    "once, or enter the settings by hand as the steps above say.")
                                     .arg(shown.join(u", "_s)));
        return;
    }
    QString dir = profiles.constFirst().path;
    if (profiles.size() > 1) {
        QStringList items;
        for (const auto& p : profiles)
            items << (p.isDefault ? tr("%1 (default) — %2") : tr("%1 — %2"))
                         .arg(p.name, QDir::toNativeSeparators(p.path));
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Set up Thunderbird"), tr("Thunderbird has several profiles. Which one do you use?"),
            items, 0, false, &ok);
        if (!ok)
            return;
        dir = profiles.at(items.indexOf(chosen)).path;
    }
    QString message;
    if (setUpThunderbird(dir, &message))
        QMessageBox::information(this, tr("Set up Thunderbird"), message);
    else
        QMessageBox::warning(this, tr("Set up Thunderbird"), message);
}

QWidget* MailProgramsPage::copyableRow(QLineEdit* edit, const QString& objectName)
{
    auto* row = new QWidget(edit->parentWidget());
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    h->addWidget(edit, 1);
    auto* copy = new QPushButton(tr("Copy"), row);
    copy->setObjectName(objectName);
    copy->setAccessibleName(tr("Copy %1").arg(edit->accessibleName()));
    connect(copy, &QPushButton::clicked, edit,
            [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
    h->addWidget(copy);
    return row;
}

void MailProgramsPage::setPort(quint16 port)
{
    m_port = port;
    m_portEdit->setText(QString::number(port));
    updateInstructions();
}

void MailProgramsPage::setCredentials(const QList<QPair<QString, QString>>& credentials)
{
    m_passwords.clear();
    m_users.clear();
    while (QLayoutItem* item = m_accountsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const auto& [user, password] : credentials) {
        m_passwords.insert(user, password);
        m_users << user;
        auto* box = new QGroupBox(tr("Account \"%1\"").arg(user), m_accounts);
        auto* grid = new QGridLayout(box);
        auto* userEdit = readOnlyEdit(user, box);
        userEdit->setObjectName(u"userEdit:"_s + user);
        userEdit->setAccessibleName(tr("User name"));
        auto* passwordEdit = readOnlyEdit(password, box);
        passwordEdit->setObjectName(u"passwordEdit:"_s + user);
        passwordEdit->setAccessibleName(tr("Password"));
        auto* userLabel = new QLabel(tr("User name:"), box);
        userLabel->setBuddy(userEdit);
        auto* passwordLabel = new QLabel(tr("Password:"), box);
        passwordLabel->setBuddy(passwordEdit);
        grid->addWidget(userLabel, 0, 0);
        grid->addWidget(copyableRow(userEdit, u"copyUser:"_s + user), 0, 1);
        grid->addWidget(passwordLabel, 1, 0);
        grid->addWidget(copyableRow(passwordEdit, u"copyPassword:"_s + user), 1, 1);
        auto* generate = new QPushButton(tr("Generate new password"), box);
        generate->setObjectName(u"generate:"_s + user);
        generate->setToolTip(tr("Makes a new password. Your mail program then needs the new one."));
        connect(generate, &QPushButton::clicked, this, [this, user = user, passwordEdit] {
            const QString fresh = Settings::LocalCredentials::generatePassword();
            m_passwords.insert(user, fresh);
            passwordEdit->setText(fresh);
            emit passwordGenerated(user, fresh);
        });
        grid->addWidget(generate, 2, 1, Qt::AlignLeft);
        grid->setColumnStretch(1, 1);
        m_accountsLayout->addWidget(box, row++, 0);
    }
}

void MailProgramsPage::updateInstructions()
{
    const QString port = QString::number(m_port);
    m_thunderbird->setText(
        u"<ol>"_s +
        tr("<li>Open <b>Account Settings</b> and choose <b>Outgoing Server (SMTP)</b> at the bottom of the "
           "list.</li>"
           "<li>Click <b>Add…</b>. Server Name: <b>%1</b>, Port: <b>%2</b>, Connection security: "
           "<b>None</b>, "
           "Authentication method: <b>Normal password</b>, User Name: your account's user name above.</li>"
           "<li>Select your mail account, and under <b>Outgoing Server (SMTP)</b> choose the server you just "
           "added.</li>"
           "<li>Send a message. When Thunderbird asks for the password, paste the password above and let it "
           "remember it.</li>")
            .arg(host(), port) +
        u"</ol>"_s);
    m_outlook->setText(
        u"<ol>"_s +
        tr("<li>Choose <b>File › Account Settings › Account Settings…</b>, select your account and click "
           "<b>Change…</b>.</li>"
           "<li>Outgoing mail server (SMTP): <b>%1</b>.</li>"
           "<li>Click <b>More Settings…</b>. On <b>Outgoing Server</b>, tick <b>My outgoing server (SMTP) "
           "requires authentication</b>, choose <b>Log on using</b> and enter the user name and password "
           "above.</li>"
           "<li>On <b>Advanced</b>, set Outgoing server (SMTP) to <b>%2</b> and the encrypted connection to "
           "<b>None</b>. Click OK, then Next.</li>")
            .arg(host(), port) +
        u"</ol>"_s + u"<p>"_s +
        tr("The new Outlook, and Outlook with a Microsoft 365 (Exchange) account, cannot use another "
           "outgoing "
           "server. Use classic Outlook with an IMAP account, or another mail program.") +
        u"</p>"_s);
    m_appleMail->setText(
        u"<ol>"_s +
        tr("<li>Choose <b>Mail › Settings › Accounts</b>, select your account and open <b>Server "
           "Settings</b>.</li>"
           "<li>Under <b>Outgoing Mail Server (SMTP)</b>, choose <b>Edit SMTP Server List…</b> and add a "
           "server with the name <b>%1</b>.</li>"
           "<li>Turn off <b>Automatically manage connection settings</b>. Port: <b>%2</b>, "
           "<b>Use TLS/SSL</b> off, Authentication: <b>Password</b>, with the user name and password "
           "above.</li>"
           "<li>Click OK and Save.</li>")
            .arg(host(), port) +
        u"</ol>"_s);
}

} // namespace Ui
