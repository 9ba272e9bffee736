#pragma once

#include <QStringList>

// `yubisashi admin [FILE]`: the administrator's window (Ui::AdminWindow) for
// writing a policy and saving it as policy.ini, .reg or .mobileconfig.
// `yubisashi admin --check FILE`: validates an administrator's policy file
// (INI, or a .reg export of the Policies registry key) with the rules
// Yubisashi applies it by (Settings::PolicyCheck). args are the arguments
// after the word "admin". Exit status (--check): 0 valid, 1 invalid, 3 usage error.
int runAdmin(const QStringList& args);
