#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace Settings {

struct Config;
class LocalCredentials;

// `yubisashi client-setup`: what to enter in a mail program's outgoing
// (SMTP) server settings: 127.0.0.1, the listener's port, and the local user
// name and password of each account; in test mode, where the messages go instead.
//
// text() is for people (translated). The other formats are for programs and
// scripts and never change with the language: json() has the stable keys
// host, port, user, password, security, auth (docs/CONFIG.md), msmtprc() an
// msmtp account per local user, thunderbird() a user.js fragment.
class ClientSetup
{
    Q_DECLARE_TR_FUNCTIONS(Settings::ClientSetup)

public:
    enum class Format
    {
        Text,
        Json,
        Msmtprc,
        Thunderbird
    };
    // "text", "json", "msmtprc", "thunderbird" (any case); nullopt for another word.
    static std::optional<Format> formatFromName(const QString& name);

    // The local user names in the order of the settings file ("test" in test mode).
    static QStringList users(const Config& config);

    static QString text(const Config& config, const LocalCredentials& credentials);
    // One account as a JSON object (UTF-8): the one named, or the first when
    // account is empty. Empty with error for an unknown account.
    static QByteArray json(const Config& config, const LocalCredentials& credentials, const QString& account,
                           QString* error);
    // How msmtp runs Yubisashi to read the password: the program and the
    // arguments before "client-setup" (--config FILE), as a POSIX shell sees them.
    struct Program
    {
        QString path;
        QString configPath; // empty: the default settings file
    };
    static QString msmtprc(const Config& config, const Program& program);
    // Thunderbird's outgoing-server preferences: smtp90, smtp91… for the
    // accounts in order (numbers Thunderbird does not hand out early).
    static QString thunderbird(const Config& config);
    // The same for these local users (Settings → Mail programs knows them, not the whole Config).
    static QString thunderbird(const QStringList& users, quint16 port, bool requireAuth);
    // The server keys thunderbird() uses, in order: smtp90, smtp91…
    static QStringList thunderbirdServerKeys(int count);
    static constexpr int ThunderbirdFirstServer = 90;

    // The command msmtp's passwordeval runs for one account: the JSON, and a
    // grep/cut that takes the password from it (no jq needed).
    static QString passwordCommand(const Program& program, const QString& account);
    // A word for a POSIX shell, in single quotes when it needs quoting.
    static QString shellQuote(const QString& word);
};

} // namespace Settings
