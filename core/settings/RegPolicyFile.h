#pragma once

#include "settings/PolicySource.h"

#include <QCoreApplication>

namespace Settings {

// A registry export (.reg, "Windows Registry Editor Version 5.00" or
// REGEDIT4) of the policy key, as regedit writes it and as an administrator
// hands it on: sections [HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Yubisashi\GROUP]
// (or HKEY_CURRENT_USER, or ...\Yubisashi\Recommended\GROUP) with
// "key"="text" and "key"=dword:0000000a values. Parsed here, on any OS, so
// that `yubisashi admin --check` validates what the registry would hold.
class RegPolicyFile
{
    Q_DECLARE_TR_FUNCTIONS(Settings::RegPolicyFile)

public:
    // Whether text is a registry export (its first line says so).
    static bool looksLikeReg(const QString& text);
    // The entries, HKEY_LOCAL_MACHINE's before HKEY_CURRENT_USER's (the
    // machine's win), each with its line. What cannot be a policy value
    // (another key, a deletion, a binary value) is reported with its line.
    static QList<PolicyEntry> parse(const QString& text, const QString& location, QStringList* errors);
    // The text regedit would export for these entries under HKEY_LOCAL_MACHINE.
    static QString write(const QList<PolicyEntry>& entries);
};

} // namespace Settings
