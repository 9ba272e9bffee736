#pragma once

#include <QString>
#include <QStringList>

namespace Settings {
struct Config;
}

namespace Diagnostics {

// "Copy diagnostics" in the About window: what someone helping the person
// needs, in one text to paste into a mail: version, OS, Qt, OpenSSL, the
// effective settings (the user's file with the administrator's policy on
// top) and the last lines of the log. Secrets are masked (SecretMask); the
// settings file holds none, but a key that looks like one is masked anyway.
// The text is for support staff and stays in English, like the log.
class Report
{
public:
    struct Environment
    {
        QString version;    // Yubisashi's
        QString os;         // QSysInfo::prettyProductName() and the kernel
        QString qt;         // the Qt library in use (qVersion())
        QString openSsl;    // the OpenSSL core/smime links (signing, PKCS#12)
        QString tlsBackend; // what Qt Network uses for TLS to the mail server
    };
    static Environment environment(const QString& version);

    static constexpr int LogLines = 200;

    // lockedKeys: the keys the administrator's policy sets ("listener/port"…).
    static QString text(const Environment& environment, const Settings::Config& config,
                        const QStringList& lockedKeys, const QString& logFolder, const QStringList& logLines);
    // The effective settings as INI lines ([section] then key=value).
    static QString settingsText(const Settings::Config& config);
};

} // namespace Diagnostics
