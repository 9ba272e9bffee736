// An account as the keys of its [account.NAME] group, and what the account
// forms hand to ConfigWriter; written and read back through the real file.

#include "settings/AccountSerializer.h"
#include "settings/ConfigWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Settings::AccountSerializer;

namespace {

QStringList keysOf(const QList<QPair<QString, QVariant>>& values)
{
    QStringList out;
    for (const auto& [key, value] : values)
        out << key;
    return out;
}

Settings::Account generic()
{
    Settings::Account a;
    a.name = u"work"_s;
    a.host = u"smtp.example.co.jp"_s;
    a.user = u"taro@example.co.jp"_s;
    return a;
}

} // namespace

class TestAccountSerializer : public QObject
{
    Q_OBJECT
private slots:
    void keysAndValues();
    void valuesToWrite_data();
    void valuesToWrite();
    void fromIsAList();
    void writtenAndReadBack_data();
    void writtenAndReadBack();
};

void TestAccountSerializer::keysAndValues()
{
    QCOMPARE(AccountSerializer::keys(), (QStringList{u"preset"_s, u"host"_s, u"port"_s, u"security"_s,
                                                     u"auth"_s, u"user"_s, u"from"_s, u"sign"_s}));
    Settings::Account a = generic();
    a.port = 465;
    a.security = Smtp::Security::Tls;
    a.auth = Smtp::AuthMethod::Plain;
    a.from = {u"taro@example.co.jp"_s, u"sales@example.co.jp"_s};
    a.sign = Settings::SignPolicy::Always;
    QCOMPARE(AccountSerializer::value(a, u"host"_s), u"smtp.example.co.jp"_s);
    QCOMPARE(AccountSerializer::value(a, u"port"_s), u"465"_s);
    QCOMPARE(AccountSerializer::value(a, u"security"_s), u"tls"_s);
    QCOMPARE(AccountSerializer::value(a, u"auth"_s), u"plain"_s);
    QCOMPARE(AccountSerializer::value(a, u"from"_s), u"taro@example.co.jp, sales@example.co.jp"_s);
    QCOMPARE(AccountSerializer::value(a, u"sign"_s), u"always"_s);
    QCOMPARE(AccountSerializer::value(a, u"no-such-key"_s), QString());
}

void TestAccountSerializer::valuesToWrite_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("inFile");
    QTest::addColumn<QStringList>("locked");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("new generic account: only what differs from the defaults")
        << QString() << 587 << QStringList() << QStringList() << QStringList{u"host"_s, u"user"_s};
    QTest::newRow("another port") << QString() << 2525 << QStringList() << QStringList()
                                  << QStringList{u"host"_s, u"port"_s, u"user"_s};
    QTest::newRow("keys in the file are always handed over (the writer skips unchanged ones)")
        << QString() << 587 << QStringList{u"port"_s, u"sign"_s} << QStringList()
        << QStringList{u"host"_s, u"port"_s, u"user"_s, u"sign"_s};
    QTest::newRow("locked keys are left out")
        << QString() << 2525 << QStringList{u"sign"_s} << QStringList{u"host"_s, u"port"_s, u"sign"_s}
        << QStringList{u"user"_s};
    QTest::newRow("microsoft365: the preset's values differ from the account's")
        << u"microsoft365"_s << 587 << QStringList() << QStringList()
        << QStringList{u"preset"_s, u"host"_s, u"auth"_s, u"user"_s};
}

void TestAccountSerializer::valuesToWrite()
{
    QFETCH(QString, preset);
    QFETCH(int, port);
    QFETCH(QStringList, inFile);
    QFETCH(QStringList, locked);
    QFETCH(QStringList, expected);
    Settings::Account a = generic();
    a.preset = preset;
    a.port = quint16(port);
    QCOMPARE(keysOf(AccountSerializer::valuesToWrite(a, inFile, locked)), expected);
}

void TestAccountSerializer::fromIsAList()
{
    Settings::Account a = generic();
    a.from = {u"taro@example.co.jp"_s, u"sales@example.co.jp"_s};
    for (const auto& [key, value] : AccountSerializer::valuesToWrite(a, {}, {})) {
        if (key == u"from"_s) {
            QCOMPARE(value.userType(), QMetaType::QStringList);
            QCOMPARE(value.toStringList(), a.from);
        } else {
            QCOMPARE(value.userType(), QMetaType::QString);
        }
    }
}

void TestAccountSerializer::writtenAndReadBack_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("auth");
    QTest::newRow("generic") << QString() << 587 << int(Smtp::Security::StartTls)
                             << int(Smtp::AuthMethod::Login);
    QTest::newRow("generic, tls, plain")
        << u"generic"_s << 465 << int(Smtp::Security::Tls) << int(Smtp::AuthMethod::Plain);
    QTest::newRow("google") << u"google"_s << 465 << int(Smtp::Security::Tls)
                            << int(Smtp::AuthMethod::XOAuth2);
    QTest::newRow("microsoft365, but login")
        << u"microsoft365"_s << 587 << int(Smtp::Security::StartTls) << int(Smtp::AuthMethod::Login);
}

void TestAccountSerializer::writtenAndReadBack()
{
    QFETCH(QString, preset);
    QFETCH(int, port);
    QFETCH(int, security);
    QFETCH(int, auth);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"yubisashi.ini"_s);
    Settings::Account a = generic();
    a.preset = preset;
    a.port = quint16(port);
    a.security = Smtp::Security(security);
    a.auth = Smtp::AuthMethod(auth);
    a.from = {u"taro@example.co.jp"_s};
    a.sign = Settings::SignPolicy::Never;
    if (!preset.isEmpty() && preset != u"generic"_s)
        a.host = preset == u"google"_s ? u"smtp.gmail.com"_s : u"smtp.office365.com"_s;

    Settings::ConfigWriter writer(path);
    QString error;
    for (const auto& [key, value] : AccountSerializer::valuesToWrite(a, {}, {})) {
        const QString full = u"account.work/"_s + key;
        QVERIFY2(value.userType() == QMetaType::QStringList
                     ? writer.setList(full, value.toStringList(), &error)
                     : writer.set(full, value.toString(), &error),
                 qPrintable(error));
    }
    QVERIFY2(writer.commit(&error), qPrintable(error));

    Settings::Config config;
    QStringList errors;
    QVERIFY2(Settings::Config::load(path, &config, &errors), qPrintable(errors.join(u"; "_s)));
    const Settings::Account* read = config.account(u"work"_s);
    QVERIFY(read);
    for (const QString& key : AccountSerializer::keys())
        QCOMPARE(AccountSerializer::value(*read, key), AccountSerializer::value(a, key));
}

QTEST_MAIN(TestAccountSerializer)
#include "TestAccountSerializer.moc"
