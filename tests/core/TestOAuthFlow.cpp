// The OAuth 2.0 sign-in flows (authorization code + PKCE with a loopback
// redirect, device code) against a real local authorization server,
// tests/tools/oauth_server.py, which verifies PKCE itself.

#include "OAuthTestSupport.h"
#include "oauth/AuthorizationCodeFlow.h"
#include "oauth/DeviceCodeFlow.h"
#include "oauth/Pkce.h"
#include "oauth/Provider.h"
#include "oauth/Tokens.h"
#include "settings/AdminPolicy.h"
#include "settings/Config.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace OAuthTest;
using OAuth::AuthorizationCodeFlow;
using OAuth::DeviceCodeFlow;
using OAuth::Pkce;
using OAuth::Provider;
using OAuth::Tokens;

namespace {

// Whether a TCP connection to address:port is accepted.
bool connects(const QString& address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(address), port);
    const bool ok = socket.waitForConnected(2000);
    socket.abort();
    return ok;
}

QString b64url(const QByteArray& data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Settings::Account account(const QString& preset, const QString& host = QString())
{
    Settings::Account a;
    a.name = u"work"_s;
    a.preset = preset;
    a.host = host;
    a.user = kUser;
    return a;
}

} // namespace

class TestOAuthFlow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pkceKnownVector();
    void pkceGenerate();
    void verifierValidity_data();
    void verifierValidity();
    void providerFromSettings_data();
    void providerFromSettings();
    void providerFromPolicy();
    void addressFromIdToken_data();
    void addressFromIdToken();

    void authorizationCodeFlow();
    void redirectWithWrongStateIsIgnored();
    void declinedInBrowser();
    void signInTimesOut();
    void wrongVerifierIsRefusedByServer();

    void deviceCodeFlow();
    void deviceCodeSlowDown();
    void deviceCodeExpires();
    void deviceCodeDenied();

private:
    bool startServer(const QStringList& args = {});
    Provider localProvider() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OAuthServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestOAuthFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestOAuthFlow::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qWarning().noquote() << "oauth_server.py log:\n" << QString::fromUtf8(m_server->log());
    m_server.reset();
    m_network.reset();
    m_dir.reset();
}

bool TestOAuthFlow::startServer(const QStringList& args)
{
    m_server = std::make_unique<OAuthServer>(m_dir->path());
    QString error;
    if (!m_server->start(args, &error)) {
        qWarning().noquote() << error;
        return false;
    }
    return true;
}

Provider TestOAuthFlow::localProvider() const
{
    const QString ini = writeIni(m_dir->path(), u"work"_s, m_server->accountKeys());
    return Provider::forAccount(account(u"microsoft365"_s), ini);
}

void TestOAuthFlow::pkceKnownVector()
{
    // RFC 7636 appendix B.
    QCOMPARE(Pkce::challengeFor(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s),
             u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
}

void TestOAuthFlow::pkceGenerate()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const Pkce p = Pkce::generate();
        QVERIFY2(Pkce::isValidVerifier(p.verifier), qPrintable(p.verifier));
        QVERIFY(p.verifier.size() >= 43 && p.verifier.size() <= 128);
        QCOMPARE(p.challenge, Pkce::challengeFor(p.verifier));
        QCOMPARE(p.challenge.size(), 43); // sha256 in base64url without padding
        QVERIFY(!p.challenge.contains(u'='));
        QVERIFY(!seen.contains(p.verifier));
        seen.insert(p.verifier);
    }
}

void TestOAuthFlow::verifierValidity_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("42 characters") << QString(42, u'a') << false;
    QTest::newRow("43 characters") << QString(43, u'a') << true;
    QTest::newRow("128 characters") << QString(128, u'Z') << true;
    QTest::newRow("129 characters") << QString(129, u'Z') << false;
    QTest::newRow("unreserved marks") << (QString(40, u'0') + u"-._~"_s) << true;
    QTest::newRow("base64 plus") << (QString(43, u'a') + u"+"_s) << false;
    QTest::newRow("base64 slash") << (QString(43, u'a') + u"/"_s) << false;
    QTest::newRow("padding") << (QString(43, u'a') + u"="_s) << false;
    QTest::newRow("non-ascii") << (QString(43, u'a') + u"é"_s) << false;
}

