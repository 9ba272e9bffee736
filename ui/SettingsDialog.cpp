#include "SettingsDialog.h"

#include "AccountForm.h"
#include "Icons.h"
#include "ListEditor.h"
#include "MailProgramsPage.h"
#include "SettingRow.h"
#include "SettingValidator.h"
#include "WindowSize.h"
#include "review/checks/CheckRegistry.h"
#include "review/checks/ManyExternalVisibleCheck.h"
#include "settings/AccountSecrets.h"
#include "settings/AccountSerializer.h"
#include "settings/AdminPolicy.h"
#include "settings/ConfigWriter.h"
#include "settings/KeychainName.h"
#include "settings/LocalCredentials.h"
#include "settings/SecretStore.h"
#include "settings/Validation.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

const QString kTestUser = u"test"_s; // the local user in test mode (app/Application.cpp)

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // A wrapped label may get more height than its lines need: keep the text at the top.
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

// A page that scrolls when the window is small, so no field is ever cut off.
QWidget* scrolling(QWidget* content)
{
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

// QSettings' keys -> documented "group/key" ([general] is QSettings' top level).
QSet<QString> documentedKeys(const QString& path)
{
    QSet<QString> keys;
    if (!QFileInfo::exists(path))
        return keys;
    const QSettings s(path, QSettings::IniFormat);
    for (const QString& k : s.allKeys())
        keys.insert(k.contains(u'/') ? k : u"general/"_s + k);
    return keys;
}

} // namespace

SettingsDialog::SettingsDialog(const QString& configPath, Settings::SecretStore* secrets, QWidget* parent)
    : QDialog(parent),
      m_path(
          QFileInfo(configPath.isEmpty() ? Settings::Config::defaultPath() : configPath).absoluteFilePath()),
      m_secrets(secrets)
{
    setWindowTitle(tr("Yubisashi Settings"));
    setWindowIcon(icon(u"yubisashi"_s));
    load();
    m_pageTitles =
        QStringList{tr("Accounts"),     tr("Mail programs"), tr("Recipients"), tr("Checks"),
                    tr("Certificates"), tr("Timing"),        tr("General"),    tr("Secrets store")};

    auto* layout = new QVBoxLayout(this);
    m_problemsBanner = new QLabel(this);
    m_problemsBanner->setObjectName(u"problemsBanner"_s);
    m_problemsBanner->setWordWrap(true);
    m_problemsBanner->setTextFormat(Qt::RichText);
    m_problemsBanner->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_problemsBanner->setFrameShape(QFrame::StyledPanel);
    m_problemsBanner->setVisible(!m_loadProblems.isEmpty());
    connect(m_problemsBanner, &QLabel::linkActivated, this,
            [this](const QString& link) { goToProblem(link.mid(5).toInt()); });
    layout->addWidget(m_problemsBanner);

    auto* body = new QHBoxLayout;
    m_pages = new QListWidget(this);
    m_pages->setObjectName(u"pageList"_s);
    m_pages->setAccessibleName(tr("Settings pages"));
    m_stack = new QStackedWidget(this);
    const QList<QWidget*> pages{buildAccounts(),     buildMailPrograms(), buildRecipients(), buildChecks(),
                                buildCertificates(), buildTiming(),       buildGeneral(),    buildSecrets()};
    for (int i = 0; i < pages.size(); ++i) {
        m_pages->addItem(m_pageTitles.at(i));
        // The banner sits above the page's scrolling part, so it is seen however far the page scrolls.
        auto* holder = new QWidget(m_stack);
        auto* holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(0, 0, 0, 0);
        auto* banner = new QFrame(holder);
        banner->setObjectName(u"lockBanner"_s);
        banner->setFrameShape(QFrame::StyledPanel);
        auto* bannerLayout = new QHBoxLayout(banner);
        auto* lock = new QLabel(banner);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        lock->setPixmap(icon(u"locked"_s).pixmap(size, size));
        bannerLayout->addWidget(lock, 0, Qt::AlignTop);
        bannerLayout->addWidget(note(tr("Some settings on this page are set by your administrator and cannot "
                                        "be changed here."),
                                     banner),
                                1);
        banner->hide();
        m_lockBanners << banner;
        holderLayout->addWidget(banner);
        holderLayout->addWidget(pages.at(i), 1);
        m_stack->addWidget(holder);
    }
    if (!m_loadProblems.isEmpty()) {
        QString text =
            tr("Some settings in the file could not be used; their defaults apply:").toHtmlEscaped();
        for (const QString& p : std::as_const(m_loadProblems)) {
            const int page = pageOfLoadProblem(p);
            QString line = p.toHtmlEscaped();
            if (page >= 0) {
                line = tr("%1 (on the %2 page)").arg(line, pageLink(page));
                m_loadProblemPages.insert(page);
            }
            text += u"<br>• "_s + line;
        }
        m_problemsBanner->setText(text);
    }
    m_pages->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    // Wide enough for a title with the problem marker in front of it (markPages).
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_pages->setIconSize(QSize(iconSize, iconSize));
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->item(i)->setIcon(icon(u"dialog-warning"_s));
    m_pages->setMaximumWidth(m_pages->sizeHintForColumn(0) + 4 * m_pages->frameWidth() +
                             latinCharWidth(m_pages) * 4);
    markPages({});
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);
    connect(m_pages, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        if (row == MailProgramsPageIndex)
            refreshMailPrograms();
    });

    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    // The page named in the message is a link to the field to correct.
    m_status->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_status, &QLabel::linkActivated, this,
            [this](const QString& link) { goToProblem(link.mid(5).toInt()); });
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(palette);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveButton"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    // Save runs through accept() and Cancel through reject(); a button box in a
    // QDialog may already be connected to both, so a second connection is made unique.
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept, Qt::UniqueConnection);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject, Qt::UniqueConnection);
    layout->addWidget(buttons);

    lockRows();
    showLockBanners();
    m_pages->setCurrentRow(0);
    updateSaveState();
    resizeWithinScreen(this, {latinCharWidth(this) * 140, fontMetrics().height() * 44});
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    Settings::loadEffective(m_path, &m_config, &m_loadProblems, &m_locked);
    m_rawKeys = documentedKeys(m_path);

    m_checks = Review::CheckPolicy::fromConfig(m_config, &m_loadProblems);
    m_initial.insert(u"general/language"_s, m_config.language);

    for (const Settings::Account& a : std::as_const(m_config.accounts)) {
        AccountDraft d;
        d.loaded = a;
        d.current = a;
        const QString prefix = Settings::Validation::accountGroup(a.name) + u'/';
        for (const QString& k : std::as_const(m_locked)) {
            if (!k.startsWith(prefix))
                continue;
            d.locked << k.mid(prefix.size());
            if (!m_locked.contains(u"accounts/"_s + k.mid(prefix.size())))
                d.lockedByName = true;
        }
        QString error;
        d.hasStoredPassword = m_secrets && m_secrets->read(a.name + u"/password"_s, &error).has_value();
        m_drafts << d;
    }
}

