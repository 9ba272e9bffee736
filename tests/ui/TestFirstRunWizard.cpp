#include "../core/SmimeTestSupport.h"
#include "FirstRunWizard.h"
#include "ListEditor.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"
#include "smtp/Authenticator.h"
#include "smtp/SmtpServer.h"
#include "smtp/TestMessageWatcher.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::Config;
using Ui::FirstRunWizard;

namespace {

template <typename T> T* child(QObject* parent, const QString& name)
{
    T* w = parent->findChild<T*>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void next(FirstRunWizard* wizard)
{
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

} // namespace

class TestFirstRunWizard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testModePath();
    void accountPath();
    void invalidAccountStops();
    void lockedDomains();
    void signInNeedsRegistration();
    void signInWithClientId();
    void accountFromPolicy();
    void certificateFromSource();
    void certificateOfAnotherPersonRefused();
    void testMessageStep();

private:
    // Through the account page (taro@example.co.jp) to the certificate page,
    // with the administrator's certificate_source in the policy.
    void toCertificatePage(FirstRunWizard* wizard);
    QString configPath() const { return m_tmp->path() + u"/conf/yubisashi.ini"_s; }
    QString policyPath() const { return m_tmp->path() + u"/policy.ini"_s; }
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Settings::FileSecretStore> m_secrets;
};

void TestFirstRunWizard::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
}

void TestFirstRunWizard::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    qputenv("YUBISASHI_POLICY_FILE", policyPath().toLocal8Bit());
    m_secrets = std::make_unique<Settings::FileSecretStore>(m_tmp->path() + u"/secrets.ini"_s);
}

void TestFirstRunWizard::cleanup()
{
    m_secrets.reset();
    m_tmp.reset();
    qunsetenv("YUBISASHI_POLICY_FILE");
}

void TestFirstRunWizard::testModePath()
{
    FirstRunWizard wizard(configPath(), m_secrets.get());
    QSignalSpy saved(&wizard, &FirstRunWizard::settingsSaved);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::WelcomePage));
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::ModePage));
    auto* tryFirst = child<QRadioButton>(&wizard, u"tryFirst"_s);
    tryFirst->setFocus();
    QTest::keyClick(tryFirst, Qt::Key_Space);
    QVERIFY(wizard.testMode());
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DomainsPage));
    auto* domains = child<Ui::ListEditor>(&wizard, u"internal_domains"_s);
    QTest::keyClicks(domains->lineEdit(), u"example.co.jp"_s);
    QTest::keyClick(domains->lineEdit(), Qt::Key_Return);
    // Typed but not yet added: Next takes it too.
    QTest::keyClicks(domains->lineEdit(), u"*.example.co.jp"_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::MailProgramsPageId));
    QCOMPARE(child<QLineEdit>(&wizard, u"userEdit:test"_s)->text(), u"test"_s);
    const QString localPassword = child<QLineEdit>(&wizard, u"passwordEdit:test"_s)->text();
    QCOMPARE(localPassword.size(), 20);
    QTest::mouseClick(child<QPushButton>(&wizard, u"copyPassword:test"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), localPassword);

    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.lastError().isEmpty(), qPrintable(wizard.lastError()));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    Config c;
    QStringList errors;
    QVERIFY(Config::load(configPath(), &c, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(c.testMode());
    QCOMPARE(c.policy.internalDomains, (QStringList{u"example.co.jp"_s, u"*.example.co.jp"_s}));
    const QSettings file(configPath(), QSettings::IniFormat);
    QCOMPARE(file.allKeys(), QStringList{u"policy/internal_domains"_s});
    QString error;
    QCOMPARE(m_secrets->read(u"test/local_password"_s, &error), std::optional<QString>(localPassword));
}

void TestFirstRunWizard::accountPath()
{
    FirstRunWizard wizard(configPath(), m_secrets.get());
    wizard.show();
    next(&wizard);
    QVERIFY(!wizard.testMode());
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    QCOMPARE(child<QLineEdit>(&wizard, u"accountName"_s)->text(), u"work"_s);
    auto* preset = child<QComboBox>(&wizard, u"preset"_s);
    preset->setFocus();
    while (preset->currentData().toString() != u"generic"_s)
        QTest::keyClick(preset, Qt::Key_Down);
    // Walking past Google filled in its server; "Other" leaves the fields to the person.
    retype(child<QLineEdit>(&wizard, u"host"_s), u"smtp.example.co.jp"_s);
    auto* security = child<QComboBox>(&wizard, u"security"_s);
    security->setFocus();
    while (security->currentData().toString() != u"starttls"_s)
        QTest::keyClick(security, Qt::Key_Up);
    // The usual port follows the security chosen.
    QCOMPARE(child<QSpinBox>(&wizard, u"port"_s)->value(), 587);
    auto* auth = child<QComboBox>(&wizard, u"auth"_s);
    auth->setFocus();
    while (auth->currentData().toString() != u"login"_s)
        QTest::keyClick(auth, Qt::Key_Up);
    QTest::keyClicks(child<QLineEdit>(&wizard, u"user"_s), u"taro@example.co.jp"_s);
    QTest::keyClicks(child<QLineEdit>(&wizard, u"password"_s), u"upstream secret"_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DomainsPage));
    // Taken from the address.
    QCOMPARE(child<Ui::ListEditor>(&wizard, u"internal_domains"_s)->values(),
             QStringList{u"example.co.jp"_s});
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    QVERIFY(!child<QPushButton>(&wizard, u"importCertificateButton"_s)->isEnabled());
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::MailProgramsPageId));
    const QString localPassword = child<QLineEdit>(&wizard, u"passwordEdit:work"_s)->text();
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.lastError().isEmpty(), qPrintable(wizard.lastError()));

    Config c;
    QStringList errors;
    QVERIFY(Config::load(configPath(), &c, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.accounts.size(), 1);
    const Settings::Account& a = c.accounts.constFirst();
    QCOMPARE(a.name, u"work"_s);
    QCOMPARE(a.host, u"smtp.example.co.jp"_s);
    QCOMPARE(a.port, 587);
    QCOMPARE(a.security, Smtp::Security::StartTls);
    QCOMPARE(a.auth, Smtp::AuthMethod::Login);
    QCOMPARE(a.user, u"taro@example.co.jp"_s);
    QCOMPARE(c.policy.internalDomains, QStringList{u"example.co.jp"_s});

    QString error;
    QCOMPARE(m_secrets->read(u"work/password"_s, &error), std::optional<QString>(u"upstream secret"_s));
    QCOMPARE(m_secrets->read(u"work/local_password"_s, &error), std::optional<QString>(localPassword));
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("upstream secret"));
}

