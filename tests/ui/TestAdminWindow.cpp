// `yubisashi admin`: the administrator's window (Ui::AdminWindow) driven as a
// person does, and what it saves checked by the real `yubisashi admin --check`.
#include "AdminWindow.h"
#include "ListEditor.h"
#include "SettingRow.h"
#include "review/checks/CheckRegistry.h"
#include "settings/AdminPolicy.h"
#include "settings/Validation.h"

#include <QComboBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Ui::AdminWindow;

namespace {

const QString kApp = QStringLiteral(YUBISASHI_APP);

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

void chooseTier(AdminWindow& w, const QString& key, AdminWindow::Tier tier)
{
    QComboBox* c = w.tierChooser(key);
    QVERIFY(c);
    c->setCurrentIndex(c->findData(int(tier)));
}

// `yubisashi admin --check FILE`: exit status and what it printed.
std::pair<int, QString> check(const QString& path)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(kApp, {u"admin"_s, u"--check"_s, path});
    if (!p.waitForFinished(120000))
        return {-1, u"timed out"_s};
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

QList<Settings::PolicyEntry> only(const QList<Settings::PolicyEntry>& entries, const QString& key)
{
    QList<Settings::PolicyEntry> out;
    for (const Settings::PolicyEntry& e : entries) {
        if (e.key == key)
            out << e;
    }
    return out;
}

} // namespace

class TestAdminWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void everyPolicyKeyHasARow();
    void setValueThenLock();
    void invalidValueShowsErrorAndBlocksExport();
    void exportedFilesPassAdminCheck();
    void openExistingFile();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestAdminWindow::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

// The rows come from the key list, so a key added to the rules is there.
void TestAdminWindow::everyPolicyKeyHasARow()
{
    AdminWindow w;
    QStringList expected = Settings::AdminPolicy::templateKeys();
    for (const QString& code : Review::CheckRegistry::codes())
        expected << u"checks/"_s + code;
    for (const QString& key : std::as_const(expected)) {
        QVERIFY2(w.field(key), qPrintable(key));
        QVERIFY2(w.pageOf(key) >= 0 && w.pageOf(key) < w.pageCount(), qPrintable(key));
        QCOMPARE(w.tier(key), AdminWindow::Tier::NotSet);
    }
    QCOMPARE(w.keys().size(), expected.size());
    QVERIFY(w.entries().isEmpty());
    // Sign-in and the domains are where an administrator looks for them.
    QCOMPARE(w.pageOf(u"accounts/oauth_client_id"_s), w.pageOf(u"accounts/oauth_tenant"_s));
    QCOMPARE(w.pageOf(u"policy/internal_domains"_s), w.pageOf(u"policy/same_organisation"_s));
    QVERIFY(w.pageOf(u"listener/port"_s) != w.pageOf(u"policy/internal_domains"_s));
    // Every check is on one page, whatever its code says (sender-certificate too).
    for (const QString& code : Review::CheckRegistry::codes())
        QCOMPARE(w.pageOf(u"checks/"_s + code), w.pageOf(u"checks/external-recipient"_s));
}

