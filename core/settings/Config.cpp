#include "settings/Config.h"

#include "settings/AdminPolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QVariant>

// QSettings' INI reader already does what DESIGN's sample needs: "; comment"
// after a value (outside double quotes) is dropped, "[general]" is the
// top-level section, and an unquoted comma turns a value into a QStringList.
// TestConfig loads the sample verbatim to keep it that way.

namespace Settings {

namespace {

QString orList(const QStringList& allowed)
{
    return allowed.join(QLatin1String(", "));
}

// The settings as QSettings reads an INI file: "listener/port", and
// [General]'s keys at the top level ("data_dir"). The user's file and the
// administrator's policy are merged here, in memory, before anything is parsed.
using Values = QMap<QString, QVariant>;

// Reads one section and collects the errors of its keys.
class Section
{
public:
    Section(const Values& values, const QString& group, QStringList* errors)
        : m_values(values), m_group(group), m_errors(errors)
    {}

    bool has(const char* key) const { return m_values.contains(fullKey(key)); }

    // The keys directly in this section ([checks]' codes).
    QStringList childKeys() const
    {
        const QString prefix = m_group + QLatin1Char('/');
        QStringList keys;
        for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
            if (it.key().startsWith(prefix) && !it.key().mid(prefix.size()).contains(QLatin1Char('/')))
                keys << it.key().mid(prefix.size());
        }
        return keys;
    }

    // A single value. An unquoted comma makes QSettings return a list; for a
    // single value that list is glued back together.
    QString text(const char* key) const
    {
        const QVariant v = m_values.value(fullKey(key));
        if (v.userType() == QMetaType::QStringList)
            return v.toStringList().join(QLatin1Char(',')).trimmed();
        return v.toString().trimmed();
    }

    // A comma list: QSettings gives a QStringList for "a, b" and a QString for
    // "a" or for a quoted "a, b"; both are split and trimmed here.
    QStringList list(const char* key) const
    {
        const QVariant v = m_values.value(fullKey(key));
        const QStringList parts =
            v.userType() == QMetaType::QStringList ? v.toStringList() : v.toString().split(QLatin1Char(','));
        QStringList out;
        for (const QString& p : parts) {
            const QString t = p.trimmed();
            if (!t.isEmpty())
                out << t;
        }
        return out;
    }

    void error(const char* key, const QString& value, const QString& allowed, const QString& kept)
    {
        *m_errors << QCoreApplication::translate(
                         "Settings::Config",
                         "Setting \"%1\" in [%2]: \"%3\" is not allowed; use %4. Using %5 instead.")
                         .arg(QLatin1String(key), m_group, value, allowed, kept);
    }

    void problem(const QString& message)
    {
        *m_errors << QCoreApplication::translate("Settings::Config", "[%1]: %2").arg(m_group, message);
    }

    template <typename T> void integer(const char* key, qint64 min, qint64 max, T* out)
    {
        if (!has(key))
            return;
        const QString s = text(key);
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (!ok || n < min || n > max) {
            error(key, s,
                  QCoreApplication::translate("Settings::Config", "a whole number from %1 to %2")
                      .arg(min)
                      .arg(max),
                  QString::number(*out));
            return;
        }
        *out = T(n);
    }

    void boolean(const char* key, bool* out)
    {
        if (!has(key))
            return;
        const QString s = text(key).toLower();
        static const QStringList yes{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                     QStringLiteral("1")};
        static const QStringList no{QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                    QStringLiteral("0")};
        if (yes.contains(s))
            *out = true;
        else if (no.contains(s))
            *out = false;
        else
            error(key, text(key), QCoreApplication::translate("Settings::Config", "true or false"),
                  *out ? QStringLiteral("true") : QStringLiteral("false"));
    }

