#include "diagnostics/Report.h"

#include "diagnostics/SecretMask.h"
#include "settings/Config.h"
#include "smime/Library.h"

#include <QDir>
#include <QSslSocket>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Diagnostics {

namespace {

QString yesNo(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

class Ini
{
public:
    void section(const QString& name) { m_text += (m_text.isEmpty() ? u"["_s : u"\n["_s) + name + u"]\n"_s; }
    void key(const QString& name, const QString& value) { m_text += name + u'=' + value + u'\n'; }
    void key(const QString& name, qint64 value) { key(name, QString::number(value)); }
    void list(const QString& name, const QStringList& values) { key(name, values.join(u", "_s)); }
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace

Report::Environment Report::environment(const QString& version)
{
    Environment e;
    e.version = version;
    e.os = u"%1 (%2 %3, %4)"_s.arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                                   QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture());
    e.qt = QString::fromLatin1(qVersion());
    e.openSsl = Smime::openSslVersion();
    e.tlsBackend = QSslSocket::supportsSsl()
                       ? QSslSocket::activeBackend() + u": "_s + QSslSocket::sslLibraryVersionString()
                       : u"none available"_s;
    return e;
}

QString Report::settingsText(const Settings::Config& c)
{
    Ini ini;
    ini.section(u"general"_s);
    ini.key(u"language"_s, c.language);
    ini.key(u"start_at_login"_s, yesNo(c.startAtLogin));
    ini.key(u"data_dir"_s, QDir::toNativeSeparators(c.dataDir));
    ini.section(u"listener"_s);
    ini.key(u"port"_s, c.listener.port);
    ini.key(u"require_auth"_s, yesNo(c.listener.requireAuth));
    ini.key(u"max_sessions"_s, c.listener.maxSessions);
    ini.key(u"max_message_size"_s, c.listener.maxMessageSize);
    ini.key(u"max_recipients"_s, c.listener.maxRecipients);
    for (const Settings::Account& a : c.accounts) {
        ini.section(u"account."_s + a.name);
        ini.key(u"preset"_s, a.preset);
        ini.list(u"from"_s, a.from);
        ini.key(u"host"_s, a.host);
        ini.key(u"port"_s, a.port);
        ini.key(u"security"_s, Settings::settingWord(a.security));
        ini.key(u"auth"_s, Settings::settingWord(a.auth));
        ini.key(u"user"_s, a.user);
        ini.key(u"ca_file"_s, QDir::toNativeSeparators(a.caFile));
        ini.key(u"smime_p12"_s, QDir::toNativeSeparators(a.smimeP12));
        ini.key(u"sign"_s, Settings::settingWord(a.sign));
        ini.key(u"encrypt"_s, Settings::settingWord(a.encrypt));
        ini.list(u"encrypt_domains"_s, a.encryptDomains);
        ini.key(u"allow_plaintext_auth"_s, yesNo(a.allowPlaintextAuth));
    }
    ini.section(u"delivery"_s);
    ini.key(u"client_wait_seconds"_s, c.delivery.clientWaitSeconds);
    ini.key(u"countdown_seconds"_s, c.delivery.countdownSeconds);
    ini.key(u"test_mode_folder"_s, QDir::toNativeSeparators(c.delivery.testModeFolder));
    ini.key(u"retry_initial_seconds"_s, c.delivery.retryInitialSeconds);
    ini.key(u"retry_max_seconds"_s, c.delivery.retryMaxSeconds);
    ini.key(u"give_up_hours"_s, c.delivery.giveUpHours);
    ini.key(u"retention_days"_s, c.delivery.retentionDays);
    ini.key(u"upstream_timeout_seconds"_s, c.delivery.upstreamTimeoutSeconds);
    ini.key(u"upstream_connections"_s, c.delivery.upstreamConnections);
    ini.section(u"policy"_s);
    ini.list(u"internal_domains"_s, c.policy.internalDomains);
    ini.key(u"review"_s, Settings::settingWord(c.policy.review));
    ini.key(u"allow_scripted_decisions"_s, yesNo(c.policy.allowScriptedDecisions));
    ini.key(u"allow_pause"_s, yesNo(c.policy.allowPause));
    ini.list(u"blocked_domains"_s, c.checks.blockedDomains);
    ini.list(u"caution_domains"_s, c.checks.cautionDomains);
    ini.list(u"known_domains"_s, c.checks.knownDomains);
    ini.list(u"keywords"_s, c.checks.keywords);
    ini.list(u"risky_extensions"_s, c.checks.riskyExtensions);
    ini.key(u"many_external_threshold"_s, c.checks.manyExternalThreshold);
    ini.key(u"many_external_domains_threshold"_s, c.checks.manyExternalDomainsThreshold);
    ini.key(u"landline_phone_threshold"_s, c.checks.landlinePhoneThreshold);
    ini.key(u"many_external_bcc"_s, Settings::manyExternalBccWord(c.checks.manyExternalAlwaysBcc));
    if (!c.checks.actionWords.isEmpty()) {
        ini.section(u"checks"_s);
        QStringList codes = c.checks.actionWords.keys();
        codes.sort();
        for (const QString& code : codes)
            ini.key(code, c.checks.actionWords.value(code));
    }
    ini.section(u"secrets"_s);
    ini.key(u"store"_s, Settings::settingWord(c.secrets.store));
    ini.key(u"file"_s, QDir::toNativeSeparators(c.secrets.file));
    return SecretMask::mask(ini.text());
}

QString Report::text(const Environment& e, const Settings::Config& config, const QStringList& lockedKeys,
                     const QString& logFolder, const QStringList& logLines)
{
    QString out;
    out += u"Yubisashi %1\n"_s.arg(e.version);
    out += u"OS: %1\n"_s.arg(e.os);
    out += u"Qt: %1\n"_s.arg(e.qt);
    out += u"OpenSSL: %1\n"_s.arg(e.openSsl);
    out += u"TLS: %1\n"_s.arg(e.tlsBackend);
    out += u"Settings file: %1\n"_s.arg(QDir::toNativeSeparators(config.path));
    out += u"Locked by the administrator's policy: %1\n"_s.arg(
        lockedKeys.isEmpty() ? u"nothing"_s : lockedKeys.join(u", "_s));
    out += u"Log folder: %1\n"_s.arg(QDir::toNativeSeparators(logFolder));
    out += u"\n--- Effective settings (secrets masked) ---\n"_s;
    out += settingsText(config);
    out += u"\n--- The last %1 log lines ---\n"_s.arg(logLines.size());
    for (const QString& line : logLines)
        out += SecretMask::mask(line) + u'\n';
    return out;
}

} // namespace Diagnostics