SettingRow* SettingsDialog::addSetting(QFormLayout* form, const QString& label, QWidget* field,
                                       const QString& key, const QVariant& initial)
{
    auto* row = new SettingRow(field);
    m_rows.insert(key, row);
    m_initial.insert(key, initial);
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        edit->setText(initial.toString());
        SettingValidator::attach(edit, row, SettingValidator::keyRule(key));
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateSaveState);
    } else if (auto* spin = qobject_cast<QSpinBox*>(field)) {
        spin->setValue(initial.toInt());
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::updateSaveState);
    }
    auto* l = new QLabel(label);
    l->setBuddy(field);
    form->addRow(l, row);
    return row;
}

void SettingsDialog::lockRows()
{
    for (auto it = m_rows.constBegin(); it != m_rows.constEnd(); ++it)
        it.value()->setLocked(m_locked.contains(it.key()));
}

void SettingsDialog::showLockBanners()
{
    QSet<int> locked;
    for (auto it = m_rows.constBegin(); it != m_rows.constEnd(); ++it) {
        if (it.value()->isLocked())
            locked.insert(pageOf(it.value()));
    }
    for (const AccountDraft& d : std::as_const(m_drafts)) {
        if (!d.locked.isEmpty())
            locked.insert(AccountsPage);
    }
    for (int i = 0; i < m_lockBanners.size(); ++i)
        m_lockBanners.at(i)->setVisible(locked.contains(i));
}

int SettingsDialog::pageOf(const QWidget* widget) const
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->widget(i)->isAncestorOf(widget))
            return i;
    }
    return -1;
}

// Config::load names the group of each problem ("[listener]", "[account.work]")
// and the key in quotes; the page is the one that shows that key.
int SettingsDialog::pageOfLoadProblem(const QString& problem) const
{
    static const QRegularExpression group(u"\\[(account\\.[^\\]\\s]+|[a-z]+)\\]"_s);
    const QRegularExpressionMatch m = group.match(problem);
    if (!m.hasMatch())
        return -1;
    const QString name = m.captured(1);
    if (name.startsWith(u"account."_s))
        return AccountsPage;
    if (name == u"checks"_s)
        return ChecksPage;
    static const QRegularExpression quoted(u"\"([a-z_]+)\""_s);
    for (auto it = quoted.globalMatch(problem); it.hasNext();) {
        const SettingRow* row = m_rows.value(name + u'/' + it.next().captured(1));
        if (row)
            return pageOf(row);
    }
    return -1;
}

QString SettingsDialog::pageLink(int page) const
{
    return u"<a href=\"page:%1\">%2</a>"_s.arg(page).arg(m_pageTitles.value(page).toHtmlEscaped());
}

// A page with something to correct carries a warning sign in the list, and
// says so in words to a screen reader and in its tooltip, not by colour alone.
void SettingsDialog::markPages(const QSet<int>& pages)
{
    QPixmap empty(m_pages->iconSize() * devicePixelRatio());
    empty.setDevicePixelRatio(devicePixelRatio());
    empty.fill(Qt::transparent);
    const QIcon blank(empty);
    for (int i = 0; i < m_pages->count(); ++i) {
        QListWidgetItem* item = m_pages->item(i);
        const bool marked = pages.contains(i);
        const QString title = m_pageTitles.value(i);
        const QString text = marked ? tr("%1: needs correcting").arg(title) : title;
        // An empty space of the icon's size keeps every title at the same place.
        item->setIcon(marked ? icon(u"dialog-warning"_s) : blank);
        item->setData(Qt::AccessibleTextRole, text);
        item->setToolTip(marked ? text : QString());
    }
}