    // One of a fixed set of words (case does not matter); names[i] belongs to values[i].
    // True when the key is there and allowed.
    template <typename T>
    bool choice(const char* key, const QStringList& names, const QList<T>& values, T* out)
    {
        if (!has(key))
            return false;
        const QString s = text(key);
        const qsizetype i = names.indexOf(s.toLower());
        if (i < 0) {
            error(key, s, QCoreApplication::translate("Settings::Config", "one of %1").arg(orList(names)),
                  names.value(values.indexOf(*out)));
            return false;
        }
        *out = values.at(i);
        return true;
    }

    void string(const char* key, QString* out)
    {
        if (has(key))
            *out = text(key);
    }

    // A file or folder: "~/" is the home folder, a relative path is relative
    // to the folder of the settings file. Empty stays empty.
    void path(const char* key, const QString& base, QString* out)
    {
        if (!has(key))
            return;
        *out = resolvePath(text(key), base);
    }

    static QString resolvePath(QString p, const QString& base)
    {
        if (p.isEmpty())
            return {};
        if (p == QLatin1String("~") || p.startsWith(QLatin1String("~/")))
            p = QDir::homePath() + p.mid(1);
        return QDir::cleanPath(QDir(base).absoluteFilePath(p));
    }

private:
    QString fullKey(const char* key) const
    {
        if (m_group.isEmpty())
            return QLatin1String(key);
        return m_group + QLatin1Char('/') + QLatin1String(key);
    }

    const Values& m_values;
    QString m_group;
    QStringList* m_errors;
};

const QStringList kSecurityNames{QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")};
const QList<Smtp::Security> kSecurityValues{Smtp::Security::StartTls, Smtp::Security::Tls,
                                            Smtp::Security::None};
const QStringList kAuthNames{QStringLiteral("plain"), QStringLiteral("login"), QStringLiteral("xoauth2"),
                             QStringLiteral("none")};
const QList<Smtp::AuthMethod> kAuthValues{Smtp::AuthMethod::Plain, Smtp::AuthMethod::Login,
                                          Smtp::AuthMethod::XOAuth2, Smtp::AuthMethod::None};
const QStringList kSignNames{QStringLiteral("always"), QStringLiteral("external"), QStringLiteral("never")};
const QList<SignPolicy> kSignValues{SignPolicy::Always, SignPolicy::External, SignPolicy::Never};
const QStringList kEncryptNames{QStringLiteral("never"), QStringLiteral("when-possible"),
                                QStringLiteral("required-for-domains")};
const QList<EncryptPolicy> kEncryptValues{EncryptPolicy::Never, EncryptPolicy::WhenPossible,
                                          EncryptPolicy::RequiredForDomains};
const QStringList kReviewNames{QStringLiteral("always"), QStringLiteral("external"), QStringLiteral("never")};
const QList<ReviewPolicy> kReviewValues{ReviewPolicy::Always, ReviewPolicy::External, ReviewPolicy::Never};
const QStringList kStoreNames{QStringLiteral("keychain"), QStringLiteral("file")};
const QList<SecretsBackend> kStoreValues{SecretsBackend::Keychain, SecretsBackend::File};
const QStringList kLanguageNames{QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("ja")};
const QStringList kActionNames{QStringLiteral("off"), QStringLiteral("show"), QStringLiteral("confirm"),
                               QStringLiteral("block")};
const QList<CheckAction> kActionValues{CheckAction::Off, CheckAction::Show, CheckAction::Confirm,
                                       CheckAction::Block};
const QStringList kBccNames{QStringLiteral("offer"), QStringLiteral("always")};
const QList<bool> kBccValues{false, true};
const QStringList kPresetNames{QStringLiteral("microsoft365"), QStringLiteral("google"),
                               QStringLiteral("generic")};

const QLatin1String kAccountPrefix("account.");

// Account names are the local AUTH user names, typed into mail clients.
bool isValidAccountName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return pattern.match(name).hasMatch();
}

bool isPlausibleAddress(const QString& address)
{
    static const QRegularExpression pattern(QStringLiteral("^[^\\s@]+@[^\\s@]+$"));
    return pattern.match(address).hasMatch();
}

// "example.co.jp", "*.example.co.jp" or "@example.co.jp" (Review::DomainMatcher).
bool isDomainPattern(const QString& pattern)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\*\\.|@)?[^\\s@*.,;/\\\\]+(\\.[^\\s@*.,;/\\\\]+)*$"));
    return re.match(pattern).hasMatch();
}

