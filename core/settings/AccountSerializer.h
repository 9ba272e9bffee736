#pragma once

#include "settings/Config.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Settings {

// An account as the keys of its [account.NAME] group: what the Settings
// window and the first-run wizard hand to Settings::ConfigWriter.
class AccountSerializer
{
public:
    // The keys of [account.NAME] the account forms edit.
    static QStringList keys();
    // The settings file's text for key in account ("from" joined with ", ").
    static QString value(const Account& account, const QString& key);
    // What to hand to ConfigWriter for account (key name -> QString, or
    // QStringList for "from"): every key that is in the file (the writer skips
    // unchanged ones), and a missing key only where the preset or default
    // would give another value. Locked keys are left out.
    static QList<QPair<QString, QVariant>>
    valuesToWrite(const Account& account, const QStringList& keysInFile, const QStringList& lockedKeys);
};

} // namespace Settings