void SettingsDialog::goToProblem(int page)
{
    if (page < 0 || page >= m_stack->count())
        return;
    if (page == AccountsPage && m_problemAccount >= 0 && m_problemAccount < m_accountList->count())
        m_accountList->setCurrentRow(m_problemAccount);
    showPage(Page(page));
    QWidget* holder = m_stack->widget(page);
    QWidget* target = nullptr;
    for (SettingRow* row : holder->findChildren<SettingRow*>()) {
        if (!row->problem().isEmpty() && row->isVisibleTo(holder)) {
            target = row->field();
            break;
        }
    }
    for (ListEditor* editor : holder->findChildren<ListEditor*>()) {
        if (!target && !editor->problem().isEmpty())
            target = editor->lineEdit();
    }
    if (!target && page == AccountsPage && m_currentAccount >= 0)
        target = m_accountForm->nameEdit();
    if (!target)
        return;
    target->setFocus(Qt::OtherFocusReason);
    for (QWidget* w = target->parentWidget(); w; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            area->ensureWidgetVisible(target);
            break;
        }
    }
}

// ---- Accounts ---------------------------------------------------------------

QWidget* SettingsDialog::buildAccounts()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Accounts"), page));
    layout->addWidget(note(tr("Each account is a mail server Yubisashi sends through. With no account, "
                              "Yubisashi runs in test mode: messages are checked and saved as files, and "
                              "nothing is sent."),
                           page));
    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_accountList = new QListWidget(page);
    m_accountList->setObjectName(u"accountList"_s);
    m_accountList->setAccessibleName(tr("Accounts"));
    for (const AccountDraft& d : std::as_const(m_drafts))
        m_accountList->addItem(d.current.name);
    left->addWidget(m_accountList, 1);
    auto* buttons = new QHBoxLayout;
    m_addAccount = new QPushButton(tr("A&dd"), page);
    m_addAccount->setObjectName(u"addAccountButton"_s);
    m_removeAccount = new QPushButton(tr("Re&move"), page);
    m_removeAccount->setObjectName(u"removeAccountButton"_s);
    buttons->addWidget(m_addAccount);
    buttons->addWidget(m_removeAccount);
    left->addLayout(buttons);
    m_accountList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_accountList->setMaximumWidth(latinCharWidth(m_accountList) * 24);
    columns->addLayout(left);

    m_accountForm = new AccountForm(page);
    m_accountForm->setObjectName(u"accountForm"_s);
    m_accountForm->setStoredPassword([this](const QString& name) -> std::optional<QString> {
        QString error;
        return m_secrets ? m_secrets->read(name + u"/password"_s, &error) : std::nullopt;
    });
    columns->addWidget(m_accountForm, 1);
    layout->addLayout(columns, 1);

    connect(m_accountList, &QListWidget::currentRowChanged, this, &SettingsDialog::selectAccount);
    connect(m_addAccount, &QPushButton::clicked, this, &SettingsDialog::addAccount);
    connect(m_removeAccount, &QPushButton::clicked, this, &SettingsDialog::removeAccount);
    connect(m_accountForm, &AccountForm::changed, this, &SettingsDialog::updateSaveState);
    connect(m_accountForm, &AccountForm::nameEdited, this, [this](const QString& name) {
        if (m_currentAccount >= 0)
            m_accountList->item(m_currentAccount)->setText(name.isEmpty() ? tr("(new account)") : name);
    });
    m_accountForm->setEnabled(false);
    if (!m_drafts.isEmpty())
        m_accountList->setCurrentRow(0);
    else
        selectAccount(-1);
    return scrolling(page);
}

void SettingsDialog::storeCurrentAccount()
{
    if (m_currentAccount < 0 || m_currentAccount >= m_drafts.size())
        return;
    AccountDraft& d = m_drafts[m_currentAccount];
    d.current = m_accountForm->account();
    d.password = m_accountForm->password();
}

void SettingsDialog::selectAccount(int row)
{
    storeCurrentAccount();
    m_currentAccount = row;
    const bool valid = row >= 0 && row < m_drafts.size();
    m_accountForm->setEnabled(valid);
    m_removeAccount->setEnabled(valid && !m_drafts.at(row).lockedByName);
    m_removeAccount->setToolTip(valid && m_drafts.at(row).lockedByName ? SettingRow::lockedToolTip()
                                                                       : QString());
    if (!valid) {
        m_accountForm->setAccount(Settings::Account(), false, {}, false);
        updateSaveState();
        return;
    }
    const AccountDraft& d = m_drafts.at(row);
    QStringList taken;
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (i != row)
            taken << m_drafts.at(i).current.name;
    }
    m_accountForm->setTakenNames(taken);
    m_accountForm->setAccount(d.current, d.isNew, d.locked, d.hasStoredPassword || !d.password.isEmpty());
    if (!d.password.isEmpty())
        m_accountForm->findChild<QLineEdit*>(u"password"_s)->setText(d.password);
    updateSaveState();
}

void SettingsDialog::addAccount()
{
    storeCurrentAccount();
    AccountDraft d;
    d.isNew = true;
    QString name = u"work"_s;
    QStringList taken;
    for (const AccountDraft& other : std::as_const(m_drafts))
        taken << other.current.name;
    for (int n = 2; taken.contains(name); ++n)
        name = u"work%1"_s.arg(n);
    // As the administrator's [accounts] makes it, with its locks shown.
    d.current = Settings::Config::newAccount(Settings::AdminPolicy::system(nullptr), name, u"microsoft365"_s,
                                             &d.locked);
    d.loaded = Settings::Account();
    d.loaded.name = name;
    m_drafts << d;
    m_currentAccount = -1; // the draft was just stored; nothing to store again
    m_accountList->addItem(name);
    m_accountList->setCurrentRow(int(m_drafts.size()) - 1);
    m_accountForm->nameEdit()->setFocus();
    m_accountForm->nameEdit()->selectAll();
}