// A comma list of domain patterns, lower case; an entry that is not one is reported and skipped.
void readDomains(Section& s, const char* key, QStringList* out)
{
    for (const QString& domain : s.list(key)) {
        const QString d = domain.toLower();
        if (isDomainPattern(d))
            *out << d;
        else
            s.problem(QCoreApplication::translate("Settings::Config",
                                                  "\"%1\" in \"%2\" is not a domain; write example.co.jp, or "
                                                  "*.example.co.jp for its subdomains. It is ignored.")
                          .arg(domain, QLatin1String(key)));
    }
}

Account readAccount(const Values& values, const QString& group, const QString& name, const QString& base,
                    QStringList* errors, bool* ok)
{
    Section s(values, group, errors);
    Account a;
    a.name = name;

    // The preset fills host, port, security and auth first; every key that is
    // present in the file then wins over it.
    if (s.has("preset")) {
        const QString preset = s.text("preset").toLower();
        if (preset.isEmpty() || kPresetNames.contains(preset)) {
            a.preset = preset;
            applyPreset(preset, &a);
        } else {
            s.error("preset", s.text("preset"),
                    QCoreApplication::translate("Settings::Config", "one of %1").arg(orList(kPresetNames)),
                    QCoreApplication::translate("Settings::Config", "no preset"));
        }
    }

    for (const QString& address : s.list("from")) {
        if (isPlausibleAddress(address))
            a.from << address;
        else
            s.problem(
                QCoreApplication::translate(
                    "Settings::Config",
                    "\"%1\" in \"from\" is not an e-mail address (like name@example.co.jp); it is ignored.")
                    .arg(address));
    }
    s.string("host", &a.host);
    s.integer("port", 1, 65535, &a.port);
    s.choice("security", kSecurityNames, kSecurityValues, &a.security);
    s.choice("auth", kAuthNames, kAuthValues, &a.auth);
    s.string("user", &a.user);
    s.path("ca_file", base, &a.caFile);
    s.path("smime_p12", base, &a.smimeP12);
    s.choice("sign", kSignNames, kSignValues, &a.sign);
    s.choice("encrypt", kEncryptNames, kEncryptValues, &a.encrypt);
    readDomains(s, "encrypt_domains", &a.encryptDomains);
    s.boolean("allow_plaintext_auth", &a.allowPlaintextAuth);

    *ok = !a.host.isEmpty();
    if (!*ok)
        s.problem(QCoreApplication::translate(
                      "Settings::Config",
                      "account \"%1\" has no server: set host= to its submission server, or preset= to "
                      "microsoft365 or google. The account is not used until then.")
                      .arg(name));
    return a;
}

} // namespace

const Account* Config::account(const QString& name) const
{
    for (const Account& a : accounts) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

QString Config::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QLatin1String("/yubisashi.ini");
}

