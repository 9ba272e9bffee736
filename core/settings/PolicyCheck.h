#pragma once

#include "settings/PolicySource.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Settings {

// `yubisashi admin --check FILE`: whether a policy file (INI, or a .reg
// export of the policy registry key) would be applied as written, with the
// rules Settings and the policy loader use (Validation, AdminPolicy). Every
// problem names the file and, where there is one, the line.
class PolicyCheck
{
    Q_DECLARE_TR_FUNCTIONS(Settings::PolicyCheck)

public:
    struct Result
    {
        bool valid = false;
        QStringList problems; // one translated sentence each
        int locked = 0;       // keys the file locks
        int recommended = 0;  // keys the file recommends
    };

    // Reads UTF-8 with or without a byte-order mark, and UTF-16 with one
    // (regedit's exports); says so when the file is in another encoding.
    static Result checkFile(const QString& path);

    // The entries of a policy file (INI or .reg) as written, before any rule
    // is checked; what cannot be read is added to problems. *readable is false
    // when the file itself cannot be used (missing, another encoding);
    // *baseFolder receives the folder relative paths in an INI file are relative to.
    static QList<PolicyEntry> readEntries(const QString& path, QStringList* problems, QString* baseFolder,
                                          bool* readable);
};

} // namespace Settings