void SettingsDialog::removeAccount()
{
    const int row = m_currentAccount;
    if (row < 0 || row >= m_drafts.size() || m_drafts.at(row).lockedByName)
        return;
    if (!m_drafts.at(row).isNew)
        m_removedAccounts << m_drafts.at(row).loaded.name;
    m_currentAccount = -1;
    m_drafts.removeAt(row);
    delete m_accountList->takeItem(row);
    selectAccount(m_accountList->currentRow());
}

QString SettingsDialog::accountProblem(int index) const
{
    if (index == m_currentAccount)
        return m_accountForm->problem();
    const Settings::Account& a = m_drafts.at(index).current;
    if (m_drafts.at(index).isNew) {
        const QString p = Settings::Validation::accountNameProblem(a.name);
        if (!p.isEmpty())
            return p;
    }
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (i != index && m_drafts.at(i).current.name == a.name)
            return tr("Two accounts have the name \"%1\".").arg(a.name);
    }
    const QString group = Settings::Validation::accountGroup(u"a"_s) + u'/';
    for (const QString& key : AccountForm::keys()) {
        const QString p = Settings::Validation::check(group + key, AccountForm::keyValue(a, key));
        if (!p.isEmpty())
            return tr("Account \"%1\": %2").arg(a.name, p);
    }
    return {};
}

// ---- Mail programs ----------------------------------------------------------

QWidget* SettingsDialog::buildMailPrograms()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Mail programs"), page));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_listenerPort = SettingValidator::numberField(u"listener/port"_s, QString(), page);
    m_listenerPort->setObjectName(u"listenerPort"_s);
    addSetting(form, tr("&Port Yubisashi listens on:"), m_listenerPort, u"listener/port"_s,
               QString::number(m_config.listener.port));
    m_requireAuth = new QCheckBox(tr("Mail programs must log in (recommended)"), page);
    m_requireAuth->setObjectName(u"requireAuth"_s);
    m_requireAuth->setChecked(m_config.listener.requireAuth);
    m_requireAuth->setToolTip(tr("Stops other programs on this computer from sending mail as you."));
    addSetting(form, tr("Log-in:"), m_requireAuth, u"listener/require_auth"_s,
               m_config.listener.requireAuth ? u"true"_s : u"false"_s);
    layout->addLayout(form);
    layout->addWidget(
        note(tr("A changed port takes effect the next time Yubisashi starts; change it in your mail "
                "program too."),
             page));

    m_mailPrograms = new MailProgramsPage(page);
    m_mailPrograms->setObjectName(u"mailPrograms"_s);
    layout->addWidget(m_mailPrograms, 1);
    connect(m_mailPrograms, &MailProgramsPage::passwordGenerated, this,
            [this](const QString& user, const QString& password) {
                m_localPasswords.insert(user, password);
                m_localPasswordsToWrite.insert(user);
            });
    connect(m_listenerPort, &QSpinBox::valueChanged, this,
            [this](int port) { m_mailPrograms->setPort(quint16(port)); });
    m_mailPrograms->setPort(m_config.listener.port);
    m_mailPrograms->setRequireAuth(m_config.listener.requireAuth);
    refreshMailPrograms();
    return scrolling(page);
}

void SettingsDialog::setTestMessageWatcher(Smtp::TestMessageWatcher* watcher)
{
    m_mailPrograms->setTestMessageWatcher(watcher);
}

void SettingsDialog::refreshMailPrograms()
{
    storeCurrentAccount();
    QStringList users;
    for (const AccountDraft& d : std::as_const(m_drafts)) {
        if (Settings::Validation::isValidAccountName(d.current.name))
            users << d.current.name;
    }
    if (users.isEmpty())
        users << kTestUser;
    QList<QPair<QString, QString>> credentials;
    for (const QString& user : std::as_const(users)) {
        if (!m_localPasswords.contains(user)) {
            QString error;
            const std::optional<QString> stored =
                m_secrets ? m_secrets->read(user + u"/local_password"_s, &error) : std::nullopt;
            if (stored && !stored->isEmpty()) {
                m_localPasswords.insert(user, *stored);
            } else {
                // Yubisashi makes one at start; made here, it is saved with the settings.
                m_localPasswords.insert(user, Settings::LocalCredentials::generatePassword());
                m_localPasswordsToWrite.insert(user);
            }
        }
        credentials << qMakePair(user, m_localPasswords.value(user));
    }
    m_mailPrograms->setCredentials(credentials);
    // The account boxes were made anew; the scrolling page is told, or it keeps
    // the height it had and squeezes them.
    for (QWidget* w = m_mailPrograms->parentWidget(); w; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            QCoreApplication::postEvent(area, new QEvent(QEvent::LayoutRequest));
            break;
        }
    }
}

// ---- Recipients -------------------------------------------------------------