void TestFirstRunWizard::invalidAccountStops()
{
    FirstRunWizard wizard(configPath(), m_secrets.get());
    wizard.show();
    next(&wizard);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    retype(child<QLineEdit>(&wizard, u"accountName"_s), u"my account"_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    retype(child<QLineEdit>(&wizard, u"accountName"_s), u"mine"_s);
    // The port is a number field: a port out of range cannot be typed at all.
    auto* port = child<QSpinBox>(&wizard, u"port"_s);
    port->setFocus();
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, u"99999"_s);
    QVERIFY(port->value() <= 65535);
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, u"587"_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DomainsPage));
    QVERIFY(!QFile::exists(configPath()));
}

void TestFirstRunWizard::lockedDomains()
{
    QFile policy(policyPath());
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("[policy]\ninternal_domains=corp.example\n");
    policy.close();
    FirstRunWizard wizard(configPath(), m_secrets.get());
    wizard.show();
    next(&wizard);
    auto* tryFirst = child<QRadioButton>(&wizard, u"tryFirst"_s);
    tryFirst->setChecked(true);
    next(&wizard);
    auto* domains = child<Ui::ListEditor>(&wizard, u"internal_domains"_s);
    QCOMPARE(domains->values(), QStringList{u"corp.example"_s});
    QVERIFY(!domains->lineEdit()->isVisibleTo(&wizard));
    next(&wizard);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.lastError().isEmpty(), qPrintable(wizard.lastError()));
    // Nothing of the administrator's lands in the user's file.
    const QSettings file(configPath(), QSettings::IniFormat);
    QVERIFY(!file.contains(u"policy/internal_domains"_s));
}

// Without a client ID, Sign in is off and the page says in plain words what
// must happen first: no command line, no placeholder.
void TestFirstRunWizard::signInNeedsRegistration()
{
    FirstRunWizard wizard(configPath(), m_secrets.get());
    int calls = 0;
    wizard.setSignInHandler([&calls](const Settings::Account&, QWidget*) { ++calls; });
    wizard.show();
    next(&wizard);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    auto* signIn = child<QPushButton>(&wizard, u"signInButton"_s);
    QVERIFY(signIn->isVisible());
    QVERIFY(!signIn->isEnabled());
    const QString state = child<QLabel>(&wizard, u"signInState"_s)->text();
    QVERIFY2(state.contains(u"administrator"_s) && state.contains(u"Try it first"_s), qPrintable(state));
    QVERIFY2(!state.contains(u"yubisashi sign-in"_s) && !state.contains(u"NAME"_s), qPrintable(state));
    QCOMPARE(calls, 0);
}

