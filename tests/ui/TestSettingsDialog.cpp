#include "ListEditor.h"
#include "SettingsDialog.h"
#include "review/CheckPolicy.h"
#include "review/checks/CheckRegistry.h"
#include "settings/Config.h"
#include "settings/KeychainName.h"
#include "settings/SecretStore.h"
#include "settings/Validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;

using Settings::Config;
using Ui::SettingsDialog;

namespace {

const QString kPython = u"/usr/bin/python3"_s;
const QString kTools = QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools");

const QByteArray kUserFile = "[listener]\nport=10587\n\n"
                             "[account.work]\nhost=smtp.example.co.jp\nuser=taro@example.co.jp\n\n"
                             "[policy]\ninternal_domains=example.co.jp\n\n"
                             "[vendor]\nsetting=keep me\n";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

template <typename T> T* child(QObject* parent, const QString& name)
{
    T* w = parent->findChild<T*>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

// Replaces the text of a line edit the way a person does: select all, type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// The message shown under a field (SettingRow), or empty when hidden.
QString problemOf(QWidget* field)
{
    QWidget* row = field->parentWidget();
    for (QLabel* label : row->findChildren<QLabel*>(u"problemLabel"_s, Qt::FindDirectChildrenOnly)) {
        if (label->isVisibleTo(row))
            return label->text();
    }
    return {};
}

// Types into a number field the way a person does: select all, type.
void retype(QSpinBox* spin, const QString& text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(spin, Qt::Key_Backspace);
    QTest::keyClicks(spin, text);
}

// The lock and the line "Set by your administrator" under a field (SettingRow).
bool lockShown(QWidget* field)
{
    QWidget* row = field->parentWidget();
    auto* lock = row->findChild<QLabel*>(u"lockIcon"_s);
    auto* note = row->findChild<QLabel*>(u"lockNote"_s);
    return lock && lock->isVisibleTo(row) && !lock->pixmap().isNull() && note && note->isVisibleTo(row) &&
           note->text() == u"Set by your administrator"_s;
}

// Whether the banner "Some settings on this page are set by your administrator" shows on a page.
bool lockBannerShown(SettingsDialog* dialog, SettingsDialog::Page page)
{
    QWidget* holder = dialog->findChild<QStackedWidget*>()->widget(int(page));
    auto* banner = holder->findChild<QWidget*>(u"lockBanner"_s);
    if (!banner || !banner->isVisibleTo(holder))
        return false;
    for (QLabel* label : banner->findChildren<QLabel*>()) {
        if (label->text() ==
            u"Some settings on this page are set by your administrator and cannot be changed here."_s)
            return true;
    }
    return false;
}

// The problem marker on a page's entry in the page list: a drawn icon and
// words for screen readers ("full"), neither ("none"), or only one of them.
QString marker(SettingsDialog* dialog, SettingsDialog::Page page)
{
    QListWidgetItem* item = dialog->findChild<QListWidget*>(u"pageList"_s)->item(int(page));
    const QImage image = item->icon().pixmap(16, 16).toImage();
    bool icon = false;
    for (int y = 0; y < image.height() && !icon; ++y) {
        for (int x = 0; x < image.width() && !icon; ++x)
            icon = qAlpha(image.pixel(x, y)) > 0;
    }
    const bool words = item->data(Qt::AccessibleTextRole).toString().endsWith(u": needs correcting"_s);
    if (icon && words)
        return u"full"_s;
    if (!icon && !words)
        return u"none"_s;
    return icon ? u"icon only"_s : u"words only"_s;
}

// Activates the (first) link in a label as a person at the keyboard does:
// in the label, Tab moves onto the link, Enter follows it.
void activateLink(QLabel* label)
{
    label->setFocus(Qt::TabFocusReason);
    QTest::keyClick(label, Qt::Key_Tab);
    QTest::keyClick(label, Qt::Key_Return);
}

void chooseData(QComboBox* combo, const QString& data)
{
    // Keyboard: open at the top, walk down to the entry.
    combo->setFocus();
    const int target = combo->findData(data);
    QVERIFY(target >= 0);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), target);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip();
    void unchangedWritesNothing();
    void cancelDiscards();
    void addAccountWithPreset();
    void removeAccount();
    void newAccountFromPolicy();
    void lockedKeys();
    void numberFieldsRefuseOutOfRange_data();
    void numberFieldsRefuseOutOfRange();
    void errorLinksToItsPage_data();
    void errorLinksToItsPage();
    void loadProblemLinksToItsPage();
    void checksUnderThreeHeadings();
    void keychainNamedAsTheSystemNamesIt();
    void invalidValuesRefused_data();
    void invalidValuesRefused();
    void accountNameRules();
    void testConnection();
    void mailProgramsShowLocalPasswords();

private:
    QString configPath() const { return m_tmp->path() + u"/yubisashi.ini"_s; }
    QString policyPath() const { return m_tmp->path() + u"/policy.ini"_s; }
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Settings::FileSecretStore> m_secrets;
};

void TestSettingsDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsDialog::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    qputenv("YUBISASHI_POLICY_FILE", policyPath().toLocal8Bit());
    writeFile(configPath(), kUserFile);
    m_secrets = std::make_unique<Settings::FileSecretStore>(m_tmp->path() + u"/secrets.ini"_s);
}

void TestSettingsDialog::cleanup()
{
    m_secrets.reset();
    m_tmp.reset();
    qunsetenv("YUBISASHI_POLICY_FILE");
}

void TestSettingsDialog::roundTrip()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    dialog.show();
    QVERIFY(dialog.loadProblems().isEmpty());

    // Accounts: another server and a password.
    auto* host = child<QLineEdit>(&dialog, u"host"_s);
    QCOMPARE(host->text(), u"smtp.example.co.jp"_s);
    retype(host, u"mail.example.co.jp"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"password"_s), u"s3cret pass"_s);

    dialog.showPage(SettingsDialog::MailProgramsPageIndex);
    retype(child<QSpinBox>(&dialog, u"listenerPort"_s), u"2526"_s);
    auto* requireAuth = child<QCheckBox>(&dialog, u"requireAuth"_s);
    requireAuth->setFocus();
    QTest::keyClick(requireAuth, Qt::Key_Space);
    QVERIFY(!requireAuth->isChecked());

    dialog.showPage(SettingsDialog::RecipientsPage);
    auto* internal = child<Ui::ListEditor>(&dialog, u"internal_domains"_s);
    QTest::keyClicks(internal->lineEdit(), u"*.example.co.jp"_s);
    QTest::keyClick(internal->lineEdit(), Qt::Key_Return);
    auto* blocked = child<Ui::ListEditor>(&dialog, u"blocked_domains"_s);
    QTest::keyClicks(blocked->lineEdit(), u"rival.example"_s);
    QTest::keyClick(blocked->lineEdit(), Qt::Key_Return);
    auto* keywords = child<Ui::ListEditor>(&dialog, u"keywords"_s);
    // Japanese arrives from the input method as a committed string.
    keywords->lineEdit()->setFocus();
    QInputMethodEvent typed;
    typed.setCommitString(u"極秘案件"_s);
    QCoreApplication::sendEvent(keywords->lineEdit(), &typed);
    QTest::keyClick(keywords->lineEdit(), Qt::Key_Return);

    dialog.showPage(SettingsDialog::ChecksPage);
    chooseData(child<QComboBox>(&dialog, u"check:first-time-recipient"_s), u"confirm"_s);
    chooseData(child<QComboBox>(&dialog, u"check:keyword"_s), u"block"_s);
    chooseData(child<QComboBox>(&dialog, u"manyExternalBcc"_s), u"always"_s);

    dialog.showPage(SettingsDialog::TimingPage);
    retype(child<QSpinBox>(&dialog, u"countdownSeconds"_s), u"5"_s);
    dialog.showPage(SettingsDialog::GeneralPage);
    chooseData(child<QComboBox>(&dialog, u"language"_s), u"ja"_s);
    QVERIFY(!child<QCheckBox>(&dialog, u"startAtLogin"_s)->isChecked());
    child<QCheckBox>(&dialog, u"startAtLogin"_s)->click();

    QVERIFY(dialog.canSave());
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    Config c;
    QStringList errors;
    QVERIFY(Config::load(configPath(), &c, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(c.listener.port, 2526);
    QCOMPARE(c.listener.requireAuth, false);
    QCOMPARE(c.delivery.countdownSeconds, 5);
    QVERIFY(c.startAtLogin);
    QCOMPARE(c.policy.internalDomains, (QStringList{u"example.co.jp"_s, u"*.example.co.jp"_s}));
    QCOMPARE(c.accounts.size(), 1);
    QCOMPARE(c.accounts.constFirst().host, u"mail.example.co.jp"_s);
    QCOMPARE(c.accounts.constFirst().user, u"taro@example.co.jp"_s);

    const Review::CheckPolicy checks = Review::CheckPolicy::fromConfig(c);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(checks.action(u"keyword"_s), Review::CheckAction::Block);
    QCOMPARE(checks.action(u"first-time-recipient"_s), Review::CheckAction::Confirm);
    QVERIFY(checks.manyExternalAlwaysBcc);
    QCOMPARE(checks.blockedDomains, QStringList{u"rival.example"_s});
    QCOMPARE(checks.keywords, Review::CheckPolicy::defaultKeywords() + QStringList{u"極秘案件"_s});

    const QSettings file(configPath(), QSettings::IniFormat);
    QCOMPARE(file.value(u"language"_s).toString(), u"ja"_s);
    QCOMPARE(file.value(u"vendor/setting"_s).toString(), u"keep me"_s);
    // Only what changed was written: no defaults spelled out.
    QVERIFY(!file.contains(u"delivery/client_wait_seconds"_s));
    QVERIFY(!file.contains(u"account.work/port"_s));
    QVERIFY(!file.contains(u"checks/attachment"_s));
    QVERIFY(!file.contains(u"secrets/store"_s));

    QString error;
    QCOMPARE(m_secrets->read(u"work/password"_s, &error), std::optional<QString>(u"s3cret pass"_s));
    QVERIFY(m_secrets->read(u"work/local_password"_s, &error).has_value());
    // Never in the settings file.
    QVERIFY(!readAll(configPath()).contains("s3cret"));
}

void TestSettingsDialog::unchangedWritesNothing()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    for (int p = 0; p < SettingsDialog::PageCount; ++p)
        dialog.showPage(SettingsDialog::Page(p));
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(readAll(configPath()), kUserFile);
}

