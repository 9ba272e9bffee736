#include "AccountForm.h"

#include "SettingRow.h"
#include "SettingValidator.h"
#include "delivery/ConnectionTest.h"
#include "settings/AccountSerializer.h"
#include "settings/Validation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

// Keys are checked under a placeholder account name: the rules do not depend on it.
SettingValidator::Rule accountRule(const QString& key)
{
    return SettingValidator::keyRule(u"account.a/"_s + key);
}

void selectData(QComboBox* combo, const QString& data)
{
    const int i = combo->findData(data);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

} // namespace

AccountForm::AccountForm(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto add = [form](const QString& label, SettingRow* row) {
        auto* l = new QLabel(label);
        l->setBuddy(row->field());
        form->addRow(l, row);
        return l;
    };
    // A field for one account key, checked by the rule the settings file is checked by.
    const auto addText = [this, &add](const QString& key, const QString& label, const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(key);
        edit->setPlaceholderText(placeholder);
        SettingValidator::attach(edit, row(edit, key), accountRule(key));
        add(label, row(edit, key));
        return edit;
    };
    const auto addChoice = [this, &add](const QString& key, const QString& label,
                                        std::initializer_list<std::pair<QString, QString>> items) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(key);
        for (const auto& [text, value] : items)
            combo->addItem(text, value);
        add(label, row(combo, key));
        return combo;
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"accountName"_s);
    m_name->setPlaceholderText(tr("for example work"));
    m_nameRow = new SettingRow(m_name, this);
    SettingValidator::attach(m_name, m_nameRow, [this](const QString& text) {
        if (!m_isNew)
            return QString();
        const QString problem = Settings::Validation::accountNameProblem(text);
        if (!problem.isEmpty())
            return problem;
        if (m_takenNames.contains(text))
            return tr("Another account already has the name \"%1\".").arg(text);
        return QString();
    });
    add(tr("&Name:"), m_nameRow)
        ->setToolTip(tr("The user name your mail program logs in to Yubisashi with."));

    m_preset = addChoice(u"preset"_s, tr("&Provider:"),
                         {{tr("Microsoft 365"), u"microsoft365"_s},
                          {tr("Google (Gmail, Google Workspace)"), u"google"_s},
                          {tr("Other mail server"), u"generic"_s}});
    m_host = addText(u"host"_s, tr("&Server:"), tr("for example smtp.example.co.jp"));
    m_port = SettingValidator::numberField(u"account.a/port"_s, QString(), this);
    m_port->setObjectName(u"port"_s);
    add(tr("P&ort:"), row(m_port, u"port"_s));
    m_security = addChoice(u"security"_s, tr("S&ecurity:"),
                           {{tr("STARTTLS (usually port 587)"), u"starttls"_s},
                            {tr("TLS from the start (usually port 465)"), u"tls"_s},
                            {tr("None: not encrypted (trusted networks only)"), u"none"_s}});
    m_auth = addChoice(u"auth"_s, tr("Sign-in &method:"),
                       {{tr("Password"), u"login"_s},
                        {tr("Password (PLAIN)"), u"plain"_s},
                        {tr("Sign in with Microsoft or Google"), u"xoauth2"_s},
                        {tr("No sign-in"), u"none"_s}});
    m_user = addText(u"user"_s, tr("&User name:"), tr("usually your e-mail address"));

    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordRow = new SettingRow(m_password, this);
    m_passwordLabel = add(tr("Pass&word:"), m_passwordRow);

    // Seam: the lead wires core/oauth here through setSignInHandler().
    m_signIn = new QPushButton(tr("Sign &in…"), this);
    m_signIn->setObjectName(u"signInButton"_s);
    auto* signInBox = new QWidget(this);
    auto* signInLayout = new QHBoxLayout(signInBox);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    signInLayout->addWidget(m_signIn);
    m_signOut = new QPushButton(tr("Sign &out"), this);
    m_signOut->setObjectName(u"signOutButton"_s);
    m_signOut->setEnabled(false);
    signInLayout->addWidget(m_signOut);
    m_signInState = new QLabel(this);
    m_signInState->setObjectName(u"signInState"_s);
    m_signInState->setWordWrap(true);
    m_signInState->setTextFormat(Qt::PlainText);
    m_signInState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    signInLayout->addWidget(m_signInState, 1);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        if (m_signOutHandler)
            m_signOutHandler(account().name, this);
        refreshSignInStatus();
    });
    signInBox->setFocusProxy(m_signIn);
    m_signInRow = new SettingRow(signInBox, this);
    m_signInLabel = add(tr("Sign-in:"), m_signInRow);
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (m_signInHandler)
            m_signInHandler(account().name, this);
    });
    setSignInHandler({});

    m_from = addText(u"from"_s, tr("Sends &as:"),
                     tr("optional: addresses this account sends as, separated by commas"));
    m_sign = addChoice(u"sign"_s, tr("S/MIME si&gnature:"),
                       {{tr("Only messages to people outside the organisation"), u"external"_s},
                        {tr("Every message"), u"always"_s},
                        {tr("Never"), u"never"_s}});

    auto* testBox = new QWidget(this);
    auto* testLayout = new QHBoxLayout(testBox);
    testLayout->setContentsMargins(0, 0, 0, 0);
    m_test = new QPushButton(tr("&Test connection"), testBox);
    m_test->setObjectName(u"testButton"_s);
    testLayout->addWidget(m_test);
    testLayout->addStretch(1);
    form->addRow(QString(), testBox);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_testResult);
    connect(m_test, &QPushButton::clicked, this, &AccountForm::testConnection);
    m_connectionTest = new Delivery::ConnectionTest(this);
    connect(m_connectionTest, &Delivery::ConnectionTest::finished, this, [this](bool, const QString& text) {
        m_test->setEnabled(true);
        m_testResult->setText(text);
    });

    // Long entries must not make the form wider than the window.
    for (QComboBox* combo : {m_preset, m_security, m_auth, m_sign}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
    }
    connect(m_preset, &QComboBox::activated, this, &AccountForm::applyPresetChoice);
    connect(m_security, &QComboBox::activated, this, &AccountForm::onSecurityChosen);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &AccountForm::updateVisibility);
    connect(m_name, &QLineEdit::textEdited, this, &AccountForm::nameEdited);
    connect(m_name, &QLineEdit::textEdited, this, &AccountForm::refreshSignInStatus);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &AccountForm::refreshSignInStatus);
    for (QLineEdit* edit : {m_name, m_host, m_user, m_password, m_from})
        connect(edit, &QLineEdit::textChanged, this, &AccountForm::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountForm::changed);
    for (QComboBox* combo : {m_preset, m_security, m_auth, m_sign})
        connect(combo, &QComboBox::currentIndexChanged, this, &AccountForm::changed);

    setAccount(Settings::Account(), true, {}, false);
}