// With the organisation's client ID, Sign in starts the sign-in for the
// account as typed, and the name is kept from then on.
void TestFirstRunWizard::signInWithClientId()
{
    QDir().mkpath(QFileInfo(configPath()).absolutePath());
    {
        QSettings ini(configPath(), QSettings::IniFormat);
        ini.setValue(u"account.work/oauth_client_id"_s, u"00000000-1111-2222-3333-444444444444"_s);
    }
    FirstRunWizard wizard(configPath(), m_secrets.get());
    Settings::Account signedIn;
    wizard.setSignInHandler([&signedIn](const Settings::Account& account, QWidget*) { signedIn = account; });
    wizard.show();
    next(&wizard);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    QCOMPARE(child<QLineEdit>(&wizard, u"accountName"_s)->text(), u"work"_s);
    auto* signIn = child<QPushButton>(&wizard, u"signInButton"_s);
    QVERIFY(signIn->isEnabled());
    retype(child<QLineEdit>(&wizard, u"user"_s), u"taro@example.co.jp"_s);
    QTest::mouseClick(signIn, Qt::LeftButton);
    QCOMPARE(signedIn.name, u"work"_s);
    QCOMPARE(signedIn.user, u"taro@example.co.jp"_s);
    QVERIFY(child<QLineEdit>(&wizard, u"accountName"_s)->isReadOnly());
}

// The administrator's [accounts] fills the new account (its provider and
// server), shows what it locks as locked, and the sign-in offered is the
// policy's: nobody retypes what the organisation decided.
void TestFirstRunWizard::accountFromPolicy()
{
    QFile policy(policyPath());
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("[accounts]\npreset=google\noauth_client_id=1234-abcd.apps.googleusercontent.com\n\n"
                 "[recommended/accounts]\nsign=never\n");
    policy.close();
    FirstRunWizard wizard(configPath(), m_secrets.get());
    wizard.setSignInHandler([](const Settings::Account&, QWidget*) {});
    wizard.show();
    next(&wizard);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    auto* preset = child<QComboBox>(&wizard, u"preset"_s);
    QCOMPARE(preset->currentData().toString(), u"google"_s);
    QVERIFY(!preset->isEnabled());
    QCOMPARE(child<QLineEdit>(&wizard, u"host"_s)->text(), u"smtp.gmail.com"_s);
    // Recommended: filled in, and the person may change it.
    auto* sign = child<QComboBox>(&wizard, u"sign"_s);
    QCOMPARE(sign->currentData().toString(), u"never"_s);
    QVERIFY(sign->isEnabled());
    // The policy's client ID makes Sign in available at once.
    QVERIFY(child<QPushButton>(&wizard, u"signInButton"_s)->isEnabled());
}

void TestFirstRunWizard::toCertificatePage(FirstRunWizard* wizard)
{
    wizard->show();
    next(wizard);
    next(wizard);
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::AccountPage));
    auto* preset = child<QComboBox>(wizard, u"preset"_s);
    preset->setFocus();
    while (preset->currentData().toString() != u"generic"_s)
        QTest::keyClick(preset, Qt::Key_Down);
    retype(child<QLineEdit>(wizard, u"host"_s), u"smtp.example.co.jp"_s);
    QTest::keyClicks(child<QLineEdit>(wizard, u"user"_s), u"taro@example.co.jp"_s);
    next(wizard);
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::DomainsPage));
    next(wizard);
    QCOMPARE(wizard->currentId(), int(FirstRunWizard::CertificatePage));
}

