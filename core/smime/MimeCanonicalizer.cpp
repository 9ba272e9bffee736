#include "smime/MimeCanonicalizer.h"

#include "mime/Charset.h"
#include "mime/HeaderEncoder.h"
#include "mime/MessageView.h"
#include "mime/RawHeader.h"
#include "smime/TransferEncoding.h"

#include <QByteArrayView>
#include <algorithm>
#include <cstring>
#include <functional>
#include <string_view>

namespace Smime {

namespace {

constexpr int kMaxDepth = 40;
constexpr qsizetype kMaxLine = 998;

// One header field: its raw bytes (all folded lines with their CRLF), lower-case name and unfolded value.
struct Field
{
    QByteArrayView raw;
    QByteArray name;
    QByteArray value;
};

QList<Field> parseFields(QByteArrayView block)
{
    QList<Field> fields;
    const Mime::RawHeader header = Mime::RawHeader::read(block);
    for (const Mime::RawHeader::Field& f : header.fields())
        fields << Field{f.raw, f.name.toByteArray().toLower(), f.unfoldedValue()};
    return fields;
}

const Field* findField(const QList<Field>& fields, QByteArrayView name)
{
    for (const Field& f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

struct ContentType
{
    QByteArray type = "text";
    QByteArray subtype = "plain";
    QByteArray boundary;
    bool present = false;
    bool isMultipart() const { return type == "multipart"; }
};

QByteArray parameter(QByteArrayView params, QByteArrayView wanted)
{
    qsizetype i = 0;
    const qsizetype n = params.size();
    while (i < n) {
        while (i < n && (params[i] == ';' || params[i] == ' ' || params[i] == '\t'))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && params[i] != '=' && params[i] != ';')
            ++i;
        const QByteArray name = params.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        if (i >= n || params[i] == ';')
            continue;
        ++i; // '='
        while (i < n && (params[i] == ' ' || params[i] == '\t'))
            ++i;
        QByteArray value;
        if (i < n && params[i] == '"') {
            ++i;
            while (i < n && params[i] != '"') {
                if (params[i] == '\\' && i + 1 < n)
                    ++i;
                value += params[i++];
            }
            ++i;
        } else {
            const qsizetype start = i;
            while (i < n && params[i] != ';' && params[i] != ' ' && params[i] != '\t' && params[i] != '(')
                ++i;
            value = params.sliced(start, i - start).toByteArray();
        }
        if (name == wanted)
            return value;
        while (i < n && params[i] != ';')
            ++i;
    }
    return {};
}

ContentType contentType(const QList<Field>& fields, bool digest)
{
    ContentType ct;
    if (digest) {
        ct.type = "message";
        ct.subtype = "rfc822";
    }
    const Field* f = findField(fields, "content-type");
    if (!f)
        return ct;
    const QByteArrayView v(f->value);
    const qsizetype semi = v.indexOf(';');
    const QByteArrayView mediaType = (semi < 0 ? v : v.first(semi)).trimmed();
    const qsizetype slash = mediaType.indexOf('/');
    if (slash <= 0)
        return ct; // unparseable: RFC 2045 says treat as text/plain
    ct.present = true;
    ct.type = mediaType.first(slash).trimmed().toByteArray().toLower();
    ct.subtype = mediaType.sliced(slash + 1).trimmed().toByteArray().toLower();
    if (semi >= 0)
        ct.boundary = parameter(v.sliced(semi + 1), "boundary");
    return ct;
}

QByteArray transferEncoding(const QList<Field>& fields)
{
    const Field* f = findField(fields, "content-transfer-encoding");
    return f ? f->value.trimmed().toLower() : QByteArray();
}

bool isProtectedType(const ContentType& ct)
{
    return (ct.type == "multipart" && (ct.subtype == "signed" || ct.subtype == "encrypted")) ||
           (ct.type == "application" && (ct.subtype == "pkcs7-mime" || ct.subtype == "x-pkcs7-mime"));
}

// Where the header block ends and the body starts.
struct Split
{
    QByteArrayView headers;   // including the CRLF of the last field
    QByteArrayView separator; // the empty line ("\r\n"), or empty when there is none
    QByteArrayView body;
};

Split split(QByteArrayView entity)
{
    if (entity.startsWith("\r\n"))
        return {{}, entity.first(2), entity.sliced(2)};
    const qsizetype blank = entity.indexOf("\r\n\r\n");
    if (blank < 0)
        return {entity, {}, {}};
    return {entity.first(blank + 2), entity.sliced(blank + 2, 2), entity.sliced(blank + 4)};
}

bool looksLikeField(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] > 32 && line[i] < 127 && line[i] != ':')
        ++i;
    return i > 0 && i < line.size() && line[i] == ':';
}

// What a relay could change about a body.
bool needsEncoding(QByteArrayView body)
{
    const char* s = body.data();
    const qsizetype n = body.size();
    qsizetype lineStart = 0;
    while (lineStart < n) {
        const void* nl = std::memchr(s + lineStart, '\n', size_t(n - lineStart));
        const qsizetype eol = nl ? static_cast<const char*>(nl) - s : n; // index of '\n' or n
        qsizetype end = eol;
        if (nl && end > lineStart && s[end - 1] == '\r')
            --end;
        else if (nl)
            return true; // bare LF (cannot happen after repair, but decoded content may have it)
        const qsizetype len = end - lineStart;
        if (len > kMaxLine)
            return true;
        if (len > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            return true;
        if (len >= 5 && std::memcmp(s + lineStart, "From ", 5) == 0)
            return true;
        // 8-bit bytes, NULs and stray CRs, eight bytes at a time where possible.
        qsizetype i = lineStart;
        for (; i + 8 <= end; i += 8) {
            quint64 v;
            std::memcpy(&v, s + i, 8);
            const quint64 high = v & 0x8080808080808080ull;
            const quint64 zero = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
            const quint64 x = v ^ 0x0d0d0d0d0d0d0d0dull; // CR bytes become zero
            const quint64 cr = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
            if (high | zero | cr)
                return true;
        }
        for (; i < end; ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80 || c == 0 || c == '\r')
                return true;
        }
        lineStart = eol + 1;
    }
    return false;
}

// Quoted-printable triples every 8-bit byte: for text that is mostly 8-bit
// (Japanese in UTF-8 is almost entirely so) base64 is a third of the size.
// The threshold is GMime's (g_mime_part_get_best_content_encoding): 17 %.
bool mostlyEightBit(QByteArrayView s)
{
    qsizetype high = 0;
    for (char c : s)
        high += static_cast<unsigned char>(c) >> 7;
    return high * 100 > s.size() * 17;
}

class Builder
{
public:
    // Views into `borrowable` are referenced; anything else is copied.
    Builder(QList<QByteArray>& out, QByteArrayView borrowable) : m_out(out), m_borrowable(borrowable) {}
    ~Builder() { flush(); }
    Builder(const Builder&) = delete;
    Builder& operator=(const Builder&) = delete;

