#pragma once

#include <QString>

namespace Mime {

// Domain names both ways through ICU's UTS #46 processing, so that a
// look-alike domain written in punycode is shown as the Unicode it displays
// as, and every comparison uses one lower-case ASCII form.
class Idna
{
public:
    // "xn--eckwd4c7c.xn--zckzah" -> "ドメイン.テスト"; unconvertible input is returned lower-cased.
    static QString toUnicode(const QString& domain);
    // "ドメイン.テスト" -> "xn--eckwd4c7c.xn--zckzah", lower-case; unconvertible input is returned
    // lower-cased.
    static QString toAscii(const QString& domain);
};

} // namespace Mime
