#pragma once

namespace Mime {

// The value of one hexadecimal digit in either case, or -1: for %XX
// (RFC 2231), =XX (RFC 2047 Q) and quoted-printable (RFC 2045).
constexpr int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace Mime
