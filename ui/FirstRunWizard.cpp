#include "FirstRunWizard.h"

#include "AccountForm.h"
#include "Icons.h"
#include "ListEditor.h"
#include "MailProgramsPage.h"
#include "SettingRow.h"
#include "TestMessagePanel.h"
#include "WindowSize.h"
#include "oauth/Provider.h"
#include "settings/AccountSerializer.h"
#include "settings/AdminPolicy.h"
#include "settings/CertificateSource.h"
#include "settings/ConfigWriter.h"
#include "settings/LocalCredentials.h"
#include "settings/SecretStore.h"
#include "settings/Validation.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

QLabel* text(const QString& s, QWidget* parent)
{
    auto* label = new QLabel(s, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

FirstRunWizard::FirstRunWizard(const QString& configPath, Settings::SecretStore* secrets, QWidget* parent)
    : QWizard(parent),
      m_path(
          QFileInfo(configPath.isEmpty() ? Settings::Config::defaultPath() : configPath).absoluteFilePath()),
      m_secrets(secrets)
{
    QStringList problems;
    Settings::loadEffective(m_path, &m_config, &problems, &m_locked);
    setWindowTitle(tr("Set up Yubisashi"));
    setWindowIcon(icon(u"yubisashi"_s));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(WelcomePage, buildWelcome());
    setPage(ModePage, buildMode());
    setPage(AccountPage, buildAccount());
    setPage(DomainsPage, buildDomains());
    setPage(CertificatePage, buildCertificate());
    setPage(MailProgramsPageId, buildMailPrograms());
    setPage(TestMessagePageId, buildTestMessage());
    setStartId(WelcomePage);
    resizeWithinScreen(this, {latinCharWidth(this) * 110, fontMetrics().height() * 44});
}

FirstRunWizard::~FirstRunWizard() = default;

QWizardPage* FirstRunWizard::buildWelcome()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Welcome to Yubisashi"));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(
        text(tr("Yubisashi checks every message before it leaves: who receives it, which files go "
                "with it, and whether something looks like a mistake. You tick each recipient "
                "and each file, and only then is the message sent."),
             page));
    layout->addWidget(
        text(tr("Your mail program sends through Yubisashi on this computer, and Yubisashi sends "
                "on through your mail server. The next pages set this up; it takes a few "
                "minutes, and everything can be changed later in Settings."),
             page));
    layout->addStretch(1);
    return page;
}

QWizardPage* FirstRunWizard::buildMode()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("How do you want to start?"));
    auto* layout = new QVBoxLayout(page);
    m_useAccount =
        new QRadioButton(tr("&Send through my mail server (Microsoft 365, Google or another)"), page);
    m_useAccount->setObjectName(u"useAccount"_s);
    m_tryFirst = new QRadioButton(tr("&Try it first (test mode)"), page);
    m_tryFirst->setObjectName(u"tryFirst"_s);
    m_useAccount->setChecked(true);
    layout->addWidget(m_useAccount);
    layout->addWidget(m_tryFirst);
    auto* note =
        text(tr("In test mode every message is checked as usual, but instead of being sent it is saved "
                "as a file. Nothing leaves this computer. Add an account in Settings when you are ready."),
             page);
    note->setIndent(latinCharWidth(this) * 3);
    layout->addWidget(note);
    layout->addStretch(1);
    return page;
}