QWidget* SettingsDialog::buildRecipients()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Recipients"), page));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto domainEditor = [this, form](const QString& label, const QString& key,
                                           const QStringList& values, const QString& explanation) {
        auto* editor =
            new ListEditor([](const QString& v) { return Settings::Validation::domainProblem(v); });
        editor->setObjectName(key.mid(key.indexOf(u'/') + 1));
        editor->setValues(values);
        editor->setPlaceholderText(tr("example.co.jp or *.example.co.jp"));
        addSetting(form, label, editor, key, values);
        form->addRow(QString(), note(explanation, editor->parentWidget()));
        connect(editor, &ListEditor::changed, this, &SettingsDialog::updateSaveState);
        connect(editor->lineEdit(), &QLineEdit::textChanged, this, &SettingsDialog::updateSaveState);
        return editor;
    };
    m_internal =
        domainEditor(tr("&Internal domains:"), u"policy/internal_domains"_s, m_config.policy.internalDomains,
                     tr("Your organisation's mail domains. Every other domain is outside. "
                        "*.example.co.jp matches the subdomains of example.co.jp."));
    m_caution = domainEditor(tr("&Caution domains:"), u"policy/caution_domains"_s, m_checks.cautionDomains,
                             tr("Mail to these domains needs an extra tick before it is sent."));
    m_blocked = domainEditor(tr("&Blocked domains:"), u"policy/blocked_domains"_s, m_checks.blockedDomains,
                             tr("Mail to these domains is never sent."));
    m_keywords = new ListEditor(SettingValidator::keyRule(u"policy/keywords"_s));
    m_keywords->setObjectName(u"keywords"_s);
    m_keywords->setValues(m_checks.keywords);
    m_keywords->setPlaceholderText(tr("a word or phrase"));
    addSetting(form, tr("&Keywords:"), m_keywords, u"policy/keywords"_s, m_checks.keywords);
    form->addRow(QString(),
                 note(tr("A message that contains one of these words in the subject, the text or a "
                         "file name needs an extra tick."),
                      page));
    connect(m_keywords, &ListEditor::changed, this, &SettingsDialog::updateSaveState);
    layout->addLayout(form);
    layout->addStretch(1);
    return scrolling(page);
}

// ---- Checks -----------------------------------------------------------------

QWidget* SettingsDialog::buildChecks()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Checks"), page));
    layout->addWidget(note(tr("\"Show\" lists what a check finds in the review window, \"Ask to confirm\" "
                              "also needs a tick beside it before the message can be sent, and \"Block the "
                              "message\" stops the message from being sent; \"Off\" skips the check."),
                           page));
    struct Group
    {
        Review::CheckCategory category;
        QString name; // object name, for tests
        QString title;
    };
    const QList<Group> groups{{Review::CheckCategory::Recipients, u"recipients"_s, tr("Recipients")},
                              {Review::CheckCategory::Attachments, u"attachments"_s, tr("Attachments")},
                              {Review::CheckCategory::Body, u"body"_s, tr("Body")}};
    // One form for all three groups, so the choices line up down the page.
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const Group& g : groups) {
        auto* title = heading(g.title, page);
        title->setObjectName(u"checkGroup-"_s + g.name);
        // Space above a heading sets its group apart from the one before.
        title->setContentsMargins(0, fontMetrics().height() / 2, 0, 0);
        form->addRow(title);
        buildCheckRows(form, g.category, page);
    }
    layout->addLayout(form);
    layout->addStretch(1);
    return scrolling(page);
}

void SettingsDialog::buildCheckRows(QFormLayout* form, Review::CheckCategory category, QWidget* page)
{
    for (const Review::CheckInfo* info : Review::CheckRegistry::infos()) {
        if (info->category != category)
            continue;
        const QString& code = info->code;
        auto* combo = new QComboBox;
        combo->setObjectName(u"check:"_s + code);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->addItem(tr("Off"), u"off"_s);
        combo->addItem(tr("Show"), u"show"_s);
        combo->addItem(tr("Ask to confirm"), u"confirm"_s);
        combo->addItem(tr("Block the message"), u"block"_s);
        const QString action = Review::CheckPolicy::actionName(m_checks.action(code));
        combo->setCurrentIndex(combo->findData(action));
        combo->setToolTip(Review::CheckInfo::translated(info->help) + u"\n"_s +
                          tr("In the settings file: [checks] %1").arg(code));
        m_checkCombos.insert(code, combo);
        addSetting(form, Review::CheckInfo::translated(info->title), combo, u"checks/"_s + code, action);
        if (code != Review::ManyExternalVisibleCheck::info().code)
            continue;
        m_bccChoice = new QComboBox(page);
        m_bccChoice->setObjectName(u"manyExternalBcc"_s);
        m_bccChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_bccChoice->addItem(tr("Offer to move them to Bcc"), u"offer"_s);
        m_bccChoice->addItem(tr("Always move them to Bcc"), u"always"_s);
        const QString bcc = m_checks.manyExternalAlwaysBcc ? u"always"_s : u"offer"_s;
        m_bccChoice->setCurrentIndex(m_bccChoice->findData(bcc));
        addSetting(form, tr("Those addresses:"), m_bccChoice, u"policy/many_external_bcc"_s, bcc);
        form->addRow(QString(),
                     note(tr("Moving them to Bcc changes only who can see the addresses: everyone still "
                             "receives the message. Your organisation's addresses stay visible."),
                          page));
    }
}

// ---- Certificates -----------------------------------------------------------