void TestSettingsDialog::cancelDiscards()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    dialog.show();
    retype(child<QLineEdit>(&dialog, u"host"_s), u"other.example"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"password"_s), u"typed"_s);
    dialog.showPage(SettingsDialog::TimingPage);
    retype(child<QSpinBox>(&dialog, u"countdownSeconds"_s), u"9"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"cancelButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(readAll(configPath()), kUserFile);
    QString error;
    QVERIFY(!m_secrets->read(u"work/password"_s, &error).has_value());
}

void TestSettingsDialog::addAccountWithPreset()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    QTest::mouseClick(child<QPushButton>(&dialog, u"addAccountButton"_s), Qt::LeftButton);
    auto* name = child<QLineEdit>(&dialog, u"accountName"_s);
    QVERIFY(!name->isReadOnly());
    retype(name, u"home"_s);
    QCOMPARE(child<QListWidget>(&dialog, u"accountList"_s)->currentItem()->text(), u"home"_s);
    chooseData(child<QComboBox>(&dialog, u"preset"_s), u"google"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"host"_s)->text(), u"smtp.gmail.com"_s);
    QCOMPARE(child<QSpinBox>(&dialog, u"port"_s)->value(), 465);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"user"_s), u"taro.yamada@gmail.com"_s);
    // Google signs in with OAuth: the password field gives way to "Sign in".
    QVERIFY(!child<QLineEdit>(&dialog, u"password"_s)->isVisibleTo(&dialog));
    QVERIFY(child<QPushButton>(&dialog, u"signInButton"_s)->isVisibleTo(&dialog));

    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));

    Config c;
    QVERIFY(Config::load(configPath(), &c, nullptr));
    QCOMPARE(c.accounts.size(), 2);
    const Settings::Account* home = c.account(u"home"_s);
    QVERIFY(home);
    QCOMPARE(home->host, u"smtp.gmail.com"_s);
    QCOMPARE(home->port, 465);
    QCOMPARE(home->security, Smtp::Security::Tls);
    QCOMPARE(home->auth, Smtp::AuthMethod::XOAuth2);
    QCOMPARE(home->user, u"taro.yamada@gmail.com"_s);
    // The preset carries the server; the file says only what differs.
    const QSettings file(configPath(), QSettings::IniFormat);
    QCOMPARE(file.value(u"account.home/preset"_s).toString(), u"google"_s);
    QVERIFY(!file.contains(u"account.home/host"_s));
    QVERIFY(!file.contains(u"account.home/port"_s));
    QString error;
    QVERIFY(m_secrets->read(u"home/local_password"_s, &error).has_value());
}

