#include "settings/ClientSetup.h"

#include "settings/Config.h"
#include "settings/LocalCredentials.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

const QString kHost = u"127.0.0.1"_s;

// A string in a user.js file (JavaScript): quotes and backslashes escaped.
QString jsString(const QString& s)
{
    QString out = s;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

// An argument in ~/.msmtprc: msmtp takes what is between the outer double
// quotes as it is (no escapes; quotes inside stay), which msmtp 1.8 shows with --pretend.
QString msmtpArgument(const QString& s)
{
    return u'"' + s + u'"';
}

} // namespace

std::optional<ClientSetup::Format> ClientSetup::formatFromName(const QString& name)
{
    const QString word = name.toLower();
    if (word == u"text"_s)
        return Format::Text;
    if (word == u"json"_s)
        return Format::Json;
    if (word == u"msmtprc"_s)
        return Format::Msmtprc;
    if (word == u"thunderbird"_s)
        return Format::Thunderbird;
    return std::nullopt;
}

QStringList ClientSetup::users(const Config& config)
{
    QStringList names;
    for (const Account& account : config.accounts)
        names << account.name;
    if (names.isEmpty())
        names << u"test"_s; // test mode
    return names;
}

QString ClientSetup::text(const Config& config, const LocalCredentials& credentials)
{
    QString text;
    if (config.testMode()) {
        text += tr("Test mode: no account is configured. Reviewed messages are saved in %1 instead of being "
                   "sent.")
                    .arg(QDir::toNativeSeparators(config.delivery.testModeFolder)) +
                u"\n\n"_s;
    }
    text += tr("Set up your mail client's outgoing (SMTP) server like this:") + u"\n"_s;
    for (const QString& user : credentials.users()) {
        text += u"\n"_s + tr("  Server: %1   Port: %2   Security: none (connection stays on this computer)")
                              .arg(kHost)
                              .arg(config.listener.port);
        text += u"\n"_s + tr("  Authentication: normal password   User name: %1   Password: %2")
                              .arg(user, credentials.password(user));
        text += u"\n"_s;
    }
    return text;
}

QByteArray ClientSetup::json(const Config& config, const LocalCredentials& credentials,
                             const QString& account, QString* error)
{
    const QStringList names = users(config);
    const QString user = account.isEmpty() ? names.constFirst() : account;
    if (!names.contains(user)) {
        if (error)
            *error = tr("There is no account \"%1\". The accounts are: %2.").arg(user, names.join(u", "_s));
        return {};
    }
    QJsonObject o;
    o.insert(u"host"_s, kHost);
    o.insert(u"port"_s, int(config.listener.port));
    o.insert(u"user"_s, user);
    o.insert(u"password"_s, credentials.password(user));
    // The connection stays on this computer: the listener has no TLS.
    o.insert(u"security"_s, u"none"_s);
    o.insert(u"auth"_s, config.listener.requireAuth ? u"plain"_s : u"none"_s);
    o.insert(u"accounts"_s, QJsonArray::fromStringList(names));
    o.insert(u"test_mode"_s, config.testMode());
    if (config.testMode())
        o.insert(u"test_mode_folder"_s, QDir::toNativeSeparators(config.delivery.testModeFolder));
    // Indented: one key a line, so that a line-based tool finds "password" (passwordCommand).
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString ClientSetup::shellQuote(const QString& word)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString ClientSetup::passwordCommand(const Program& program, const QString& account)
{
    QStringList words{shellQuote(program.path)};
    if (!program.configPath.isEmpty())
        words << u"--config"_s << shellQuote(program.configPath);
    words << u"client-setup"_s << u"--format"_s << u"json"_s << u"--account"_s << shellQuote(account);
    // The JSON has one key a line; the password is the 4th field between quotes
    // (generated passwords never hold a quote).
    return words.join(u' ') + u" | grep '^ *\"password\":' | cut -d'\"' -f4"_s;
}

QString ClientSetup::msmtprc(const Config& config, const Program& program)
{
    const QStringList names = users(config);
    QString out;
    for (const QString& name : names) {
        out += u"account "_s + name + u'\n';
        out += u"host "_s + kHost + u'\n';
        out += u"port "_s + QString::number(config.listener.port) + u'\n';
        out += u"tls off\n"_s; // the listener is on this computer only and has no TLS
        if (config.listener.requireAuth) {
            out += u"auth plain\n"_s;
            out += u"user "_s + name + u'\n';
            out += u"passwordeval "_s + msmtpArgument(passwordCommand(program, name)) + u'\n';
        } else {
            out += u"auth off\n"_s;
        }
        if (const Account* account = config.account(name)) {
            const QString from = !account->from.isEmpty()
                                     ? account->from.constFirst()
                                     : (account->user.contains(u'@') ? account->user : QString());
            if (!from.isEmpty())
                out += u"from "_s + from + u'\n';
        }
        out += u'\n';
    }
    out += u"account default : "_s + names.constFirst() + u'\n';
    return out;
}

QString ClientSetup::thunderbird(const Config& config)
{
    return thunderbird(users(config), config.listener.port, config.listener.requireAuth);
}

QStringList ClientSetup::thunderbirdServerKeys(int count)
{
    QStringList keys;
    for (int i = 0; i < count; ++i)
        keys << u"smtp%1"_s.arg(ThunderbirdFirstServer + i);
    return keys;
}

QString ClientSetup::thunderbird(const QStringList& users, quint16 port, bool requireAuth)
{
    QString out;
    const QStringList keys = thunderbirdServerKeys(int(users.size()));
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QString& name = users.at(i);
        const QString prefix = u"mail.smtpserver.%1."_s.arg(keys.at(i));
        auto pref = [&out, &prefix](const QString& key, const QString& value) {
            out += u"user_pref(\"%1%2\", %3);\n"_s.arg(prefix, key, value);
        };
        pref(u"description"_s, jsString(u"Yubisashi (%1)"_s.arg(name)));
        pref(u"hostname"_s, jsString(kHost));
        pref(u"port"_s, QString::number(port));
        // Thunderbird's nsMsgAuthMethod: 3 = normal password, 1 = none.
        pref(u"authMethod"_s, requireAuth ? u"3"_s : u"1"_s);
        pref(u"username"_s, jsString(name));
        // nsMsgSocketType: 0 = no TLS (the connection stays on this computer).
        pref(u"try_ssl"_s, u"0"_s);
    }
    return out;
}

} // namespace Settings