QWidget* SettingsDialog::buildCertificates()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Certificates"), page));
    layout->addWidget(note(tr("Your S/MIME certificate signs your messages, so recipients can tell they come "
                              "from you and were not changed. It usually comes as a .p12 or .pfx file with a "
                              "password."),
                           page));
    m_certificateList = new QLabel(page);
    m_certificateList->setObjectName(u"certificateList"_s);
    m_certificateList->setWordWrap(true);
    m_certificateList->setTextFormat(Qt::PlainText);
    m_certificateList->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_certificateList);
    // Seam: the lead wires core/smime (Identity::import with its details) through setCertificateImporter().
    m_importCertificate = new QPushButton(tr("&Import…"), page);
    m_importCertificate->setObjectName(u"importCertificateButton"_s);
    connect(m_importCertificate, &QPushButton::clicked, this, [this] {
        if (m_certificateImporter)
            m_certificateImporter(this);
    });
    auto* row = new QHBoxLayout;
    if (!m_config.certificateSource.isEmpty()) {
        m_importFromSource = new QPushButton(tr("Import from your &organisation's folder…"), page);
        m_importFromSource->setObjectName(u"importFromSourceButton"_s);
        connect(m_importFromSource, &QPushButton::clicked, this, [this] {
            if (m_sourceImporter)
                m_sourceImporter(this);
        });
        row->addWidget(m_importFromSource);
    }
    row->addWidget(m_importCertificate);
    row->addStretch(1);
    layout->addLayout(row);
    if (m_importFromSource)
        layout->addWidget(
            note(tr("Your administrator keeps your certificate in %1; you only need its password.")
                     .arg(QDir::toNativeSeparators(m_config.certificateSource)),
                 page));
    layout->addStretch(1);
    setCertificateImporter({});
    setSourceImporter({});
    reloadCertificates();
    return scrolling(page);
}

void SettingsDialog::setSourceImporter(std::function<void(QWidget*)> importer)
{
    m_sourceImporter = std::move(importer);
    if (m_importFromSource)
        m_importFromSource->setEnabled(bool(m_sourceImporter));
}

void SettingsDialog::setCertificateImporter(std::function<void(QWidget*)> importer)
{
    m_certificateImporter = std::move(importer);
    m_importCertificate->setEnabled(bool(m_certificateImporter));
    m_importCertificate->setToolTip(
        m_certificateImporter ? QString() : tr("Importing certificates is not available yet."));
}

void SettingsDialog::setCertificateDetailsProvider(
    std::function<QString(const QString&, const QString&)> provider)
{
    m_certificateDetails = std::move(provider);
    reloadCertificates();
}

void SettingsDialog::reloadCertificates()
{
    QStringList lines;
    for (const Settings::Account& a : std::as_const(m_config.accounts)) {
        if (a.smimeP12.isEmpty())
            lines << tr("%1: no certificate").arg(a.name);
        else if (m_certificateDetails)
            lines << tr("%1: %2").arg(a.name, m_certificateDetails(a.name, a.smimeP12));
        else
            lines << tr("%1: %2").arg(a.name, QDir::toNativeSeparators(a.smimeP12));
    }
    m_certificateList->setText(lines.isEmpty()
                                   ? tr("Add an account first; each account has its own certificate.")
                                   : lines.join(u'\n'));
}

// ---- Timing, language, secrets ----------------------------------------------

QWidget* SettingsDialog::buildTiming()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Timing"), page));
    auto* form = new QFormLayout;
    m_clientWait = SettingValidator::numberField(u"delivery/client_wait_seconds"_s, tr(" s"), page);
    m_clientWait->setObjectName(u"clientWaitSeconds"_s);
    addSetting(form, tr("Mail program &waits:"), m_clientWait, u"delivery/client_wait_seconds"_s,
               QString::number(m_config.delivery.clientWaitSeconds));
    form->addRow(QString(),
                 note(tr("While you review, your mail program waits this long for the result. After "
                         "that it is told the message is queued, and Yubisashi finishes sending on its "
                         "own. Thunderbird gives up after 100 seconds, other mail programs often "
                         "sooner, so values above 60 rarely help. 0: always answer at once."),
                      page));
    m_countdown = SettingValidator::numberField(u"delivery/countdown_seconds"_s, tr(" s"), page);
    m_countdown->setObjectName(u"countdownSeconds"_s);
    addSetting(form, tr("&Countdown after Send:"), m_countdown, u"delivery/countdown_seconds"_s,
               QString::number(m_config.delivery.countdownSeconds));
    form->addRow(QString(), note(tr("After you press Send in the review window, wait this long, with an Undo "
                                    "button, before the message goes out. 0: send at once."),
                                 page));
    layout->addLayout(form);
    layout->addStretch(1);
    return scrolling(page);
}

QWidget* SettingsDialog::buildGeneral()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("General"), page));
    auto* form = new QFormLayout;
    m_startAtLogin = new QCheckBox(tr("&Start Yubisashi when I log in"), page);
    m_startAtLogin->setObjectName(u"startAtLogin"_s);
    m_startAtLogin->setChecked(m_config.startAtLogin);
    addSetting(form, tr("Start:"), m_startAtLogin, u"general/start_at_login"_s,
               m_config.startAtLogin ? u"true"_s : u"false"_s);
    form->addRow(QString(), note(tr("Your mail program sends through Yubisashi, so it has to be running "
                                    "whenever you send mail. This takes effect when you save."),
                                 page));
    m_language = new QComboBox(page);
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("Same as the system"), u"system"_s);
    // Each language in its own words, so a person can find theirs whatever is shown now.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"日本語"_s, u"ja"_s);
    const QString initial = m_initial.value(u"general/language"_s).toString();
    m_language->setCurrentIndex(qMax(0, m_language->findData(initial)));
    addSetting(form, tr("&Language:"), m_language, u"general/language"_s, initial);
    form->addRow(QString(), note(tr("The new language is used the next time Yubisashi starts."), page));
    layout->addLayout(form);
    layout->addStretch(1);
    return scrolling(page);
}

