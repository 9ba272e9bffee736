// "Test connection" against a real server: tests/tools/upstream.py (aiosmtpd)
// in its own process, with certificates made by tests/tools/pki.sh
// (UpstreamTestSupport.h, shared with TestSmtpClient).

#include "UpstreamTestSupport.h"
#include "delivery/ConnectionTest.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Delivery::ConnectionTest;
using Start = Delivery::ConnectionTest::Start;
using UpstreamTest::kPython;
using UpstreamTest::kTools;
using UpstreamTest::Upstream;

namespace {

const QString kUser = u"taro@example.test"_s;
const QString kPassword = u"Pa55-w0rd:with colon"_s;
const QString kToken = u"ya29.test-access-token"_s;

} // namespace

class TestConnectionTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void againstAServer_data();
    void againstAServer();
    void storedPasswordWhenNoneIsTyped();
    void missingSecretsStartNothing_data();
    void missingSecretsStartNothing();
    void aSecondTestReplacesTheFirst();

private:
    Upstream* startUpstream(const QString& mode, bool auth);
    Settings::Account account(const Upstream& up, Smtp::Security security, Smtp::AuthMethod auth) const;
    // Runs a started test to its end: {ok, text}.
    static bool finish(QSignalSpy& spy, bool* ok, QString* text);

    QTemporaryDir m_tmp;
    QString m_pki;
    std::vector<std::unique_ptr<Upstream>> m_upstreams;
    int m_count = 0;
};

void TestConnectionTest::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QLoggingCategory::setFilterRules(u"upstream.debug=false"_s);
    QVERIFY2(QFile::exists(kPython), "needs /usr/bin/python3 with python3-aiosmtpd");
    m_pki = m_tmp.filePath(u"pki"_s);
    QProcess pki;
    pki.start(u"bash"_s, {kTools + u"/pki.sh"_s, m_pki});
    QVERIFY(pki.waitForFinished(60000));
    QVERIFY2(pki.exitCode() == 0, pki.readAllStandardError().constData());
}

void TestConnectionTest::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const auto& up : m_upstreams)
            qWarning().noquote() << "upstream log:\n" << QString::fromUtf8(up->log().right(4000));
    }
    m_upstreams.clear();
}

