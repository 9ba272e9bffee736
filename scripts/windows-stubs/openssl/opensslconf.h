/* Stand-in for OpenSSL 3's opensslconf.h (see configuration.h here). */
#ifndef OPENSSL_OPENSSLCONF_H
#define OPENSSL_OPENSSLCONF_H
#pragma once

#include <openssl/configuration.h>
#include <openssl/macros.h>

#endif /* OPENSSL_OPENSSLCONF_H */