void TestSettingsDialog::removeAccount()
{
    QString error;
    QVERIFY(m_secrets->write(u"work/password"_s, u"old"_s, &error));
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    auto* list = child<QListWidget>(&dialog, u"accountList"_s);
    QCOMPARE(list->count(), 1);
    QTest::mouseClick(child<QPushButton>(&dialog, u"removeAccountButton"_s), Qt::LeftButton);
    QCOMPARE(list->count(), 0);
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));
    Config c;
    QVERIFY(Config::load(configPath(), &c, nullptr));
    QVERIFY(c.testMode());
    QVERIFY(!m_secrets->read(u"work/password"_s, &error).has_value());
}

void TestSettingsDialog::lockedKeys()
{
    writeFile(policyPath(), "[listener]\nport=10600\n\n[policy]\ninternal_domains=corp.example\n\n"
                            "[account.work]\nhost=smtp.corp.example\n\n[checks]\nkeyword=block\n");
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    QCOMPARE(dialog.lockedKeys(), (QStringList{u"account.work/host"_s, u"checks/keyword"_s,
                                               u"listener/port"_s, u"policy/internal_domains"_s}));

    auto* port = child<QSpinBox>(&dialog, u"listenerPort"_s);
    QCOMPARE(port->value(), 10600);
    QVERIFY(!port->isEnabled());
    QVERIFY(lockShown(port));
    QCOMPARE(port->toolTip(), u"Set by your administrator"_s);
    QTest::keyClicks(port, u"1"_s);
    QCOMPARE(port->value(), 10600);
    QVERIFY(!lockShown(child<QCheckBox>(&dialog, u"requireAuth"_s)));
    QVERIFY(child<QCheckBox>(&dialog, u"requireAuth"_s)->isEnabled());

    auto* host = child<QLineEdit>(&dialog, u"host"_s);
    QCOMPARE(host->text(), u"smtp.corp.example"_s);
    QVERIFY(!host->isEnabled());
    QVERIFY(lockShown(host));
    QVERIFY(!lockShown(child<QLineEdit>(&dialog, u"user"_s)));
    QVERIFY(child<QLineEdit>(&dialog, u"user"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"removeAccountButton"_s)->isEnabled());

    auto* internal = child<Ui::ListEditor>(&dialog, u"internal_domains"_s);
    QCOMPARE(internal->values(), QStringList{u"corp.example"_s});
    QVERIFY(lockShown(internal));
    QVERIFY(!internal->lineEdit()->isVisibleTo(&dialog));

    auto* keyword = child<QComboBox>(&dialog, u"check:keyword"_s);
    QCOMPARE(keyword->currentData().toString(), u"block"_s);
    QVERIFY(!keyword->isEnabled());
    QVERIFY(lockShown(keyword));
    QVERIFY(child<QComboBox>(&dialog, u"check:attachment"_s)->isEnabled());
    QVERIFY(!lockShown(child<QComboBox>(&dialog, u"check:attachment"_s)));

    // Each page with a locked setting says so at its top; the others do not.
    for (const SettingsDialog::Page page :
         {SettingsDialog::AccountsPage, SettingsDialog::MailProgramsPageIndex, SettingsDialog::RecipientsPage,
          SettingsDialog::ChecksPage})
        QVERIFY2(lockBannerShown(&dialog, page), qPrintable(QString::number(int(page))));
    for (const SettingsDialog::Page page : {SettingsDialog::CertificatesPage, SettingsDialog::TimingPage,
                                            SettingsDialog::GeneralPage, SettingsDialog::SecretsPage})
        QVERIFY2(!lockBannerShown(&dialog, page), qPrintable(QString::number(int(page))));

    // Choosing a preset does not touch a locked server either.
    chooseData(child<QComboBox>(&dialog, u"preset"_s), u"google"_s);
    QCOMPARE(host->text(), u"smtp.corp.example"_s);

    dialog.showPage(SettingsDialog::TimingPage);
    retype(child<QSpinBox>(&dialog, u"countdownSeconds"_s), u"3"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));

    // The user's own file keeps the user's values for every locked key.
    const QSettings file(configPath(), QSettings::IniFormat);
    QCOMPARE(file.value(u"listener/port"_s).toString(), u"10587"_s);
    QCOMPARE(file.value(u"policy/internal_domains"_s).toString(), u"example.co.jp"_s);
    QCOMPARE(file.value(u"account.work/host"_s).toString(), u"smtp.example.co.jp"_s);
    QVERIFY(!file.contains(u"checks/keyword"_s));
    QCOMPARE(file.value(u"delivery/countdown_seconds"_s).toString(), u"3"_s);
}

