#include "settings/Config.h"
#include "settings/KeychainName.h"
#include "settings/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

using Settings::FileSecretStore;
using Settings::SecretStore;

namespace {

int modeOf(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Every log line while a test runs, to prove no secret reaches a log.
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void fileRoundTrip_data();
    void fileRoundTrip();
    void fileIsPrivate();
    void existingFolderIsLeftAlone();
    void permissiveFileIsFixed();
    void remove();
    void handWrittenFile();
    void badKeys();
    void secretsAreNotLogged();
    void createFileStore();
    void createFileStoreThatCannotBeRead();
    void keychainUnavailableSaysWhatToDo();

private:
    mode_t m_oldUmask = 0;
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestSecretStore::initTestCase()
{
    m_oldUmask = ::umask(0); // the file store must not depend on a careful umask
    g_previous = qInstallMessageHandler(capture);
}

void TestSecretStore::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
    ::umask(m_oldUmask);
}

void TestSecretStore::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    g_log.clear();
}

void TestSecretStore::fileRoundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("password") << u"work/password"_s << u"hunter2"_s;
    QTest::newRow("ini specials") << u"work/password"_s << u"a;b, c\"d # e=f [g] \\h"_s;
    QTest::newRow("spaces") << u"work/smime_password"_s << u"  leading and trailing  "_s;
    QTest::newRow("japanese") << u"work/password"_s << u"パスワード秘密"_s;
    QTest::newRow("newline") << u"work/refresh_token"_s << u"line1\nline2"_s;
    QTest::newRow("long token") << u"home.2/refresh_token"_s << QString(4000, u'x');
    QTest::newRow("empty") << u"work/local_password"_s << QString();
}

void TestSecretStore::fileRoundTrip()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString path = m_tmp->path() + u"/conf/secrets.ini"_s;
    FileSecretStore store(path);
    QString error;
    QVERIFY(!store.read(key, &error)); // no file yet: simply absent
    QVERIFY(error.isEmpty());

    QVERIFY2(store.write(key, value, &error), qPrintable(error));
    QCOMPARE(store.read(key, &error), std::optional<QString>(value));
    // A second store (next start) reads the same.
    FileSecretStore again(path);
    QCOMPARE(again.read(key, &error), std::optional<QString>(value));
    QVERIFY(!again.read(u"other/password"_s, &error));
    QVERIFY(error.isEmpty());

    QVERIFY(store.write(key, u"changed"_s, &error));
    QCOMPARE(again.read(key, &error), std::optional<QString>(u"changed"_s));
}

void TestSecretStore::fileIsPrivate()
{
    const QString folder = m_tmp->path() + u"/new/conf"_s;
    const QString path = folder + u"/secrets.ini"_s;
    FileSecretStore store(path);
    QString error;
    QVERIFY2(store.write(u"work/password"_s, u"s3cret"_s, &error), qPrintable(error));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(folder), 0700);
    // Saving again replaces the file; the new one is private too.
    QVERIFY(store.write(u"work/refresh_token"_s, u"t0ken"_s, &error));
    QCOMPARE(modeOf(path), 0600);
    QVERIFY(store.remove(u"work/password"_s, &error));
    QCOMPARE(modeOf(path), 0600);
    QVERIFY(store.description().contains(path));
}

void TestSecretStore::existingFolderIsLeftAlone()
{
    // A folder the user already has (perhaps home) is not ours to lock down; the file is.
    const QString folder = m_tmp->path() + u"/shared"_s;
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    FileSecretStore store(folder + u"/secrets.ini"_s);
    QString error;
    QVERIFY(store.write(u"work/password"_s, u"s3cret"_s, &error));
    QCOMPARE(modeOf(folder), 0755);
    QCOMPARE(modeOf(folder + u"/secrets.ini"_s), 0600);
}

void TestSecretStore::permissiveFileIsFixed()
{
    const QString path = m_tmp->path() + u"/secrets.ini"_s;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[work]\npassword=s3cret\n");
    f.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);

    FileSecretStore store(path);
    QString error;
    QCOMPARE(store.read(u"work/password"_s, &error), std::optional<QString>(u"s3cret"_s));
    QCOMPARE(modeOf(path), 0600);
    QVERIFY(g_log.join(u"\n"_s).contains(u"0600"_s)); // and the user is told
}

