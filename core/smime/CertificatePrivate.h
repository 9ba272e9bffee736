#pragma once

// Internal to core/smime.

#include "smime/Certificate.h"
#include "smime/OpenSsl.h"

namespace Smime {

struct Certificate::Private
{
    Ossl::X509Ptr x509;
    // Takes a new reference; the caller keeps its own.
    static Certificate wrap(X509* x);
    // The X509 of a certificate (nullptr for a null one); owned by the certificate.
    static X509* handle(const Certificate& c) { return c.d_func() ? c.d_func()->x509.get() : nullptr; }
};

} // namespace Smime