    // Bytes that stay as they are: referenced, not copied; neighbours are merged.
    void keep(QByteArrayView v)
    {
        if (v.isEmpty())
            return;
        const std::less<const char*> before;
        if (before(v.data(), m_borrowable.data()) ||
            before(m_borrowable.data() + m_borrowable.size(), v.data() + v.size())) {
            add(v.toByteArray());
            return;
        }
        if (m_pending.data() && m_pending.data() + m_pending.size() == v.data()) {
            m_pending = QByteArrayView(m_pending.data(), m_pending.size() + v.size());
            return;
        }
        flush();
        m_pending = v;
    }
    void add(QByteArray bytes)
    {
        if (bytes.isEmpty())
            return;
        flush();
        // Small new bytes (header blocks, separators) join the previous new piece.
        if (m_lastOwned && m_out.last().size() < 4096) {
            m_out.last() += bytes;
            return;
        }
        m_out << std::move(bytes);
        m_lastOwned = true;
    }
    void flush()
    {
        if (!m_pending.isEmpty()) {
            m_out << QByteArray::fromRawData(m_pending.data(), m_pending.size());
            m_lastOwned = false;
        }
        m_pending = {};
    }

private:
    QList<QByteArray>& m_out;
    QByteArrayView m_borrowable;
    QByteArrayView m_pending;
    bool m_lastOwned = false;
};

// Header fields made 7-bit safe (Mime::HeaderEncoder) with the charset the
// review read raw header bytes with. Finding that charset parses the whole
// message, so it is done only when a field needs it.
class FieldEncoder
{
public:
    explicit FieldEncoder(QByteArrayView message) : m_message(message) {}

