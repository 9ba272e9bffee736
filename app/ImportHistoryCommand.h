#pragma once

#include <QStringList>

// `yubisashi import-history PATH... [--config FILE]`: learns recipients from
// sent mail (mbox files, Maildir folders, .eml files) so the first day does
// not flag everyone as a first-time recipient. args are the arguments after
// the words "import-history". Returns 0 when everything was read, 1 when some
// paths could not be read (the rest was learned), 3 on a usage error or when
// the history cannot be opened.
int runImportHistory(const QStringList& args);
