#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Mime {

// Writes header fields that a 7-bit transport or a signature can carry
// unchanged, and that every mail program shows as the review showed them.
// Raw 8-bit bytes and raw ISO-2022-JP are decoded exactly as MessageView
// reads them (the same parsers, Charset::decodeUnlabelled with the message's
// charset as the hint), then written as RFC 2047 encoded words (UTF-8, B) in
// text and display names, as RFC 2231 parameters (filename*=UTF-8''...), and
// for Content-Type name= as a quoted encoded word, which is what Thunderbird
// and Outlook write and read. Lines stay under 78 columns; a character is
// never split between two encoded words or two parameter sections.
class HeaderEncoder
{
public:
    // Whether the field holds bytes a 7-bit transport cannot carry (8-bit,
    // NUL) or raw ISO-2022-JP.
    static bool needsEncoding(QByteArrayView field);

    // One whole field (name, colon, value with the line breaks of its
    // folding), made 7-bit and ending in CRLF. A field that needs nothing is
    // returned as it was. What has no 7-bit form (an SMTPUTF8 local part,
    // 8-bit bytes in a Message-ID or Received field) is left as written.
    static QByteArray sevenBit(QByteArrayView field, QByteArrayView fallbackCharset);

    // `text` as encoded words, each preceded by a space or, when the line is
    // full, a fold; `column` is the length of the line so far.
    static QByteArray encodedWords(const QString& text, qsizetype column);
};

} // namespace Mime
