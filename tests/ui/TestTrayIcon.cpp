#include "TrayIcon.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::TrayIcon;

namespace {

// Share of visibly drawn pixels: an icon that failed to load draws nothing.
double coverage(const QIcon& icon, int size)
{
    const QImage image = icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32);
    if (image.isNull())
        return 0;
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 128)
                ++drawn;
        }
    }
    return double(drawn) / (image.width() * image.height());
}

// Pixels of a warning colour: orange to amber, saturated, clearly drawn.
int warningPixels(const QImage& image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() > 200 && c.hsvSaturation() > 180 && c.value() > 180 && c.hsvHue() >= 15 &&
                c.hsvHue() <= 50)
                ++n;
        }
    }
    return n;
}

QImage imageOf(const QIcon& icon, int size)
{
    return icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT
private slots:
    void states_data();
    void states();
    void statesLookDifferent();
    void pausedLooksLikeAWarning();
    void waitingShowsTheCount();
    void menuActionsEmitSignals_data();
    void menuActionsEmitSignals();
    void pauseFollowsState();
    void pauseGreyedOutWhenNotAllowed();
};

void TestTrayIcon::states_data()
{
    QTest::addColumn<TrayIcon::State>("state");
    QTest::addColumn<QString>("iconName");
    QTest::addColumn<QString>("tip");
    QTest::newRow("idle") << TrayIcon::State::Idle << u"tray-idle"_s << u"Protecting"_s;
    QTest::newRow("review") << TrayIcon::State::ReviewWaiting << u"tray-review"_s << u"review"_s;
    QTest::newRow("sending") << TrayIcon::State::Sending << u"tray-sending"_s << u"Sending"_s;
    QTest::newRow("error") << TrayIcon::State::Error << u"tray-error"_s << u"problem"_s;
    QTest::newRow("paused") << TrayIcon::State::Paused << u"tray-paused"_s << u"paused"_s;
}

void TestTrayIcon::states()
{
    QFETCH(TrayIcon::State, state);
    QFETCH(QString, iconName);
    QFETCH(QString, tip);
    TrayIcon tray;
    tray.setState(state, u"2 messages wait"_s);
    QCOMPARE(tray.state(), state);
    QCOMPARE(TrayIcon::iconName(state), iconName);
    QVERIFY2(tray.toolTip().contains(tip), qPrintable(tray.toolTip()));
    QVERIFY(tray.toolTip().contains(u"2 messages wait"_s));
    // The compiled-in SVG loads and draws at tray sizes.
    for (int size : {16, 22, 32})
        QVERIFY2(coverage(tray.icon(), size) > 0.3, qPrintable(u"%1 at %2 px"_s.arg(iconName).arg(size)));
}

void TestTrayIcon::statesLookDifferent()
{
    TrayIcon tray;
    QList<QImage> images;
    for (auto state : {TrayIcon::State::Idle, TrayIcon::State::ReviewWaiting, TrayIcon::State::Sending,
                       TrayIcon::State::Error, TrayIcon::State::Paused}) {
        tray.setState(state);
        const QImage image = tray.icon().pixmap(QSize(22, 22)).toImage();
        QVERIFY(!images.contains(image));
        images << image;
    }
}

// Protection off is a warning, not the calm idle look: a clear share of
// orange, where idle has none.
void TestTrayIcon::pausedLooksLikeAWarning()
{
    for (int size : {16, 22, 32}) {
        const QImage idle = imageOf(TrayIcon::stateIcon(TrayIcon::State::Idle), size);
        const QImage paused = imageOf(TrayIcon::stateIcon(TrayIcon::State::Paused), size);
        QCOMPARE(warningPixels(idle), 0);
        QVERIFY2(warningPixels(paused) >= size * size / 12,
                 qPrintable(u"%1 warning pixels at %2 px"_s.arg(warningPixels(paused)).arg(size)));
    }
}

