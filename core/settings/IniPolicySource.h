#pragma once

#include "settings/PolicySource.h"

#include <QCoreApplication>
#include <QHash>

namespace Settings {

// The policy as an INI file, written like the user's settings file
// (docs/CONFIG.md). A section as the user's file spells it ([policy],
// [account.corp], [general]) is locked; the same section under
// "recommended/" ([recommended/policy], [recommended/general]) is
// recommended, like the registry's Policies\Yubisashi\Recommended key.
// Values are read by QSettings, as the user's file is; the lines are read
// again for their numbers, for lines QSettings would skip without a word, and
// for text that is not UTF-8 (a file saved as Shift_JIS).
class IniPolicySource : public PolicySource
{
    Q_DECLARE_TR_FUNCTIONS(Settings::IniPolicySource)

public:
    explicit IniPolicySource(const QString& path);

    QString location() const override;
    QString baseFolder() const override;
    QList<PolicyEntry> read(QStringList* errors) const override;

    // "policy.ini, line 12" for messages; just the location when line is 0.
    static QString where(const QString& location, int line);
    // The first line of data that is not UTF-8 (a UTF-8 byte-order mark is
    // fine), or 0 when all of it is.
    static int firstLineNotUtf8(const QByteArray& data);
    // What to do about a file that is not UTF-8, in plain words.
    static QString notUtf8Message(const QString& location, int line);

private:
    QString m_path;
};

} // namespace Settings
