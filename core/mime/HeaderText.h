#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace Mime {

// Decodes header text the way the people who wrote it meant it: RFC 2047
// encoded words (B and Q, split across lines, adjacent words joined without
// the whitespace between them, a multibyte character split across words), raw
// 8-bit bytes and raw ISO-2022-JP. GMime's own decoding is not used: it converts each word on
// its own and guesses differently.
class HeaderText
{
public:
    struct Context
    {
        QByteArray fallbackCharset; // the message's charset, for raw 8-bit bytes
        QString headerName;         // for the problem notes: "Subject"
        QStringList* problems = nullptr;
    };

    // Removes the line breaks of folding (RFC 5322 3.2.2); keeps the whitespace.
    static QByteArray unfold(QByteArrayView raw);

    // Unfolded, and when the field holds raw ISO-2022-JP (older Japanese
    // mailers write it without encoded words), all of it decoded to UTF-8 as
    // Charset::decodeUnlabelled reads it. A parser must look at this, not the
    // raw bytes: the two-byte JIS codes include '"', ',', ';', '<', backslash and
    // "=?", which would otherwise be taken for structure.
    static QByteArray unfoldForParsing(QByteArrayView raw, QByteArrayView fallbackCharset);

    // Unstructured text (Subject, display names once the phrase is put back
    // together, RFC 2047 inside quoted filenames). Input may still be folded.
    static QString decode(QByteArrayView raw, const Context& context);

    // One element of an address list: a mailbox, or a group with its members.
    struct ListItem
    {
        QByteArray text; // a mailbox, or the group's display name
        bool isGroup = false;
        QList<QByteArray> members;
    };
    // The elements of an address field's raw value, as AddressList reads them.
    static QList<ListItem> splitAddressList(QByteArrayView value);

    // At `pos` ("=?"), the length of a complete encoded word, or 0.
    static qsizetype encodedWordLength(QByteArrayView text, qsizetype pos);

    static void addProblem(const Context& context, const QString& problem);
};

} // namespace Mime
