#include "settings/Validation.h"

#include "settings/CertificateSource.h"

#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

using Type = Validation::Type;
using KeySpec = Validation::KeySpec;

KeySpec integer(qint64 min, qint64 max)
{
    KeySpec s;
    s.type = Type::Integer;
    s.min = min;
    s.max = max;
    return s;
}

KeySpec choice(const QStringList& choices, bool allowEmpty = false)
{
    KeySpec s;
    s.type = Type::Choice;
    s.choices = choices;
    s.allowEmpty = allowEmpty;
    return s;
}

KeySpec of(Type type)
{
    KeySpec s;
    s.type = type;
    s.allowEmpty = type != Type::Host;
    return s;
}

// The ranges and words are Config::load's (core/settings/Config.cpp), the
// checks' keys included.
const QHash<QString, KeySpec>& fixedKeys()
{
    static const QHash<QString, KeySpec> keys{
        {u"general/certificate_source"_s, of(Type::Path)},
        {u"general/data_dir"_s, of(Type::Path)},
        {u"general/language"_s, choice({u"system"_s, u"en"_s, u"ja"_s})},
        {u"general/start_at_login"_s, of(Type::Boolean)},

        {u"listener/port"_s, integer(1, 65535)},
        {u"listener/require_auth"_s, of(Type::Boolean)},
        {u"listener/max_sessions"_s, integer(1, 1000)},
        {u"listener/max_message_size"_s, integer(1024, 1024LL * 1024 * 1024)},
        {u"listener/max_recipients"_s, integer(1, 100000)},

        {u"delivery/client_wait_seconds"_s, integer(0, 600)},
        {u"delivery/countdown_seconds"_s, integer(0, 60)},
        {u"delivery/test_mode_folder"_s, of(Type::Path)},
        {u"delivery/retry_initial_seconds"_s, integer(1, 86400)},
        {u"delivery/retry_max_seconds"_s, integer(1, 604800)},
        {u"delivery/give_up_hours"_s, integer(1, 8760)},
        {u"delivery/retention_days"_s, integer(0, 3650)},
        {u"delivery/upstream_timeout_seconds"_s, integer(5, 3600)},
        {u"delivery/upstream_connections"_s, integer(0, 10)},

        {u"policy/internal_domains"_s, of(Type::DomainList)},
        {u"policy/review"_s, choice({u"always"_s, u"external"_s, u"never"_s})},
        {u"policy/blocked_domains"_s, of(Type::DomainList)},
        {u"policy/caution_domains"_s, of(Type::DomainList)},
        {u"policy/known_domains"_s, of(Type::DomainList)},
        {u"policy/same_organisation"_s, of(Type::DomainGroups)},
        {u"policy/keywords"_s, of(Type::TextList)},
        {u"policy/risky_extensions"_s, of(Type::ExtensionList)},
        {u"policy/many_external_threshold"_s, integer(1, 100000)},
        {u"policy/many_external_domains_threshold"_s, integer(0, 100000)},
        {u"policy/landline_phone_threshold"_s, integer(1, 1000)},
        {u"policy/many_external_bcc"_s, choice({u"offer"_s, u"always"_s})},
        {u"policy/allow_scripted_decisions"_s, of(Type::Boolean)},
        {u"policy/allow_pause"_s, of(Type::Boolean)},

        {u"secrets/store"_s, choice({u"keychain"_s, u"file"_s})},
        {u"secrets/file"_s, of(Type::Path)},
    };
    return keys;
}

const QHash<QString, KeySpec>& accountKeys()
{
    static const QHash<QString, KeySpec> keys{
        {u"preset"_s, choice({u"microsoft365"_s, u"google"_s, u"generic"_s}, true)},
        {u"from"_s, of(Type::AddressList)},
        {u"host"_s, of(Type::Host)},
        {u"port"_s, integer(1, 65535)},
        {u"security"_s, choice({u"starttls"_s, u"tls"_s, u"none"_s})},
        {u"auth"_s, choice({u"plain"_s, u"login"_s, u"xoauth2"_s, u"none"_s})},
        {u"user"_s, of(Type::Text)},
        {u"ca_file"_s, of(Type::Path)},
        {u"smime_p12"_s, of(Type::Path)},
        {u"sign"_s, choice({u"always"_s, u"external"_s, u"never"_s})},
        {u"encrypt"_s, choice({u"never"_s, u"when-possible"_s, u"required-for-domains"_s})},
        {u"encrypt_domains"_s, of(Type::DomainList)},
        {u"allow_plaintext_auth"_s, of(Type::Boolean)},
        // Sign-in (core/oauth/Provider, docs/OAUTH.md); empty means the preset's.
        {u"oauth_client_id"_s, of(Type::Text)},
        {u"oauth_client_secret"_s, of(Type::Text)}, // Google's desktop clients: not a real secret
        {u"oauth_tenant"_s, of(Type::Text)},
        {u"oauth_authorize_url"_s, of(Type::Url)},
        {u"oauth_token_url"_s, of(Type::Url)},
        {u"oauth_device_url"_s, of(Type::Url)},
        {u"oauth_scopes"_s, of(Type::Text)},
    };
    return keys;
}

