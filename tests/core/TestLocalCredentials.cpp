#include "settings/LocalCredentials.h"
#include "settings/SecretStore.h"

#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::LocalCredentials;

namespace {

// A store the test controls: failures on demand, and a count of writes.
class MemoryStore : public Settings::SecretStore
{
public:
    std::optional<QString> read(const QString& key, QString* error) override
    {
        if (failReads) {
            *error = u"keychain locked"_s;
            return std::nullopt;
        }
        if (!values.contains(key))
            return std::nullopt;
        return values.value(key);
    }
    bool write(const QString& key, const QString& value, QString* error) override
    {
        if (failWrites) {
            *error = u"disk full"_s;
            return false;
        }
        ++writes;
        values.insert(key, value);
        return true;
    }
    bool remove(const QString& key, QString*) override
    {
        values.remove(key);
        return true;
    }
    QString description() const override { return u"memory"_s; }

    QHash<QString, QString> values;
    bool failReads = false;
    bool failWrites = false;
    int writes = 0;
};

} // namespace

class TestLocalCredentials : public QObject
{
    Q_OBJECT
private slots:
    void generatedPasswords();
    void generatedOnceAndStable();
    void stableAcrossLoadsInAFile();
    void verify_data();
    void verify();
    void storeFailures();
    void staleErrorTextIsNotAFailure();
    void emptyStoredPasswordIsReplaced();
};

void TestLocalCredentials::generatedPasswords()
{
    const QRegularExpression shape(u"^[a-km-np-zA-HJ-NP-Z2-9]{20}$"_s); // no 0 O o 1 l I
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString pw = LocalCredentials::generatePassword();
        QVERIFY2(shape.match(pw).hasMatch(), qPrintable(pw));
        seen.insert(pw);
    }
    QCOMPARE(seen.size(), 200);
}

void TestLocalCredentials::generatedOnceAndStable()
{
    MemoryStore store;
    LocalCredentials first;
    QString error;
    QVERIFY2(first.load(&store, {u"work"_s, u"home"_s}, &error), qPrintable(error));
    QCOMPARE(store.writes, 2);
    QVERIFY(store.values.contains(u"work/local_password"_s));
    QVERIFY(store.values.contains(u"home/local_password"_s));
    QCOMPARE(first.password(u"work"_s), store.values.value(u"work/local_password"_s));
    QVERIFY(first.password(u"work"_s) != first.password(u"home"_s));
    QStringList users = first.users();
    users.sort();
    QCOMPARE(users, (QStringList{u"home"_s, u"work"_s}));

    LocalCredentials second;
    QVERIFY(second.load(&store, {u"work"_s, u"home"_s}, &error));
    QCOMPARE(store.writes, 2); // nothing new generated
    QCOMPARE(second.password(u"work"_s), first.password(u"work"_s));
    QCOMPARE(second.password(u"home"_s), first.password(u"home"_s));

    // A new account gets a password; the others keep theirs; a removed one is gone.
    QVERIFY(second.load(&store, {u"work"_s, u"new"_s}, &error));
    QCOMPARE(store.writes, 3);
    QCOMPARE(second.password(u"work"_s), first.password(u"work"_s));
    QVERIFY(second.users().contains(u"new"_s));
    QVERIFY(!second.users().contains(u"home"_s));
    QVERIFY(!second.verify(u"home"_s, first.password(u"home"_s)));
}

void TestLocalCredentials::stableAcrossLoadsInAFile()
{
    QTemporaryDir tmp;
    const QString path = tmp.path() + u"/secrets.ini"_s;
    QString error;
    QString password;
    {
        Settings::FileSecretStore store(path);
        LocalCredentials c;
        QVERIFY2(c.load(&store, {u"work"_s}, &error), qPrintable(error));
        password = c.password(u"work"_s);
        QCOMPARE(password.size(), 20);
    }
    Settings::FileSecretStore store(path); // a restart
    LocalCredentials c;
    QVERIFY(c.load(&store, {u"work"_s}, &error));
    QCOMPARE(c.password(u"work"_s), password);
    QVERIFY(c.verify(u"work"_s, password));
}

void TestLocalCredentials::verify_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");
    QTest::newRow("right") << u"work"_s << u"Abcdefghijkmnpqrst23"_s << true;
    QTest::newRow("other account's password") << u"work"_s << u"Zyxwvutsrqpnmkjihg98"_s << false;
    QTest::newRow("wrong") << u"work"_s << u"Abcdefghijkmnpqrst24"_s << false;
    QTest::newRow("prefix") << u"work"_s << u"Abcdefghijkmnpqrst2"_s << false;
    QTest::newRow("longer") << u"work"_s << u"Abcdefghijkmnpqrst23x"_s << false;
    QTest::newRow("empty") << u"work"_s << QString() << false;
    QTest::newRow("user case") << u"Work"_s << u"Abcdefghijkmnpqrst23"_s << false;
    QTest::newRow("unknown user") << u"nobody"_s << u"Abcdefghijkmnpqrst23"_s << false;
    QTest::newRow("unknown user, filler") << u"nobody"_s << QString(32, u'x') << false;
    QTest::newRow("empty user") << QString() << QString() << false;
    QTest::newRow("second account") << u"home"_s << u"Zyxwvutsrqpnmkjihg98"_s << true;
}

void TestLocalCredentials::verify()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, ok);
    MemoryStore store;
    store.values.insert(u"work/local_password"_s, u"Abcdefghijkmnpqrst23"_s);
    store.values.insert(u"home/local_password"_s, u"Zyxwvutsrqpnmkjihg98"_s);
    LocalCredentials c;
    QString error;
    QVERIFY(c.load(&store, {u"work"_s, u"home"_s}, &error));
    QCOMPARE(c.verify(user, password), ok);
}

void TestLocalCredentials::storeFailures()
{
    MemoryStore store;
    store.failReads = true;
    LocalCredentials c;
    QString error;
    QVERIFY(!c.load(&store, {u"work"_s}, &error));
    QCOMPARE(error, u"keychain locked"_s);
    QCOMPARE(store.writes, 0); // a store that cannot read is not overwritten with a new password

    store.failReads = false;
    store.failWrites = true;
    error.clear();
    QVERIFY(!c.load(&store, {u"work"_s}, &error));
    QCOMPARE(error, u"disk full"_s);
    QVERIFY(!c.verify(u"work"_s, c.password(u"work"_s)) || c.password(u"work"_s).isEmpty());
}

void TestLocalCredentials::staleErrorTextIsNotAFailure()
{
    // The caller's error string may hold an earlier message; that is not a store failure.
    MemoryStore store;
    LocalCredentials c;
    QString error = u"an earlier, unrelated problem"_s;
    QVERIFY(c.load(&store, {u"work"_s}, &error));
    QCOMPARE(c.password(u"work"_s).size(), 20);
    QVERIFY(c.load(&store, {u"work"_s}, nullptr)); // and no error string at all is fine
}

void TestLocalCredentials::emptyStoredPasswordIsReplaced()
{
    // An empty password would accept "AUTH PLAIN" with an empty password.
    MemoryStore store;
    store.values.insert(u"work/local_password"_s, QString());
    LocalCredentials c;
    QString error;
    QVERIFY(c.load(&store, {u"work"_s}, &error));
    QCOMPARE(c.password(u"work"_s).size(), 20);
    QCOMPARE(store.values.value(u"work/local_password"_s), c.password(u"work"_s));
    QVERIFY(!c.verify(u"work"_s, QString()));
}

QTEST_GUILESS_MAIN(TestLocalCredentials)
#include "TestLocalCredentials.moc"