void TestOAuthFlow::verifierValidity()
{
    QFETCH(QString, verifier);
    QFETCH(bool, valid);
    QCOMPARE(Pkce::isValidVerifier(verifier), valid);
}

void TestOAuthFlow::providerFromSettings_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("keys"); // key=value
    QTest::addColumn<QString>("authorize");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("scopes");
    QTest::addColumn<QString>("extra"); // the extra authorize parameters, k=v&...
    QTest::addColumn<bool>("usable");

    const QString ms = u"https://login.microsoftonline.com/"_s;
    const QString msScopes = u"https://outlook.office.com/SMTP.Send offline_access"_s;
    QTest::newRow("microsoft365, default tenant")
        << u"microsoft365"_s << QString() << QStringList{u"oauth_client_id=abc"_s}
        << ms + u"organizations/oauth2/v2.0/authorize"_s << ms + u"organizations/oauth2/v2.0/token"_s
        << ms + u"organizations/oauth2/v2.0/devicecode"_s << msScopes << QString() << true;
    QTest::newRow("microsoft365, tenant")
        << u"microsoft365"_s << QString()
        << QStringList{u"oauth_client_id=abc"_s, u"oauth_tenant=contoso.onmicrosoft.com"_s}
        << ms + u"contoso.onmicrosoft.com/oauth2/v2.0/authorize"_s
        << ms + u"contoso.onmicrosoft.com/oauth2/v2.0/token"_s
        << ms + u"contoso.onmicrosoft.com/oauth2/v2.0/devicecode"_s << msScopes << QString() << true;
    QTest::newRow("microsoft365 guessed from the host")
        << QString() << u"smtp.office365.com"_s << QStringList{u"oauth_client_id=abc"_s}
        << ms + u"organizations/oauth2/v2.0/authorize"_s << ms + u"organizations/oauth2/v2.0/token"_s
        << ms + u"organizations/oauth2/v2.0/devicecode"_s << msScopes << QString() << true;
    QTest::newRow("google") << u"google"_s << QString()
                            << QStringList{u"oauth_client_id=abc.apps.googleusercontent.com"_s,
                                           u"oauth_client_secret=GOCSPX-x"_s}
                            << u"https://accounts.google.com/o/oauth2/v2/auth"_s
                            << u"https://oauth2.googleapis.com/token"_s << QString()
                            << u"https://mail.google.com/"_s << u"access_type=offline&prompt=consent"_s
                            << true;
    QTest::newRow("overrides") << u"microsoft365"_s << QString()
                               << QStringList{u"oauth_client_id=abc"_s,
                                              u"oauth_authorize_url=http://127.0.0.1:1234/authorize"_s,
                                              u"oauth_token_url=http://127.0.0.1:1234/token"_s,
                                              u"oauth_device_url="_s, u"oauth_scopes=openid  email"_s}
                               << u"http://127.0.0.1:1234/authorize"_s << u"http://127.0.0.1:1234/token"_s
                               << QString() << u"openid email"_s << QString() << true;
    QTest::newRow("no client id") << u"microsoft365"_s << QString() << QStringList()
                                  << ms + u"organizations/oauth2/v2.0/authorize"_s
                                  << ms + u"organizations/oauth2/v2.0/token"_s
                                  << ms + u"organizations/oauth2/v2.0/devicecode"_s << msScopes << QString()
                                  << false;
    QTest::newRow("plain http to another host is refused")
        << u"generic"_s << u"mail.example.net"_s
        << QStringList{u"oauth_client_id=abc"_s, u"oauth_authorize_url=https://id.example.net/auth"_s,
                       u"oauth_token_url=http://id.example.net/token"_s, u"oauth_scopes=smtp"_s}
        << u"https://id.example.net/auth"_s << u"http://id.example.net/token"_s << QString() << u"smtp"_s
        << QString() << false;
    QTest::newRow("generic without endpoints")
        << u"generic"_s << u"mail.example.net"_s << QStringList{u"oauth_client_id=abc"_s} << QString()
        << QString() << QString() << QString() << QString() << false;
}