QString Config::defaultDataDir()
{
    // The local, not the roaming, folder: on Windows a roaming profile may be
    // redirected to a network share, where SQLite's WAL and the spool's flushes
    // fail. Linux and macOS have one folder for both, so nothing moves there.
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

bool applyPreset(const QString& preset, Account* account)
{
    if (preset == QLatin1String("microsoft365")) {
        account->host = QStringLiteral("smtp.office365.com");
        account->port = 587;
        account->security = Smtp::Security::StartTls;
        account->auth = Smtp::AuthMethod::XOAuth2;
        return true;
    }
    if (preset == QLatin1String("google")) {
        account->host = QStringLiteral("smtp.gmail.com");
        account->port = 465;
        account->security = Smtp::Security::Tls;
        account->auth = Smtp::AuthMethod::XOAuth2;
        return true;
    }
    // "generic" (or none): everything comes from the account's own keys.
    return preset == QLatin1String("generic") || preset.isEmpty();
}

namespace {

// The user's file as QSettings reads it. false (and nothing read) when the file
// exists but cannot be read; a missing file is an empty one.
bool readFile(const QString& path, Values* values, QStringList* errors)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    if (!info.isFile() || !info.isReadable()) {
        *errors
            << QCoreApplication::translate(
                   "Settings::Config",
                   "The settings file %1 cannot be read. Check that it is a file and that you may read it.")
                   .arg(path);
        return false;
    }
    const QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *errors << QCoreApplication::translate(
                       "Settings::Config",
                       "The settings file %1 could not be read: it is not a valid INI file.")
                       .arg(path);
        return false;
    }
    for (const QString& key : settings.allKeys())
        values->insert(key, settings.value(key));
    return true;
}

// The ways a documented key is spelled in Values: a [general] key may be at
// the top level (QSettings' [General]) or under "general/".
QStringList spellingsOf(const QString& key)
{
    QStringList spellings{key};
    if (key.startsWith(QLatin1String("general/")))
        spellings.prepend(key.mid(8));
    return spellings;
}

bool hasAny(const Values& values, const QStringList& spellings)
{
    for (const QString& k : spellings) {
        if (values.contains(k))
            return true;
    }
    return false;
}

void lock(const QString& key, const QVariant& value, Values* values)
{
    const QStringList spellings = spellingsOf(key);
    for (const QString& k : spellings)
        values->remove(k);
    if (value.isValid()) // a refused value: the default applies
        values->insert(spellings.constFirst(), value);
}

void recommend(const QString& key, const QVariant& value, Values* values)
{
    const QStringList spellings = spellingsOf(key);
    if (value.isValid() && !hasAny(*values, spellings))
        values->insert(spellings.constFirst(), value);
}

const QLatin1String kEveryAccount("accounts/");

// The policy over the user's keys: recommended keys fill what the user left
// unset, locked keys replace whatever is there. [accounts]' keys then apply
// to every account group (extraAccount: one that is not in any file yet),
// each below the same key set for that account by name.
void applyPolicy(const AdminPolicy& policy, Values* values, const QString& extraAccount = QString())
{
    const QStringList recommended = policy.recommendedKeys();
    const QStringList locked = policy.lockedKeys();
    const QSet<QString> lockedSet(locked.constBegin(), locked.constEnd());
    for (const QString& key : recommended) {
        if (!key.startsWith(kEveryAccount))
            recommend(key, policy.recommendedValue(key), values);
    }
    for (const QString& key : locked) {
        if (!key.startsWith(kEveryAccount))
            lock(key, policy.value(key), values);
    }

    QStringList groups;
    if (!extraAccount.isEmpty())
        groups << QLatin1String("account.") + extraAccount;
    for (auto it = values->constBegin(); it != values->constEnd(); ++it) {
        const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
        if (slash > 0 && it.key().startsWith(QLatin1String("account.")) &&
            !groups.contains(it.key().left(slash)))
            groups << it.key().left(slash);
    }
    for (const QString& group : std::as_const(groups)) {
        for (const QString& key : recommended) {
            if (key.startsWith(kEveryAccount))
                recommend(group + QLatin1Char('/') + key.mid(kEveryAccount.size()),
                          policy.recommendedValue(key), values);
        }
        for (const QString& key : locked) {
            const QString own = group + QLatin1Char('/') + key.mid(kEveryAccount.size());
            if (key.startsWith(kEveryAccount) && !lockedSet.contains(own))
                lock(own, policy.value(key), values);
        }
    }
}

