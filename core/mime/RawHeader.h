#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <utility>

namespace Mime {

// A header block read as bytes, for code that must change or copy fields
// without touching any other byte (HeaderRewrite, Smime::MimeCanonicalizer).
// MessageView reads what the fields mean (through GMime); this only says
// where each field is.
//
// A field is a line and the folded lines after it (lines starting with a
// space or a tab); a continuation line at the very start is a field of its
// own. Lines may end in CRLF or LF, mixed; nothing is decoded, so 8-bit bytes
// stay as they are. The header ends at the first empty line or at the end of
// the bytes. Every view points into the bytes given to read(), which must
// outlive the result.
class RawHeader
{
public:
    struct Field
    {
        qsizetype begin = 0; // offset of its first byte
        qsizetype end = 0;   // offset after the line break of its last line
        QByteArrayView raw;  // bytes [begin, end): every folded line with its line break
        // As written, without the colon and surrounding white space; empty for
        // a line without a colon (or starting with one), which is kept as a field.
        QByteArrayView name;
        // Everything after the colon up to end: folds and line breaks included.
        // Empty when there is no name.
        QByteArrayView value;

        bool hasName() const { return !name.isEmpty(); }
        bool is(QByteArrayView fieldName) const { return name.compare(fieldName, Qt::CaseInsensitive) == 0; }
        // The value unfolded: each line trimmed, the continuation lines joined
        // to it with one space (an empty first line leaves a leading space).
        QByteArray unfoldedValue() const;
    };

    static RawHeader read(QByteArrayView bytes);

    const QList<Field>& fields() const& { return m_fields; }
    // By value from a temporary, so that `for (f : RawHeader::read(b).fields())` is safe.
    QList<Field> fields() && { return std::move(m_fields); }
    // Where the empty line that ends the header starts; the size of the bytes
    // when there is none.
    qsizetype end() const { return m_end; }

private:
    QList<Field> m_fields;
    qsizetype m_end = 0;
};

} // namespace Mime
