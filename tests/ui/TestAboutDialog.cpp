// The About window's two helpers: "Open log folder" and "Copy diagnostics".

#include "AboutDialog.h"
#include "diagnostics/LogFile.h"
#include "diagnostics/Report.h"
#include "diagnostics/SecretMask.h"
#include "settings/Config.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAboutDialog : public QObject
{
    Q_OBJECT
private slots:
    void copyDiagnosticsPutsMaskedTextOnTheClipboard();
    void openLogFolderOpensTheFolder();
};

void TestAboutDialog::copyDiagnosticsPutsMaskedTextOnTheClipboard()
{
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
    QTemporaryDir dir;
    const QString logs = dir.filePath(u"logs"_s);
    // What the app has by the time someone opens About: a local password
    // registered, and a log whose lines were written before masking existed.
    Diagnostics::SecretMask::addSecret(u"aPtyfSZKk7zXg6q3BK6U"_s);
    Diagnostics::LogFile file(logs);
    QVERIFY(file.open(nullptr));
    for (int i = 0; i < 250; ++i)
        file.write(u"line %1"_s.arg(i));
    file.write(u"upstream: C: AUTH PLAIN AHVwdXNlcgBVcHN0cmVhbS1Qdy0wODE1"_s);
    file.write(u"smtp: password aPtyfSZKk7zXg6q3BK6U"_s);
    Settings::Config config;
    config.path = dir.filePath(u"yubisashi.ini"_s);
    Settings::Account work;
    work.name = u"work"_s;
    work.host = u"smtp.example.co.jp"_s;
    config.accounts = {work};

    Ui::AboutDialog dialog(logs, [&] {
        return Diagnostics::Report::text(
            Diagnostics::Report::environment(QCoreApplication::applicationVersion()), config, {}, logs,
            Diagnostics::LogFile::lastLines(logs, Diagnostics::Report::LogLines));
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* copy = dialog.findChild<QPushButton*>(u"copyDiagnostics"_s);
    QVERIFY(copy);
    QVERIFY(dialog.findChild<QPushButton*>(u"openLogFolder"_s));
    QApplication::clipboard()->setText(u"before"_s);
    QTest::mouseClick(copy, Qt::LeftButton);

    const QString text = QApplication::clipboard()->text();
    QVERIFY2(text.startsWith(u"Yubisashi 9.8.7\n"_s), qPrintable(text.left(500)));
    QVERIFY(text.contains(u"\nQt: "_s + QString::fromLatin1(qVersion()) + u'\n'));
    QVERIFY(text.contains(u"\nOpenSSL: OpenSSL 3."_s));
    QVERIFY(text.contains(u"[account.work]\npreset=\nfrom=\nhost=smtp.example.co.jp\n"_s));
    QVERIFY(text.contains(u"--- The last 200 log lines ---\nline 52\n"_s));
    QVERIFY(text.contains(u"upstream: C: AUTH PLAIN ****\nsmtp: password ****\n"_s));
    QVERIFY2(!text.contains(u"aPtyfSZKk7zXg6q3BK6U"_s) &&
                 !text.contains(u"AHVwdXNlcgBVcHN0cmVhbS1Qdy0wODE1"_s),
             qPrintable(text.right(500)));
    QVERIFY(!dialog.findChild<QLabel*>(u"status"_s)->text().isEmpty());
    Diagnostics::SecretMask::clearSecrets();
}

void TestAboutDialog::openLogFolderOpensTheFolder()
{
    QTemporaryDir dir;
    const QString logs = dir.filePath(u"not-yet/logs"_s);
    Ui::AboutDialog dialog(logs, [] { return QString(); });
    QList<QUrl> opened;
    dialog.setUrlOpener([&opened](const QUrl& url) {
        opened << url;
        return true;
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton*>(u"openLogFolder"_s), Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(logs)});
    QVERIFY(QDir(logs).exists()); // made, so the file manager has something to show
    QVERIFY(dialog.findChild<QLabel*>(u"status"_s)->text().contains(QDir::toNativeSeparators(logs)));
}

QTEST_MAIN(TestAboutDialog)
#include "TestAboutDialog.moc"