void readChecks(const Values& values, ChecksConfig* c, QStringList* errors)
{
    {
        Section s(values, QStringLiteral("checks"), errors);
        for (const QString& code : s.childKeys())
            c->actionWords.insert(code, s.text(code.toLatin1().constData()));
    }

    Section s(values, QStringLiteral("policy"), errors);
    readDomains(s, "blocked_domains", &c->blockedDomains);
    readDomains(s, "caution_domains", &c->cautionDomains);
    readDomains(s, "known_domains", &c->knownDomains);
    // Groups separated by commas, the domains of a group by spaces.
    for (const QString& group : s.list("same_organisation")) {
        QStringList domains;
        for (const QString& word :
             group.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            const QString d = word.toLower();
            if (isDomainPattern(d) && !d.startsWith(QLatin1Char('*')) && !d.startsWith(QLatin1Char('@')))
                domains << d;
            else
                s.problem(
                    QCoreApplication::translate("Settings::Config",
                                                "\"%1\" in \"same_organisation\" is not a domain; write the "
                                                "domains of one organisation separated by spaces "
                                                "(example.co.jp example.com). It is ignored.")
                        .arg(word));
        }
        if (domains.size() >= 2)
            c->sameOrganisation << domains;
    }
    if (s.has("keywords"))
        c->keywords = s.list("keywords");
    if (s.has("risky_extensions")) {
        c->riskyExtensions.clear();
        for (QString e : s.list("risky_extensions")) {
            e = e.toLower();
            while (e.startsWith(QLatin1Char('.')) || e.startsWith(QLatin1Char('*')))
                e.remove(0, 1);
            static const QRegularExpression extension(QStringLiteral("^[a-z0-9_~-]{1,16}$"));
            if (extension.match(e).hasMatch())
                c->riskyExtensions << e;
            else
                *errors
                    << QCoreApplication::translate(
                           "Settings::Config",
                           "Setting \"risky_extensions\" in [policy]: \"%1\" is not a file extension (like "
                           "exe or .exe). It is ignored.")
                           .arg(e);
        }
    }
    s.integer("many_external_threshold", 1, 100000, &c->manyExternalThreshold);
    s.integer("many_external_domains_threshold", 0, 100000, &c->manyExternalDomainsThreshold);
    s.integer("landline_phone_threshold", 1, 1000, &c->landlinePhoneThreshold);
    s.choice("many_external_bcc", kBccNames, kBccValues, &c->manyExternalAlwaysBcc);
}

