// Which secret-store entries an account owns, and what saving the accounts
// in the Settings window writes and removes.

#include "settings/AccountSecrets.h"
#include "settings/SecretStore.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Settings::AccountSecrets;
using Pairs = QList<QPair<QString, QString>>;

namespace {

// Remembers what happened; writes to keys in failWrites fail.
class RecordingStore : public Settings::SecretStore
{
public:
    QHash<QString, QString> values;
    QStringList removed;
    QStringList failWrites;

    std::optional<QString> read(const QString& key, QString*) override
    {
        return values.contains(key) ? std::optional<QString>(values.value(key)) : std::nullopt;
    }
    bool write(const QString& key, const QString& value, QString* error) override
    {
        if (failWrites.contains(key)) {
            *error = u"cannot write "_s + key;
            return false;
        }
        values.insert(key, value);
        return true;
    }
    bool remove(const QString& key, QString* error) override
    {
        removed << key;
        if (!values.remove(key)) {
            *error = u"no such entry"_s;
            return false;
        }
        return true;
    }
    QString description() const override { return u"test store"_s; }
};

} // namespace

Q_DECLARE_METATYPE(Pairs)

class TestAccountSecrets : public QObject
{
    Q_OBJECT
private slots:
    void keysOfAnAccount();
    void plan_data();
    void plan();
    void applyRemovesThenWritesAndReportsFailedWrites();
};

void TestAccountSecrets::keysOfAnAccount()
{
    QCOMPARE(AccountSecrets::keys(u"work"_s),
             (QStringList{u"work/password"_s, u"work/local_password"_s, u"work/refresh_token"_s,
                          u"work/smime_password"_s}));
    QCOMPARE(AccountSecrets::passwordKey(u"work"_s), u"work/password"_s);
    QCOMPARE(AccountSecrets::localPasswordKey(u"test"_s), u"test/local_password"_s);
}

void TestAccountSecrets::plan_data()
{
    QTest::addColumn<QStringList>("removedAccounts");
    QTest::addColumn<Pairs>("accounts");
    QTest::addColumn<Pairs>("localPasswords");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<Pairs>("write");

    QTest::newRow("nothing changed") << QStringList() << Pairs{{u"work"_s, QString()}} << Pairs()
                                     << QStringList() << Pairs();
    QTest::newRow("a typed password") << QStringList() << Pairs{{u"work"_s, u"pw"_s}, {u"home"_s, QString()}}
                                      << Pairs() << QStringList() << Pairs{{u"work/password"_s, u"pw"_s}};
    QTest::newRow("a removed account takes its secrets")
        << QStringList{u"old"_s} << Pairs{{u"work"_s, QString()}} << Pairs()
        << QStringList{u"old/password"_s, u"old/local_password"_s, u"old/refresh_token"_s,
                       u"old/smime_password"_s}
        << Pairs();
    QTest::newRow("a new account took the removed one's name")
        << QStringList{u"work"_s} << Pairs{{u"work"_s, u"new"_s}} << Pairs() << QStringList()
        << Pairs{{u"work/password"_s, u"new"_s}};
    QTest::newRow("new local passwords, after the server passwords")
        << QStringList() << Pairs{{u"work"_s, u"pw"_s}, {u"home"_s, QString()}}
        << Pairs{{u"home"_s, u"local1"_s}} << QStringList()
        << Pairs{{u"work/password"_s, u"pw"_s}, {u"home/local_password"_s, u"local1"_s}};
}

void TestAccountSecrets::plan()
{
    QFETCH(QStringList, removedAccounts);
    QFETCH(Pairs, accounts);
    QFETCH(Pairs, localPasswords);
    QFETCH(QStringList, remove);
    QFETCH(Pairs, write);
    const AccountSecrets::Plan p = AccountSecrets::plan(removedAccounts, accounts, localPasswords);
    QCOMPARE(p.remove, remove);
    QCOMPARE(p.write, write);
}

void TestAccountSecrets::applyRemovesThenWritesAndReportsFailedWrites()
{
    RecordingStore store;
    store.values = {
        {u"old/password"_s, u"x"_s}, {u"old/smime_password"_s, u"y"_s}, {u"keep/password"_s, u"z"_s}};
    store.failWrites = {u"home/local_password"_s};
    const AccountSecrets::Plan p = AccountSecrets::plan(
        {u"old"_s}, {{u"work"_s, u"pw"_s}, {u"home"_s, QString()}, {u"keep"_s, QString()}},
        {{u"home"_s, u"local"_s}});
    const QStringList problems = AccountSecrets::apply(&store, p);
    // Entries that were never there do not count as problems: the account is gone either way.
    QCOMPARE(problems, QStringList{u"cannot write home/local_password"_s});
    QCOMPARE(store.removed.size(), 4);
    QVERIFY(!store.values.contains(u"old/password"_s));
    QVERIFY(!store.values.contains(u"old/smime_password"_s));
    QCOMPARE(store.values.value(u"work/password"_s), u"pw"_s);
    QCOMPARE(store.values.value(u"keep/password"_s), u"z"_s);
    QVERIFY(!store.values.contains(u"home/password"_s));
}

QTEST_MAIN(TestAccountSecrets)
#include "TestAccountSecrets.moc"
