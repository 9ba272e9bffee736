#pragma once

#include "smtp/UpstreamConfig.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Settings {

enum class SignPolicy
{
    Always,
    External,
    Never
};
enum class EncryptPolicy
{
    Never,
    WhenPossible,
    RequiredForDomains
};
enum class ReviewPolicy
{
    Always,
    External,
    Never
};
enum class SecretsBackend
{
    Keychain,
    File
};
// [checks] <code>=off|show|confirm|block: what policy does with a check's findings.
enum class CheckAction
{
    Off,     // the check does not run
    Show,    // findings are shown
    Confirm, // warnings need their own acknowledgement before Send
    Block,   // warnings block the message
};

class AdminPolicy;

// [account.NAME]
struct Account
{
    QString name;     // local AUTH user name and key of the group
    QString preset;   // microsoft365 | google | generic
    QStringList from; // addresses this account sends as (may be empty)
    QString host;
    quint16 port = 587;
    Smtp::Security security = Smtp::Security::StartTls;
    Smtp::AuthMethod auth = Smtp::AuthMethod::Login;
    QString user;
    QString caFile;
    QString smimeP12;
    SignPolicy sign = SignPolicy::External;
    EncryptPolicy encrypt = EncryptPolicy::Never;
    QStringList
        encryptDomains; // with encrypt=required-for-domains: patterns like example.co.jp, *.example.co.jp
    // allow_plaintext_auth: sign in over security=none to a server that is not on this computer.
    bool allowPlaintextAuth = false;
};

struct Listener
{
    quint16 port = 10587;
    bool requireAuth = true;
    int maxSessions = 16;
    qint64 maxMessageSize = 64LL * 1024 * 1024;
    int maxRecipients = 1000;
};

struct DeliveryConfig
{
    int clientWaitSeconds = 45; // 0 = always queue
    int countdownSeconds = 0;
    QString testModeFolder; // resolved to an absolute path; default <data>/test-mode
    int retryInitialSeconds = 60;
    int retryMaxSeconds = 3600;
    int giveUpHours = 120;
    int retentionDays = 7;
    int upstreamTimeoutSeconds = 120;
    // Kept-open connections per account (Delivery::UpstreamPool); 0: a new connection per message.
    int upstreamConnections = 3;
};

struct Policy
{
    QStringList internalDomains; // patterns: "example.co.jp", "*.example.co.jp"
    ReviewPolicy review = ReviewPolicy::External;
    // allow_scripted_decisions / allow_pause: ways around the review. While the
    // administrator's policy locks `review`, only the policy's own value counts
    // (Settings::bypassAllowed in AdminPolicy.h).
    bool allowScriptedDecisions = true;
    bool allowPause = true;
};

// The checks' keys (docs/CHECKS.md): [checks] and the lists and numbers in
// [policy] that only the checks read. What they mean is core/review's
// (Review::CheckPolicy::fromConfig), which also knows the check codes and
// their default actions (Review::CheckInfo): settings/ does not know the
// checks, so [checks] is kept here as the file sets it.
struct ChecksConfig
{
    QHash<QString, QString> actionWords; // [checks] code=word, as written; fromConfig checks both
    QStringList blockedDomains;
    QStringList cautionDomains;
    QStringList knownDomains; // domains to compare look-alikes with, besides internal and history
    // same_organisation: groups of domains of one organisation (acme.co.jp
    // acme.com), lower case; never look-alikes of each other, and one
    // organisation for the unusual-recipient check.
    QList<QStringList> sameOrganisation;
    QStringList keywords = defaultKeywords();
    QStringList riskyExtensions = defaultRiskyExtensions(); // lower case, without dot
    int manyExternalThreshold = 10;                         // more than this many external addresses in To/Cc
    int manyExternalDomainsThreshold = 0; // more than this many external domains in To/Cc; 0 = off
    int landlinePhoneThreshold = 3;       // fixed-line numbers counted as personal data from this many
    bool manyExternalAlwaysBcc = false;   // many_external_bcc=always: move them without asking