void TestOAuthFlow::providerFromSettings()
{
    QFETCH(QString, preset);
    QFETCH(QString, host);
    QFETCH(QStringList, keys);
    QMap<QString, QString> map;
    for (const QString& kv : keys)
        map.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    const QString ini = writeIni(m_dir->path(), u"work"_s, map);
    const Provider p = Provider::forAccount(account(preset, host), ini);

    QTEST(p.authorizeUrl.toString(), "authorize");
    QTEST(p.tokenUrl.toString(), "token");
    QTEST(p.deviceUrl.toString(), "device");
    QTEST(p.scopes, "scopes");
    QStringList extra;
    for (const auto& [k, v] : p.extraAuthorizeParams)
        extra << k + u'=' + v;
    QTEST(extra.join(u'&'), "extra");
    QFETCH(bool, usable);
    QVERIFY2(p.problem().isEmpty() == usable, qPrintable(p.problem()));
    if (map.contains(u"oauth_client_secret"_s))
        QCOMPARE(p.clientSecret, map.value(u"oauth_client_secret"_s));
}

// The administrator's policy reaches sign-in: [accounts] serves every account
// (also one not saved yet, as in the first-run wizard), a locked key wins over
// the user's, a recommended one does not. forAccount(account, path) reads the
// policy as the app does (YUBISASHI_POLICY_FILE in builds made for tests).
void TestOAuthFlow::providerFromPolicy()
{
    if (!Settings::AdminPolicy::honoursPolicyFileVariable())
        QSKIP("needs a build made for tests (YUBISASHI_TEST_HOOKS)");
    const QString policyPath = m_dir->filePath(u"policy.ini"_s);
    QFile policy(policyPath);
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("[accounts]\noauth_client_id=corp-client\noauth_tenant=corp.onmicrosoft.com\n\n"
                 "[recommended/accounts]\noauth_scopes=https://outlook.office.com/SMTP.Send offline_access "
                 "openid\n");
    policy.close();
    qputenv("YUBISASHI_POLICY_FILE", policyPath.toLocal8Bit());
    const auto unset = qScopeGuard([] { qunsetenv("YUBISASHI_POLICY_FILE"); });

    // An account the user's file does not have yet.
    const QString empty = m_dir->filePath(u"none.ini"_s);
    const Provider fresh = Provider::forAccount(account(u"microsoft365"_s), empty);
    QCOMPARE(fresh.clientId, u"corp-client"_s);
    QCOMPARE(fresh.authorizeUrl.toString(),
             u"https://login.microsoftonline.com/corp.onmicrosoft.com/oauth2/v2.0/authorize"_s);
    QCOMPARE(fresh.scopes, u"https://outlook.office.com/SMTP.Send offline_access openid"_s);
    QVERIFY2(fresh.problem().isEmpty(), qPrintable(fresh.problem()));

    // The user's own client ID loses to the locked one; their scopes win over the recommended ones.
    const QString ini = writeIni(m_dir->path(), u"work"_s,
                                 {{u"oauth_client_id"_s, u"mine"_s}, {u"oauth_scopes"_s, u"smtp"_s}});
    const Provider p = Provider::forAccount(account(u"microsoft365"_s), ini);
    QCOMPARE(p.clientId, u"corp-client"_s);
    QCOMPARE(p.scopes, u"smtp"_s);
}

