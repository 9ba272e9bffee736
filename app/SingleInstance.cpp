#include "SingleInstance.h"

#include "SingleInstanceName.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "app.instance")

namespace {

constexpr char kActivate[] = "activate\n";
constexpr char kAnswer[] = "ok\n";

QString userName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user + u'|' + QDir::homePath();
}

} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent), m_name(serverNameFor(key))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString& key)
{
    const QByteArray hash =
        QCryptographicHash::hash((userName() + u'|' + key).toUtf8(), QCryptographicHash::Sha256).toHex();
    return SingleInstanceName::make(QString::fromLatin1(hash.left(24)));
}

bool SingleInstance::askPrimary(int timeoutMs, bool* answered)
{
    *answered = false;
    QLocalSocket socket;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QLocalSocket::connected, &loop, [&socket] { socket.write(kActivate); });
    QObject::connect(&socket, &QLocalSocket::readyRead, &loop, [&] {
        if (socket.canReadLine()) {
            *answered = socket.readLine() == kAnswer;
            loop.quit();
        }
    });
    QObject::connect(&socket, &QLocalSocket::errorOccurred, &loop, [&loop] { loop.quit(); });
    QObject::connect(&socket, &QLocalSocket::disconnected, &loop, [&loop] { loop.quit(); });
    socket.connectToServer(m_name);
    deadline.start(timeoutMs);
    if (socket.state() != QLocalSocket::UnconnectedState)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    // Connected at all means someone listens, even if it did not answer in time.
    const bool someoneListens = *answered || socket.state() == QLocalSocket::ConnectedState;
    socket.abort();
    return someoneListens;
}

SingleInstance::Role SingleInstance::start(QString* error, int timeoutMs)
{
    if (m_name.isEmpty()) {
        *error = tr("Yubisashi cannot make sure it runs only once: there is no private folder for it. Set "
                    "XDG_RUNTIME_DIR to a folder that only you can use.");
        return Role::Failed;
    }
    if (SingleInstanceName::tooLong(m_name)) {
        *error = tr("Yubisashi cannot make sure it runs only once: the path of its private folder is too "
                    "long (%1). Set XDG_RUNTIME_DIR to a shorter folder that only you can use.")
                     .arg(QFileInfo(m_name).absolutePath());
        return Role::Failed;
    }
    bool answered = false;
    if (askPrimary(timeoutMs, &answered)) {
        if (!answered) {
            *error = tr("Another Yubisashi is running but does not answer. If it hangs, end it and start "
                        "Yubisashi again.");
            return Role::Failed;
        }
        return Role::Secondary;
    }

    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // Nobody answered, so the socket file is left over from a crash.
        qCInfo(lcInstance) << "removing a stale instance socket:" << m_name;
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            *error = tr("Yubisashi cannot make sure it runs only once (%1).").arg(m_server->errorString());
            delete m_server;
            m_server = nullptr;
            return Role::Failed;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (!client->canReadLine())
                    return;
                if (client->readLine() == kActivate) {
                    client->write(kAnswer);
                    client->flush();
                    emit activationRequested();
                }
                client->disconnectFromServer();
            });
        }
    });
    return Role::Primary;
}