bool isExtension(QString e)
{
    e = e.toLower();
    while (e.startsWith(u'.') || e.startsWith(u'*'))
        e.remove(0, 1);
    static const QRegularExpression extension(u"^[a-z0-9_~-]{1,16}$"_s);
    return extension.match(e).hasMatch();
}

QString checkOne(const KeySpec& spec, const QString& raw)
{
    const QString value = raw.trimmed();
    if (value.contains(u'\n') || value.contains(u'\r'))
        return Validation::tr("A line break is not allowed here.");
    switch (spec.type) {
    case Type::Integer: {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok)
            return Validation::tr("\"%1\" is not a whole number. Use a number from %2 to %3.")
                .arg(value)
                .arg(spec.min)
                .arg(spec.max);
        if (n < spec.min || n > spec.max)
            return Validation::tr("%1 is out of range. Use a number from %2 to %3.")
                .arg(value)
                .arg(spec.min)
                .arg(spec.max);
        return {};
    }
    case Type::Boolean:
        if (!Validation::parseBoolean(value))
            return Validation::tr("\"%1\" is not allowed. Use true or false.").arg(value);
        return {};
    case Type::Choice:
        if (value.isEmpty() && spec.allowEmpty)
            return {};
        if (!spec.choices.contains(value.toLower()))
            return Validation::tr("\"%1\" is not allowed. Use one of: %2.")
                .arg(value, spec.choices.join(u", "_s));
        return {};
    case Type::Host: {
        if (value.isEmpty())
            return Validation::tr("Enter the server name, for example smtp.example.com.");
        // Config::load takes any text here; a name with a space, port or "@"
        // can only fail later, at the first message, so it is refused now.
        static const QRegularExpression host(u"^[^\\s@/:]+$"_s);
        if (!host.match(value).hasMatch())
            return Validation::tr("\"%1\" is not a server name. Write only the name, like smtp.example.com, "
                                  "without spaces, port or \"@\".")
                .arg(value);
        return {};
    }
    case Type::Text:
    case Type::Path:
    case Type::TextList:
        return {};
    case Type::DomainList:
        return Validation::domainProblem(value);
    case Type::Url: {
        if (value.isEmpty())
            return {};
        // Provider::problem's rule: tokens never cross the network in clear text.
        const QUrl url(value, QUrl::StrictMode);
        const QString host = url.host();
        const bool loopback = host == u"localhost"_s || QHostAddress(host).isLoopback();
        if (!url.isValid() || host.isEmpty() ||
            !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && loopback)))
            return Validation::tr("\"%1\" is not an https address (like https://login.example.com/token).")
                .arg(value);
        return {};
    }
    case Type::AddressList:
        if (!Validation::isPlausibleAddress(value))
            return Validation::tr("\"%1\" is not an e-mail address (like name@example.co.jp).").arg(value);
        return {};
    case Type::DomainGroups: {
        const QStringList domains = value.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        for (const QString& d : domains) {
            if (d.startsWith(u'*') || d.startsWith(u'@') || !Validation::isDomainPattern(d))
                return Validation::tr(
                           "\"%1\" is not a domain. Write the domains of one organisation separated "
                           "by spaces (example.co.jp example.com), and separate organisations by commas.")
                    .arg(d);
        }
        if (domains.size() == 1)
            return Validation::tr(
                       "\"%1\" is one domain; an organisation needs two or more, separated by spaces "
                       "(example.co.jp example.com).")
                .arg(value.trimmed());
        return {};
    }
    case Type::ExtensionList:
        if (!isExtension(value))
            return Validation::tr("\"%1\" is not a file extension (like exe or .exe).").arg(value);
        return {};
    }
    return {};
}

bool isListType(Type type)
{
    return type == Type::DomainList || type == Type::AddressList || type == Type::TextList ||
           type == Type::ExtensionList || type == Type::DomainGroups;
}

} // namespace