void TestOAuthFlow::addressFromIdToken_data()
{
    QTest::addColumn<QString>("idToken");
    QTest::addColumn<QString>("address");
    const QString header = b64url(R"({"alg":"RS256"})");
    const QString sig = b64url("sig");
    QTest::newRow("google email") << header + u'.' + b64url(R"({"email":"hanako@example.jp","sub":"1"})") +
                                         u'.' + sig
                                  << u"hanako@example.jp"_s;
    QTest::newRow("microsoft preferred_username")
        << header + u'.' + b64url(R"({"preferred_username":"taro@contoso.com","name":"Taro"})") + u'.' + sig
        << u"taro@contoso.com"_s;
    QTest::newRow("no address claim") << header + u'.' + b64url(R"({"sub":"1"})") + u'.' + sig << QString();
    QTest::newRow("not a JWT") << u"abc"_s << QString();
    QTest::newRow("broken payload") << header + u".!!!."_s + sig << QString();
}

void TestOAuthFlow::addressFromIdToken()
{
    QFETCH(QString, idToken);
    QTEST(Tokens::addressFromIdToken(idToken), "address");
}

void TestOAuthFlow::authorizationCodeFlow()
{
    QVERIFY(startServer());
    AuthorizationCodeFlow flow(localProvider(), m_network.get());
    flow.setLoginHint(kUser);
    QSignalSpy succeeded(&flow, &AuthorizationCodeFlow::succeeded);
    QSignalSpy failed(&flow, &AuthorizationCodeFlow::failed);
    QUrl opened;
    flow.start([&opened](const QUrl& url) { opened = url; });
    QVERIFY(opened.isValid());
    QCOMPARE(opened, flow.authorizationUrl());

    // The authorization request.
    const QUrlQuery q(opened);
    QCOMPARE(opened.path(), u"/authorize"_s);
    QCOMPARE(q.queryItemValue(u"client_id"_s), kClientId);
    QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge"_s).size(), 43);
    QVERIFY(q.queryItemValue(u"state"_s).size() >= 32);
    QCOMPARE(q.queryItemValue(u"login_hint"_s, QUrl::FullyDecoded), kUser);
    QCOMPARE(q.queryItemValue(u"scope"_s, QUrl::FullyDecoded),
             u"https://outlook.office.com/SMTP.Send offline_access"_s);
    const QUrl redirect(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.scheme(), u"http"_s);
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QCOMPARE(redirect, flow.redirectUri());

    // The listener: 127.0.0.1 only. 127.0.0.2 is loopback too, so a listener
    // bound to Any would accept it.
    QVERIFY(flow.isListening());
    const quint16 port = quint16(redirect.port());
    QVERIFY(connects(u"127.0.0.1"_s, port));
    QVERIFY2(!connects(u"127.0.0.2"_s, port), "the redirect listener must be bound to 127.0.0.1 only");

    QUrl location;
    const HttpResult page = m_server->playBrowser(opened, &location);
    QVERIFY2(page.ok, page.body.constData());
    QCOMPARE(page.status, 200);
    QVERIFY2(page.body.contains("close this window"), page.body.constData());
    QCOMPARE(location.port(), int(port));
    QVERIFY(QUrlQuery(location).hasQueryItem(u"code"_s));

    QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 15000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const Tokens tokens = succeeded.first().first().value<Tokens>();
    QVERIFY(!tokens.accessToken.isEmpty());
    QVERIFY(!tokens.refreshToken.isEmpty());
    QCOMPARE(Tokens::addressFromIdToken(tokens.idToken), kUser);
    QVERIFY(m_server->isValid(tokens.accessToken, kUser));
    QCOMPARE(m_server->grants("authorization_code"), 1);
    QVERIFY(m_server->log().contains("PKCE verified"));

    // Closed after use.
    QVERIFY(!flow.isListening());
    QVERIFY(!connects(u"127.0.0.1"_s, port));
    QTest::qWait(50);
    QCOMPARE(succeeded.size(), 1);
    QCOMPARE(failed.size(), 0);
}