void TestFirstRunWizard::certificateFromSource()
{
    const QString certs = m_tmp->path() + u"/certs"_s;
    QVERIFY(QDir().mkpath(certs));
    QVERIFY(QFile::copy(SmimeTest::pki("taro-rsa-aes.p12"), certs + u"/taro@example.co.jp.p12"_s));
    QVERIFY(QFile::copy(SmimeTest::pki("hanako-3des.p12"), certs + u"/hanako@example.co.jp.p12"_s));
    QVERIFY(SmimeTest::writeFile(policyPath(),
                                 "[general]\ncertificate_source=" + certs.toUtf8() + "/%email%.p12\n"));
    QVERIFY(QDir().mkpath(m_tmp->path() + u"/conf"_s));
    QVERIFY(SmimeTest::writeFile(configPath(), "[general]\ndata_dir=" + m_tmp->path().toUtf8() + "/data\n"));

    FirstRunWizard wizard(configPath(), m_secrets.get());
    toCertificatePage(&wizard);
    // The file chooser gives way to the person's own file and its password.
    QVERIFY(!child<QPushButton>(&wizard, u"importCertificateButton"_s)->isVisible());
    const QString file = QDir::toNativeSeparators(certs + u"/taro@example.co.jp.p12"_s);
    QVERIFY2(child<QLabel>(&wizard, u"certificateSourceFile"_s)->text().contains(file),
             qPrintable(child<QLabel>(&wizard, u"certificateSourceFile"_s)->text()));
    auto* password = child<QLineEdit>(&wizard, u"certificatePassword"_s);
    auto* details = child<QLabel>(&wizard, u"certificateDetails"_s);
    QVERIFY(password->isEnabled());

    // A wrong password: said so, and Next stays on the page for another try.
    QTest::keyClicks(password, u"wrong"_s);
    QTest::mouseClick(child<QPushButton>(&wizard, u"openCertificateButton"_s), Qt::LeftButton);
    QVERIFY2(details->text().contains(u"password is not correct"_s), qPrintable(details->text()));
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));

    // The right one: subject, issuer and expiry.
    retype(password, u"test-pass"_s);
    next(&wizard); // opens it, and stays to show it
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    QVERIFY2(details->text().contains(u"Subject: "_s) && details->text().contains(u"CN=Yamada Taro"_s) &&
                 details->text().contains(u"Issued by: "_s) &&
                 details->text().contains(u"Yubisashi SMIME Test Issuing CA"_s) &&
                 details->text().contains(u"Valid until: "_s),
             qPrintable(details->text()));
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::MailProgramsPageId));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.lastError().isEmpty(), qPrintable(wizard.lastError()));

    // Imported at Finish, for the account just made, from taro's file.
    Config c;
    QStringList errors;
    QVERIFY(Config::load(configPath(), &c, &errors));
    QCOMPARE(c.accounts.size(), 1);
    const QString stored = c.accounts.constFirst().smimeP12;
    QVERIFY2(stored.startsWith(m_tmp->path() + u"/data/certificates/"_s), qPrintable(stored));
    QCOMPARE(SmimeTest::readFile(stored), SmimeTest::readFile(certs + u"/taro@example.co.jp.p12"_s));
    QString error;
    QCOMPARE(m_secrets->read(u"work/smime_password"_s, &error), std::optional<QString>(u"test-pass"_s));
}

void TestFirstRunWizard::certificateOfAnotherPersonRefused()
{
    // The folder holds one file, and it is hanako's.
    const QString certs = m_tmp->path() + u"/certs"_s;
    QVERIFY(QDir().mkpath(certs));
    QVERIFY(QFile::copy(SmimeTest::pki("hanako-3des.p12"), certs + u"/cert.pfx"_s));
    QVERIFY(SmimeTest::writeFile(policyPath(), "[general]\ncertificate_source=" + certs.toUtf8() + "\n"));
    QVERIFY(QDir().mkpath(m_tmp->path() + u"/conf"_s));
    QVERIFY(SmimeTest::writeFile(configPath(), "[general]\ndata_dir=" + m_tmp->path().toUtf8() + "/data\n"));

    FirstRunWizard wizard(configPath(), m_secrets.get());
    toCertificatePage(&wizard);
    auto* password = child<QLineEdit>(&wizard, u"certificatePassword"_s);
    auto* details = child<QLabel>(&wizard, u"certificateDetails"_s);
    QTest::keyClicks(password, u"test-pass"_s);
    QTest::mouseClick(child<QPushButton>(&wizard, u"openCertificateButton"_s), Qt::LeftButton);
    QCOMPARE(details->text(),
             u"This certificate belongs to hanako@example.co.jp, not to you "
             "(taro@example.co.jp). Nothing was imported. Ask your administrator for your own "
             "certificate."_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    // Without the password the person goes on, and nothing is imported.
    retype(password, QString());
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::MailProgramsPageId));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.lastError().isEmpty(), qPrintable(wizard.lastError()));
    Config c;
    QStringList errors;
    QVERIFY(Config::load(configPath(), &c, &errors));
    QCOMPARE(c.accounts.size(), 1);
    QVERIFY(c.accounts.constFirst().smimeP12.isEmpty());
    QVERIFY(!QFile::exists(m_tmp->path() + u"/data/certificates"_s));
    QString error;
    QCOMPARE(m_secrets->read(u"work/smime_password"_s, &error), std::nullopt);
}