AccountForm::~AccountForm() = default;

SettingRow* AccountForm::row(QWidget* field, const QString& key)
{
    for (const auto& [k, r] : std::as_const(m_rows)) {
        if (r->field() == field)
            return r;
    }
    auto* r = new SettingRow(field, this);
    m_rows << qMakePair(key, r);
    return r;
}

void AccountForm::setSignInHandler(SignIn handler)
{
    m_signInHandler = std::move(handler);
    m_signIn->setToolTip(m_signInHandler
                             ? tr("Opens the sign-in page of Microsoft or Google in your browser.")
                             : tr("Sign in once the account is saved: in Settings, Accounts."));
    refreshSignInStatus();
}

void AccountForm::setSignInStatusProvider(SignInStatus provider)
{
    m_signInStatus = std::move(provider);
    refreshSignInStatus();
}

void AccountForm::setSignInProblemProvider(SignInProblem provider)
{
    m_signInProblem = std::move(provider);
    refreshSignInStatus();
}

void AccountForm::setSignOutHandler(SignOut handler)
{
    m_signOutHandler = std::move(handler);
    refreshSignInStatus();
}

void AccountForm::refreshSignInStatus()
{
    const QString name = m_signInStatus && m_isNew ? m_name->text().trimmed() : m_loaded.name;
    const QString problem = m_signInProblem ? m_signInProblem(account()) : QString();
    m_signIn->setEnabled(bool(m_signInHandler) && problem.isEmpty());
    if (!problem.isEmpty())
        m_signInState->setText(problem);
    else if (!m_signInHandler)
        m_signInState->setText(tr("Once the account is saved, sign in from Settings, Accounts."));
    else
        m_signInState->setText(m_signInStatus && !name.isEmpty() ? m_signInStatus(name) : QString());
    m_signOut->setEnabled(bool(m_signOutHandler) && !name.isEmpty() && !m_isNew);
}

