#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace Smime {

// Splits a message for signing into the outer header fields and the MIME
// entity to sign, and makes that entity 7-bit safe so that no relay can
// change a byte of it: any leaf with 8-bit bytes, NULs, lines over 998
// octets, trailing white space or a line starting "From " is re-encoded
// (text/* as quoted-printable unless it is mostly 8-bit, like Japanese in
// UTF-8, where base64 is a third of the size; anything else as base64).
// Header fields with 8-bit bytes or raw ISO-2022-JP in the entity (a
// Japanese file name in Content-Disposition, or in an attached message's
// header) are rewritten 7-bit by Mime::HeaderEncoder. Everything else —
// header folding, boundaries, preambles, epilogues, untouched parts — is
// kept byte for byte.
class MimeCanonicalizer
{
    Q_DECLARE_TR_FUNCTIONS(Smime::MimeCanonicalizer)

public:
    enum class Status
    {
        Ok,
        AlreadyProtected, // multipart/signed, multipart/encrypted or application/pkcs7-mime: leave it alone
        Malformed,        // cannot be signed safely; error says why
    };

    struct Result
    {
        Status status = Status::Ok;
        QString error; // translated, for Malformed
        // Every header field except Content-* and MIME-Version, verbatim, CRLF-terminated.
        QByteArray outerHeaders;
        // The entity (Content-* fields, empty line, body) as consecutive pieces.
        // Unchanged stretches point into `storage` without a copy.
        QList<QByteArray> entity;
        // The input (implicitly shared with the caller's QByteArray, so no
        // copy), or the input with bare CR/LF repaired. Keeps `entity` valid.
        QByteArray storage;
        bool reencoded = false; // at least one part was re-encoded (or a Content-Type added)

        qsizetype entitySize() const;
        QByteArray entityBytes() const; // joined (a copy)
    };

    // message: the whole message as received (CRLF line ends; bare LF or CR are repaired).
    static Result canonicalize(const QByteArray& message);
    // Only the split into outer header fields and entity, nothing re-encoded
    // (for wrapping an already signed message into an encrypted one).
    static Result separate(const QByteArray& message);
    // Only looks at the top-level Content-Type.
    static bool isProtected(const QByteArray& message);

    // The message for an upstream without 8BITMIME (RFC 6152 section 3: the
    // sender converts): its parts made 7-bit as for signing, and its header
    // fields too (RFC 2047 words, RFC 2231 parameters, as MessageView read
    // them). A signed or encrypted message keeps its protected entity byte for
    // byte; only the fields outside it change. nullopt when that cannot make
    // it 7-bit (a damaged structure, an SMTPUTF8 address, 8-bit bytes inside a
    // signature).
    static std::optional<QByteArray> toSevenBit(const QByteArray& message);

private:
    static Result run(const QByteArray& message, bool canonical);
};

} // namespace Smime