void TestSecretStore::remove()
{
    const QString path = m_tmp->path() + u"/secrets.ini"_s;
    FileSecretStore store(path);
    QString error;
    QVERIFY(store.remove(u"work/password"_s, &error)); // nothing there: fine, and no file made
    QVERIFY(!QFile::exists(path));
    QVERIFY(store.write(u"work/password"_s, u"a"_s, &error));
    QVERIFY(store.write(u"work/local_password"_s, u"b"_s, &error));
    QVERIFY2(store.remove(u"work/password"_s, &error), qPrintable(error));
    QVERIFY(!store.read(u"work/password"_s, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(store.read(u"work/local_password"_s, &error), std::optional<QString>(u"b"_s));
    QVERIFY(store.remove(u"work/password"_s, &error));
}

void TestSecretStore::handWrittenFile()
{
    // What docs/CONFIG.md tells admins to write.
    const QString path = m_tmp->path() + u"/secrets.ini"_s;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[work]\npassword=\"pa;ss, word\"\nlocal_password=abc   ; comment\nrefresh_token=a,b\n");
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    FileSecretStore store(path);
    QString error;
    QCOMPARE(store.read(u"work/password"_s, &error), std::optional<QString>(u"pa;ss, word"_s));
    QCOMPARE(store.read(u"work/local_password"_s, &error), std::optional<QString>(u"abc"_s));
    QCOMPARE(store.read(u"work/refresh_token"_s, &error), std::optional<QString>(u"a,b"_s));
}

void TestSecretStore::badKeys()
{
    FileSecretStore store(m_tmp->path() + u"/secrets.ini"_s);
    for (const QString& key : {QString(), u"/password"_s, u"work/"_s}) {
        QString error;
        QVERIFY(!store.read(key, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!store.write(key, u"x"_s, &error));
        QVERIFY(!store.remove(key, &error));
    }
}

void TestSecretStore::secretsAreNotLogged()
{
    const QString secret = u"Very-Secret-Value-4711"_s;
    const QString path = m_tmp->path() + u"/secrets.ini"_s;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[work]\npassword=" + secret.toUtf8() + "\n");
    f.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0666) == 0); // provokes a warning

    FileSecretStore store(path);
    QString error;
    QCOMPARE(store.read(u"work/password"_s, &error), std::optional<QString>(secret));
    QVERIFY(store.write(u"work/smime_password"_s, secret, &error));
    QVERIFY(store.remove(u"work/password"_s, &error));
    QVERIFY(!g_log.isEmpty());
    for (const QString& line : std::as_const(g_log))
        QVERIFY2(!line.contains(secret), qPrintable(line));
}

void TestSecretStore::createFileStore()
{
    Settings::Config config;
    config.path = m_tmp->path() + u"/yubisashi.ini"_s;
    config.secrets.store = Settings::SecretsBackend::File;
    config.secrets.file = m_tmp->path() + u"/secrets.ini"_s;
    QString error;
    std::unique_ptr<SecretStore> store = SecretStore::create(config, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->description().contains(config.secrets.file));
    QVERIFY(store->write(u"work/password"_s, u"x"_s, &error));
    QCOMPARE(modeOf(config.secrets.file), 0600);
    QCOMPARE(FileSecretStore(config.secrets.file).read(u"work/password"_s, &error),
             std::optional<QString>(u"x"_s));
}

void TestSecretStore::createFileStoreThatCannotBeRead()
{
    Settings::Config config;
    config.secrets.store = Settings::SecretsBackend::File;
    config.secrets.file = m_tmp->path() + u"/secrets.ini"_s;
    QVERIFY(QDir().mkpath(config.secrets.file)); // a folder where the file belongs
    QString error;
    QVERIFY(!SecretStore::create(config, &error));
    QVERIFY2(error.contains(config.secrets.file), qPrintable(error));
    QCOMPARE(modeOf(config.secrets.file), 0777); // and it is not "fixed" like a file
}

void TestSecretStore::keychainUnavailableSaysWhatToDo()
{
    Settings::Config config;
    config.path = m_tmp->path() + u"/yubisashi.ini"_s;
    config.secrets.store = Settings::SecretsBackend::Keychain;
    config.secrets.file = m_tmp->path() + u"/secrets.ini"_s;
    QString error;
    std::unique_ptr<SecretStore> store = SecretStore::create(config, &error);
    if (store)
        QSKIP("A system keychain answers on this machine");
    QVERIFY(!error.isEmpty());
    qInfo().noquote() << error;
    QVERIFY2(error.contains(u"store=file"_s), qPrintable(error));
    QVERIFY2(error.contains(u"[secrets]"_s), qPrintable(error));
    QVERIFY2(error.contains(config.path), qPrintable(error));         // where to change it
    QVERIFY2(error.contains(config.secrets.file), qPrintable(error)); // and what that would mean
    // The store is named as the system names it, so the person can find it.
    QVERIFY2(error.contains(Settings::KeychainName::of()), qPrintable(error));
    // No silent fallback: nothing was written anywhere.
    QVERIFY(!QFile::exists(config.secrets.file));

    // Used directly, the keychain store reports each failure.
    Settings::KeychainSecretStore keychain;
    QVERIFY(!keychain.read(u"work/password"_s, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!keychain.write(u"work/password"_s, u"Keychain-Secret-123"_s, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(u"Keychain-Secret-123"_s)); // the value is not in the message
    QVERIFY2(error.contains(Settings::KeychainName::of()), qPrintable(error));
    QVERIFY(!keychain.remove(u"work/password"_s, &error));
    // Named as the system names its store (Settings::KeychainName).
    QCOMPARE(keychain.description(), u"Secret Service keyring"_s);
    QCOMPARE(Settings::KeychainName::of(Settings::KeychainName::System::Windows), u"Credential Manager"_s);
    QCOMPARE(Settings::KeychainName::of(Settings::KeychainName::System::MacOS), u"Keychain"_s);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
