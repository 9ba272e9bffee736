#pragma once

namespace Logging {

// Readable log lines on stderr: "2026-11-27 19:30:01.123 info  smtp: text".
void install();

} // namespace Logging