void TestOAuthFlow::redirectWithWrongStateIsIgnored()
{
    QVERIFY(startServer());
    AuthorizationCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy succeeded(&flow, &AuthorizationCodeFlow::succeeded);
    QSignalSpy failed(&flow, &AuthorizationCodeFlow::failed);
    QUrl opened;
    flow.start([&opened](const QUrl& url) { opened = url; });

    // A web page poking at the port with a forged code changes nothing.
    QUrl forged = flow.redirectUri();
    forged.setQuery(u"code=forged&state=not-the-state"_s);
    const HttpResult answer = request(m_network.get(), "GET", forged);
    QCOMPARE(answer.status, 400);
    QUrl other = flow.redirectUri();
    other.setPath(u"/favicon.ico"_s);
    QCOMPARE(request(m_network.get(), "GET", other).status, 404);
    QTest::qWait(50);
    QVERIFY(flow.isListening());
    QVERIFY(succeeded.isEmpty() && failed.isEmpty());
    QCOMPARE(m_server->grants("authorization_code"), 0);

    const HttpResult page = m_server->playBrowser(opened);
    QCOMPARE(page.status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 15000));
    QCOMPARE(succeeded.size(), 1);
}

void TestOAuthFlow::declinedInBrowser()
{
    QVERIFY(startServer());
    QVERIFY(m_server->admin(u"deny-next"_s));
    AuthorizationCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy succeeded(&flow, &AuthorizationCodeFlow::succeeded);
    QSignalSpy failed(&flow, &AuthorizationCodeFlow::failed);
    QUrl opened;
    flow.start([&opened](const QUrl& url) { opened = url; });
    const quint16 port = flow.redirectUri().port();

    const HttpResult page = m_server->playBrowser(opened);
    QCOMPARE(page.status, 200);
    QVERIFY2(page.body.contains("not completed"), page.body.constData());
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 15000));
    QVERIFY2(failed.first().first().toString().contains(u"declined"_s),
             qPrintable(failed.first().first().toString()));
    QVERIFY(succeeded.isEmpty());
    QVERIFY(!flow.isListening());
    QVERIFY(!connects(u"127.0.0.1"_s, port));
}

void TestOAuthFlow::signInTimesOut()
{
    QVERIFY(startServer());
    AuthorizationCodeFlow flow(localProvider(), m_network.get());
    flow.setTimeout(300);
    QSignalSpy failed(&flow, &AuthorizationCodeFlow::failed);
    flow.start({});
    const quint16 port = flow.redirectUri().port();
    QVERIFY(flow.isListening());
    QVERIFY(failed.wait(5000));
    QVERIFY(!flow.isListening());
    QVERIFY(!connects(u"127.0.0.1"_s, port));
}

// The other half of PKCE: a code presented without the right verifier is
// refused by the server, so this test shows the server really checks it.
void TestOAuthFlow::wrongVerifierIsRefusedByServer()
{
    QVERIFY(startServer());
    const QString challenge = Pkce::challengeFor(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s);
    QUrl authorize = m_server->url(u"/authorize"_s);
    authorize.setQuery(
        u"client_id="_s + kClientId +
        u"&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9&state=s&code_challenge="_s + challenge +
        u"&code_challenge_method=S256"_s);
    const HttpResult r = request(m_network.get(), "GET", authorize);
    QCOMPARE(r.status, 302);
    const QString code = QUrlQuery(QUrl::fromEncoded(r.location)).queryItemValue(u"code"_s);
    QVERIFY(!code.isEmpty());
    const QByteArray form =
        "grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9&client_id=" +
        kClientId.toLatin1() + "&code=" + code.toLatin1() + "&code_verifier=" + QByteArray(43, 'x');
    const HttpResult token = request(m_network.get(), "POST", m_server->url(u"/token"_s), form);
    QCOMPARE(token.status, 400);
    QVERIFY(token.body.contains("PKCE"));
}

