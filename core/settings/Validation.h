#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace Settings {

// The rules each settings key follows (docs/CONFIG.md, docs/CHECKS.md), for
// whoever writes the file: the Settings window checks a value as it is typed,
// ConfigWriter refuses what Config::load would reject. TestConfigWriter keeps
// these rules and Config::load's in step.
class Validation
{
    Q_DECLARE_TR_FUNCTIONS(Settings::Validation)

public:
    enum class Type
    {
        Integer,       // whole number in [min, max]
        Boolean,       // true/false, yes/no, on/off, 1/0
        Choice,        // one of choices (case does not matter)
        Text,          // any single line
        Host,          // a server name: no spaces; required
        Path,          // a file or folder; empty means the default
        DomainList,    // comma list of domain patterns
        AddressList,   // comma list of e-mail addresses
        TextList,      // comma list of words or phrases
        ExtensionList, // comma list of file extensions (exe, .exe, *.exe)
        Url,           // an https address (http only to this computer); empty means the default
        DomainGroups,  // comma list of groups of domains, the domains of a group separated by spaces
    };

    struct KeySpec
    {
        Type type = Type::Text;
        qint64 min = 0;
        qint64 max = 0;
        QStringList choices; // for Choice; "" allowed when allowEmpty
        bool allowEmpty = false;
    };

    // The rule of "group/key" ("listener/port", "account.work/host",
    // "checks/keyword", "general/language"); nullopt for a key Yubisashi does
    // not know.
    static std::optional<KeySpec> spec(const QString& key);

    // Empty when the value is allowed; otherwise one translated sentence
    // saying what is wrong and what is allowed.
    static QString check(const QString& key, const QString& value);
    // The keys of the fixed sections ("listener/port"…) and of an account
    // section ("host", "oauth_client_id"…), sorted.
    static QStringList fixedKeyNames();
    static QStringList accountKeyNames();
    static QString checkList(const QString& key, const QStringList& values);

    // The parts of the rules that forms check on their own.
    static bool isValidAccountName(const QString& name);
    static QString accountNameProblem(const QString& name); // empty when fine
    static bool isPlausibleAddress(const QString& address);
    static bool isDomainPattern(const QString& pattern);
    static QString domainProblem(const QString& pattern); // empty when fine
    static std::optional<bool> parseBoolean(const QString& value);

    static QString accountGroup(const QString& name) { return QStringLiteral("account.") + name; }
};

} // namespace Settings
