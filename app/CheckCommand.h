#pragma once

#include <QStringList>

// `yubisashi check FILE.eml [--from ADDR] [--rcpt ADDR]... [--json] [--config FILE]`:
// the Review the current policy would produce, without sending anything.
// args are the arguments after the word "check". Returns the exit status:
// 0 pass, 1 review, 2 block, 3 usage or input error.
int runCheck(const QStringList& args);