void TestOAuthFlow::deviceCodeFlow()
{
    QVERIFY(startServer({u"--device-interval"_s, u"1"_s}));
    DeviceCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy code(&flow, &DeviceCodeFlow::codeReady);
    QSignalSpy succeeded(&flow, &DeviceCodeFlow::succeeded);
    QSignalSpy failed(&flow, &DeviceCodeFlow::failed);
    flow.start();
    QVERIFY(code.wait(10000));
    const QString userCode = code.first().at(0).toString();
    QUrl verification = code.first().at(1).toUrl();
    QCOMPARE(userCode.size(), 8);
    QCOMPARE(verification, m_server->url(u"/device"_s));
    QVERIFY(code.first().at(2).toString().contains(userCode));

    // The user takes a while: the flow keeps polling (authorization_pending)
    // and neither succeeds nor gives up meanwhile.
    QVERIFY2(QTest::qWaitFor([&] { return m_server->grants("device_code") >= 2; }, 15000),
             "the flow stopped polling before the user approved");
    QVERIFY(succeeded.isEmpty() && failed.isEmpty());
    verification.setQuery(u"user_code="_s + userCode);
    QCOMPARE(request(m_network.get(), "GET", verification).status, 200);

    QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 10000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const Tokens tokens = succeeded.first().first().value<Tokens>();
    QVERIFY(!tokens.refreshToken.isEmpty());
    QVERIFY(m_server->isValid(tokens.accessToken));
    QCOMPARE(flow.intervalSeconds(), 1);
}

void TestOAuthFlow::deviceCodeSlowDown()
{
    QVERIFY(startServer({u"--device-interval"_s, u"1"_s, u"--slow-down"_s, u"1"_s}));
    DeviceCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy code(&flow, &DeviceCodeFlow::codeReady);
    QSignalSpy succeeded(&flow, &DeviceCodeFlow::succeeded);
    flow.start();
    QVERIFY(code.wait(10000));
    QUrl verification = code.first().at(1).toUrl();
    verification.setQuery(u"user_code="_s + code.first().at(0).toString());
    QCOMPARE(request(m_network.get(), "GET", verification).status, 200);
    // The first poll (after 1 s) gets slow_down; RFC 8628 3.5: from then on
    // the flow waits 5 s longer, so the next poll comes 6 s after it.
    QVERIFY(QTest::qWaitFor([&] { return flow.intervalSeconds() != 1; }, 15000));
    QElapsedTimer sinceSlowDown;
    sinceSlowDown.start();
    QCOMPARE(flow.intervalSeconds(), 6);
    QCOMPARE(m_server->grants("device_code"), 1);
    QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty(); }, 20000));
    QVERIFY2(sinceSlowDown.elapsed() >= 5500,
             qPrintable(u"polled again %1 ms after slow_down"_s.arg(sinceSlowDown.elapsed())));
    QCOMPARE(m_server->grants("device_code"), 2);
}

void TestOAuthFlow::deviceCodeExpires()
{
    QVERIFY(startServer({u"--device-interval"_s, u"1"_s, u"--device-ttl"_s, u"2"_s}));
    DeviceCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy succeeded(&flow, &DeviceCodeFlow::succeeded);
    QSignalSpy failed(&flow, &DeviceCodeFlow::failed);
    flow.start();
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 10000));
    QVERIFY2(failed.first().first().toString().contains(u"expired"_s),
             qPrintable(failed.first().first().toString()));
    QVERIFY(succeeded.isEmpty());
}

void TestOAuthFlow::deviceCodeDenied()
{
    QVERIFY(startServer({u"--device-interval"_s, u"1"_s}));
    DeviceCodeFlow flow(localProvider(), m_network.get());
    QSignalSpy code(&flow, &DeviceCodeFlow::codeReady);
    QSignalSpy failed(&flow, &DeviceCodeFlow::failed);
    flow.start();
    QVERIFY(code.wait(10000));
    QUrl verification = code.first().at(1).toUrl();
    verification.setQuery(u"deny=1&user_code="_s + code.first().at(0).toString());
    QCOMPARE(request(m_network.get(), "GET", verification).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 10000));
    QVERIFY(failed.first().first().toString().contains(u"declined"_s));
}

QTEST_GUILESS_MAIN(TestOAuthFlow)
#include "TestOAuthFlow.moc"