void TestSettingsDialog::numberFieldsRefuseOutOfRange_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("typed");

    QTest::newRow("listener port") << int(SettingsDialog::MailProgramsPageIndex) << u"listenerPort"_s
                                   << u"listener/port"_s << QString() << u"70000"_s;
    QTest::newRow("countdown") << int(SettingsDialog::TimingPage) << u"countdownSeconds"_s
                               << u"delivery/countdown_seconds"_s << u" s"_s << u"90"_s;
    QTest::newRow("client wait") << int(SettingsDialog::TimingPage) << u"clientWaitSeconds"_s
                                 << u"delivery/client_wait_seconds"_s << u" s"_s << u"601"_s;
    QTest::newRow("account port") << int(SettingsDialog::AccountsPage) << u"port"_s << u"account.work/port"_s
                                  << QString() << u"99999"_s;
}

void TestSettingsDialog::numberFieldsRefuseOutOfRange()
{
    QFETCH(int, page);
    QFETCH(QString, field);
    QFETCH(QString, key);
    QFETCH(QString, suffix);
    QFETCH(QString, typed);

    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    dialog.showPage(SettingsDialog::Page(page));
    auto* spin = child<QSpinBox>(&dialog, field);
    // The range is the one the settings file allows, the unit follows the number.
    const std::optional<Settings::Validation::KeySpec> spec = Settings::Validation::spec(key);
    QVERIFY(spec);
    QCOMPARE(spin->minimum(), int(spec->min));
    QCOMPARE(spin->maximum(), int(spec->max));
    QCOMPARE(spin->suffix(), suffix);

    retype(spin, typed);
    QVERIFY2(!spin->text().contains(typed), qPrintable(spin->text()));
    QVERIFY(spin->value() >= spec->min && spin->value() <= spec->max);
    // What the field holds can always be saved.
    QVERIFY(dialog.canSave());
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));
    const QSettings file(configPath(), QSettings::IniFormat);
    QCOMPARE(Settings::Validation::check(key, file.value(key).toString()), QString());
    QCOMPARE(file.value(key).toString(), QString::number(spin->value()));
}

void TestSettingsDialog::errorLinksToItsPage_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::addColumn<QString>("title");

    QTest::newRow("recipients") << int(SettingsDialog::RecipientsPage) << u"internal_domains"_s
                                << u"taro@example.co.jp"_s << QString() << u"Recipients"_s;
    QTest::newRow("accounts") << int(SettingsDialog::AccountsPage) << u"host"_s << u"smtp.example.com:587"_s
                              << u"smtp.example.com"_s << u"Accounts"_s;
}

