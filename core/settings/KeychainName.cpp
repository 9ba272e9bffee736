#include "settings/KeychainName.h"

namespace Settings {

KeychainName::System KeychainName::current()
{
#if defined(Q_OS_WIN)
    return System::Windows;
#elif defined(Q_OS_MACOS)
    return System::MacOS;
#else
    return System::Linux;
#endif
}

QString KeychainName::of(System system)
{
    switch (system) {
    case System::Windows:
        return tr("Credential Manager");
    case System::MacOS:
        return tr("Keychain");
    case System::Linux:
        break;
    }
    return tr("Secret Service keyring");
}

} // namespace Settings
