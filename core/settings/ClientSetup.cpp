#include "settings/ClientSetup.h"

#include "settings/Config.h"
#include "settings/LocalCredentials.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Settings {

QString ClientSetup::text(const Config& config, const LocalCredentials& credentials)
{
    QString text;
    if (config.testMode()) {
        text += tr("Test mode: no account is configured. Reviewed messages are saved in %1 instead of being "
                   "sent.")
                    .arg(QDir::toNativeSeparators(config.delivery.testModeFolder)) +
                u"\n\n"_s;
    }
    text += tr("Set up your mail client's outgoing (SMTP) server like this:") + u"\n"_s;
    for (const QString& user : credentials.users()) {
        text += u"\n"_s + tr("  Server: %1   Port: %2   Security: none (connection stays on this computer)")
                              .arg(u"127.0.0.1"_s)
                              .arg(config.listener.port);
        text += u"\n"_s + tr("  Authentication: normal password   User name: %1   Password: %2")
                              .arg(user, credentials.password(user));
        text += u"\n"_s;
    }
    return text;
}

} // namespace Settings