void TestSettingsDialog::errorLinksToItsPage()
{
    QFETCH(int, page);
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    QFETCH(QString, title);

    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* status = child<QLabel>(&dialog, u"statusLabel"_s);
    auto* pages = child<QListWidget>(&dialog, u"pageList"_s);
    auto* save = child<QPushButton>(&dialog, u"saveButton"_s);
    for (int p = 0; p < SettingsDialog::PageCount; ++p)
        QCOMPARE(marker(&dialog, SettingsDialog::Page(p)), u"none"_s);

    dialog.showPage(SettingsDialog::Page(page));
    QLineEdit* edit = nullptr;
    if (auto* editor = dialog.findChild<Ui::ListEditor*>(field)) {
        edit = editor->lineEdit();
        QTest::keyClicks(edit, bad);
    } else {
        edit = child<QLineEdit>(&dialog, field);
        retype(edit, bad);
    }
    QVERIFY(!save->isEnabled());
    for (int p = 0; p < SettingsDialog::PageCount; ++p)
        QCOMPARE(marker(&dialog, SettingsDialog::Page(p)), p == page ? u"full"_s : u"none"_s);

    // From another page, the message names the page; its name is the link there.
    dialog.showPage(SettingsDialog::GeneralPage);
    child<QCheckBox>(&dialog, u"startAtLogin"_s)->setFocus();
    QVERIFY2(status->text().contains(u"on the <a href=\"page:%1\">%2</a> page"_s.arg(page).arg(title)),
             qPrintable(status->text()));
    activateLink(status);
    QCOMPARE(pages->currentRow(), page);
    QCOMPARE(dialog.findChild<QStackedWidget*>()->currentIndex(), page);
    QTRY_VERIFY(edit->hasFocus());
    QVERIFY(edit->isVisibleTo(&dialog));

    // Saving refuses, naming the page in words.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.lastError().contains(u"on the %1 page"_s.arg(title)), qPrintable(dialog.lastError()));

    // Corrected, the marker and the message go.
    if (good.isEmpty())
        edit->clear();
    else
        retype(edit, good);
    QVERIFY(save->isEnabled());
    QVERIFY(status->text().isEmpty());
    for (int p = 0; p < SettingsDialog::PageCount; ++p)
        QCOMPARE(marker(&dialog, SettingsDialog::Page(p)), u"none"_s);
}

void TestSettingsDialog::loadProblemLinksToItsPage()
{
    writeFile(configPath(), "[listener]\nport=ten\n");
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.loadProblems().size(), 1);
    auto* banner = child<QLabel>(&dialog, u"problemsBanner"_s);
    QVERIFY(banner->isVisibleTo(&dialog));
    QVERIFY2(banner->text().contains(u"(on the <a href=\"page:%1\">Mail programs</a> page)"_s.arg(
                 int(SettingsDialog::MailProgramsPageIndex))),
             qPrintable(banner->text()));
    QCOMPARE(marker(&dialog, SettingsDialog::MailProgramsPageIndex), u"full"_s);
    QCOMPARE(marker(&dialog, SettingsDialog::TimingPage), u"none"_s);
    activateLink(banner);
    QCOMPARE(child<QListWidget>(&dialog, u"pageList"_s)->currentRow(),
             int(SettingsDialog::MailProgramsPageIndex));
}

void TestSettingsDialog::checksUnderThreeHeadings()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    dialog.showPage(SettingsDialog::ChecksPage);
    const QList<QPair<Review::CheckCategory, QPair<QString, QString>>> groups{
        {Review::CheckCategory::Recipients, {u"checkGroup-recipients"_s, u"Recipients"_s}},
        {Review::CheckCategory::Attachments, {u"checkGroup-attachments"_s, u"Attachments"_s}},
        {Review::CheckCategory::Body, {u"checkGroup-body"_s, u"Body"_s}},
    };
    // Each check's choice is below its group's heading and above the next heading, as seen on the page.
    auto* page = child<QLabel>(&dialog, groups.constFirst().second.first)->parentWidget();
    const auto top = [page](QWidget* w) {
        return w->mapTo(page, QPoint()).y();
    };
    for (qsizetype g = 0; g < groups.size(); ++g) {
        auto* heading = child<QLabel>(&dialog, groups.at(g).second.first);
        QVERIFY(heading->isVisibleTo(&dialog));
        QCOMPARE(heading->text(), groups.at(g).second.second);
        QVERIFY(heading->font().bold());
        const int from = top(heading);
        const int to = g + 1 < groups.size() ? top(child<QLabel>(&dialog, groups.at(g + 1).second.first))
                                             : std::numeric_limits<int>::max();
        QVERIFY(from < to);
        int inGroup = 0;
        for (const Review::CheckInfo* info : Review::CheckRegistry::infos()) {
            auto* combo = child<QComboBox>(&dialog, u"check:"_s + info->code);
            const bool below = top(combo) > from && top(combo) < to;
            QVERIFY2(below == (info->category == groups.at(g).first),
                     qPrintable(info->code + u" under "_s + groups.at(g).second.second));
            inGroup += below ? 1 : 0;
        }
        QVERIFY2(inGroup > 0, qPrintable(groups.at(g).second.second));
    }
    // One sentence says what the choices do, in the words the choices use.
    bool explained = false;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        const QString t = label->text();
        if (t.contains(u"\"Show\""_s) && t.contains(u"\"Ask to confirm\""_s) &&
            t.contains(u"\"Block the message\""_s))
            explained = true;
    }
    QVERIFY(explained);
}