void TestAdminWindow::setValueThenLock()
{
    AdminWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // Typing a value sets the key; the administrator then picks its tier.
    auto* tenant = qobject_cast<QLineEdit*>(w.field(u"accounts/oauth_tenant"_s));
    QVERIFY(tenant);
    QTest::keyClicks(tenant, u"example.onmicrosoft.com"_s);
    QVERIFY(w.tier(u"accounts/oauth_tenant"_s) != AdminWindow::Tier::NotSet);
    chooseTier(w, u"accounts/oauth_tenant"_s, AdminWindow::Tier::Recommended);
    QList<Settings::PolicyEntry> e = only(w.entries(), u"accounts/oauth_tenant"_s);
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.first().tier, Settings::PolicyTier::Recommended);
    QCOMPARE(e.first().value.toString(), u"example.onmicrosoft.com"_s);

    chooseTier(w, u"accounts/oauth_tenant"_s, AdminWindow::Tier::Locked);
    e = only(w.entries(), u"accounts/oauth_tenant"_s);
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.first().tier, Settings::PolicyTier::Locked);

    // A list: entries typed one by one, Japanese included.
    auto* keywords = qobject_cast<Ui::ListEditor*>(w.field(u"policy/keywords"_s));
    QVERIFY(keywords);
    keywords->lineEdit()->setFocus();
    // Japanese arrives from the input method as a committed string.
    QInputMethodEvent typed;
    typed.setCommitString(u"社外秘"_s);
    QCoreApplication::sendEvent(keywords->lineEdit(), &typed);
    QTest::keyClick(keywords->lineEdit(), Qt::Key_Return);
    QTest::keyClicks(keywords->lineEdit(), u"confidential"_s);
    QTest::keyClick(keywords->lineEdit(), Qt::Key_Return);
    QCOMPARE(w.value(u"policy/keywords"_s), u"社外秘, confidential"_s);
    QCOMPARE(w.tier(u"policy/keywords"_s), AdminWindow::Tier::Locked);

    // Not set again: left out.
    chooseTier(w, u"policy/keywords"_s, AdminWindow::Tier::NotSet);
    QVERIFY(only(w.entries(), u"policy/keywords"_s).isEmpty());
}

void TestAdminWindow::invalidValueShowsErrorAndBlocksExport()
{
    AdminWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* port = qobject_cast<QLineEdit*>(w.field(u"listener/port"_s));
    QVERIFY(port);
    QTest::keyClicks(port, u"70000"_s);
    QCOMPARE(w.tier(u"listener/port"_s), AdminWindow::Tier::Locked);

    // The same sentence Settings shows, under the field.
    const QString expected = Settings::Validation::check(u"listener/port"_s, u"70000"_s);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(w.row(u"listener/port"_s)->problem(), expected);
    QCOMPARE(w.problems().size(), 1);
    for (const QString& name : {u"saveIniButton"_s, u"exportRegButton"_s, u"exportMobileconfigButton"_s})
        QVERIFY2(!child<QPushButton>(&w, name)->isEnabled(), qPrintable(name));

    const QString path = m_tmp->filePath(u"policy.ini"_s);
    QString error;
    QVERIFY(!w.exportTo(AdminWindow::Format::Ini, path, &error));
    QVERIFY(error.contains(expected));
    QVERIFY(!QFile::exists(path));

    // Corrected: the message goes and saving is possible again.
    retype(port, u"10588"_s);
    QVERIFY(w.row(u"listener/port"_s)->problem().isEmpty());
    QVERIFY(child<QPushButton>(&w, u"saveIniButton"_s)->isEnabled());
    QVERIFY2(w.exportTo(AdminWindow::Format::Ini, path, &error), qPrintable(error));

    // A value that breaks its rule but is not set does not stop anything.
    retype(port, u"0"_s);
    QVERIFY(!w.row(u"listener/port"_s)->problem().isEmpty());
    chooseTier(w, u"listener/port"_s, AdminWindow::Tier::NotSet);
    QVERIFY(w.row(u"listener/port"_s)->problem().isEmpty());
    QVERIFY(w.problems().isEmpty());
}

