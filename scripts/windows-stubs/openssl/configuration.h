/* Stand-in for OpenSSL 3's generated configuration.h as a 64-bit Windows
 * build (VC-WIN64A / mingw64 target, as vcpkg builds it) installs it. Used
 * only by scripts/check-windows.sh: Debian's copy lives in the
 * architecture folder and describes Linux (LP64, SIXTY_FOUR_BIT_LONG). */
#ifndef OPENSSL_CONFIGURATION_H
#define OPENSSL_CONFIGURATION_H
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_CONFIGURED_API 30000
#ifndef OPENSSL_SYS_WIN64A
#define OPENSSL_SYS_WIN64A 1
#endif
#ifndef OPENSSL_RAND_SEED_OS
#define OPENSSL_RAND_SEED_OS
#endif
#ifndef OPENSSL_THREADS
#define OPENSSL_THREADS
#endif
#ifndef OPENSSL_NO_DEVCRYPTOENG
#define OPENSSL_NO_DEVCRYPTOENG
#endif
#ifndef OPENSSL_NO_EGD
#define OPENSSL_NO_EGD
#endif
#ifndef OPENSSL_NO_KTLS
#define OPENSSL_NO_KTLS
#endif
#ifndef OPENSSL_NO_SCTP
#define OPENSSL_NO_SCTP
#endif

/* LLP64: long is 32 bits, so BIGNUM words are unsigned long long. */
#undef BN_LLONG
#define SIXTY_FOUR_BIT
#undef SIXTY_FOUR_BIT_LONG
#undef THIRTY_TWO_BIT

#define RC4_INT unsigned int

#ifdef __cplusplus
}
#endif

#endif /* OPENSSL_CONFIGURATION_H */
