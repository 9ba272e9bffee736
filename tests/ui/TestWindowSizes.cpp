// Every window opens within the screen, in English and in Japanese.
//
// The offscreen platform gets a screen of YUBISASHI_TEST_SCREEN (default
// 1280x720) through its configuration file. A window must fit that screen
// less what the desktop takes: a taskbar of 48 px (Windows 11) at the
// bottom, and a title bar and borders of 39 x 16 px around the window
// (Windows 10/11 at 100 %). The same test runs with QT_SCALE_FACTOR=2 on a
// 1920x1080 screen (TestWindowSizes200): a logical screen of 960x540, where
// the taskbar and the frame take half as many logical pixels.

#include "FirstRunWizard.h"
#include "HistorySource.h"
#include "HistoryWindow.h"
#include "MainWindow.h"
#include "PauseDialog.h"
#include "QueueModel.h"
#include "QueueWindow.h"
#include "ReviewDialog.h"
#include "SampleReview.h"
#include "SettingsDialog.h"
#include "Translator.h"
#include "settings/SecretStore.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// What the desktop keeps for itself, in physical pixels at 100 %.
constexpr int kTaskbar = 48;
constexpr int kTitleAndBorders = 39;
constexpr int kSideBorders = 16;

class NoHistory : public Ui::HistorySource
{
public:
    bool recipients(const QString&, int, QList<Recipient>* out, QString*) override
    {
        out->clear();
        return true;
    }
    bool auditLog(const QString&, int, QList<AuditRecord>* out, QString*) override
    {
        out->clear();
        return true;
    }
    bool exportAuditCsv(const QString&, QString*) override { return true; }
};

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestWindowSizes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void windows_data();
    void windows();

private:
    // The room a window's contents have on the screen, in logical pixels.
    QSize room() const;
    void check(QWidget* window, const QString& what);

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Settings::FileSecretStore> m_secrets;
    std::unique_ptr<Translator> m_translator;
};

void TestWindowSizes::initTestCase()
{
    QCoreApplication::setOrganizationName(u"Yubisashi"_s);
    QCoreApplication::setApplicationName(u"yubisashi"_s);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // no remembered window sizes
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_secrets = std::make_unique<Settings::FileSecretStore>(m_tmp->filePath(u"secrets.ini"_s));
    const QScreen* screen = QGuiApplication::primaryScreen();
    qInfo("screen %dx%d logical, scale %.1f; room for a window's contents %dx%d", screen->size().width(),
          screen->size().height(), screen->devicePixelRatio(), room().width(), room().height());
}

void TestWindowSizes::cleanupTestCase()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    QSettings().clear();
}

QSize TestWindowSizes::room() const
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    const qreal scale = screen->devicePixelRatio();
    const auto logical = [scale](int px) {
        return qRound(px / scale);
    };
    return screen->availableGeometry().size() -
           QSize(logical(kSideBorders), logical(kTaskbar) + logical(kTitleAndBorders));
}

void TestWindowSizes::check(QWidget* window, const QString& what)
{
    window->show();
    settle();
    const QSize size = window->size();
    qInfo("%-28s %4d x %4d  (%s %d pt, average character %d px)", qPrintable(what), size.width(),
          size.height(), qPrintable(window->font().family()), window->font().pointSize(),
          window->fontMetrics().averageCharWidth());
    QVERIFY2(size.width() <= room().width() && size.height() <= room().height(),
             qPrintable(u"%1 opens %2x%3; the screen has room for %4x%5"_s.arg(what)
                            .arg(size.width())
                            .arg(size.height())
                            .arg(room().width())
                            .arg(room().height())));
    // Its contents can be laid out in that size: nothing is cut off at the edge.
    const QSize least = window->minimumSizeHint().expandedTo(window->minimumSize());
    QVERIFY2(least.width() <= room().width() && least.height() <= room().height(),
             qPrintable(u"%1 needs at least %2x%3"_s.arg(what).arg(least.width()).arg(least.height())));
    const QRect onScreen = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY2(onScreen.contains(window->frameGeometry()),
             qPrintable(u"%1 is placed partly off the screen"_s.arg(what)));
}

void TestWindowSizes::windows_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("window");
    for (const QString& language : {u"en"_s, u"ja"_s}) {
        for (const QString& window : {u"wizard"_s, u"settings"_s, u"main"_s, u"queue"_s, u"history"_s,
                                      u"pause"_s, u"about"_s, u"review"_s}) {
            QTest::addRow("%s-%s", qPrintable(language), qPrintable(window)) << language << window;
        }
    }
}

