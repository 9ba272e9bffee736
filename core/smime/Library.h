#pragma once

#include <QString>

namespace Smime {

// The OpenSSL library core/smime runs with ("OpenSSL 3.0.15 3 Sep 2024"), for diagnostics.
QString openSslVersion();

} // namespace Smime
