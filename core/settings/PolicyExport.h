#pragma once

#include "settings/PolicySource.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Settings {

// Writes an administrator's policy (entries with their tiers, "group/key" as
// in docs/CONFIG.md) in the form each system reads it (PolicySource.h):
//
//   ini()           policy.ini for /etc/xdg/Yubisashi (IniPolicySource): [group]
//                   locks, [recommended/group] recommends; UTF-8.
//   reg()           a regedit export of HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Yubisashi
//                   (PolicySource_win.cpp, RegPolicyFile): locked keys under GROUP,
//                   recommended under Recommended\GROUP; numbers and yes/no as
//                   REG_DWORD (as Group Policy writes them), the rest REG_SZ;
//                   UTF-16LE with a byte-order mark, CRLF, as regedit writes.
//   mobileconfig()  a macOS configuration profile whose payload is the managed
//                   preferences PolicySource_mac.cpp reads: a dictionary per group,
//                   "Recommended" holding the same for the recommended tier.
//
// Lists are written as one text with ", " between the entries: every reader
// splits it again (Validation, Config::load). Values are written as given; the
// caller checks them first (Validation::check, as `yubisashi admin` does).
class PolicyExport
{
    Q_DECLARE_TR_FUNCTIONS(Settings::PolicyExport)

public:
    static QByteArray ini(const QList<PolicyEntry>& entries);
    static QByteArray reg(const QList<PolicyEntry>& entries);
    static QByteArray mobileconfig(const QList<PolicyEntry>& entries);

    // The text of a value as the files carry it (a list joined with ", ").
    static QString text(const QVariant& value);

    // Writes data to path atomically (QSaveFile): an existing file is replaced
    // whole or not at all. false with a translated reason in *error.
    static bool save(const QByteArray& data, const QString& path, QString* error);
};

} // namespace Settings