void TestSettingsDialog::keychainNamedAsTheSystemNamesIt()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    dialog.showPage(SettingsDialog::SecretsPage);
    const QString text = child<QRadioButton>(&dialog, u"storeKeychain"_s)->text();
    QVERIFY2(text.contains(Settings::KeychainName::of()), qPrintable(text));
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    QVERIFY2(text.contains(u"Secret Service keyring"_s), qPrintable(text));
#endif
    QVERIFY(!text.contains(u"keychain"_s, Qt::CaseInsensitive));
    QVERIFY(child<QLabel>(&dialog, u"fileWarning"_s)->text().contains(Settings::KeychainName::of()));
}

void TestSettingsDialog::invalidValuesRefused_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why");

    QTest::newRow("server with port") << int(SettingsDialog::AccountsPage) << u"host"_s
                                      << u"smtp.example.com:587"_s << u"without spaces, port"_s;
    QTest::newRow("from not an address")
        << int(SettingsDialog::AccountsPage) << u"from"_s << u"taro"_s << u"not an e-mail address"_s;
    QTest::newRow("address as domain") << int(SettingsDialog::RecipientsPage) << u"internal_domains"_s
                                       << u"taro@example.co.jp"_s << u"only the domain"_s;
    QTest::newRow("malformed domain") << int(SettingsDialog::RecipientsPage) << u"caution_domains"_s
                                      << u"ex*ample.com"_s << u"is not a domain"_s;
}

void TestSettingsDialog::invalidValuesRefused()
{
    QFETCH(int, page);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, why);

    SettingsDialog dialog(configPath(), m_secrets.get());
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    dialog.show();
    dialog.showPage(SettingsDialog::Page(page));
    auto* save = child<QPushButton>(&dialog, u"saveButton"_s);
    QVERIFY(save->isEnabled());

    QString shown;
    if (auto* editor = dialog.findChild<Ui::ListEditor*>(field)) {
        QTest::keyClicks(editor->lineEdit(), text);
        QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
        QVERIFY(!editor->values().contains(text)); // not added
        auto* message = editor->findChild<QLabel*>(u"problemLabel"_s);
        QVERIFY(message->isVisibleTo(&dialog));
        shown = message->text();
    } else {
        auto* edit = child<QLineEdit>(&dialog, field);
        retype(edit, text);
        QVERIFY(!edit->hasAcceptableInput());
        shown = problemOf(edit);
    }
    QVERIFY2(shown.contains(why), qPrintable(shown));
    QVERIFY(!save->isEnabled());
    QVERIFY(!dialog.canSave());
    QVERIFY2(child<QLabel>(&dialog, u"statusLabel"_s)->text().contains(why),
             qPrintable(child<QLabel>(&dialog, u"statusLabel"_s)->text()));

    // Enter (the default button) and a direct accept() both refuse as well.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(saved.count(), 0);
    QCOMPARE(readAll(configPath()), kUserFile);
}

// An account added in Settings is made as the policy's [accounts] says, with
// its locks; keys locked for every account do not keep a person from removing
// one of their accounts (only [account.NAME] in the policy does).
void TestSettingsDialog::newAccountFromPolicy()
{
    writeFile(policyPath(), "[accounts]\nhost=smtp.corp.example\nport=2525\n");
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    auto* remove = child<QPushButton>(&dialog, u"removeAccountButton"_s);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, u"addAccountButton"_s), Qt::LeftButton);
    auto* host = child<QLineEdit>(&dialog, u"host"_s);
    QCOMPARE(host->text(), u"smtp.corp.example"_s);
    QVERIFY(!host->isEnabled());
    QVERIFY(lockShown(host));
    auto* port = child<QSpinBox>(&dialog, u"port"_s);
    QCOMPARE(port->value(), 2525);
    QVERIFY(!port->isEnabled());
    QVERIFY(child<QLineEdit>(&dialog, u"user"_s)->isEnabled());
    QVERIFY(remove->isEnabled());
}