QWidget* SettingsDialog::buildSecrets()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Secrets store"), page));
    layout->addWidget(
        note(tr("Passwords and sign-in tokens are never written to the settings file. They are kept "
                "here:"),
             page));
    auto* form = new QFormLayout;
    auto* choice = new QWidget(page);
    choice->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto* choiceLayout = new QVBoxLayout(choice);
    choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_keychain = new QRadioButton(
        tr("The system's &password store, %1 (recommended)").arg(Settings::KeychainName::of()), choice);
    m_keychain->setObjectName(u"storeKeychain"_s);
    m_fileStore = new QRadioButton(tr("A &file on this computer"), choice);
    m_fileStore->setObjectName(u"storeFile"_s);
    auto* group = new QButtonGroup(choice);
    group->addButton(m_keychain);
    group->addButton(m_fileStore);
    choiceLayout->addWidget(m_keychain);
    choiceLayout->addWidget(m_fileStore);
    const bool file = m_config.secrets.store == Settings::SecretsBackend::File;
    (file ? m_fileStore : m_keychain)->setChecked(true);
    addSetting(form, tr("Store:"), choice, u"secrets/store"_s, file ? u"file"_s : u"keychain"_s);
    m_secretsFile = new QLineEdit(page);
    m_secretsFile->setObjectName(u"secretsFile"_s);
    addSetting(form, tr("Secrets fi&le:"), m_secretsFile, u"secrets/file"_s, m_config.secrets.file);
    layout->addLayout(form);

    m_fileWarning = new QLabel(page);
    m_fileWarning->setObjectName(u"fileWarning"_s);
    m_fileWarning->setWordWrap(true);
    m_fileWarning->setTextFormat(Qt::RichText);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    auto* warningRow = new QHBoxLayout;
    auto* warningIcon = new QLabel(page);
    warningIcon->setPixmap(icon(u"dialog-warning"_s).pixmap(size, size));
    warningIcon->setAlignment(Qt::AlignTop);
    m_fileWarning->setText(
        tr("<b>The file store is less safe.</b> Your passwords are written unencrypted to this file. Only "
           "your "
           "user account can read it, but anyone who can act as you, or who reads a backup or a copy of it, "
           "can read your passwords. Use it only when %1 cannot be used on this computer.")
            .arg(Settings::KeychainName::of().toHtmlEscaped()));
    warningRow->addWidget(warningIcon);
    warningRow->addWidget(m_fileWarning, 1);
    auto* warning = new QWidget(page);
    warning->setLayout(warningRow);
    layout->addWidget(warning);
    if (m_secrets)
        layout->addWidget(note(tr("In use now: %1").arg(m_secrets->description()), page));
    layout->addWidget(
        note(tr("A change takes effect the next time Yubisashi starts. Passwords already saved are "
                "not moved: enter them again after the restart."),
             page));
    layout->addStretch(1);

    const auto update = [this, warning] {
        const bool isFile = m_fileStore->isChecked();
        warning->setVisible(isFile);
        m_secretsFile->setEnabled(isFile);
        updateSaveState();
    };
    connect(m_fileStore, &QRadioButton::toggled, this, update);
    update();
    return scrolling(page);
}

void SettingsDialog::showPage(Page page)
{
    m_pages->setCurrentRow(int(page));
}

void SettingsDialog::setSignInStatusProvider(std::function<QString(const QString&)> provider)
{
    m_accountForm->setSignInStatusProvider(std::move(provider));
}

void SettingsDialog::setSignOutHandler(std::function<void(const QString&, QWidget*)> handler)
{
    m_accountForm->setSignOutHandler(std::move(handler));
}

void SettingsDialog::refreshSignInStatus()
{
    m_accountForm->refreshSignInStatus();
}

void SettingsDialog::setSignInHandler(std::function<void(const QString&, QWidget*)> handler)
{
    m_accountForm->setSignInHandler(std::move(handler));
}

void SettingsDialog::setAccessTokenProvider(std::function<QString(const QString&)> provider)
{
    m_accountForm->setAccessTokenProvider(std::move(provider));
}

// ---- Saving -----------------------------------------------------------------

QVariant SettingsDialog::currentValue(const QString& key) const
{
    if (key == u"listener/port"_s)
        return QString::number(m_listenerPort->value());
    if (key == u"listener/require_auth"_s)
        return m_requireAuth->isChecked() ? u"true"_s : u"false"_s;
    if (key == u"delivery/client_wait_seconds"_s)
        return QString::number(m_clientWait->value());
    if (key == u"delivery/countdown_seconds"_s)
        return QString::number(m_countdown->value());
    if (key == u"policy/internal_domains"_s)
        return m_internal->values();
    if (key == u"policy/caution_domains"_s)
        return m_caution->values();
    if (key == u"policy/blocked_domains"_s)
        return m_blocked->values();
    if (key == u"policy/keywords"_s)
        return m_keywords->values();
    if (key == u"general/language"_s)
        return m_language->currentData().toString();
    if (key == u"general/start_at_login"_s)
        return m_startAtLogin->isChecked() ? u"true"_s : u"false"_s;
    if (key == u"policy/many_external_bcc"_s)
        return m_bccChoice->currentData().toString();
    if (key == u"secrets/store"_s)
        return m_fileStore->isChecked() ? u"file"_s : u"keychain"_s;
    if (key == u"secrets/file"_s)
        return m_secretsFile->text().trimmed();
    if (key.startsWith(u"checks/"_s)) {
        const QComboBox* combo = m_checkCombos.value(key.mid(7));
        return combo ? combo->currentData().toString() : QString();
    }
    return {};
}

