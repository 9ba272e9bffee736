// The window shown instead of the tray icon.

#include "MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void buttonsAskForTheirWindows_data();
    void buttonsAskForTheirWindows();
    void showsStateAndCounts();
    void pauseButtonPausesAndResumes();
    void closingKeepsTheWindowAround();
    void keyboardReachesEveryButton();
    void pauseGreyedOutWhenNotAllowed();
};

void TestMainWindow::buttonsAskForTheirWindows_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QByteArray>("signal");
    QTest::newRow("queue") << u"queueButton"_s << QByteArray(SIGNAL(queueRequested()));
    QTest::newRow("history") << u"historyButton"_s << QByteArray(SIGNAL(historyRequested()));
    QTest::newRow("settings") << u"settingsButton"_s << QByteArray(SIGNAL(settingsRequested()));
    QTest::newRow("quit") << u"quitButton"_s << QByteArray(SIGNAL(quitRequested()));
}

void TestMainWindow::buttonsAskForTheirWindows()
{
    QFETCH(QString, button);
    QFETCH(QByteArray, signal);
    Ui::MainWindow window;
    window.show();
    QSignalSpy spy(&window, signal.constData());
    QTest::mouseClick(window.findChild<QPushButton*>(button), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
}

void TestMainWindow::showsStateAndCounts()
{
    Ui::MainWindow window;
    window.setState(Ui::TrayIcon::State::Error, u"The mail server refused the message"_s);
    window.setCounts(1, 4, 2);
    window.show();
    QCOMPARE(window.findChild<QLabel*>(u"stateTitle"_s)->text(), u"A problem needs your attention"_s);
    QCOMPARE(window.findChild<QLabel*>(u"stateDetail"_s)->text(), u"The mail server refused the message"_s);
    QCOMPARE(window.findChild<QLabel*>(u"reviewingCount"_s)->text(), u"1"_s);
    QCOMPARE(window.findChild<QLabel*>(u"onItsWayCount"_s)->text(), u"4"_s);
    QCOMPARE(window.findChild<QLabel*>(u"attentionCount"_s)->text(), u"2"_s);
    QVERIFY(window.findChild<QLabel*>(u"attentionCount"_s)->font().bold());
    QVERIFY(!window.findChild<QLabel*>(u"stateIcon"_s)->pixmap().isNull());
    QVERIFY(window.windowTitle().contains(u"problem"_s));

    window.setState(Ui::TrayIcon::State::Idle);
    QVERIFY(window.findChild<QLabel*>(u"stateDetail"_s)->isHidden());
    window.setSettingsAvailable(false);
    QVERIFY(!window.findChild<QPushButton*>(u"settingsButton"_s)->isEnabled());
}

void TestMainWindow::pauseButtonPausesAndResumes()
{
    Ui::MainWindow window;
    window.show();
    auto* pause = window.findChild<QPushButton*>(u"pauseButton"_s);
    QSignalSpy spy(&window, &Ui::MainWindow::pauseRequested);
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), true);

    window.setPaused(true, QDateTime::currentDateTimeUtc().addSecs(900));
    QVERIFY(pause->text().contains(u"Resume"_s));
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toBool(), false);

    window.setPaused(false);
    QVERIFY(pause->text().contains(u"Pause"_s));
}

void TestMainWindow::closingKeepsTheWindowAround()
{
    Ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Yubisashi must keep running for mail to go out: close minimises instead.
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(window.isMinimized());
}

void TestMainWindow::keyboardReachesEveryButton()
{
    Ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSet<QString> reached;
    for (int i = 0; i < 10; ++i) {
        if (QWidget* w = QApplication::focusWidget())
            reached.insert(w->objectName());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (const QString& name :
         {u"queueButton"_s, u"historyButton"_s, u"settingsButton"_s, u"pauseButton"_s, u"quitButton"_s})
        QVERIFY2(reached.contains(name), qPrintable(name));
    // Space presses the focused button.
    window.findChild<QPushButton*>(u"historyButton"_s)->setFocus();
    QSignalSpy spy(&window, &Ui::MainWindow::historyRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(spy.size(), 1);
}

// The administrator's policy does not allow pausing: the button is greyed out and says why.
void TestMainWindow::pauseGreyedOutWhenNotAllowed()
{
    Ui::MainWindow window;
    window.show();
    auto* pause = window.findChild<QPushButton*>(u"pauseButton"_s);
    QSignalSpy spy(&window, &Ui::MainWindow::pauseRequested);
    window.setPauseAllowed(false);
    QVERIFY(!pause->isEnabled());
    QVERIFY2(pause->toolTip().contains(u"administrator"_s), qPrintable(pause->toolTip()));
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(spy.size(), 0);
    window.setPaused(false); // the state updates keep the reason
    QVERIFY(pause->toolTip().contains(u"administrator"_s));
    window.setPauseAllowed(true);
    QVERIFY(pause->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