    bool changed = false;

    QByteArray field(QByteArrayView raw)
    {
        if (!Mime::HeaderEncoder::needsEncoding(raw))
            return raw.toByteArray();
        if (!m_haveCharset) {
            m_charset = Mime::MessageView::headerCharset(m_message.toByteArray());
            m_haveCharset = true;
        }
        changed = true;
        return Mime::HeaderEncoder::sevenBit(raw, m_charset);
    }

    bool needed(const QList<Field>& fields) const
    {
        return std::any_of(fields.begin(), fields.end(),
                           [](const Field& f) { return Mime::HeaderEncoder::needsEncoding(f.raw); });
    }

private:
    QByteArrayView m_message;
    QByteArray m_charset;
    bool m_haveCharset = false;
};

class Canonicalizer
{
public:
    Canonicalizer(Builder& b, FieldEncoder& fields) : m_b(b), m_fields(fields) {}

    bool reencoded = false;
    QString error;

    // An entity whose header fields are `fields` (raw bytes in `headerBlock`),
    // followed by `separator` (the empty line, if any) and `body`. `digest`:
    // the default type is message/rfc822 (parts of multipart/digest).
    void entity(QByteArrayView headerBlock, const QList<Field>& fields, QByteArrayView separator,
                QByteArrayView body, bool digest, int depth)
    {
        const ContentType ct = contentType(fields, digest);
        const QByteArray cte = transferEncoding(fields);
        const bool identity = cte.isEmpty() || cte == "7bit" || cte == "8bit" || cte == "binary";

        if (depth > kMaxDepth) {
            error = MimeCanonicalizer::tr("The message is nested too deeply to be signed safely.");
            return;
        }
        if (ct.isMultipart() && identity) {
            if (ct.boundary.isEmpty()) {
                error = MimeCanonicalizer::tr("The message structure is damaged (a multipart part without a "
                                              "boundary), so it cannot be signed safely.");
                return;
            }
            header(headerBlock, fields);
            m_b.keep(separator);
            multipart(body, ct.boundary, ct.subtype == "digest", depth);
            return;
        }
        if (ct.type == "message" && (ct.subtype == "rfc822" || ct.subtype == "global") && identity) {
            // An attached message cannot be re-encoded as a whole (RFC 2046 5.2.1): canonicalise inside it.
            header(headerBlock, fields);
            m_b.keep(separator);
            const Split inner = split(body);
            const QList<Field> innerFields = parseFields(inner.headers);
            entity(inner.headers, innerFields, inner.separator, inner.body, false, depth + 1);
            return;
        }
        if (!needsEncoding(body)) {
            header(headerBlock, fields);
            m_b.keep(separator);
            m_b.keep(body);
            return;
        }
        leaf(fields, ct, cte, body);
    }

private:
    // A header block as it is, or with its 8-bit and raw ISO-2022-JP fields made 7-bit.
    void header(QByteArrayView headerBlock, const QList<Field>& fields)
    {
        if (!m_fields.needed(fields)) {
            m_b.keep(headerBlock);
            return;
        }
        QByteArray out;
        for (const Field& f : fields)
            out += m_fields.field(f.raw);
        m_b.add(std::move(out));
        reencoded = true;
    }

    void leaf(const QList<Field>& fields, const ContentType& ct, const QByteArray& cte, QByteArrayView body)
    {
        QByteArray decoded;
        if (cte == "base64")
            decoded = TransferEncoding::decodeBase64(body);
        else if (cte == "quoted-printable")
            decoded = TransferEncoding::decodeQuotedPrintable(body);
        const QByteArrayView content =
            (cte == "base64" || cte == "quoted-printable") ? QByteArrayView(decoded) : body;

        const bool asText = ct.type == "text" && cte != "base64" && !mostlyEightBit(content);
        const QByteArray newCte = asText ? "quoted-printable" : "base64";
        QByteArray headers;
        bool wroteCte = false;
        for (const Field& f : fields) {
            if (f.name == "content-transfer-encoding") {
                if (!wroteCte)
                    headers += "Content-Transfer-Encoding: " + newCte + "\r\n";
                wroteCte = true;
                continue;
            }
            headers += m_fields.field(f.raw);
        }
        if (!ct.present && !findField(fields, "content-type"))
            headers += "Content-Type: text/plain; charset=" + Mime::Charset::detectLabel(content) + "\r\n";
        if (!wroteCte)
            headers += "Content-Transfer-Encoding: " + newCte + "\r\n";
        headers += "\r\n";
        if (asText)
            TransferEncoding::appendQuotedPrintable(headers, content);
        else
            TransferEncoding::appendBase64(headers, content);
        m_b.add(std::move(headers));
        reencoded = true;
    }

