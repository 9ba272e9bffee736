#pragma once

#include "review/checks/CheckInfo.h"
#include "settings/Config.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Review {

// The settings of the checks (docs/CHECKS.md) as the checks use them: the
// checks' keys Settings::Config read ([checks] and the lists in [policy]),
// with each check's own default action for a code the settings do not set.
struct CheckPolicy : Settings::ChecksConfig
{
    Q_DECLARE_TR_FUNCTIONS(Review::CheckPolicy)

public:
    QHash<QString, CheckAction> actions; // by check code, as the settings set them
    Settings::Policy policy;             // internal_domains and review, as Settings::Config read them

    CheckAction action(const QString& code) const;

    // The check's own default (CheckInfo::defaultAction); Show for a code no check has.
    static CheckAction defaultAction(const QString& code);
    static QString actionName(CheckAction action);

    // The defaults with `policy` as given.
    static CheckPolicy defaults(const Settings::Policy& policy);
    // The checks' settings of a configuration, read with the administrator's
    // policy already applied (Settings::loadEffective): what the hop, the
    // `check` command and Settings use.
    // problems: a [checks] code no check has, or an action word that is not
    // one (each is left out, so the check's default applies).
    static CheckPolicy fromConfig(const Settings::Config& config, QStringList* problems = nullptr);
};

} // namespace Review