QWizardPage* FirstRunWizard::buildAccount()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Your mail server"));
    page->setSubTitle(
        tr("Choose your provider; for another server, ask your administrator for its name and port."));
    auto* layout = new QVBoxLayout(page);
    m_accountForm = new AccountForm;
    m_accountForm->setObjectName(u"accountForm"_s);
    QString name = u"work"_s;
    QStringList taken;
    for (const Settings::Account& existing : std::as_const(m_config.accounts))
        taken << existing.name;
    for (int n = 2; taken.contains(name); ++n)
        name = u"work%1"_s.arg(n);
    // What the administrator's [accounts] sets (the provider, the sign-in) is
    // filled in, and what it locks cannot be changed here either.
    QStringList lockedAccountKeys;
    const Settings::Account a = Settings::Config::newAccount(Settings::AdminPolicy::system(nullptr), name,
                                                             u"microsoft365"_s, &lockedAccountKeys);
    m_accountForm->setTakenNames(taken);
    m_accountForm->setAccount(a, true, lockedAccountKeys, false);
    // Microsoft 365 and Google sign in only with the application (client) ID
    // the organisation registered; without one, say so instead of a dead button.
    m_accountForm->setSignInProblemProvider([this](const Settings::Account& account) {
        if (account.auth != Smtp::AuthMethod::XOAuth2 ||
            !OAuth::Provider::forAccount(account, m_path).clientId.isEmpty())
            return QString();
        return tr("Before you can sign in with Microsoft 365 or Google, your administrator must register "
                  "Yubisashi with them once (docs/OAUTH.md). Until then, go Back and choose \"Try it "
                  "first\", or choose \"Other mail server\" if your server accepts a password.");
    });
    // Scrolls rather than growing the wizard past a small screen (200 %).
    auto* area = new QScrollArea(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* box = new QWidget;
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(m_accountForm);
    boxLayout->addStretch(1);
    area->setWidget(box);
    layout->addWidget(area, 1);
    return page;
}

QWizardPage* FirstRunWizard::buildDomains()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Your organisation's domains"));
    page->setSubTitle(tr("Mail to these domains counts as internal; every other domain is outside and gets a "
                         "closer look."));
    auto* layout = new QVBoxLayout(page);
    m_domains = new ListEditor([](const QString& v) { return Settings::Validation::domainProblem(v); }, page);
    m_domains->setObjectName(u"internal_domains"_s);
    m_domains->setPlaceholderText(tr("example.co.jp or *.example.co.jp"));
    m_domains->setValues(m_config.policy.internalDomains);
    auto* row = new SettingRow(m_domains, page);
    const bool locked = m_locked.contains(u"policy/internal_domains"_s);
    row->setLocked(locked);
    layout->addWidget(row);
    layout->addWidget(
        text(tr("Type a domain and press Enter. *.example.co.jp also covers osaka.example.co.jp. "
                "You can leave this empty and add domains later."),
             page));
    layout->addStretch(1);
    return page;
}

QWizardPage* FirstRunWizard::buildCertificate()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Your certificate (optional)"));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(
        text(tr("With an S/MIME certificate, Yubisashi signs your messages so recipients can tell they "
                "come from you. It is usually a .p12 or .pfx file with a password, from your "
                "organisation."),
             page));
    // Seam: the lead wires core/smime (Identity::import) through setCertificateImporter().
    m_importCertificate = new QPushButton(tr("&Import certificate…"), page);
    m_importCertificate->setObjectName(u"importCertificateButton"_s);
    connect(m_importCertificate, &QPushButton::clicked, this, [this] {
        if (m_certificateImporter)
            m_certificateImporter(this);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_importCertificate);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto* later =
        text(tr("No certificate yet? Click Next; you can add it later in Settings, Certificates."), page);
    layout->addWidget(later);
    setCertificateImporter({});
    if (!m_config.certificateSource.isEmpty()) {
        // The administrator keeps everyone's certificate in one place: the
        // person only types the password that came with it.
        m_importCertificate->hide();
        later->hide();
        m_sourceBox = new QWidget(page);
        auto* box = new QVBoxLayout(m_sourceBox);
        box->setContentsMargins(0, 0, 0, 0);
        m_sourceFile = text(QString(), m_sourceBox);
        m_sourceFile->setObjectName(u"certificateSourceFile"_s);
        m_sourceFile->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->addWidget(m_sourceFile);
        auto* row = new QHBoxLayout;
        auto* label = new QLabel(tr("Certificate &password:"), m_sourceBox);
        m_sourcePassword = new QLineEdit(m_sourceBox);
        m_sourcePassword->setObjectName(u"certificatePassword"_s);
        m_sourcePassword->setEchoMode(QLineEdit::Password);
        label->setBuddy(m_sourcePassword);
        m_openSource = new QPushButton(tr("&Open"), m_sourceBox);
        m_openSource->setObjectName(u"openCertificateButton"_s);
        row->addWidget(label);
        row->addWidget(m_sourcePassword, 1);
        row->addWidget(m_openSource);
        box->addLayout(row);
        m_sourceDetails = text(QString(), m_sourceBox);
        m_sourceDetails->setObjectName(u"certificateDetails"_s);
        m_sourceDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->addWidget(m_sourceDetails);
        box->addWidget(text(tr("It is imported when you click Finish. No password at hand? Leave it empty "
                               "and click Next; you can import it later in Settings, Certificates."),
                            m_sourceBox));
        layout->addWidget(m_sourceBox);
        connect(m_openSource, &QPushButton::clicked, this, &FirstRunWizard::openSourceCertificate);
        connect(m_sourcePassword, &QLineEdit::textEdited, this, [this] { m_sourceOpened = false; });
    }
    layout->addStretch(1);
    return page;
}