    struct Delimiter
    {
        qsizetype start; // first byte of "--boundary"
        qsizetype end;   // after its CRLF (or the end of the body)
        bool close;
    };

    void multipart(QByteArrayView body, const QByteArray& boundary, bool digest, int depth)
    {
        const QByteArray dash = "--" + boundary;
        const std::string_view haystack(body.data(), size_t(body.size()));
        const std::string_view needle(dash.constData(), size_t(dash.size()));
        QList<Delimiter> delimiters;
        qsizetype from = 0;
        while (true) {
            const size_t found = haystack.find(needle, size_t(from));
            if (found == std::string_view::npos)
                break;
            const auto at = qsizetype(found);
            from = at + 1;
            if (at > 0 && body[at - 1] != '\n')
                continue;
            qsizetype i = at + dash.size();
            bool close = false;
            if (body.sliced(i).startsWith("--")) {
                close = true;
                i += 2;
            }
            while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) // transport padding
                ++i;
            if (i < body.size() && !body.sliced(i).startsWith("\r\n"))
                continue;
            const qsizetype end = std::min(body.size(), i + 2);
            delimiters << Delimiter{at, end, close};
            from = end;
            if (close)
                break;
        }
        if (delimiters.isEmpty()) {
            m_b.keep(body); // no parts at all: nothing we can reason about, nothing we change
            return;
        }
        m_b.keep(body.first(delimiters.first().start)); // preamble
        for (qsizetype k = 0; k < delimiters.size(); ++k) {
            const Delimiter& d = delimiters[k];
            m_b.keep(body.sliced(d.start, d.end - d.start));
            if (d.close)
                break;
            qsizetype partEnd = k + 1 < delimiters.size() ? delimiters[k + 1].start : body.size();
            // The CRLF before a delimiter belongs to the delimiter, not to the part.
            qsizetype tail = 0;
            if (k + 1 < delimiters.size() && partEnd - d.end >= 2 &&
                body.sliced(partEnd - 2).startsWith("\r\n"))
                tail = 2;
            const QByteArrayView part = body.sliced(d.end, partEnd - tail - d.end);
            Split s = split(part);
            if (s.separator.isEmpty() && !s.headers.isEmpty() && !looksLikeField(s.headers))
                s = Split{{}, {}, part}; // no header block at all: the whole part is body
            entity(s.headers, parseFields(s.headers), s.separator, s.body, digest, depth + 1);
            if (!error.isEmpty())
                return;
            m_b.keep(body.sliced(partEnd - tail, tail));
        }
        if (delimiters.last().close)
            m_b.keep(body.sliced(delimiters.last().end)); // epilogue
    }

    Builder& m_b;
    FieldEncoder& m_fields;
};

// Bare LF or CR become CRLF; returns an empty array when nothing needed it.
QByteArray repairLineEnds(const QByteArray& in)
{
    const qsizetype n = in.size();
    const char* s = in.constData();
    // memchr is vectorised: the common, clean case costs two quick passes.
    bool bad = false;
    for (const char* p = s; !bad && (p = static_cast<const char*>(std::memchr(p, '\n', size_t(s + n - p))));
         ++p)
        bad = p == s || p[-1] != '\r';
    for (const char* p = s; !bad && (p = static_cast<const char*>(std::memchr(p, '\r', size_t(s + n - p))));
         ++p)
        bad = p + 1 == s + n || p[1] != '\n';
    if (!bad)
        return {};
    QByteArray out;
    out.reserve(n + n / 32);
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] == '\r') {
            out.append("\r\n", 2);
            if (i + 1 < n && s[i + 1] == '\n')
                ++i;
        } else if (s[i] == '\n') {
            out.append("\r\n", 2);
        } else {
            out.append(s[i]);
        }
    }
    return out;
}

