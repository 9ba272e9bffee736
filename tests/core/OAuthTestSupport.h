#pragma once

// Shared by TestOAuthFlow and TestTokenManager: the local OAuth 2.0 server
// (tests/tools/oauth_server.py) in its own process, a "browser" that follows
// the authorization redirect to the loopback listener, and a log capture.

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSettings>
#include <QTest>
#include <QUrlQuery>
#include <memory>

namespace OAuthTest {

using namespace Qt::StringLiterals;

inline const QString kPython = u"/usr/bin/python3"_s;
inline const QString kTools = QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools");
inline const QString kClientId = u"yubisashi-test-client"_s;
inline const QString kUser = u"taro@example.test"_s;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray location;
    bool ok = false; // finished within the time limit
};

// One request, waited for while the event loop keeps running (so a flow in
// the same process can answer it).
inline HttpResult request(QNetworkAccessManager* network, const QByteArray& verb, const QUrl& url,
                          const QByteArray& form = QByteArray(), int timeoutMs = 15000)
{
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (verb == "POST")
        r.setHeader(QNetworkRequest::ContentTypeHeader,
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = verb == "POST" ? network->post(r, form) : network->get(r);
    HttpResult out;
    out.ok = QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs);
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.location = reply->rawHeader("Location");
    reply->abort();
    delete reply;
    return out;
}

class OAuthServer
{
public:
    explicit OAuthServer(const QString& dir) : m_dir(dir) {}
    ~OAuthServer() { stop(); }
    OAuthServer(const OAuthServer&) = delete;
    OAuthServer& operator=(const OAuthServer&) = delete;

    bool start(const QStringList& args, QString* error)
    {
        const QString ready = m_dir + u"/oauth.ready"_s;
        QFile::remove(ready);
        m_process.setStandardOutputFile(logPath(), QIODevice::Append);
        m_process.setStandardErrorFile(logPath(), QIODevice::Append);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.start(kPython, QStringList{kTools + u"/oauth_server.py"_s, u"--ready-file"_s, ready,
                                             u"--client-id"_s, kClientId, u"--user"_s, kUser} +
                                     args);
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QFile file(ready);
            if (file.open(QIODevice::ReadOnly)) {
                m_port = quint16(file.readAll().trimmed().toUInt());
                return m_port != 0;
            }
            if (m_process.state() == QProcess::NotRunning) {
                *error = u"oauth_server.py exited: "_s + QString::fromUtf8(log());
                return false;
            }
            QTest::qWait(20);
        }
        *error = u"oauth_server.py did not become ready"_s;
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString logPath() const { return m_dir + u"/oauth.log"_s; }
    QByteArray log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    quint16 port() const { return m_port; }
    QString base() const { return u"http://127.0.0.1:"_s + QString::number(m_port); }
    QUrl url(const QString& path) const { return QUrl(base() + path); }

    // [account.NAME] keys that point an account at this server.
    QMap<QString, QString> accountKeys() const
    {
        return {{u"oauth_client_id"_s, kClientId},
                {u"oauth_authorize_url"_s, base() + u"/authorize"_s},
                {u"oauth_token_url"_s, base() + u"/token"_s},
                {u"oauth_device_url"_s, base() + u"/devicecode"_s},
                {u"oauth_scopes"_s, u"https://outlook.office.com/SMTP.Send offline_access"_s}};
    }

    QJsonObject stats()
    {
        const HttpResult r = request(&m_network, "GET", url(u"/admin/stats"_s));
        return QJsonDocument::fromJson(r.body).object();
    }
    int grants(const char* grant) { return stats().value(QLatin1String(grant)).toInt(); }
    bool isValid(const QString& token, const QString& user = QString())
    {
        QUrlQuery q;
        q.addQueryItem(u"token"_s, QString::fromLatin1(QUrl::toPercentEncoding(token)));
        if (!user.isEmpty())
            q.addQueryItem(u"user"_s, QString::fromLatin1(QUrl::toPercentEncoding(user)));
        QUrl u = url(u"/admin/valid"_s);
        u.setQuery(q);
        return request(&m_network, "GET", u).status == 200;
    }
    bool admin(const QString& what, const QByteArray& form = QByteArray())
    {
        return request(&m_network, "POST", url(u"/admin/"_s + what), form).status == 200;
    }

    // Plays the browser: fetches the authorization URL, checks that it
    // redirects, and follows the redirect (to the loopback listener).
    // Returns the listener's answer; redirect receives the Location.
    HttpResult playBrowser(const QUrl& authorizationUrl, QUrl* redirect = nullptr)
    {
        const HttpResult authorize = request(&m_network, "GET", authorizationUrl);
        if (authorize.status != 302) {
            HttpResult failed = authorize;
            failed.ok = false;
            return failed;
        }
        const QUrl location = QUrl::fromEncoded(authorize.location);
        if (redirect)
            *redirect = location;
        return request(&m_network, "GET", location);
    }

    QNetworkAccessManager* network() { return &m_network; }

private:
    QString m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

// Writes an INI file with [account.NAME] and the given keys; returns its path.
inline QString writeIni(const QString& dir, const QString& account, const QMap<QString, QString>& keys)
{
    const QString path = dir + u"/yubisashi.ini"_s;
    QFile::remove(path);
    QSettings ini(path, QSettings::IniFormat);
    ini.beginGroup(u"account."_s + account);
    for (auto it = keys.begin(); it != keys.end(); ++it)
        ini.setValue(it.key(), it.value());
    ini.endGroup();
    ini.sync();
    return path;
}

// Every message of every category, including debug, while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines().clear();
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    QStringList lines() const
    {
        QMutexLocker lock(&s_mutex());
        return s_lines();
    }
    QString text() const { return lines().join(u'\n'); }

private:
    static QStringList& s_lines()
    {
        static QStringList lines;
        return lines;
    }
    static QMutex& s_mutex()
    {
        static QMutex mutex;
        return mutex;
    }
    static void handler(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        QMutexLocker lock(&s_mutex());
        s_lines().append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s +
                         message);
    }

    QtMessageHandler m_previous = nullptr;
};

} // namespace OAuthTest
