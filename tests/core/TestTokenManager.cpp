// TokenManager against the local OAuth server (tests/tools/oauth_server.py),
// a real file secret store, and, for the 535 path, SmtpClient talking to
// tests/tools/upstream.py with XOAUTH2 checked against the OAuth server.

#include "OAuthTestSupport.h"
#include "oauth/TokenManager.h"
#include "settings/Config.h"
#include "settings/SecretStore.h"
#include "smtp/SmtpClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using namespace OAuthTest;
using OAuth::TokenManager;
using State = OAuth::TokenManager::State;

namespace {

const QString kAccount = u"work"_s;

struct TokenAnswer
{
    bool called = false;
    std::optional<QString> token;
    QString error;
    bool needsSignIn = false;
    bool synchronous = false; // the callback ran inside the call: not allowed
};

// Starts a request; the answer fills in later (from the event loop).
std::shared_ptr<TokenAnswer> ask(TokenManager* manager, const QString& rejected = QString())
{
    auto answer = std::make_shared<TokenAnswer>();
    auto done = [answer](const std::optional<QString>& token, const QString& error, bool needsSignIn) {
        QVERIFY(!answer->called);
        answer->called = true;
        answer->token = token;
        answer->error = error;
        answer->needsSignIn = needsSignIn;
    };
    if (rejected.isEmpty())
        manager->accessToken(done);
    else
        manager->tokenRejected(rejected, done);
    answer->synchronous = answer->called;
    return answer;
}

TokenAnswer waitFor(const std::shared_ptr<TokenAnswer>& answer)
{
    if (answer->synchronous) {
        qWarning("the callback ran inside accessToken()/tokenRejected()");
        return TokenAnswer();
    }
    if (!QTest::qWaitFor([&] { return answer->called; }, 15000))
        return TokenAnswer();
    return *answer;
}

// upstream.py in plain mode, accepting the XOAUTH2 tokens the OAuth server calls valid.
class Upstream
{
public:
    explicit Upstream(const QString& dir) : m_dir(dir) {}
    ~Upstream()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Upstream(const Upstream&) = delete;
    Upstream& operator=(const Upstream&) = delete;

    bool start(const QString& validateUrl, QString* error)
    {
        const QString ready = m_dir + u"/upstream.ready"_s;
        m_process.setStandardOutputFile(logPath(), QIODevice::Append);
        m_process.setStandardErrorFile(logPath(), QIODevice::Append);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.start(kPython, {kTools + u"/upstream.py"_s, u"--port"_s, u"0"_s, u"--mode"_s, u"plain"_s,
                                  u"--ready-file"_s, ready, u"--maildir"_s, m_dir + u"/maildir"_s,
                                  u"--xoauth2-validate"_s, validateUrl});
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QFile file(ready);
            if (file.open(QIODevice::ReadOnly)) {
                m_port = quint16(file.readAll().trimmed().toUInt());
                return m_port != 0;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(20);
        }
        *error = u"upstream.py did not start: "_s + QString::fromUtf8(log());
        return false;
    }
    QString logPath() const { return m_dir + u"/upstream.log"_s; }
    QByteArray log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    quint16 port() const { return m_port; }

private:
    QString m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

Smtp::SubmitResult submit(quint16 port, const QString& user, const QString& token)
{
    Smtp::UpstreamConfig config;
    config.host = u"127.0.0.1"_s;
    config.port = port;
    config.security = Smtp::Security::None;
    config.auth = Smtp::AuthMethod::XOAuth2;
    config.user = user;
    config.secret = token;
    config.commandTimeoutMs = 15000;
    Smtp::Envelope envelope;
    envelope.mailFrom = kUser;
    envelope.recipients = {u"hanako@example.net"_s};
    Smtp::SmtpClient client;
    std::optional<Smtp::SubmitResult> result;
    QObject context;
    QObject::connect(&client, &Smtp::SmtpClient::finished, &context,
                     [&result](const Smtp::SubmitResult& r) { result = r; });
    client.submit(config, envelope,
                  "From: <taro@example.test>\r\nTo: <hanako@example.net>\r\nSubject: t\r\n\r\nhi\r\n");
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
        Smtp::SubmitResult timeout;
        timeout.detail = u"no result"_s;
        return timeout;
    }
    return *result;
}

} // namespace