void parse(const Values& values, const QString& base, Config* config, QStringList* errors)
{
    // [general]: QSettings maps [General] to the top level; [general] is read as well.
    {
        Section general(values, QString(), errors);
        Section spelled(values, QStringLiteral("general"), errors);
        config->dataDir = Config::defaultDataDir();
        if (general.has("data_dir") && !general.text("data_dir").isEmpty())
            general.path("data_dir", base, &config->dataDir);
        else if (spelled.has("data_dir") && !spelled.text("data_dir").isEmpty())
            spelled.path("data_dir", base, &config->dataDir);
        Section& startAtLogin = general.has("start_at_login") ? general : spelled;
        startAtLogin.boolean("start_at_login", &config->startAtLogin);
        Section& language = general.has("language") ? general : spelled;
        language.choice("language", kLanguageNames, kLanguageNames, &config->language);
        Section& source = general.has("certificate_source") ? general : spelled;
        source.path("certificate_source", base, &config->certificateSource);
    }

    {
        Section s(values, QStringLiteral("listener"), errors);
        Listener& l = config->listener;
        s.integer("port", 1, 65535, &l.port);
        s.boolean("require_auth", &l.requireAuth);
        s.integer("max_sessions", 1, 1000, &l.maxSessions);
        s.integer("max_message_size", 1024, 1024LL * 1024 * 1024, &l.maxMessageSize);
        s.integer("max_recipients", 1, 100000, &l.maxRecipients);
    }

    QStringList groups;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
        if (slash > 0 && it.key().startsWith(kAccountPrefix) && !groups.contains(it.key().left(slash)))
            groups << it.key().left(slash);
    }
    groups.sort();
    for (const QString& group : std::as_const(groups)) {
        const QString name = group.mid(kAccountPrefix.size());
        if (!isValidAccountName(name)) {
            *errors
                << QCoreApplication::translate(
                       "Settings::Config",
                       "[%1]: the account name \"%2\" is also the user name mail clients log in with, so it "
                       "may only contain letters A-Z and a-z, digits, '.', '_' and '-'. The account is not "
                       "used.")
                       .arg(group, name);
            continue;
        }
        bool ok = false;
        Account a = readAccount(values, group, name, base, errors, &ok);
        if (ok)
            config->accounts << a;
    }

    {
        Section s(values, QStringLiteral("delivery"), errors);
        DeliveryConfig& d = config->delivery;
        s.integer("client_wait_seconds", 0, 600, &d.clientWaitSeconds);
        s.integer("countdown_seconds", 0, 60, &d.countdownSeconds);
        s.path("test_mode_folder", base, &d.testModeFolder);
        if (d.testModeFolder.isEmpty())
            d.testModeFolder = config->dataDir + QLatin1String("/test-mode");
        s.integer("retry_initial_seconds", 1, 86400, &d.retryInitialSeconds);
        s.integer("retry_max_seconds", 1, 604800, &d.retryMaxSeconds);
        if (d.retryMaxSeconds < d.retryInitialSeconds) {
            s.problem(
                QCoreApplication::translate(
                    "Settings::Config",
                    "retry_max_seconds (%1) is shorter than retry_initial_seconds (%2); using %2 for both.")
                    .arg(d.retryMaxSeconds)
                    .arg(d.retryInitialSeconds));
            d.retryMaxSeconds = d.retryInitialSeconds;
        }
        s.integer("give_up_hours", 1, 8760, &d.giveUpHours);
        s.integer("retention_days", 0, 3650, &d.retentionDays);
        s.integer("upstream_timeout_seconds", 5, 3600, &d.upstreamTimeoutSeconds);
        s.integer("upstream_connections", 0, 10, &d.upstreamConnections);
    }

    {
        Section s(values, QStringLiteral("policy"), errors);
        Policy& p = config->policy;
        readDomains(s, "internal_domains", &p.internalDomains);
        s.choice("review", kReviewNames, kReviewValues, &p.review);
        s.boolean("allow_scripted_decisions", &p.allowScriptedDecisions);
        s.boolean("allow_pause", &p.allowPause);
    }
    readChecks(values, &config->checks, errors);

    {
        Section s(values, QStringLiteral("secrets"), errors);
        s.choice("store", kStoreNames, kStoreValues, &config->secrets.store);
        s.path("file", base, &config->secrets.file);
        if (config->secrets.file.isEmpty())
            config->secrets.file = base + QLatin1String("/secrets.ini");
    }
}

} // namespace

bool Config::load(const QString& path, Config* config, QStringList* errors)
{
    return load(path, AdminPolicy(), config, errors);
}

bool Config::load(const QString& path, const AdminPolicy& policy, Config* config, QStringList* errors)
{
    QStringList localErrors;
    if (!errors)
        errors = &localErrors;
    *config = Config();
    config->path = path.isEmpty() ? defaultPath() : QFileInfo(path).absoluteFilePath();
    // A file that cannot be read gives the defaults, with the policy still on
    // top: its locks hold whatever state the user's file is in.
    Values values;
    const bool ok = readFile(config->path, &values, errors);
    applyPolicy(policy, &values);
    parse(values, QFileInfo(config->path).absolutePath(), config, errors);
    return ok;
}

Account Config::newAccount(const AdminPolicy& policy, const QString& name, const QString& defaultPreset,
                           QStringList* lockedKeys)
{
    const QString group = kAccountPrefix + name;
    Values values;
    applyPolicy(policy, &values, name);
    if (!values.contains(group + QLatin1String("/preset")))
        values.insert(group + QLatin1String("/preset"), defaultPreset);
    QStringList errors; // the policy's values were checked when it was read
    bool ok = false;
    Account a = readAccount(values, group, name, QString(), &errors, &ok);
    if (lockedKeys) {
        lockedKeys->clear();
        for (const QString& key : policy.lockedKeys()) {
            if (key.startsWith(kEveryAccount))
                *lockedKeys << key.mid(kEveryAccount.size());
        }
    }
    return a;
}

