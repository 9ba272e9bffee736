#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace Smtp {
class SmtpClient;
struct UpstreamConfig;
} // namespace Smtp

namespace Delivery {

// Signed-in upstream connections kept open between messages, per account
// (DESIGN.md "Upstream connection reuse"). A connection is handed out again
// only for the same key: server, port, security, CA file, sign-in method,
// user and the password or token itself, so a changed password or a renewed
// token gets a new connection; and only before its validUntil (an OAuth
// access token's expiry). At most maxPerAccount connections per account, idle
// or busy; a delivery that finds none free waits, and deliveries are served
// in the order they asked. An idle connection is ended with QUIT after the
// idle timeout, and dropped when the server closes it.
class UpstreamPool : public QObject
{
    Q_OBJECT
public:
    // The default of [delivery] upstream_connections.
    static constexpr int kDefaultMaxPerAccount = 3;
    static constexpr int kIdleTimeoutMs = 30000;

    using Ready = std::function<void(Smtp::SmtpClient* client)>;

    explicit UpstreamPool(int maxPerAccount = kDefaultMaxPerAccount, QObject* parent = nullptr);
    ~UpstreamPool() override;

    // Seam for tests.
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }
    int maxPerAccount() const { return m_max; }

    // Asks for a client for account; ready is called later, from the event
    // loop, unless context is gone by then or cancel() came first. The client
    // holds an open session made with key when one is idle (unless fresh),
    // else it is new and connects at submit(). Hand it back with release().
    quint64 acquire(const QString& account, const QByteArray& key, QDeadlineTimer validUntil, bool fresh,
                    QObject* context, Ready ready);
    void cancel(quint64 ticket);
    // After the client's finished(): kept for the next message while its session is open.
    void release(Smtp::SmtpClient* client);

    // What a session is made with; the secret enters only as a hash.
    static QByteArray key(const Smtp::UpstreamConfig& config);

    // For tests and the log: connections of the account (idle and busy).
    int connectionCount(const QString& account) const;

private:
    struct Slot
    {
        Smtp::SmtpClient* client = nullptr;
        QByteArray key;
        QDeadlineTimer validUntil;
        bool busy = false;
    };
    struct Waiter
    {
        quint64 ticket = 0;
        QByteArray key;
        QDeadlineTimer validUntil;
        bool fresh = false;
        QPointer<QObject> context;
        Ready ready;
    };
    struct Account
    {
        QList<Slot> held; // idle and busy
        QList<Waiter> waiting;
    };

    void scheduleServe(const QString& account);
    void serve(const QString& account);
    void onClosed(Smtp::SmtpClient* client);
    void drop(Account& account, qsizetype index, bool quit);
    Smtp::SmtpClient* newClient(const QString& account);

    int m_max;
    int m_idleTimeoutMs = kIdleTimeoutMs;
    quint64 m_nextTicket = 1;
    QHash<QString, Account> m_accounts;
    QHash<Smtp::SmtpClient*, QString> m_owner;
    QHash<QString, bool> m_serveQueued;
};

} // namespace Delivery
