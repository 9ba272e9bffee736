// Two "instances" in one process: the second start must find the first, ask
// it to come to the front, and leave it running.

#include "SingleInstance.h"

#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void secondStartActivatesTheFirst();
    void differentSettingsFilesRunSideBySide();
    void namesArePerKey();
    void staleSocketFromACrashIsTakenOver();

private:
    static QString uniqueKey() { return u"/tmp/test-%1/yubisashi.ini"_s.arg(QUuid::createUuid().toString()); }
};

void TestSingleInstance::secondStartActivatesTheFirst()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QString error;
    QCOMPARE(first.start(&error), SingleInstance::Role::Primary);
    QSignalSpy activations(&first, &SingleInstance::activationRequested);

    SingleInstance second(key);
    QCOMPARE(second.start(&error), SingleInstance::Role::Secondary);
    QCOMPARE(activations.size(), 1);

    // The first keeps serving later starts too.
    SingleInstance third(key);
    QCOMPARE(third.start(&error), SingleInstance::Role::Secondary);
    QCOMPARE(activations.size(), 2);
}

void TestSingleInstance::differentSettingsFilesRunSideBySide()
{
    SingleInstance a(uniqueKey());
    SingleInstance b(uniqueKey());
    QString error;
    QCOMPARE(a.start(&error), SingleInstance::Role::Primary);
    QCOMPARE(b.start(&error), SingleInstance::Role::Primary);
}

void TestSingleInstance::namesArePerKey()
{
    QCOMPARE(SingleInstance::serverNameFor(u"/a.ini"_s), SingleInstance::serverNameFor(u"/a.ini"_s));
    QVERIFY(SingleInstance::serverNameFor(u"/a.ini"_s) != SingleInstance::serverNameFor(u"/b.ini"_s));
    QVERIFY(SingleInstance::serverNameFor(u"/a.ini"_s).startsWith(u"yubisashi-"_s));
}

void TestSingleInstance::staleSocketFromACrashIsTakenOver()
{
    const QString key = uniqueKey();
    QString path;
    {
        // Where the socket lives on this system.
        QLocalServer probe;
        QVERIFY(probe.listen(SingleInstance::serverNameFor(key)));
        path = probe.fullServerName();
    }
    // A crashed instance leaves its socket file behind: bound, nobody listening.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    QVERIFY(static_cast<size_t>(native.size()) < sizeof(addr.sun_path));
    memcpy(addr.sun_path, native.constData(), static_cast<size_t>(native.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(path));

    SingleInstance next(key);
    QString error;
    QCOMPARE(next.start(&error, 1000), SingleInstance::Role::Primary);
    SingleInstance again(key);
    QCOMPARE(again.start(&error), SingleInstance::Role::Secondary);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