// What the window saves is what `yubisashi admin --check` (the real program) accepts.
void TestAdminWindow::exportedFilesPassAdminCheck()
{
    AdminWindow w;
    w.setValue(u"policy/internal_domains"_s, u"example.co.jp, *.example.co.jp"_s);
    w.setTier(u"policy/internal_domains"_s, AdminWindow::Tier::Locked);
    w.setValue(u"policy/review"_s, u"always"_s);
    w.setTier(u"policy/review"_s, AdminWindow::Tier::Locked);
    w.setValue(u"policy/keywords"_s, u"社外秘, 機密"_s);
    w.setTier(u"policy/keywords"_s, AdminWindow::Tier::Recommended);
    w.setValue(u"listener/port"_s, u"10588"_s);
    w.setTier(u"listener/port"_s, AdminWindow::Tier::Locked);
    w.setValue(u"policy/allow_pause"_s, u"false"_s);
    w.setTier(u"policy/allow_pause"_s, AdminWindow::Tier::Locked);
    w.setValue(u"accounts/oauth_client_id"_s, u"00000000-0000-0000-0000-000000000000"_s);
    w.setTier(u"accounts/oauth_client_id"_s, AdminWindow::Tier::Locked);
    w.setValue(u"checks/sender-certificate"_s, u"block"_s);
    w.setTier(u"checks/sender-certificate"_s, AdminWindow::Tier::Locked);
    w.setValue(u"general/language"_s, u"ja"_s);
    w.setTier(u"general/language"_s, AdminWindow::Tier::Recommended);
    QVERIFY(w.problems().isEmpty());

    for (const auto& [format, name] : {std::pair{AdminWindow::Format::Ini, u"policy.ini"_s},
                                       std::pair{AdminWindow::Format::Reg, u"policy.reg"_s}}) {
        const QString path = m_tmp->filePath(name);
        QString error;
        QVERIFY2(w.exportTo(format, path, &error), qPrintable(error));
        const auto [status, output] = check(path);
        QVERIFY2(status == 0, qPrintable(output));
        QVERIFY2(output.contains(u"it locks 6 and recommends 2 settings"_s), qPrintable(output));
    }
}

// An existing policy opens with its tiers and values; what the window has no
// row for is kept; a value that breaks its rule is shown with its problem.
void TestAdminWindow::openExistingFile()
{
    const QString path = m_tmp->filePath(u"policy.ini"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[policy]\ninternal_domains=example.co.jp, *.example.co.jp\nreview=sometimes\n\n"
            "[recommended/delivery]\ncountdown_seconds=5\n\n"
            "[account.corp]\nhost=smtp.example.co.jp\n\n"
            "[accounts]\noauth_tenant=例え.onmicrosoft.com\n");
    f.close();

    AdminWindow w;
    QVERIFY(w.openFile(path));
    QCOMPARE(w.tier(u"policy/internal_domains"_s), AdminWindow::Tier::Locked);
    QCOMPARE(w.value(u"policy/internal_domains"_s), u"example.co.jp, *.example.co.jp"_s);
    QCOMPARE(w.tier(u"delivery/countdown_seconds"_s), AdminWindow::Tier::Recommended);
    QCOMPARE(w.value(u"delivery/countdown_seconds"_s), u"5"_s);
    QCOMPARE(w.value(u"accounts/oauth_tenant"_s), u"例え.onmicrosoft.com"_s);
    QCOMPARE(w.tier(u"listener/port"_s), AdminWindow::Tier::NotSet);
    QVERIFY(!w.row(u"policy/review"_s)->problem().isEmpty());
    QVERIFY(!child<QPushButton>(&w, u"saveIniButton"_s)->isEnabled());

    // Corrected, saved again: the named account's key is still there.
    w.setValue(u"policy/review"_s, u"always"_s);
    const QString out = m_tmp->filePath(u"again.ini"_s);
    QString error;
    QVERIFY2(w.exportTo(AdminWindow::Format::Ini, out, &error), qPrintable(error));
    QStringList errors;
    const Settings::AdminPolicy policy = Settings::AdminPolicy::load(out, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(policy.value(u"account.corp/host"_s).toString(), u"smtp.example.co.jp"_s);
    QCOMPARE(policy.value(u"policy/review"_s).toString(), u"always"_s);
    QCOMPARE(policy.recommendedValue(u"delivery/countdown_seconds"_s).toString(), u"5"_s);
    QCOMPARE(policy.value(u"accounts/oauth_tenant"_s).toString(), u"例え.onmicrosoft.com"_s);
}

QTEST_MAIN(TestAdminWindow)
#include "TestAdminWindow.moc"
