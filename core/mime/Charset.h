#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace Mime {

// Every charset conversion of the parser goes through ICU, here. Mail labels
// are mapped the way mailers actually mean them: "Shift_JIS" is Windows CP932
// (0x8160 is U+FF5E), "ISO-2022-JP" includes the NEC row 13 and NEC-selected
// IBM extensions and half-width katakana, "ISO-8859-1" is windows-1252.
class Charset
{
public:
    enum class Status
    {
        Ok,             // decoded as labelled
        Invalid,        // the bytes are not valid in the label's charset: guessed or substituted
        UnknownCharset, // the label names no charset we know: guessed
    };

    // The ICU converter for a mail charset label, or an empty name for labels
    // that say nothing useful ("us-ascii", "unknown-8bit", empty).
    static QByteArray icuName(QByteArrayView label);
    static bool isKnown(QByteArrayView label);

    // Strict: nothing if the label is unknown or any byte is invalid.
    static std::optional<QString> decodeStrict(QByteArrayView bytes, QByteArrayView label);

    // Best effort: the label strictly; if the bytes are invalid and happen to be
    // valid UTF-8, UTF-8 (mislabelled UTF-8 is common); else the label with
    // U+FFFD substitutes. An unknown or empty label decodes as unlabelled.
    static QString decode(QByteArrayView bytes, QByteArrayView label, Status* status = nullptr);

    // Bytes with no (trustworthy) label, such as raw header text. Stretches of
    // raw ISO-2022-JP (from an escape sequence that selects a Japanese set to
    // the one back to ASCII) are ISO-2022-JP, as Thunderbird reads them; the
    // other bytes are UTF-8 if strictly valid, else `hint` (the message's
    // charset) if strictly valid, else CP932 if strictly valid (what Japanese
    // Windows mailers write), else windows-1252.
    static QString decodeUnlabelled(QByteArrayView bytes, QByteArrayView hint = {});

    // Whether the bytes hold raw ISO-2022-JP: ESC followed by a designation of
    // JIS X 0208 (ESC $ B, ESC $ @), JIS X 0212 (ESC $ ( D), JIS X 0201
    // Roman or katakana (ESC ( J, ESC ( I).
    static bool hasIso2022JpEscape(QByteArrayView bytes);

    static bool isAscii(QByteArrayView bytes);

    // The label to declare for bytes that carry none (a body without MIME
    // headers): "us-ascii", "iso-2022-jp" (7-bit with JIS X 0208 escapes),
    // "utf-8", "euc-jp" or "shift_jis" when the bytes are valid in it, else
    // "unknown-8bit" (RFC 1428).
    static QByteArray detectLabel(QByteArrayView bytes);
};

} // namespace Mime
