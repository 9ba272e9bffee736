// The XDG autostart entry, written into a private XDG_CONFIG_HOME.

#include "Autostart.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAutostart : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void enableWritesADesktopEntry();
    void disableRemovesIt();
    void aDesktopThatSwitchedItOffIsRespected();

private:
    QTemporaryDir m_dir;
};

void TestAutostart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"my config"_s).toUtf8());
    QVERIFY(Autostart::location().startsWith(m_dir.filePath(u"my config/autostart/"_s)));
}

void TestAutostart::enableWritesADesktopEntry()
{
    QVERIFY(!Autostart::isEnabled());
    QString error;
    const QString config = m_dir.filePath(u"100% settings/yubisashi.ini"_s);
    QVERIFY2(Autostart::setEnabled(true, config, &error), qPrintable(error));
    QVERIFY(Autostart::isEnabled());
    QFile file(Autostart::location());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(u"[Desktop Entry]\n"_s));
    QVERIFY(text.contains(u"\nType=Application\n"_s));
    // The running program, then the settings file quoted (a space) with % doubled.
    const QString exec = text.section(u"\nExec="_s, 1).section(u'\n', 0, 0);
    QVERIFY2(exec.startsWith(QCoreApplication::applicationFilePath()), qPrintable(exec));
    QVERIFY2(exec.endsWith(u" --config \"%1\""_s.arg(m_dir.filePath(u"100%% settings/yubisashi.ini"_s))),
             qPrintable(exec));
}

void TestAutostart::disableRemovesIt()
{
    QString error;
    QVERIFY(Autostart::setEnabled(true, {}, &error));
    QVERIFY(Autostart::setEnabled(false, {}, &error));
    QVERIFY(!QFile::exists(Autostart::location()));
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(Autostart::setEnabled(false, {}, &error)); // already off: fine
}

void TestAutostart::aDesktopThatSwitchedItOffIsRespected()
{
    QString error;
    QVERIFY(Autostart::setEnabled(true, {}, &error));
    QFile file(Autostart::location());
    QVERIFY(file.open(QIODevice::Append));
    file.write("Hidden=true\n");
    file.close();
    QVERIFY(!Autostart::isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "TestAutostart.moc"
