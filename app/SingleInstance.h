#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One Yubisashi per user and settings file. The first start listens on a
// local socket named after both; a second start connects to it, asks the
// running one to come to the front, and ends. A socket left behind by a
// crashed instance is recognised (nobody answers) and taken over.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        Primary,   // this process is the running Yubisashi
        Secondary, // another one runs and was asked to come to the front
        Failed     // neither: error says why
    };

    // key: what makes an instance distinct (the absolute settings path).
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Per user and per key. On Unix a full path in the user's private runtime
    // folder (never the shared temp folder, where another user could take the
    // name first); on Windows a pipe name with the user's name. Empty when
    // there is no private folder.
    static QString serverNameFor(const QString& key);
    QString serverName() const { return m_name; }

    // Becomes the primary, or asks the primary to show itself. Waits at most
    // timeoutMs for the primary's answer, running a local event loop (so a
    // primary in the same thread, as in tests, can answer).
    Role start(QString* error, int timeoutMs = 3000);

signals:
    // A second start asked this (primary) instance to come to the front.
    void activationRequested();

private:
    bool askPrimary(int timeoutMs, bool* answered);

    QString m_name;
    QLocalServer* m_server = nullptr;
};