class TestTokenManager : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void notSignedIn();
    void configurationProblem();
    void signInKeepsOnlyTheRefreshToken();
    void refreshesShortlyBeforeExpiry();
    void concurrentRequestsShareOneRefresh();
    void rotatedRefreshTokenIsStored();
    void revokedRefreshTokenNeedsSignIn();
    void unreachableServerIsAnError();
    void deviceCodeSignIn();
    void rejectedTokenIsRefreshedOnceThenNeedsSignIn();
    void nothingSecretInLogsOrSettings();

private:
    bool startServer(const QStringList& args = {});
    std::unique_ptr<TokenManager> makeManager(const QMap<QString, QString>& extraKeys = {});
    // Signs in through the browser flow, playing the browser; returns the redirect URL seen.
    bool signIn(TokenManager* manager, QUrl* redirect = nullptr);
    std::optional<QString> storedRefreshToken();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OAuthServer> m_server;
    std::unique_ptr<Settings::FileSecretStore> m_secrets;
    QString m_iniPath;
};

void TestTokenManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<Settings::FileSecretStore>(m_dir->filePath(u"secrets.ini"_s));
}

void TestTokenManager::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qWarning().noquote() << "oauth_server.py log:\n" << QString::fromUtf8(m_server->log());
    m_server.reset();
    m_secrets.reset();
    m_dir.reset();
}

bool TestTokenManager::startServer(const QStringList& args)
{
    m_server = std::make_unique<OAuthServer>(m_dir->path());
    QString error;
    if (!m_server->start(args, &error)) {
        qWarning().noquote() << error;
        return false;
    }
    return true;
}

std::unique_ptr<TokenManager> TestTokenManager::makeManager(const QMap<QString, QString>& extraKeys)
{
    QMap<QString, QString> keys = m_server ? m_server->accountKeys() : QMap<QString, QString>();
    keys.insert(extraKeys);
    keys.insert(u"preset"_s, u"microsoft365"_s);
    keys.insert(u"auth"_s, u"xoauth2"_s);
    keys.insert(u"user"_s, kUser);
    m_iniPath = writeIni(m_dir->path(), kAccount, keys);
    Settings::Account account;
    account.name = kAccount;
    account.preset = u"microsoft365"_s;
    account.user = kUser;
    return std::make_unique<TokenManager>(account, m_iniPath, m_secrets.get());
}

bool TestTokenManager::signIn(TokenManager* manager, QUrl* redirect)
{
    QSignalSpy finished(manager, &TokenManager::signInFinished);
    QUrl opened;
    manager->setBrowserOpener([&opened](const QUrl& url) { opened = url; });
    manager->signIn();
    if (!opened.isValid() || !manager->isSigningIn())
        return false;
    const HttpResult page = m_server->playBrowser(opened, redirect);
    if (page.status != 200)
        return false;
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 15000))
        return false;
    if (!finished.first().at(0).toBool())
        qWarning().noquote() << "sign-in failed:" << finished.first().at(1).toString();
    return finished.first().at(0).toBool() && !manager->isSigningIn();
}

std::optional<QString> TestTokenManager::storedRefreshToken()
{
    QString error;
    return m_secrets->read(kAccount + u"/refresh_token"_s, &error);
}

void TestTokenManager::notSignedIn()
{
    QVERIFY(startServer());
    auto manager = makeManager();
    QCOMPARE(manager->state(), State::NeedsSignIn);
    QVERIFY(!manager->errorText().isEmpty());
    const TokenAnswer a = waitFor(ask(manager.get()));
    QVERIFY(a.called);
    QVERIFY(!a.token);
    QVERIFY(a.needsSignIn);
    QCOMPARE(m_server->grants("refresh_token"), 0);

    // A refresh token already in the store (signed in before a restart).
    QString error;
    QVERIFY(m_secrets->write(kAccount + u"/refresh_token"_s, u"rt-unknown"_s, &error));
    auto again = makeManager();
    QCOMPARE(again->state(), State::SignedIn);
    QCOMPARE(again->address(), kUser);
}