QHash<QString, QString> Config::accountValues(const QString& path, const AdminPolicy& policy,
                                              const QString& name)
{
    QStringList errors;
    Values values;
    readFile(path.isEmpty() ? defaultPath() : QFileInfo(path).absoluteFilePath(), &values, &errors);
    applyPolicy(policy, &values, name);
    const QString prefix = QLatin1String("account.") + name + QLatin1Char('/');
    QHash<QString, QString> out;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!it.key().startsWith(prefix) || it.key().mid(prefix.size()).contains(QLatin1Char('/')))
            continue;
        const QVariant& v = it.value();
        out.insert(it.key().mid(prefix.size()), v.userType() == QMetaType::QStringList
                                                    ? v.toStringList().join(QLatin1Char(','))
                                                    : v.toString());
    }
    return out;
}

QStringList ChecksConfig::defaultKeywords()
{
    return {QStringLiteral("社外秘"),       QStringLiteral("極秘"),          QStringLiteral("部外秘"),
            QStringLiteral("関係者外秘"),   QStringLiteral("取扱注意"),      QStringLiteral("機密"),
            QStringLiteral("confidential"), QStringLiteral("internal only"), QStringLiteral("secret")};
}

QStringList ChecksConfig::defaultRiskyExtensions()
{
    QStringList out;
    for (const char* e :
         {"exe", "com", "scr", "pif", "bat", "cmd",  "js",  "jse", "vbs", "vbe",  "wsf", "wsh", "hta", "ps1",
          "msi", "lnk", "iso", "img", "vhd", "vhdx", "jar", "cpl", "reg", "html", "htm", "svg", "one"})
        out << QLatin1String(e);
    return out;
}

namespace {

template <typename T> QString wordOf(const QStringList& names, const QList<T>& values, T value)
{
    return names.value(values.indexOf(value));
}

template <typename T>
bool valueOf(const QStringList& names, const QList<T>& values, const QString& word, T* out)
{
    const qsizetype i = names.indexOf(word.trimmed().toLower());
    if (i < 0)
        return false;
    *out = values.at(i);
    return true;
}

} // namespace

QString settingWord(Smtp::Security value)
{
    return wordOf(kSecurityNames, kSecurityValues, value);
}

QString settingWord(Smtp::AuthMethod value)
{
    return wordOf(kAuthNames, kAuthValues, value);
}

QString settingWord(SignPolicy value)
{
    return wordOf(kSignNames, kSignValues, value);
}

QString settingWord(CheckAction value)
{
    return wordOf(kActionNames, kActionValues, value);
}

QString settingWord(EncryptPolicy value)
{
    return wordOf(kEncryptNames, kEncryptValues, value);
}

QString settingWord(ReviewPolicy value)
{
    return wordOf(kReviewNames, kReviewValues, value);
}

QString settingWord(SecretsBackend value)
{
    return wordOf(kStoreNames, kStoreValues, value);
}

QString manyExternalBccWord(bool alwaysBcc)
{
    return wordOf(kBccNames, kBccValues, alwaysBcc);
}

bool fromSettingWord(const QString& word, Smtp::Security* out)
{
    return valueOf(kSecurityNames, kSecurityValues, word, out);
}

bool fromSettingWord(const QString& word, Smtp::AuthMethod* out)
{
    return valueOf(kAuthNames, kAuthValues, word, out);
}

bool fromSettingWord(const QString& word, SignPolicy* out)
{
    return valueOf(kSignNames, kSignValues, word, out);
}

bool fromSettingWord(const QString& word, CheckAction* out)
{
    return valueOf(kActionNames, kActionValues, word, out);
}

} // namespace Settings