namespace {

// The local password the wizard saved, as the application checks it.
class SavedPassword : public Smtp::Authenticator
{
public:
    explicit SavedPassword(Settings::SecretStore* secrets) : m_secrets(secrets) {}
    bool verify(const QString& user, const QString& password) const override
    {
        QString error;
        return m_secrets->read(user + u"/local_password"_s, &error) == std::optional<QString>(password);
    }

private:
    Settings::SecretStore* m_secrets;
};

} // namespace

// "Save and test" saves, starts the listener through the seam and waits; a
// wrong password and then a real message from swaks show on the page.
void TestFirstRunWizard::testMessageStep()
{
    SavedPassword credentials(m_secrets.get());
    Smtp::SessionConfig session;
    session.authFailureDelayMs = 10;
    Smtp::SmtpServer server(session, &credentials);
    Smtp::TestMessageWatcher watcher(&server);
    int delivered = 0;
    connect(
        &server, &Smtp::SmtpServer::messageReceived, this,
        [&delivered](const Smtp::Envelope&, const QByteArray&, const QString&, Smtp::PendingReply* reply) {
            ++delivered;
            reply->answer(Smtp::Reply::make(250, u"2.0.0"_s, u"queued"_s));
        });
    bool startedAfterSave = false;
    FirstRunWizard wizard(configPath(), m_secrets.get());
    wizard.setTestMessageStarter([&](QString* error) -> Smtp::TestMessageWatcher* {
        startedAfterSave = QFileInfo::exists(configPath());
        return server.listen(0, error) ? &watcher : nullptr;
    });
    wizard.show();
    next(&wizard);
    auto* tryFirst = child<QRadioButton>(&wizard, u"tryFirst"_s);
    tryFirst->setFocus();
    QTest::keyClick(tryFirst, Qt::Key_Space);
    next(&wizard);
    QTest::keyClicks(child<Ui::ListEditor>(&wizard, u"internal_domains"_s)->lineEdit(), u"example.co.jp"_s);
    next(&wizard);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::MailProgramsPageId));
    const QString password = child<QLineEdit>(&wizard, u"passwordEdit:test"_s)->text();
    // Skipping stays possible: Finish is there too.
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
    QAbstractButton* saveAndTest = wizard.button(QWizard::CommitButton);
    QVERIFY(saveAndTest->isVisible());
    QCOMPARE(saveAndTest->text(), u"Save and test"_s);
    QTest::mouseClick(saveAndTest, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::TestMessagePageId));
    QVERIFY(startedAfterSave);
    QVERIFY(wizard.isSaved());

    auto* status = child<QLabel>(wizard.currentPage(), u"testMessageStatus"_s);
    QVERIFY2(status->text().startsWith(u"Send a message to yourself from your mail program now."_s),
             qPrintable(status->text()));
    auto* button = child<QPushButton>(wizard.currentPage(), u"waitForTestMessage"_s);
    QCOMPARE(button->text(), u"Stop waiting"_s);
    QVERIFY(button->focusPolicy() & Qt::TabFocus);

    const auto send = [&](const QString& pw) {
        QProcess swaks;
        swaks.start(u"swaks"_s,
                    {u"--server"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(server.port()), u"--from"_s,
                     u"taro@example.co.jp"_s, u"--to"_s, u"hanako@example.co.jp"_s, u"--auth"_s, u"LOGIN"_s,
                     u"--auth-user"_s, u"test"_s, u"--auth-password"_s, pw});
        (void)QTest::qWaitFor([&] { return swaks.state() == QProcess::NotRunning; }, 90000);
        return swaks.exitCode();
    };
    QVERIFY(send(password + u"x"_s) != 0);
    QVERIFY2(status->text().contains(u"connected as \"test\" but its password was wrong"_s),
             qPrintable(status->text()));
    QCOMPARE(button->text(), u"Stop waiting"_s);

    QCOMPARE(send(password), 0);
    QVERIFY2(status->text().startsWith(u"Received from swaks 20"_s), qPrintable(status->text()));
    QVERIFY(status->text().contains(u"✓ — your mail program is set up."_s));
    QVERIFY(status->text().contains(u"It logged in as \"test\" and sent as <taro@example.co.jp>."_s));
    QCOMPARE(delivered, 1);
    QCOMPARE(button->text(), u"Wait for a test message"_s);

    // Waiting again, then stopping, keeps the page usable.
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(watcher.isWaiting());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!watcher.isWaiting());
    QVERIFY(status->text().startsWith(u"Stopped waiting."_s));

    QSignalSpy saved(&wizard, &FirstRunWizard::settingsSaved);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QCOMPARE(saved.count(), 0); // saved once, before the test
}

QTEST_MAIN(TestFirstRunWizard)
#include "TestFirstRunWizard.moc"
