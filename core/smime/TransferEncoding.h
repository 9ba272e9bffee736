#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Smime {

// Content-Transfer-Encodings written for signing: every line ends in CRLF and
// no line can be altered by a relay (no 8-bit bytes, no trailing white space,
// no line starting "From ", nothing longer than 76 columns).
class TransferEncoding
{
public:
    // Base64 in lines of 76 characters, each ending in CRLF.
    static void appendBase64(QByteArray& out, QByteArrayView data);
    static QByteArray base64(QByteArrayView data);
    // Quoted-printable for text: CRLF pairs in `text` are line breaks; lone CR or
    // LF are encoded. Trailing spaces/tabs and a leading "From " are encoded.
    static void appendQuotedPrintable(QByteArray& out, QByteArrayView text);
    static QByteArray quotedPrintable(QByteArrayView text);

    static QByteArray decodeBase64(QByteArrayView encoded);
    // Lenient: a malformed "=" escape is kept as is; white space added at line ends is removed (RFC
    // 2045 6.7).
    static QByteArray decodeQuotedPrintable(QByteArrayView encoded);
};

} // namespace Smime
