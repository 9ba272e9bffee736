#include "delivery/UpstreamPool.h"

#include "smtp/SmtpClient.h"
#include "smtp/UpstreamConfig.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QTimer>

namespace Delivery {

namespace {
Q_LOGGING_CATEGORY(lcPool, "upstream.pool")
constexpr int kQuitGraceMs = 2500; // SmtpClient waits up to 2 s for the answer to QUIT
} // namespace

UpstreamPool::UpstreamPool(int maxPerAccount, QObject* parent)
    : QObject(parent), m_max(qMax(1, maxPerAccount))
{}

UpstreamPool::~UpstreamPool()
{
    // Idle sessions say goodbye (the sockets outlive us for the QUIT grace);
    // busy clients die with their connection.
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        for (const Slot& slot : std::as_const(it->held)) {
            slot.client->disconnect(this);
            if (!slot.busy)
                slot.client->close();
            delete slot.client;
        }
    }
}

QByteArray UpstreamPool::key(const Smtp::UpstreamConfig& config)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString& field) {
        const QByteArray bytes = field.toUtf8();
        hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
        hash.addData(bytes);
    };
    add(config.host);
    add(QString::number(config.port));
    add(QString::number(int(config.security)));
    add(QString::number(int(config.auth)));
    add(config.user);
    add(config.secret);
    add(config.caFile);
    add(config.allowPlaintextAuth ? QStringLiteral("1") : QStringLiteral("0"));
    add(config.heloName);
    return hash.result();
}

quint64 UpstreamPool::acquire(const QString& account, const QByteArray& key, QDeadlineTimer validUntil,
                              bool fresh, QObject* context, Ready ready)
{
    const quint64 ticket = m_nextTicket++;
    // A fresh connection is asked for by a delivery that already had its turn (its kept one failed).
    Waiter w{ticket, key, validUntil, fresh, context, std::move(ready)};
    if (fresh)
        m_accounts[account].waiting.prepend(std::move(w));
    else
        m_accounts[account].waiting.append(std::move(w));
    scheduleServe(account);
    return ticket;
}

void UpstreamPool::cancel(quint64 ticket)
{
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        for (qsizetype i = 0; i < it->waiting.size(); ++i) {
            if (it->waiting.at(i).ticket == ticket) {
                it->waiting.removeAt(i);
                return;
            }
        }
    }
}

void UpstreamPool::release(Smtp::SmtpClient* client)
{
    const auto owner = m_owner.constFind(client);
    if (owner == m_owner.constEnd())
        return;
    const QString name = *owner;
    Account& account = m_accounts[name];
    for (qsizetype i = 0; i < account.held.size(); ++i) {
        Slot& slot = account.held[i];
        if (slot.client != client)
            continue;
        if (client->isBusy()) {
            // Handed back mid-transfer (its delivery was given up): it decides by itself.
            QObject* once = new QObject(this);
            connect(client, &Smtp::SmtpClient::finished, once, [this, client, once] {
                once->deleteLater();
                release(client);
            });
            client->abort();
            return;
        }
        if (client->isOpen() && !slot.validUntil.hasExpired()) {
            slot.busy = false;
        } else {
            drop(account, i, true);
        }
        break;
    }
    scheduleServe(name);
}

int UpstreamPool::connectionCount(const QString& account) const
{
    const auto it = m_accounts.constFind(account);
    return it == m_accounts.constEnd() ? 0 : int(it->held.size());
}

void UpstreamPool::scheduleServe(const QString& account)
{
    if (m_serveQueued.value(account))
        return;
    m_serveQueued.insert(account, true);
    QTimer::singleShot(0, this, [this, account] {
        m_serveQueued.remove(account);
        serve(account);
    });
}

Smtp::SmtpClient* UpstreamPool::newClient(const QString& account)
{
    auto* client = new Smtp::SmtpClient(this);
    client->setKeepOpen(true);
    client->setIdleTimeout(m_idleTimeoutMs);
    connect(client, &Smtp::SmtpClient::closed, this, [this, client] { onClosed(client); });
    m_owner.insert(client, account);
    return client;
}

void UpstreamPool::drop(Account& account, qsizetype index, bool quit)
{
    Smtp::SmtpClient* client = account.held.at(index).client;
    account.held.removeAt(index);
    m_owner.remove(client);
    client->disconnect(this);
    if (quit)
        client->close();
    // Later, so that a QUIT just written still leaves (the socket is the client's child).
    QTimer::singleShot(kQuitGraceMs, client, &QObject::deleteLater);
}

void UpstreamPool::onClosed(Smtp::SmtpClient* client)
{
    const auto owner = m_owner.constFind(client);
    if (owner == m_owner.constEnd())
        return;
    const QString name = *owner;
    Account& account = m_accounts[name];
    for (qsizetype i = 0; i < account.held.size(); ++i) {
        // A busy one is handed back with release(), which sees it closed.
        if (account.held.at(i).client == client && !account.held.at(i).busy) {
            drop(account, i, false);
            break;
        }
    }
    scheduleServe(name);
}

void UpstreamPool::serve(const QString& name)
{
    for (;;) {
        Account& account = m_accounts[name];
        // Idle sessions that can no longer be used go first.
        for (qsizetype i = account.held.size() - 1; i >= 0; --i) {
            const Slot& slot = account.held.at(i);
            if (!slot.busy && (!slot.client->isOpen() || slot.validUntil.hasExpired()))
                drop(account, i, true);
        }
        if (account.waiting.isEmpty())
            return;
        if (!account.waiting.constFirst().context) {
            account.waiting.removeFirst(); // its delivery is gone
            continue;
        }
        const Waiter& w = account.waiting.constFirst();
        Smtp::SmtpClient* client = nullptr;
        if (!w.fresh) {
            for (Slot& slot : account.held) {
                if (!slot.busy && slot.key == w.key) {
                    slot.busy = true;
                    client = slot.client;
                    break;
                }
            }
        }
        if (!client) {
            if (account.held.size() >= m_max) {
                // Make room by ending an idle session made for another key (or a stale one).
                qsizetype idle = -1;
                for (qsizetype i = 0; i < account.held.size() && idle < 0; ++i) {
                    if (!account.held.at(i).busy)
                        idle = i;
                }
                if (idle < 0)
                    return; // all busy: the first in line waits, and everyone behind it
                drop(account, idle, true);
            }
            client = newClient(name);
            account.held.append({client, w.key, w.validUntil, true});
            qCDebug(lcPool).noquote()
                << "account" << name << "new connection," << account.held.size() << "of" << m_max;
        }
        Waiter taken = account.waiting.takeFirst();
        // May submit at once; may not touch this pool's lists (they are re-read above).
        taken.ready(client);
    }
}

} // namespace Delivery
