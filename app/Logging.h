#pragma once

#include <QString>
#include <QStringList>

namespace Logging {

// Readable log lines on stderr: "2026-11-27 19:30:01.123 info  smtp: text",
// with secrets masked (Diagnostics::SecretMask). Called first in main().
void install();

// From then on the same lines also go to the rotating log file in folder
// (Diagnostics::LogFile: yubisashi.log, 1 MB x 5). false with the reason;
// stderr goes on either way.
bool openFile(const QString& folder, QString* error);

// Where the log files are: AppLocalDataLocation/logs (docs/CONFIG.md lists it per OS).
// Needs the organisation and application names set.
QString defaultFolder();
// The folder openFile() opened (empty before).
QString folder();

} // namespace Logging