bool SettingsDialog::canSave() const
{
    for (auto it = m_rows.constBegin(); it != m_rows.constEnd(); ++it) {
        if (!it.value()->problem().isEmpty())
            return false;
    }
    for (const ListEditor* editor : {m_internal, m_caution, m_blocked, m_keywords}) {
        if (editor && !editor->problem().isEmpty())
            return false;
    }
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (!accountProblem(i).isEmpty())
            return false;
    }
    return true;
}

void SettingsDialog::updateSaveState()
{
    if (!m_save)
        return;
    // Every page with a problem is marked; the message names the first, in
    // the order of the pages, and links to it.
    QSet<int> pages = m_loadProblemPages;
    int firstPage = -1;
    int firstAccount = -1;
    QString problem;
    const auto found = [&](int page, const QString& p, int account) {
        if (p.isEmpty())
            return;
        if (page < 0) // not on a page: cannot happen, but the problem must still stop Save
            page = m_stack->currentIndex();
        pages.insert(page);
        if (problem.isEmpty() || page < firstPage) {
            firstPage = page;
            firstAccount = account;
            problem = p;
        }
    };
    for (auto it = m_rows.constBegin(); it != m_rows.constEnd(); ++it)
        found(pageOf(it.value()), it.value()->problem(), -1);
    for (const ListEditor* editor : {m_internal, m_caution, m_blocked, m_keywords}) {
        if (editor)
            found(pageOf(editor), editor->problem(), -1);
    }
    for (int i = 0; i < m_drafts.size(); ++i)
        found(AccountsPage, accountProblem(i), i);
    m_problemAccount = firstAccount;
    m_save->setEnabled(problem.isEmpty());
    markPages(pages);
    if (problem.isEmpty()) {
        m_status->clear();
        m_statusText.clear();
        return;
    }
    m_statusText =
        tr("To save, correct this first on the %1 page: %2").arg(m_pageTitles.value(firstPage), problem);
    m_status->setText(tr("To save, correct this first on the %1 page: %2")
                          .arg(pageLink(firstPage), problem.toHtmlEscaped()));
}

void SettingsDialog::showError(const QString& text)
{
    m_lastError = text;
    m_status->setText(text.toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

void SettingsDialog::accept()
{
    if (save()) {
        emit settingsSaved();
        QDialog::accept();
    }
}

bool SettingsDialog::save()
{
    storeCurrentAccount();
    for (ListEditor* editor : {m_internal, m_caution, m_blocked, m_keywords})
        editor->commitPending();
    updateSaveState();
    if (!canSave()) {
        m_lastError = m_statusText;
        return false;
    }

    Settings::ConfigWriter writer(m_path, m_locked);
    QStringList problems;
    const auto put = [&](const QString& key, const QVariant& value) {
        if (m_locked.contains(key))
            return;
        QString error;
        const bool ok = value.userType() == QMetaType::QStringList
                            ? writer.setList(key, value.toStringList(), &error)
                            : writer.set(key, value.toString(), &error);
        if (!ok)
            problems << error;
    };

    for (auto it = m_initial.constBegin(); it != m_initial.constEnd(); ++it) {
        const QVariant now = currentValue(it.key());
        if (now != it.value())
            put(it.key(), now);
    }

    for (const QString& name : std::as_const(m_removedAccounts)) {
        QString error;
        if (!writer.removeGroup(Settings::Validation::accountGroup(name), &error))
            problems << error;
    }
    for (const AccountDraft& d : std::as_const(m_drafts)) {
        const QString group = Settings::Validation::accountGroup(d.current.name) + u'/';
        QStringList inFile;
        for (const QString& key : Settings::AccountSerializer::keys()) {
            if (m_rawKeys.contains(group + key))
                inFile << key;
        }
        for (const auto& [key, value] :
             Settings::AccountSerializer::valuesToWrite(d.current, inFile, d.locked))
            put(group + key, value);
    }

    if (!problems.isEmpty()) {
        showError(problems.join(u'\n'));
        return false;
    }
    QString error;
    if (!writer.commit(&error)) {
        showError(error);
        return false;
    }

    QStringList secretProblems;
    if (m_secrets) {
        // New local passwords are made here (for accounts added in the window).
        refreshMailPrograms();
        QList<QPair<QString, QString>> accounts;
        for (const AccountDraft& d : std::as_const(m_drafts))
            accounts << qMakePair(d.current.name, d.password);
        QList<QPair<QString, QString>> localPasswords;
        for (const QString& user : std::as_const(m_localPasswordsToWrite))
            localPasswords << qMakePair(user, m_localPasswords.value(user));
        secretProblems = Settings::AccountSecrets::apply(
            m_secrets, Settings::AccountSecrets::plan(m_removedAccounts, accounts, localPasswords));
        m_localPasswordsToWrite.clear();
    }
    if (!secretProblems.isEmpty()) {
        showError(tr("The settings were saved, but a password could not be stored in %1: %2")
                      .arg(m_secrets->description(), secretProblems.join(u"; "_s)));
        emit settingsSaved();
        return false;
    }
    m_lastError.clear();
    return true;
}

} // namespace Ui
