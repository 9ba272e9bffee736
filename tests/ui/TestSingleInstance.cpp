// Two "instances" in one process: the second start must find the first, ask
// it to come to the front, and leave it running.

#include "SingleInstance.h"

#include <QFileInfo>
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
    void socketLivesInTheUsersPrivateFolder();
    void runtimeFolderOfAnotherUserIsNotUsed();

private:
    // XDG_RUNTIME_DIR set for one test, restored afterwards.
    struct RuntimeDir
    {
        explicit RuntimeDir(const QByteArray& path)
            : old(qgetenv("XDG_RUNTIME_DIR")), had(qEnvironmentVariableIsSet("XDG_RUNTIME_DIR"))
        {
            qputenv("XDG_RUNTIME_DIR", path);
        }
        ~RuntimeDir()
        {
            if (had)
                qputenv("XDG_RUNTIME_DIR", old);
            else
                qunsetenv("XDG_RUNTIME_DIR");
        }
        QByteArray old;
        bool had;
    };
    static bool onlyOwnerMayEnter(const QString& folder)
    {
        const QFileInfo info(folder);
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        return info.isDir() && info.ownerId() == ::geteuid() && !(info.permissions() & others);
    }

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
    QVERIFY(QFileInfo(SingleInstance::serverNameFor(u"/a.ini"_s)).fileName().startsWith(u"yubisashi-"_s));
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

// Not the shared temp folder, where another user could take the name first:
// the socket is in the user's runtime folder, which only they may enter.
void TestSingleInstance::socketLivesInTheUsersPrivateFolder()
{
    QTemporaryDir base(u"/tmp/ys-XXXXXX"_s); // short: a socket path has at most 107 bytes
    QVERIFY(base.isValid());
    const QString runtime = base.filePath(u"run"_s);
    QVERIFY(QDir().mkdir(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    RuntimeDir env(QFile::encodeName(runtime));

    const QString key = uniqueKey();
    const QString name = SingleInstance::serverNameFor(key);
    QCOMPARE(QFileInfo(name).absolutePath(), runtime);
    QVERIFY(onlyOwnerMayEnter(QFileInfo(name).absolutePath()));
    SingleInstance first(key);
    QString error;
    QCOMPARE(first.start(&error), SingleInstance::Role::Primary);
    QVERIFY(QFileInfo::exists(name));
    SingleInstance second(key);
    QCOMPARE(second.start(&error), SingleInstance::Role::Secondary);
}

// A runtime folder that someone else owns (a planted XDG_RUNTIME_DIR) is not used.
void TestSingleInstance::runtimeFolderOfAnotherUserIsNotUsed()
{
    if (::geteuid() != 0)
        QSKIP("needs root to give a folder to another user");
    QTemporaryDir base(u"/tmp/ys-XXXXXX"_s);
    QVERIFY(base.isValid());
    const QString planted = base.filePath(u"run"_s);
    QVERIFY(QDir().mkdir(planted));
    QVERIFY(QFile::setPermissions(planted, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(::chown(QFile::encodeName(planted).constData(), 65534, 65534), 0); // nobody
    RuntimeDir env(QFile::encodeName(planted));

    const QString key = uniqueKey();
    const QString name = SingleInstance::serverNameFor(key);
    QVERIFY2(!name.startsWith(planted), qPrintable(name));
    QVERIFY2(onlyOwnerMayEnter(QFileInfo(name).absolutePath()), qPrintable(name));
    SingleInstance first(key);
    QString error;
    QCOMPARE(first.start(&error), SingleInstance::Role::Primary);
    QVERIFY(QFileInfo::exists(name));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
