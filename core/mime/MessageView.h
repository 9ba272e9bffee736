#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Mime {

struct Mailbox
{
    QString name;       // display name, decoded (RFC 2047, raw 8-bit, charsets)
    QString address;    // local@domain with the domain in Unicode (IDN shown as Unicode)
    QString addressAce; // local@domain with the domain in ASCII (punycode), lower-case domain: for comparison
    bool operator==(const Mailbox& o) const { return name == o.name && address == o.address; }
};

struct Attachment
{
    QString filename;    // decoded (RFC 2231 continuations/charsets, RFC 2047 in quotes)
    QString contentType; // "application/pdf"
    qint64 size = 0;     // decoded size in bytes
    bool isInline = false;
    QByteArray sha256; // of the decoded content
};

// A message parsed once: the headers and MIME facts every later step needs.
// GMime gives the structure, ICU the charsets. Malformed input never fails:
// the view is the best that can be made, and `problems` says what was wrong.
struct MessageView
{
    Mailbox from;
    QList<Mailbox> sender;
    QList<Mailbox> replyTo;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    QList<Mailbox> bcc;
    QString subject;
    QDateTime date;
    QString messageId;      // without the angle brackets: "abc.123@example.com"
    QString inReplyTo;      // the first id, without angle brackets
    QStringList references; // in order, without angle brackets
    QList<Attachment> attachments;
    QString textBody;      // the first text/plain part (or text/html stripped of tags), decoded; up to 64 KiB
    bool isSigned = false; // multipart/signed or application/pkcs7-mime signed-data at the top
    bool isEncrypted = false; // application/pkcs7-mime enveloped-data, or multipart/encrypted
    bool hasMimeVersion = false;
    QStringList problems; // plain-language notes about malformed parts (translated)

    static MessageView parse(const QByteArray& content);
    // The charset parse() reads raw 8-bit header bytes with (the first text
    // part's declared charset; empty if none): for writers that must decode a
    // header exactly as the review showed it.
    static QByteArray headerCharset(const QByteArray& content);
};

} // namespace Mime

Q_DECLARE_METATYPE(Mime::MessageView)
