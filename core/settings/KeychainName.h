#pragma once

#include <QCoreApplication>
#include <QString>

namespace Settings {

// The system's password store, named the way the system names it, so the
// person can find it there: Windows "Credential Manager", macOS "Keychain",
// Linux "Secret Service keyring" (GNOME Keyring, KWallet). Every text that
// mentions the keychain (Settings, the first-run wizard, the secret store's
// description) takes the name from here.
class KeychainName
{
    Q_DECLARE_TR_FUNCTIONS(Settings::KeychainName)

public:
    enum class System
    {
        Windows,
        MacOS,
        Linux, // and the other systems with a Secret Service
    };

    static System current();
    static QString of(System system = current());
};

} // namespace Settings
