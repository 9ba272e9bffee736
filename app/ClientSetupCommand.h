#pragma once

#include <QStringList>

// `yubisashi client-setup [--format text|json|msmtprc|thunderbird] [--account NAME] [--config FILE]`:
// what a mail program needs to send through Yubisashi (Settings::ClientSetup).
// args are the arguments after the word "client-setup".
// Exit status: 0 printed, 2 the settings or secrets cannot be read, 3 usage error.
int runClientSetup(const QStringList& args);