void TestTokenManager::configurationProblem()
{
    // No oauth_client_id: the manager says what the administrator must set.
    Settings::Account account;
    account.name = kAccount;
    account.preset = u"microsoft365"_s;
    m_iniPath = writeIni(m_dir->path(), kAccount, {{u"preset"_s, u"microsoft365"_s}});
    TokenManager manager(account, m_iniPath, m_secrets.get());
    QCOMPARE(manager.state(), State::Error);
    QVERIFY(manager.errorText().contains(u"oauth_client_id"_s));
    const TokenAnswer a = waitFor(ask(&manager));
    QVERIFY(a.called && !a.token && !a.needsSignIn);
    QVERIFY(a.error.contains(u"oauth_client_id"_s));

    QSignalSpy finished(&manager, &TokenManager::signInFinished);
    bool opened = false;
    manager.setBrowserOpener([&opened](const QUrl&) { opened = true; });
    manager.signIn();
    QVERIFY(finished.wait(5000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(!opened);
}

void TestTokenManager::signInKeepsOnlyTheRefreshToken()
{
    QVERIFY(startServer());
    auto manager = makeManager();
    QSignalSpy states(manager.get(), &TokenManager::stateChanged);
    QVERIFY(signIn(manager.get()));
    QCOMPARE(manager->state(), State::SignedIn);
    QCOMPARE(states.size(), 1);
    QCOMPARE(manager->address(), kUser);
    QCOMPARE(manager->user(), kUser);
    QVERIFY(manager->pendingRedirectUri().isEmpty());

    const std::optional<QString> refresh = storedRefreshToken();
    QVERIFY(refresh && refresh->startsWith(u"rt-"_s));

    // The access token from the sign-in is used as is: no refresh yet.
    const TokenAnswer a = waitFor(ask(manager.get()));
    QVERIFY(a.token);
    QVERIFY(m_server->isValid(*a.token, kUser));
    QCOMPARE(m_server->grants("refresh_token"), 0);

    // A new manager (a restart) has only the refresh token, and refreshes.
    auto restarted = makeManager();
    QCOMPARE(restarted->state(), State::SignedIn);
    const TokenAnswer b = waitFor(ask(restarted.get()));
    QVERIFY(b.token);
    QVERIFY(*b.token != *a.token);
    QVERIFY(m_server->isValid(*b.token, kUser));
    QCOMPARE(m_server->grants("refresh_token"), 1);
}

void TestTokenManager::refreshesShortlyBeforeExpiry()
{
    // Tokens live 6 s; the manager renews when less than half the lifetime is
    // left. The waits are measured from the sign-in: issued after signingIn
    // started, received before it returned. The margins (3 s for the token to
    // stay valid, 3 s for the first answers) hold on a slow sanitizer run.
    constexpr qint64 kTtlMs = 6000;
    QVERIFY(startServer({u"--access-ttl"_s, QString::number(kTtlMs / 1000)}));
    auto manager = makeManager();
    QElapsedTimer signingIn;
    signingIn.start();
    QVERIFY(signIn(manager.get()));
    QElapsedTimer signedIn;
    signedIn.start();
    const TokenAnswer first = waitFor(ask(manager.get()));
    QVERIFY(first.token);
    const TokenAnswer same = waitFor(ask(manager.get()));
    QVERIFY2(signingIn.elapsed() < kTtlMs / 2, "too slow to ask before half the lifetime");
    QCOMPARE(same.token, first.token);
    QCOMPARE(m_server->grants("refresh_token"), 0);

    // Past half the lifetime by the manager's clock, while the token is still valid.
    QTest::qWait(int(qMax<qint64>(0, kTtlMs / 2 + 200 - signedIn.elapsed())));
    const TokenAnswer renewed = waitFor(ask(manager.get()));
    QVERIFY(renewed.token);
    QVERIFY2(signingIn.elapsed() < kTtlMs - 500, "too slow to judge: the first token may have expired");
    QVERIFY2(m_server->isValid(*first.token), "renewed only after the first token had expired");
    QVERIFY(*renewed.token != *first.token);
    QCOMPARE(m_server->grants("refresh_token"), 1);
    QVERIFY(m_server->isValid(*renewed.token, kUser));
    QCOMPARE(manager->state(), State::SignedIn);

    // Once the old token has expired at the server, the manager never hands it out.
    QTest::qWait(int(qMax<qint64>(0, kTtlMs + 200 - signedIn.elapsed())));
    QVERIFY(!m_server->isValid(*first.token));
    const TokenAnswer later = waitFor(ask(manager.get()));
    QVERIFY(later.token && m_server->isValid(*later.token));
    QVERIFY(*later.token != *first.token);
}

void TestTokenManager::concurrentRequestsShareOneRefresh()
{
    QVERIFY(startServer());
    auto signer = makeManager();
    QVERIFY(signIn(signer.get()));
    signer.reset();
    auto manager = makeManager(); // has the refresh token only
    const auto a = ask(manager.get());
    const auto b = ask(manager.get());
    const auto c = ask(manager.get());
    QVERIFY(waitFor(a).token && waitFor(b).token && waitFor(c).token);
    QCOMPARE(a->token, b->token);
    QCOMPARE(b->token, c->token);
    QCOMPARE(m_server->grants("refresh_token"), 1);
}

void TestTokenManager::rotatedRefreshTokenIsStored()
{
    QVERIFY(startServer({u"--rotate-refresh"_s}));
    auto signer = makeManager();
    QVERIFY(signIn(signer.get()));
    signer.reset();
    const std::optional<QString> before = storedRefreshToken();
    auto manager = makeManager();
    QVERIFY(waitFor(ask(manager.get())).token);
    const std::optional<QString> after = storedRefreshToken();
    QVERIFY(before && after);
    QVERIFY(*before != *after);
}

void TestTokenManager::revokedRefreshTokenNeedsSignIn()
{
    QVERIFY(startServer());
    auto manager = makeManager();
    QVERIFY(signIn(manager.get()));
    QSignalSpy needed(manager.get(), &TokenManager::signInNeeded);

    // Revoked (say, the password changed) and the access token has run out.
    QVERIFY(m_server->admin(u"revoke"_s));
    QVERIFY(m_server->admin(u"expire"_s));
    auto restarted = makeManager(); // forgets the in-memory access token
    QSignalSpy restartedNeeded(restarted.get(), &TokenManager::signInNeeded);
    const TokenAnswer a = waitFor(ask(restarted.get()));
    QVERIFY(a.called);
    QVERIFY(!a.token);
    QVERIFY(a.needsSignIn);
    QVERIFY(!a.error.isEmpty());
    QCOMPARE(restarted->state(), State::NeedsSignIn);
    QCOMPARE(restartedNeeded.size(), 1);
    QCOMPARE(restartedNeeded.first().at(0).toString(), kAccount);
    QVERIFY2(!storedRefreshToken(), "a refused refresh token is removed from the store");

    // Asked again: still waiting for the user, no new request to the server, no second notification.
    const int refreshes = m_server->grants("refresh_token");
    const TokenAnswer b = waitFor(ask(restarted.get()));
    QVERIFY(b.needsSignIn && !b.token);
    QCOMPARE(m_server->grants("refresh_token"), refreshes);
    QCOMPARE(restartedNeeded.size(), 1);

    // Signing in again makes it work.
    QVERIFY(signIn(restarted.get()));
    QCOMPARE(restarted->state(), State::SignedIn);
    const TokenAnswer c = waitFor(ask(restarted.get()));
    QVERIFY(c.token);
    QVERIFY(m_server->isValid(*c.token, kUser));
    QVERIFY(storedRefreshToken());
    QCOMPARE(needed.size(), 0);
}

void TestTokenManager::unreachableServerIsAnError()
{
    QVERIFY(startServer());
    auto signer = makeManager();
    QVERIFY(signIn(signer.get()));
    signer.reset();
    auto manager = makeManager();
    m_server->stop();
    const TokenAnswer a = waitFor(ask(manager.get()));
    QVERIFY(a.called && !a.token);
    QVERIFY2(!a.needsSignIn, "a server that cannot be reached is no reason to sign in again");
    QCOMPARE(manager->state(), State::Error);
    QVERIFY(!manager->errorText().isEmpty());
    QVERIFY2(storedRefreshToken(), "the refresh token is kept");
}

void TestTokenManager::deviceCodeSignIn()
{
    QVERIFY(startServer({u"--device-interval"_s, u"1"_s}));
    auto manager = makeManager();
    QVERIFY(manager->deviceCodeAvailable());
    QSignalSpy code(manager.get(), &TokenManager::deviceCodeReady);
    QSignalSpy finished(manager.get(), &TokenManager::signInFinished);
    manager->signInWithDeviceCode();
    QVERIFY(code.wait(10000));
    QUrl verification = code.first().at(1).toUrl();
    verification.setQuery(u"user_code="_s + code.first().at(0).toString());
    QCOMPARE(request(m_server->network(), "GET", verification).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(manager->state(), State::SignedIn);
    QVERIFY(storedRefreshToken());
    const TokenAnswer a = waitFor(ask(manager.get()));
    QVERIFY(a.token && m_server->isValid(*a.token));
}

// The XOAUTH2 failure exchange through SmtpClient (334 with a JSON error, an
// empty reply, 535), then: refresh once and retry; refused again: sign in.
void TestTokenManager::rejectedTokenIsRefreshedOnceThenNeedsSignIn()
{
    QVERIFY(startServer());
    Upstream upstream(m_dir->path());
    QString error;
    QVERIFY2(upstream.start(m_server->base() + u"/admin/valid"_s, &error), qPrintable(error));
    auto manager = makeManager();
    QVERIFY(signIn(manager.get()));

    const TokenAnswer first = waitFor(ask(manager.get()));
    QVERIFY(first.token);
    Smtp::SubmitResult r = submit(upstream.port(), manager->user(), *first.token);
    QVERIFY2(r.delivered(), qPrintable(r.detail + u"\n"_s + QString::fromUtf8(upstream.log())));

    // The server ends the token early (as Microsoft does after a policy change).
    QVERIFY(m_server->admin(u"expire"_s));
    r = submit(upstream.port(), manager->user(), *first.token);
    QCOMPARE(r.kind, Smtp::SubmitResult::Kind::Configuration);
    QCOMPARE(r.reply.code, 535);
    QVERIFY2(r.detail.contains(u"\"status\": \"401\""_s), qPrintable(r.detail)); // the 334 challenge was read
    QVERIFY(upstream.log().contains("XOAUTH2 refused"));

    const TokenAnswer retry = waitFor(ask(manager.get(), *first.token));
    QVERIFY(retry.token);
    QVERIFY(*retry.token != *first.token);
    QCOMPARE(m_server->grants("refresh_token"), 1);
    r = submit(upstream.port(), manager->user(), *retry.token);
    QVERIFY2(r.delivered(), qPrintable(r.detail));

    // Refused again right after the renewal: only a new sign-in can help.
    QVERIFY(m_server->admin(u"expire"_s));
    r = submit(upstream.port(), manager->user(), *retry.token);
    QCOMPARE(r.reply.code, 535);
    QSignalSpy needed(manager.get(), &TokenManager::signInNeeded);
    const TokenAnswer second = waitFor(ask(manager.get(), *retry.token));
    QVERIFY(!second.token);
    QVERIFY(second.needsSignIn);
    QCOMPARE(manager->state(), State::NeedsSignIn);
    QCOMPARE(needed.size(), 1);
    QCOMPARE(m_server->grants("refresh_token"), 1);
    const TokenAnswer still = waitFor(ask(manager.get()));
    QVERIFY(still.needsSignIn && !still.token);

    QVERIFY(signIn(manager.get()));
    const TokenAnswer fresh = waitFor(ask(manager.get()));
    QVERIFY(fresh.token);
    r = submit(upstream.port(), manager->user(), *fresh.token);
    QVERIFY2(r.delivered(), qPrintable(r.detail));
}

void TestTokenManager::nothingSecretInLogsOrSettings()
{
    LogCapture capture;
    QVERIFY(startServer({u"--access-ttl"_s, u"2"_s, u"--rotate-refresh"_s}));
    auto manager = makeManager();
    QStringList secrets;
    QUrl redirect;
    QVERIFY(signIn(manager.get(), &redirect));
    secrets << QUrlQuery(redirect).queryItemValue(u"code"_s)
            << QUrlQuery(redirect).queryItemValue(u"state"_s);
    secrets << *storedRefreshToken();
    QString last;
    for (int i = 0; i < 3; ++i) {
        const TokenAnswer a = waitFor(ask(manager.get()));
        QVERIFY(a.token);
        last = *a.token;
        secrets << *a.token << *storedRefreshToken();
        QTest::qWait(1100); // past half the lifetime: the next call refreshes
    }
    const TokenAnswer rejected = waitFor(ask(manager.get(), last));
    QVERIFY(rejected.token);
    secrets << *rejected.token;
    QVERIFY(m_server->admin(u"revoke"_s));
    QVERIFY(m_server->admin(u"expire"_s));
    QTest::qWait(1100);
    QVERIFY(waitFor(ask(manager.get())).needsSignIn);

    secrets.removeDuplicates();
    QVERIFY(secrets.size() >= 6);
    const QString logs = capture.text();
    QVERIFY2(logs.contains(u"yubisashi.oauth"_s) && logs.contains(u"renewed"_s), qPrintable(logs));
    for (const QString& secret : std::as_const(secrets)) {
        QVERIFY(secret.size() >= 16);
        QVERIFY2(!logs.contains(secret), qPrintable(u"secret in the log:\n"_s + logs));
    }
    QFile ini(m_iniPath);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settings = ini.readAll();
    QVERIFY(settings.contains("oauth_client_id"));
    for (const QString& secret : std::as_const(secrets))
        QVERIFY2(!settings.contains(secret.toUtf8()), "a token was written to the settings file");
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "TestTokenManager.moc"