void TestWindowSizes::windows()
{
    QFETCH(QString, language);
    QFETCH(QString, window);
    // The app's own translations, as the app loads them (app/Translator).
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    const QLocale locale(language == u"ja"_s ? QLocale::Japanese : QLocale::English);
    QLocale::setDefault(locale);
    m_translator = std::make_unique<Translator>();
    QVERIFY(m_translator->load(locale));
    QCoreApplication::installTranslator(m_translator.get());
    // A Japanese desktop's interface font (Windows: Yu Gothic UI 9 pt) is a CJK
    // font, whose average character is a full-width one: twice as wide.
    static const QFont latin = QApplication::font();
    QFont font = latin;
    if (language == u"ja"_s)
        font.setFamilies({u"Noto Sans CJK JP"_s, u"Yu Gothic UI"_s, u"Meiryo UI"_s});
    QApplication::setFont(font);

    const QString what = language + u' ' + window;
    const QString config = m_tmp->filePath(u"yubisashi-%1.ini"_s.arg(language));
    if (window == u"wizard"_s) {
        Ui::FirstRunWizard wizard(m_tmp->filePath(u"fresh-%1.ini"_s.arg(language)), m_secrets.get());
        check(&wizard, what);
        // Every page fits the size the wizard opened with.
        const QSize opened = wizard.size();
        for (int page = 1; page <= Ui::FirstRunWizard::MailProgramsPageId; ++page) {
            wizard.next();
            settle();
            QVERIFY2(wizard.size() == opened, qPrintable(u"%1 grows on page %2 to %3x%4"_s.arg(what)
                                                             .arg(page)
                                                             .arg(wizard.width())
                                                             .arg(wizard.height())));
        }
    } else if (window == u"settings"_s) {
        Ui::SettingsDialog dialog(config, m_secrets.get());
        check(&dialog, what);
    } else if (window == u"main"_s) {
        Ui::MainWindow main;
        main.setCounts(1, 1, 2);
        check(&main, what);
    } else if (window == u"queue"_s) {
        Ui::QueueModel model;
        Ui::QueueWindow queue(&model);
        check(&queue, what);
    } else if (window == u"history"_s) {
        NoHistory source;
        Ui::HistoryWindow history(&source);
        check(&history, what);
    } else if (window == u"pause"_s) {
        Ui::PauseDialog pause;
        check(&pause, what);
    } else if (window == u"about"_s) {
        // The text of app/TrayController::showAbout(), in its translation context.
        QMessageBox about(QMessageBox::Information,
                          QCoreApplication::translate("TrayController", "About Yubisashi"),
                          QCoreApplication::translate(
                              "TrayController",
                              "<p><b>Yubisashi %1</b></p><p>Checks every recipient before a message leaves, "
                              "signs it and sends it on.</p><p>Licensed under the Apache License 2.0.</p>"
                              "<p>Built with Qt %2 (LGPL-3.0), QtKeychain (BSD-2-Clause), GMime and GLib "
                              "(LGPL-2.1 or later), ICU (Unicode licence), OpenSSL (Apache-2.0) and SQLite "
                              "(public domain). Their notices are in THIRD-PARTY-NOTICES.md, installed with "
                              "Yubisashi.</p>")
                              .arg(u"1.0.0"_s, QString::fromLatin1(qVersion())));
        check(&about, what);
    } else if (window == u"review"_s) {
        Ui::ReviewDialog review(SampleReview::japanese(language == u"ja"_s));
        check(&review, what);
        review.withdraw({});
    }
}

int main(int argc, char* argv[])
{
    // The offscreen platform's screen, from its configuration file.
    const QByteArray wanted = qgetenv("YUBISASHI_TEST_SCREEN");
    const QList<QByteArray> wh = (wanted.isEmpty() ? QByteArray("1280x720") : wanted).split('x');
    QTemporaryDir dir;
    const QString json = dir.filePath(u"screen.json"_s);
    {
        QFile f(json);
        if (!f.open(QIODevice::WriteOnly))
            return 3;
        f.write(R"({"screens": [{"name": "test", "x": 0, "y": 0, "width": )" + wh.value(0) +
                R"(, "height": )" + wh.value(1) + R"(, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    }
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + json.toLocal8Bit());
    QApplication app(argc, argv);
    TestWindowSizes test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestWindowSizes.moc"