    static QStringList defaultKeywords();
    static QStringList defaultRiskyExtensions();
};

struct Secrets
{
    SecretsBackend store = SecretsBackend::Keychain;
    QString file; // resolved absolute path; default <config dir>/secrets.ini
};

// The whole typed configuration, read from a QSettings INI file. The keys are
// a stable interface (docs/CONFIG.md).
struct Config
{
    QString path;    // the INI file read
    QString dataDir; // app-data folder (spool, history, certificates)
    Listener listener;
    QList<Account> accounts;
    DeliveryConfig delivery;
    Policy policy;
    Secrets secrets;
    ChecksConfig checks;
    bool startAtLogin = false; // [general] start_at_login: the app keeps the platform's entry in step
    QString language = QStringLiteral("system"); // [general] language: system | en | ja
    // [general] certificate_source: where the administrator keeps each person's
    // PKCS#12 file, with %email% and %user% (Settings::CertificateSource); empty: none.
    QString certificateSource;

    bool testMode() const { return accounts.isEmpty(); }
    const Account* account(const QString& name) const;

    // Reads path. Unknown keys are ignored; a value that does not parse is an
    // error naming the key, the value and what is allowed (and the default is
    // kept). Returns false only when the file exists but cannot be read.
    static bool load(const QString& path, Config* config, QStringList* errors);
    // load() with an administrator's policy on top, merged in memory: every key
    // the policy locks wins, and one it refused leaves the default (not the
    // user's value); a key it recommends applies where the user's file does
    // not set it. [accounts]' keys apply to every account. Paths in the policy
    // are already absolute (AdminPolicy::load).
    static bool load(const QString& path, const AdminPolicy& policy, Config* config, QStringList* errors);
    // The keys of [account.NAME] as they apply ("oauth_client_id" -> value):
    // the user's file under policy, [accounts]' keys included, also for an
    // account that is in no file yet (the first-run wizard signs in before
    // it saves the account). Values as written; lists joined with ",".
    static QHash<QString, QString> accountValues(const QString& path, const AdminPolicy& policy,
                                                 const QString& name);
    // A new account NAME (Settings' Add, the first-run wizard) as the policy
    // makes it: [accounts]' recommended and locked keys applied, over
    // defaultPreset where the policy sets no preset. lockedKeys gets the
    // account keys the policy locks ("host", "oauth_client_id"), which the
    // form shows locked; its values are the policy's.
    static Account newAccount(const AdminPolicy& policy, const QString& name, const QString& defaultPreset,
                              QStringList* lockedKeys);
    // The per-user default location of the INI file.
    static QString defaultPath();
    static QString defaultDataDir();
};

// Server presets, applied under explicit keys: preset=microsoft365 gives
// smtp.office365.com:587 starttls unless host/port/security say otherwise.
bool applyPreset(const QString& preset, Account* account);

// The words the settings file uses for these values ("starttls", "xoauth2",
// "external"…), from the same tables Config::load reads them with.
QString settingWord(Smtp::Security value);
QString settingWord(Smtp::AuthMethod value);
QString settingWord(SignPolicy value);
QString settingWord(CheckAction value);
QString settingWord(EncryptPolicy value);
QString settingWord(ReviewPolicy value);
QString settingWord(SecretsBackend value);
// [policy] many_external_bcc: "always" when the policy moves them without asking, else "offer".
QString manyExternalBccWord(bool alwaysBcc);
// The value for a word (any case); false, and *out unchanged, for an unknown word.
bool fromSettingWord(const QString& word, Smtp::Security* out);
bool fromSettingWord(const QString& word, Smtp::AuthMethod* out);
bool fromSettingWord(const QString& word, SignPolicy* out);
bool fromSettingWord(const QString& word, CheckAction* out);

} // namespace Settings