std::optional<Validation::KeySpec> Validation::spec(const QString& key)
{
    const qsizetype slash = key.lastIndexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    const QString group = key.left(slash);
    const QString name = key.mid(slash + 1);
    if (group.startsWith(u"account."_s)) {
        if (!isValidAccountName(group.mid(8)))
            return std::nullopt;
        const auto it = accountKeys().constFind(name);
        return it == accountKeys().constEnd() ? std::nullopt : std::optional<KeySpec>(*it);
    }
    if (group == u"checks"_s) {
        // The codes themselves belong to core/review (CheckRegistry); any
        // lower-case code is taken here and CheckPolicy::fromConfig reports unknown ones.
        static const QRegularExpression code(u"^[a-z][a-z0-9-]*$"_s);
        if (!code.match(name).hasMatch())
            return std::nullopt;
        return choice({u"off"_s, u"show"_s, u"confirm"_s, u"block"_s});
    }
    const auto it = fixedKeys().constFind(key);
    return it == fixedKeys().constEnd() ? std::nullopt : std::optional<KeySpec>(*it);
}

QString Validation::check(const QString& key, const QString& value)
{
    const std::optional<KeySpec> s = spec(key);
    if (!s)
        return tr("\"%1\" is not a setting Yubisashi knows.").arg(key);
    if (isListType(s->type)) {
        QStringList parts;
        for (const QString& p : value.split(u','))
            parts << p;
        return checkList(key, parts);
    }
    if (key == u"general/certificate_source"_s) {
        // Config::load takes any path; a placeholder it does not know would only find nothing later.
        if (const QString problem = CertificateSource::placeholderProblem(value); !problem.isEmpty())
            return problem;
    }
    return checkOne(*s, value);
}

QStringList Validation::fixedKeyNames()
{
    QStringList keys = fixedKeys().keys();
    keys.sort();
    return keys;
}

QStringList Validation::accountKeyNames()
{
    QStringList keys = accountKeys().keys();
    keys.sort();
    return keys;
}

QString Validation::checkList(const QString& key, const QStringList& values)
{
    const std::optional<KeySpec> s = spec(key);
    if (!s)
        return tr("\"%1\" is not a setting Yubisashi knows.").arg(key);
    if (!isListType(s->type))
        return values.size() == 1 ? checkOne(*s, values.constFirst())
                                  : tr("\"%1\" takes a single value, not a list.").arg(key);
    for (const QString& v : values) {
        if (v.trimmed().isEmpty())
            continue;
        const QString problem = checkOne(*s, v);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

bool Validation::isValidAccountName(const QString& name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._-]+$"_s);
    return pattern.match(name).hasMatch();
}

QString Validation::accountNameProblem(const QString& name)
{
    if (name.isEmpty())
        return tr("Enter a name, for example work.");
    if (isValidAccountName(name))
        return {};
    static const QRegularExpression bad(u"[^A-Za-z0-9._-]"_s);
    const QString c = bad.match(name).captured(0);
    const QString shown = c == u" "_s ? tr("a space") : u"\""_s + c + u"\""_s;
    return tr("%1 is not allowed in the name. The name is the user name your mail program logs in with, so "
              "use only the letters A-Z and a-z, digits, \".\", \"_\" and \"-\".")
        .arg(shown);
}

bool Validation::isPlausibleAddress(const QString& address)
{
    static const QRegularExpression pattern(u"^[^\\s@]+@[^\\s@]+$"_s);
    return pattern.match(address).hasMatch();
}

bool Validation::isDomainPattern(const QString& pattern)
{
    static const QRegularExpression re(u"^(\\*\\.|@)?[^\\s@*.,;/\\\\]+(\\.[^\\s@*.,;/\\\\]+)*$"_s);
    return re.match(pattern).hasMatch();
}

QString Validation::domainProblem(const QString& pattern)
{
    const QString p = pattern.trimmed().toLower();
    if (isDomainPattern(p))
        return {};
    if (p.indexOf(u'@') > 0)
        return tr("\"%1\" is an address. Write only the domain after \"@\", like example.co.jp.")
            .arg(pattern);
    return tr("\"%1\" is not a domain. Write example.co.jp, or *.example.co.jp for its subdomains.")
        .arg(pattern);
}

std::optional<bool> Validation::parseBoolean(const QString& value)
{
    const QString s = value.trimmed().toLower();
    if (s == u"true"_s || s == u"yes"_s || s == u"on"_s || s == u"1"_s)
        return true;
    if (s == u"false"_s || s == u"no"_s || s == u"off"_s || s == u"0"_s)
        return false;
    return std::nullopt;
}

} // namespace Settings
