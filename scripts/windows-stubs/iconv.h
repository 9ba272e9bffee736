/* Stand-in for libiconv's iconv.h (vcpkg's libiconv provides the real one on
 * Windows; MinGW-w64 has none). GMime's public headers include it, and
 * Yubisashi does not call iconv itself (ICU converts charsets), so the
 * declarations GMime's headers need are enough. Used only by
 * scripts/check-windows.sh. */
#ifndef YUBISASHI_STUB_ICONV_H
#define YUBISASHI_STUB_ICONV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void* iconv_t;
iconv_t iconv_open(const char* tocode, const char* fromcode);
size_t iconv(iconv_t cd, char** inbuf, size_t* inbytesleft, char** outbuf, size_t* outbytesleft);
int iconv_close(iconv_t cd);

#ifdef __cplusplus
}
#endif

#endif
