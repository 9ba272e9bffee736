#pragma once

#include "settings/Config.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Review {

// What policy does with a check's findings.
enum class CheckAction
{
    Off,     // the check does not run
    Show,    // findings are shown
    Confirm, // warnings need their own acknowledgement before Send
    Block,   // warnings block the message
};

// The settings of the checks, read from the same INI file as Settings::Config:
// [checks] <code>=off|show|confirm|block and the lists in [policy]. The keys
// are a stable interface (docs/CHECKS.md).
struct CheckPolicy
{
    Settings::Policy policy;             // internal_domains and review, as Settings::Config read them
    QHash<QString, CheckAction> actions; // by check code; a missing code uses defaultAction()
    QStringList blockedDomains;
    QStringList cautionDomains;
    QStringList knownDomains; // domains to compare look-alikes with, besides internal and history
    QStringList keywords;
    QStringList riskyExtensions;          // lower case, without dot
    int manyExternalThreshold = 10;       // more than this many external addresses in To/Cc
    int manyExternalDomainsThreshold = 0; // more than this many external domains in To/Cc; 0 = off
    int landlinePhoneThreshold = 3;       // fixed-line numbers counted as personal data from this many
    bool manyExternalAlwaysBcc = false;   // many_external_bcc=always: move them without asking

    CheckAction action(const QString& code) const;

    static CheckAction defaultAction(const QString& code);
    static QStringList defaultKeywords();
    static QStringList defaultRiskyExtensions();
    static QString actionName(CheckAction action);

    // The defaults with `policy` as given.
    static CheckPolicy defaults(const Settings::Policy& policy);
    // Reads the check keys of the INI file at path. An unknown check code or a
    // value that does not parse is an error naming the key and the value; the
    // default is kept. Returns false only when the file exists but cannot be read.
    static bool load(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                     QStringList* errors);
    // load() with the administrator's policy file on top (its keys win), as
    // mail is judged: what the hop, the `check` command and Settings use.
    static bool loadEffective(const QString& path, const Settings::Policy& policy, CheckPolicy* out,
                              QStringList* errors);
};

} // namespace Review
