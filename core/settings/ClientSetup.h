#pragma once

#include <QCoreApplication>
#include <QString>

namespace Settings {

struct Config;
class LocalCredentials;

// `yubisashi client-setup`: what to enter in a mail program's outgoing
// (SMTP) server settings: 127.0.0.1, the listener's port, and the local user
// name and password of each account; in test mode, where the messages go instead.
class ClientSetup
{
    Q_DECLARE_TR_FUNCTIONS(Settings::ClientSetup)

public:
    static QString text(const Config& config, const LocalCredentials& credentials);
};

} // namespace Settings
