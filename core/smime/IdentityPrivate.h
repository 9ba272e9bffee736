#pragma once

// Internal to core/smime.

#include "smime/Identity.h"
#include "smime/OpenSsl.h"

namespace Smime {

struct Identity::Private
{
    Ossl::PkeyPtr key;
    Certificate certificate;
    QList<Certificate> chain;
    QStringList warnings;
};

} // namespace Smime