void FirstRunWizard::findSourceCertificate()
{
    const Settings::Account account = m_accountForm->account();
    const Settings::CertificateSource::Found found = Settings::CertificateSource::find(
        m_config.certificateSource, Settings::CertificateSource::addressOf(account),
        Settings::CertificateSource::loginName());
    const QString path = found.ok() ? found.path : QString();
    if (path != m_sourcePath) {
        m_sourcePath = path;
        m_sourceOpened = false;
        m_sourcePassword->clear();
        m_sourceDetails->clear();
    }
    m_sourceFile->setText(found.ok() ? tr("Your organisation has provided your certificate:\n%1\nType the "
                                          "password that came with it and click Open.")
                                           .arg(QDir::toNativeSeparators(found.path))
                                     : found.message);
    m_sourcePassword->setEnabled(found.ok());
    m_openSource->setEnabled(found.ok());
}

bool FirstRunWizard::openSourceCertificate()
{
    using Opened = Settings::CertificateSource::Opened;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Opened opened = Settings::CertificateSource::open(
        m_sourcePath, m_sourcePassword->text(),
        Settings::CertificateSource::addressesOf(m_accountForm->account()), now);
    m_sourceOpened = opened.ok();
    m_sourceOpenedPassword = opened.ok() ? m_sourcePassword->text() : QString();
    m_sourceDetails->setText(opened.ok() ? Settings::CertificateSource::describe(opened.certificate, now)
                                         : opened.message);
    if (opened.status == Opened::Status::WrongPassword) {
        m_sourcePassword->setFocus();
        m_sourcePassword->selectAll();
    }
    return opened.ok();
}

bool FirstRunWizard::importSourceCertificate(const QString& account)
{
    Settings::Config saved;
    QStringList problems;
    Settings::loadEffective(m_path, &saved, &problems, nullptr);
    const Settings::CertificateImport::Result result = Settings::CertificateSource::import(
        saved, m_locked, m_secrets, account, m_sourcePath, m_sourceOpenedPassword);
    if (!result.ok)
        m_lastError = tr("The settings were saved, but your certificate could not be imported: %1. Import it "
                         "in Settings, Certificates.")
                          .arg(result.error);
    return result.ok;
}

QWizardPage* FirstRunWizard::buildMailPrograms()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Set up your mail program"));
    page->setFinalPage(true);
    auto* layout = new QVBoxLayout(page);
    // Scrolls rather than squeezing the fields when the window is small.
    auto* area = new QScrollArea(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    m_mailPrograms = new MailProgramsPage;
    m_mailPrograms->setObjectName(u"mailPrograms"_s);
    m_mailPrograms->setPort(m_config.listener.port);
    area->setWidget(m_mailPrograms);
    layout->addWidget(area, 1);
    connect(m_mailPrograms, &MailProgramsPage::passwordGenerated, this,
            [this](const QString&, const QString& password) { m_localPassword = password; });
    m_saveError = new QLabel(page);
    m_saveError->setObjectName(u"saveError"_s);
    m_saveError->setWordWrap(true);
    m_saveError->setTextFormat(Qt::PlainText);
    m_saveError->hide();
    layout->addWidget(m_saveError);
    return page;
}