Upstream* TestConnectionTest::startUpstream(const QString& mode, bool auth)
{
    QStringList args{
        u"--mode"_s, mode, u"--cert"_s, m_pki + u"/server.pem"_s, u"--key"_s, m_pki + u"/server.key"_s};
    if (auth)
        args << u"--auth"_s << kUser + u':' + kPassword << u"--xoauth2"_s << kUser + u':' + kToken;
    auto up = std::make_unique<Upstream>(m_tmp.filePath(u"upstream%1"_s.arg(++m_count)));
    QString error;
    if (!up->start(args, &error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    m_upstreams.push_back(std::move(up));
    return m_upstreams.back().get();
}

Settings::Account TestConnectionTest::account(const Upstream& up, Smtp::Security security,
                                              Smtp::AuthMethod auth) const
{
    Settings::Account a;
    a.name = u"work"_s;
    a.host = u"localhost"_s;
    a.port = up.port();
    a.security = security;
    a.auth = auth;
    a.user = kUser;
    a.caFile = m_pki + u"/ca.pem"_s;
    return a;
}

bool TestConnectionTest::finish(QSignalSpy& spy, bool* ok, QString* text)
{
    if (!spy.wait(60000) || spy.size() != 1)
        return false;
    QTest::qWait(50); // a second finished() would arrive now
    if (spy.size() != 1)
        return false;
    *ok = spy.at(0).at(0).toBool();
    *text = spy.at(0).at(1).toString();
    return true;
}

void TestConnectionTest::againstAServer_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("text");
    QTest::newRow("starttls, login") << u"starttls"_s << int(Smtp::AuthMethod::Login) << kPassword << true
                                     << u"It works: the server localhost accepted the sign-in."_s;
    QTest::newRow("tls, xoauth2") << u"tls"_s << int(Smtp::AuthMethod::XOAuth2) << kToken << true
                                  << u"It works: the server localhost accepted the sign-in."_s;
    QTest::newRow("starttls, no sign-in") << u"starttls"_s << int(Smtp::AuthMethod::None) << QString() << true
                                          << u"It works: the server localhost answered."_s;
    QTest::newRow("wrong password") << u"starttls"_s << int(Smtp::AuthMethod::Plain) << u"nope"_s << false
                                    << u"It did not work. "_s;
}

void TestConnectionTest::againstAServer()
{
    QFETCH(QString, mode);
    QFETCH(int, auth);
    QFETCH(QString, secret);
    QFETCH(bool, expected);
    QFETCH(QString, text);
    const auto method = Smtp::AuthMethod(auth);
    Upstream* up = startUpstream(mode, method != Smtp::AuthMethod::None);
    QVERIFY(up);
    ConnectionTest test;
    QSignalSpy spy(&test, &ConnectionTest::finished);
    ConnectionTest::Secrets secrets;
    if (method == Smtp::AuthMethod::XOAuth2)
        secrets.accessToken = [secret] {
            return secret;
        };
    else
        secrets.typedPassword = secret;
    QString now;
    QCOMPARE(
        test.start(account(*up, mode == u"tls"_s ? Smtp::Security::Tls : Smtp::Security::StartTls, method),
                   secrets, &now),
        Start::Started);
    QCOMPARE(now, u"Connecting to localhost…"_s);
    QVERIFY(spy.isEmpty()); // never from inside start()
    bool ok = false;
    QString result;
    QVERIFY(finish(spy, &ok, &result));
    QCOMPARE(ok, expected);
    if (expected)
        QCOMPARE(result, text);
    else
        QVERIFY2(result.startsWith(text) && result.size() > text.size(), qPrintable(result));
    QTRY_VERIFY_WITH_TIMEOUT(up->received("QUIT"), 5000);
    QVERIFY(!up->received("MAIL")); // nothing is sent
}

void TestConnectionTest::storedPasswordWhenNoneIsTyped()
{
    Upstream* up = startUpstream(u"starttls"_s, true);
    QVERIFY(up);
    ConnectionTest test;
    QSignalSpy spy(&test, &ConnectionTest::finished);
    ConnectionTest::Secrets secrets;
    int asked = 0;
    secrets.storedPassword = [&asked]() -> std::optional<QString> {
        ++asked;
        return kPassword;
    };
    QString now;
    QCOMPARE(test.start(account(*up, Smtp::Security::StartTls, Smtp::AuthMethod::Login), secrets, &now),
             Start::Started);
    QCOMPARE(asked, 1);
    bool ok = false;
    QString result;
    QVERIFY(finish(spy, &ok, &result));
    QVERIFY2(ok, qPrintable(result));

    // A typed password wins over the stored one.
    secrets.typedPassword = u"nope"_s;
    spy.clear();
    QCOMPARE(test.start(account(*up, Smtp::Security::StartTls, Smtp::AuthMethod::Login), secrets, &now),
             Start::Started);
    QCOMPARE(asked, 1);
    QVERIFY(finish(spy, &ok, &result));
    QVERIFY(!ok);
}

void TestConnectionTest::missingSecretsStartNothing_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<bool>("storedIsEmpty");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("text");
    QTest::newRow("login, nothing typed, nothing stored")
        << int(Smtp::AuthMethod::Login) << false << int(Start::NeedsPassword)
        << u"Enter the password first."_s;
    QTest::newRow("plain, the stored one is empty")
        << int(Smtp::AuthMethod::Plain) << true << int(Start::NeedsPassword)
        << u"Enter the password first."_s;
    QTest::newRow("xoauth2, not signed in")
        << int(Smtp::AuthMethod::XOAuth2) << false << int(Start::NeedsSignIn)
        << u"Sign in first; then the connection can be tested."_s;
}

void TestConnectionTest::missingSecretsStartNothing()
{
    QFETCH(int, auth);
    QFETCH(bool, storedIsEmpty);
    QFETCH(int, expected);
    QFETCH(QString, text);
    Settings::Account a;
    a.host = u"localhost"_s;
    a.port = 1; // never connected to
    a.auth = Smtp::AuthMethod(auth);
    ConnectionTest::Secrets secrets;
    if (storedIsEmpty)
        secrets.storedPassword = [] {
            return std::optional<QString>(QString());
        };
    ConnectionTest test;
    QSignalSpy spy(&test, &ConnectionTest::finished);
    QString now;
    QCOMPARE(int(test.start(a, secrets, &now)), expected);
    QCOMPARE(now, text);
    QTest::qWait(100);
    QVERIFY(spy.isEmpty());
}

void TestConnectionTest::aSecondTestReplacesTheFirst()
{
    Upstream* up = startUpstream(u"starttls"_s, true);
    QVERIFY(up);
    ConnectionTest test;
    QSignalSpy spy(&test, &ConnectionTest::finished);
    ConnectionTest::Secrets secrets;
    secrets.typedPassword = kPassword;
    QString now;
    const Settings::Account a = account(*up, Smtp::Security::StartTls, Smtp::AuthMethod::Login);
    QCOMPARE(test.start(a, secrets, &now), Start::Started);
    QCOMPARE(test.start(a, secrets, &now), Start::Started);
    bool ok = false;
    QString result;
    QVERIFY(finish(spy, &ok, &result)); // exactly one answer: the first test was abandoned
    QVERIFY2(ok, qPrintable(result));
}

QTEST_MAIN(TestConnectionTest)
#include "TestConnectionTest.moc"