void AccountForm::setAccount(const Settings::Account& account, bool isNew, const QStringList& lockedKeys,
                             bool hasStoredPassword)
{
    m_loaded = account;
    m_isNew = isNew;
    refreshSignInStatus();
    m_name->setText(account.name);
    m_name->setReadOnly(!isNew);
    m_name->setToolTip(isNew ? QString()
                             : tr("The name cannot be changed: it is the user name your mail program logs in "
                                  "with. Add a new account instead."));
    const QString preset = account.preset.isEmpty() ? u"generic"_s : account.preset;
    selectData(m_preset, preset);
    m_host->setText(account.host);
    m_port->setValue(account.port);
    selectData(m_security, Settings::settingWord(account.security));
    selectData(m_auth, Settings::settingWord(account.auth));
    m_user->setText(account.user);
    m_password->clear();
    m_password->setPlaceholderText(hasStoredPassword ? tr("saved; type a new one to change it")
                                                     : tr("not saved yet"));
    m_from->setText(account.from.join(u", "_s));
    selectData(m_sign, Settings::settingWord(account.sign));
    for (const auto& [key, r] : std::as_const(m_rows))
        r->setLocked(lockedKeys.contains(key));
    m_testResult->clear();
    m_nameRow->setProblem(m_isNew ? Settings::Validation::accountNameProblem(account.name) : QString());
    updateVisibility();
}

Settings::Account AccountForm::account() const
{
    Settings::Account a = m_loaded;
    a.name = m_name->text().trimmed();
    const QString preset = m_preset->currentData().toString();
    // "Other" for an account without a preset keeps it without one.
    a.preset = preset == u"generic"_s && m_loaded.preset.isEmpty() ? QString() : preset;
    a.host = m_host->text().trimmed();
    a.port = quint16(m_port->value());
    // The combo boxes hold the settings file's words; every item is one of them.
    Settings::fromSettingWord(m_security->currentData().toString(), &a.security);
    Settings::fromSettingWord(m_auth->currentData().toString(), &a.auth);
    a.user = m_user->text().trimmed();
    a.from.clear();
    for (const QString& f : m_from->text().split(u',')) {
        if (!f.trimmed().isEmpty())
            a.from << f.trimmed();
    }
    Settings::fromSettingWord(m_sign->currentData().toString(), &a.sign);
    return a;
}

QString AccountForm::password() const
{
    return m_password->text();
}

QString AccountForm::problem() const
{
    if (!m_nameRow->problem().isEmpty())
        return m_nameRow->problem();
    if (m_isNew && m_name->text().isEmpty())
        return Settings::Validation::accountNameProblem(QString());
    for (const auto& [key, r] : m_rows) {
        if (!r->problem().isEmpty())
            return r->problem();
    }
    return {};
}

void AccountForm::applyPresetChoice()
{
    Settings::Account preset;
    if (!Settings::applyPreset(m_preset->currentData().toString(), &preset) ||
        m_preset->currentData().toString() == u"generic"_s)
        return; // "Other": the person fills in the server
    const auto locked = [this](const QString& key) {
        for (const auto& [k, r] : std::as_const(m_rows)) {
            if (k == key)
                return r->isLocked();
        }
        return false;
    };
    if (!locked(u"host"_s))
        m_host->setText(preset.host);
    if (!locked(u"port"_s))
        m_port->setValue(preset.port);
    if (!locked(u"security"_s))
        selectData(m_security, Settings::settingWord(preset.security));
    if (!locked(u"auth"_s))
        selectData(m_auth, Settings::settingWord(preset.auth));
}

void AccountForm::onSecurityChosen()
{
    // The usual port goes with the security chosen, unless another was typed.
    const int port = m_port->value();
    const QString security = m_security->currentData().toString();
    if (security == u"tls"_s && port == 587)
        m_port->setValue(465);
    else if (security == u"starttls"_s && port == 465)
        m_port->setValue(587);
}

void AccountForm::updateVisibility()
{
    const QString auth = m_auth->currentData().toString();
    auto* form = static_cast<QFormLayout*>(layout());
    form->setRowVisible(m_passwordRow, auth == u"login"_s || auth == u"plain"_s);
    form->setRowVisible(m_signInRow, auth == u"xoauth2"_s);
}

void AccountForm::testConnection()
{
    const Settings::Account a = account();
    const QString problem = this->problem();
    if (!problem.isEmpty()) {
        m_testResult->setText(tr("Correct the marked fields first: %1").arg(problem));
        return;
    }
    Delivery::ConnectionTest::Secrets secrets;
    secrets.typedPassword = password();
    if (m_storedPassword && !m_isNew)
        secrets.storedPassword = [this, name = a.name] {
            return m_storedPassword(name);
        };
    if (m_accessToken)
        secrets.accessToken = [this, name = a.name] {
            return m_accessToken(name);
        };
    QString text;
    const Delivery::ConnectionTest::Start start = m_connectionTest->start(a, secrets, &text);
    m_testResult->setText(text);
    if (start == Delivery::ConnectionTest::Start::Started)
        m_test->setEnabled(false);
    else if (start == Delivery::ConnectionTest::Start::NeedsPassword)
        m_password->setFocus();
}

} // namespace Ui