QWizardPage* FirstRunWizard::buildTestMessage()
{
    auto* page = new QWizardPage;
    page->setTitle(tr("Send a test message"));
    page->setFinalPage(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(
        text(tr("The settings are saved and Yubisashi now receives mail. Send a message to yourself from "
                "your mail program: Yubisashi says which program it came from, so you know the setup "
                "works. The message is checked with you as any other. You can skip this and Finish."),
             page));
    m_testMessage = new TestMessagePanel(page);
    m_testMessage->setObjectName(u"testMessage"_s);
    layout->addWidget(m_testMessage);
    layout->addStretch(1);
    return page;
}

void FirstRunWizard::setTestMessageStarter(std::function<Smtp::TestMessageWatcher*(QString*)> starter)
{
    m_testMessageStarter = std::move(starter);
    // Going on to the test saves the settings: the button says so.
    page(MailProgramsPageId)->setCommitPage(bool(m_testMessageStarter));
    setButtonText(QWizard::CommitButton, tr("Save and test"));
}

void FirstRunWizard::setCertificateImporter(std::function<void(QWidget*)> importer)
{
    m_certificateImporter = std::move(importer);
    // Without an importer (the account is saved only at the end) the button
    // stays off and says where to import it later.
    m_importCertificate->setEnabled(bool(m_certificateImporter));
    m_importCertificate->setToolTip(
        m_certificateImporter ? QString() : tr("Import it after this wizard, in Settings, Certificates."));
}

void FirstRunWizard::setSignInHandler(std::function<void(const Settings::Account&, QWidget*)> handler)
{
    if (!handler) {
        m_accountForm->setSignInHandler({});
        return;
    }
    m_accountForm->setSignInHandler([this, handler = std::move(handler)](const QString&, QWidget* parent) {
        // The sign-in is kept under the account's name: it cannot change after this.
        m_accountForm->nameEdit()->setReadOnly(true);
        handler(m_accountForm->account(), parent);
    });
}

void FirstRunWizard::setSignInStatusProvider(std::function<QString(const QString&)> status)
{
    m_accountForm->setSignInStatusProvider(std::move(status));
}

void FirstRunWizard::refreshSignInStatus()
{
    m_accountForm->refreshSignInStatus();
}

bool FirstRunWizard::testMode() const
{
    return m_tryFirst->isChecked();
}

QString FirstRunWizard::localUser() const
{
    return testMode() ? u"test"_s : m_accountForm->account().name;
}

int FirstRunWizard::nextId() const
{
    if (currentId() == ModePage)
        return testMode() ? DomainsPage : AccountPage;
    if (currentId() == DomainsPage && testMode())
        return MailProgramsPageId; // no account, so no certificate to sign with
    if (currentId() == MailProgramsPageId)
        return m_testMessageStarter ? TestMessagePageId : -1;
    if (currentId() == TestMessagePageId)
        return -1;
    return QWizard::nextId();
}

bool FirstRunWizard::validateCurrentPage()
{
    if (currentId() == AccountPage) {
        if (!m_accountForm->problem().isEmpty()) {
            m_accountForm->setFocus();
            return false;
        }
    } else if (currentId() == DomainsPage) {
        m_domains->commitPending();
        if (!m_domains->problem().isEmpty()) {
            m_domains->lineEdit()->setFocus();
            return false;
        }
    } else if (currentId() == CertificatePage && m_sourceBox && !m_sourcePath.isEmpty() &&
               !m_sourcePassword->text().isEmpty() && !m_sourceOpened) {
        // A password typed but not tried yet (Enter, or Next): try it and stay, so the person sees
        // whose certificate it is (or what is wrong) before going on.
        openSourceCertificate();
        return false;
    } else if (currentId() == MailProgramsPageId && nextId() == TestMessagePageId) {
        // The listener reads the saved settings: save before it starts.
        if (!save()) {
            m_saveError->setText(m_lastError);
            m_saveError->show();
            return false;
        }
        m_saveError->hide();
        m_saved = true;
        emit settingsSaved();
    }
    return QWizard::validateCurrentPage();
}

void FirstRunWizard::initializePage(int id)
{
    if (id == DomainsPage && m_domains->values().isEmpty() && !testMode()) {
        // The domain of the account's address is the likely first entry.
        const Settings::Account a = m_accountForm->account();
        QString address = a.from.value(0, a.user);
        const qsizetype at = address.lastIndexOf(u'@');
        if (at > 0 && Settings::Validation::isDomainPattern(address.mid(at + 1).toLower()))
            m_domains->setValues({address.mid(at + 1).toLower()});
    } else if (id == CertificatePage && m_sourceBox) {
        findSourceCertificate();
    } else if (id == MailProgramsPageId) {
        const QString user = localUser();
        if (user != m_localPasswordUser) {
            m_localPasswordUser = user;
            QString error;
            const std::optional<QString> stored =
                m_secrets ? m_secrets->read(user + u"/local_password"_s, &error) : std::nullopt;
            m_localPassword =
                stored && !stored->isEmpty() ? *stored : Settings::LocalCredentials::generatePassword();
        }
        m_mailPrograms->setCredentials({qMakePair(user, m_localPassword)});
    } else if (id == TestMessagePageId && m_testMessageStarter) {
        QString error;
        Smtp::TestMessageWatcher* watcher = m_testMessageStarter(&error);
        m_testMessage->setWatcher(watcher);
        if (watcher)
            m_testMessage->startWaiting();
        else if (!error.isEmpty())
            m_testMessage->setProblem(error);
    }
    QWizard::initializePage(id);
}

void FirstRunWizard::accept()
{
    if (currentId() == TestMessagePageId) {
        // Saved before the test (a commit page: nothing changed since).
        QWizard::accept();
        return;
    }
    if (!save()) {
        m_saveError->setText(m_lastError);
        m_saveError->show();
        return;
    }
    m_saved = true;
    emit settingsSaved();
    QWizard::accept();
}

bool FirstRunWizard::save()
{
    Settings::ConfigWriter writer(m_path, m_locked);
    QStringList problems;
    QString error;
    const auto put = [&](const QString& key, const QVariant& value) {
        if (m_locked.contains(key))
            return;
        const bool ok = value.userType() == QMetaType::QStringList
                            ? writer.setList(key, value.toStringList(), &error)
                            : writer.set(key, value.toString(), &error);
        if (!ok)
            problems << error;
    };
    Settings::Account account;
    if (!testMode()) {
        account = m_accountForm->account();
        const QString group = Settings::Validation::accountGroup(account.name) + u'/';
        for (const auto& [key, value] : Settings::AccountSerializer::valuesToWrite(account, {}, {}))
            put(group + key, value);
    }
    m_domains->commitPending();
    if (m_domains->values() != m_config.policy.internalDomains)
        put(u"policy/internal_domains"_s, m_domains->values());
    if (!problems.isEmpty()) {
        m_lastError = problems.join(u'\n');
        return false;
    }
    if (!writer.commit(&error)) {
        m_lastError = error;
        return false;
    }
    if (m_secrets) {
        QStringList failed;
        if (!testMode() && !m_accountForm->password().isEmpty() &&
            !m_secrets->write(account.name + u"/password"_s, m_accountForm->password(), &error))
            failed << error;
        if (!m_localPassword.isEmpty() &&
            !m_secrets->write(localUser() + u"/local_password"_s, m_localPassword, &error))
            failed << error;
        if (!failed.isEmpty()) {
            m_lastError = tr("The settings were saved, but a password could not be stored in %1: %2")
                              .arg(m_secrets->description(), failed.join(u"; "_s));
            return false;
        }
        if (!testMode() && m_sourceOpened && !importSourceCertificate(account.name))
            return false;
    }
    m_lastError.clear();
    return true;
}

} // namespace Ui