void TestSettingsDialog::accountNameRules()
{
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    // An existing account keeps its name: mail programs log in with it.
    QVERIFY(child<QLineEdit>(&dialog, u"accountName"_s)->isReadOnly());

    QTest::mouseClick(child<QPushButton>(&dialog, u"addAccountButton"_s), Qt::LeftButton);
    auto* name = child<QLineEdit>(&dialog, u"accountName"_s);
    retype(name, u"my work"_s);
    QVERIFY2(problemOf(name).contains(u"space"_s), qPrintable(problemOf(name)));
    QVERIFY(!child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
    retype(name, u"work"_s);
    QVERIFY2(problemOf(name).contains(u"already"_s), qPrintable(problemOf(name)));
    QVERIFY(!child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
    retype(name, u"taro@home"_s);
    QVERIFY2(problemOf(name).contains(u"\"@\""_s), qPrintable(problemOf(name)));
    retype(name, u"home"_s);
    QVERIFY(problemOf(name).isEmpty());
    QVERIFY(child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
    QCOMPARE(readAll(configPath()), kUserFile);
}

void TestSettingsDialog::testConnection()
{
    QVERIFY2(QFile::exists(kPython), "needs /usr/bin/python3 with python3-aiosmtpd");
    const QString dir = m_tmp->path() + u"/upstream"_s;
    QDir().mkpath(dir + u"/maildir"_s);
    QProcess upstream;
    upstream.setProcessChannelMode(QProcess::MergedChannels);
    upstream.start(kPython, {kTools + u"/upstream.py"_s, u"--port"_s, u"0"_s, u"--mode"_s, u"plain"_s,
                             u"--auth"_s, u"taro:right-password"_s, u"--maildir"_s, dir + u"/maildir"_s,
                             u"--ready-file"_s, dir + u"/ready"_s});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + u"/ready"_s), 20000);
    const QString port = QString::fromLatin1(readAll(dir + u"/ready"_s).trimmed());

    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    retype(child<QLineEdit>(&dialog, u"host"_s), u"127.0.0.1"_s);
    retype(child<QSpinBox>(&dialog, u"port"_s), port);
    chooseData(child<QComboBox>(&dialog, u"security"_s), u"none"_s);
    retype(child<QLineEdit>(&dialog, u"user"_s), u"taro"_s);
    auto* password = child<QLineEdit>(&dialog, u"password"_s);
    auto* test = child<QPushButton>(&dialog, u"testButton"_s);
    auto* result = child<QLabel>(&dialog, u"testResult"_s);

    QTest::keyClicks(password, u"wrong-password"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"It did not work."_s), 20000);
    QVERIFY2(result->text().size() > 20, qPrintable(result->text()));

    retype(password, u"right-password"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"It works"_s), 20000);

    upstream.terminate();
    QVERIFY(upstream.waitForFinished(5000));
    // Nobody listens any more: said in plain words, not an error code alone.
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"It did not work."_s), 40000);
    // Testing saves nothing.
    QCOMPARE(readAll(configPath()), kUserFile);
}

void TestSettingsDialog::mailProgramsShowLocalPasswords()
{
    QString error;
    QVERIFY(m_secrets->write(u"work/local_password"_s, u"Ab3dEfGh7jKmNpQr5tUv"_s, &error));
    SettingsDialog dialog(configPath(), m_secrets.get());
    dialog.show();
    dialog.showPage(SettingsDialog::MailProgramsPageIndex);
    auto* shown = child<QLineEdit>(&dialog, u"passwordEdit:work"_s);
    QCOMPARE(shown->text(), u"Ab3dEfGh7jKmNpQr5tUv"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"hostEdit"_s)->text(), u"127.0.0.1"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"generate:work"_s), Qt::LeftButton);
    const QString fresh = shown->text();
    QVERIFY(fresh != u"Ab3dEfGh7jKmNpQr5tUv"_s);
    QCOMPARE(fresh.size(), 20);
    // Not stored until Save.
    QCOMPARE(m_secrets->read(u"work/local_password"_s, &error),
             std::optional<QString>(u"Ab3dEfGh7jKmNpQr5tUv"_s));
    QTest::mouseClick(child<QPushButton>(&dialog, u"saveButton"_s), Qt::LeftButton);
    QCOMPARE(m_secrets->read(u"work/local_password"_s, &error), std::optional<QString>(fresh));
    QCOMPARE(readAll(configPath()), kUserFile);
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