void TestTrayIcon::waitingShowsTheCount()
{
    TrayIcon tray;
    QList<QImage> images;
    for (int count : {0, 1, 2, 9, 10, 25}) {
        tray.setState(TrayIcon::State::ReviewWaiting, {}, count);
        images << imageOf(tray.icon(), 32);
    }
    for (int i = 1; i < 4; ++i) // 0 (no number), 1, 2, 9: each its own icon
        QVERIFY2(images.at(i) != images.at(i - 1), qPrintable(u"count row %1"_s.arg(i)));
    QCOMPARE(images.at(4), images.at(5)); // both "9+"
    QVERIFY(images.at(3) != images.at(4));
    // Every state but ReviewWaiting ignores a count.
    QCOMPARE(imageOf(TrayIcon::stateIcon(TrayIcon::State::Idle, 3), 32),
             imageOf(TrayIcon::stateIcon(TrayIcon::State::Idle), 32));
}

void TestTrayIcon::menuActionsEmitSignals_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("signal");
    QTest::newRow("queue") << int(TrayIcon::Action::Queue) << QByteArray(SIGNAL(queueRequested()));
    QTest::newRow("history") << int(TrayIcon::Action::History) << QByteArray(SIGNAL(historyRequested()));
    QTest::newRow("settings") << int(TrayIcon::Action::Settings) << QByteArray(SIGNAL(settingsRequested()));
    QTest::newRow("pause") << int(TrayIcon::Action::Pause) << QByteArray(SIGNAL(pauseToggled(bool)));
    QTest::newRow("about") << int(TrayIcon::Action::About) << QByteArray(SIGNAL(aboutRequested()));
    QTest::newRow("quit") << int(TrayIcon::Action::Quit) << QByteArray(SIGNAL(quitRequested()));
}

void TestTrayIcon::menuActionsEmitSignals()
{
    QFETCH(int, action);
    QFETCH(QByteArray, signal);
    TrayIcon tray;
    QAction* a = tray.action(static_cast<TrayIcon::Action>(action));
    QVERIFY(a);
    QVERIFY(tray.contextMenu()->actions().contains(a));
    QVERIFY(!a->text().isEmpty());
    QSignalSpy spy(&tray, signal.constData());
    a->trigger();
    QCOMPARE(spy.count(), 1);
}

void TestTrayIcon::pauseFollowsState()
{
    TrayIcon tray;
    QSignalSpy toggled(&tray, &TrayIcon::pauseToggled);
    QAction* pause = tray.action(TrayIcon::Action::Pause);
    QVERIFY(pause->isCheckable());
    tray.setState(TrayIcon::State::Paused);
    QVERIFY(pause->isChecked());
    QCOMPARE(toggled.count(), 0); // the app set it; no echo back
    pause->trigger();
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled.at(0).at(0).toBool(), false);
    tray.setState(TrayIcon::State::Idle);
    QVERIFY(!pause->isChecked());
    pause->trigger();
    QCOMPARE(toggled.at(1).at(0).toBool(), true);
}

// The administrator's policy does not allow pausing: the entry cannot be
// chosen, and its tooltip (shown in the menu) says why.
void TestTrayIcon::pauseGreyedOutWhenNotAllowed()
{
    TrayIcon tray;
    QSignalSpy toggled(&tray, &TrayIcon::pauseToggled);
    QAction* pause = tray.action(TrayIcon::Action::Pause);
    QVERIFY(pause->isEnabled());
    tray.setPauseAllowed(false);
    QVERIFY(!pause->isEnabled());
    QVERIFY2(pause->toolTip().contains(u"administrator"_s), qPrintable(pause->toolTip()));
    QVERIFY(tray.contextMenu()->toolTipsVisible());
    pause->trigger(); // a disabled action does nothing
    QCOMPARE(toggled.count(), 0);
    tray.setPauseAllowed(true);
    QVERIFY(pause->isEnabled());
    QVERIFY(!pause->toolTip().contains(u"administrator"_s));
}

QTEST_MAIN(TestTrayIcon)
#include "TestTrayIcon.moc"