bool isEntityField(const Field& f)
{
    return f.name.startsWith("content-") || f.name == "mime-version";
}

} // namespace

qsizetype MimeCanonicalizer::Result::entitySize() const
{
    qsizetype n = 0;
    for (const QByteArray& piece : entity)
        n += piece.size();
    return n;
}

QByteArray MimeCanonicalizer::Result::entityBytes() const
{
    QByteArray out;
    out.reserve(entitySize());
    for (const QByteArray& piece : entity)
        out += piece;
    return out;
}

bool MimeCanonicalizer::isProtected(const QByteArray& message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    QByteArray headers = end < 0 ? message : message.first(end + 2);
    if (headers.contains('\n') && !headers.contains("\r\n"))
        headers.replace("\n", "\r\n");
    return isProtectedType(contentType(parseFields(headers), false));
}

std::optional<QByteArray> MimeCanonicalizer::toSevenBit(const QByteArray& message)
{
    const Result r = canonicalize(message);
    if (r.status == Status::Malformed)
        return std::nullopt;
    QByteArray out;
    FieldEncoder encoder(r.storage);
    if (r.status == Status::AlreadyProtected) {
        const Split s = split(r.storage);
        for (const Field& f : parseFields(s.headers))
            out += isEntityField(f) ? f.raw.toByteArray() : encoder.field(f.raw);
        out += s.separator;
        out += s.body;
    } else {
        for (const Field& f : parseFields(r.outerHeaders))
            out += encoder.field(f.raw);
        out += "MIME-Version: 1.0\r\n";
        out += r.entityBytes();
    }
    const bool eightBit =
        std::any_of(out.cbegin(), out.cend(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (eightBit)
        return std::nullopt;
    return out;
}

MimeCanonicalizer::Result MimeCanonicalizer::canonicalize(const QByteArray& message)
{
    return run(message, true);
}

MimeCanonicalizer::Result MimeCanonicalizer::separate(const QByteArray& message)
{
    return run(message, false);
}

MimeCanonicalizer::Result MimeCanonicalizer::run(const QByteArray& message, bool canonical)
{
    Result r;
    // Holding a (shared, not deep) copy keeps the referenced bytes alive as long as the result.
    r.storage = repairLineEnds(message);
    if (r.storage.isEmpty())
        r.storage = message;
    else
        r.reencoded = true;
    const QByteArrayView input(r.storage);

    const Split s = split(input);
    const QList<Field> fields = parseFields(s.headers);
    if (canonical && isProtectedType(contentType(fields, false))) {
        r.status = Status::AlreadyProtected;
        return r;
    }

    QList<Field> entityFields;
    for (const Field& f : fields) {
        if (isEntityField(f)) {
            if (f.name != "mime-version")
                entityFields << f;
        } else {
            r.outerHeaders += f.raw;
        }
    }
    if (!r.outerHeaders.isEmpty() && !r.outerHeaders.endsWith("\r\n"))
        r.outerHeaders += "\r\n";

    // The entity's header block is made of fields scattered in the message
    // header: it is new bytes, small. The body is referenced.
    FieldEncoder encoder(input);
    QByteArray block;
    for (const Field& f : std::as_const(entityFields)) {
        block += canonical ? encoder.field(f.raw) : f.raw.toByteArray();
        if (!block.endsWith("\r\n"))
            block += "\r\n";
    }
    const bool hasContentType = findField(entityFields, "content-type") != nullptr;
    if (!hasContentType && (!canonical || !needsEncoding(s.body))) {
        // A plain RFC 5322 message, or MIME with the default type: say what it is.
        block += "Content-Type: text/plain; charset=" + Mime::Charset::detectLabel(s.body) + "\r\n";
        r.reencoded = true;
    }
    const QList<Field> blockFields = parseFields(block);

    Builder builder(r.entity, input);
    if (!canonical) {
        builder.add(block);
        builder.keep("\r\n");
        builder.keep(s.body);
        builder.flush();
        return r;
    }
    Canonicalizer c(builder, encoder);
    c.entity(block, blockFields, "\r\n", s.body, false, 0);
    builder.flush();
    if (!c.error.isEmpty()) {
        r.status = Status::Malformed;
        r.error = c.error;
        r.entity.clear();
        return r;
    }
    r.reencoded = r.reencoded || c.reencoded || encoder.changed;
    return r;
}

} // namespace Smime
