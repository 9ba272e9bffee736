#include "smime/TransferEncoding.h"

#include "mime/HexDigit.h"

namespace Smime {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kHex[] = "0123456789ABCDEF";

} // namespace

void TransferEncoding::appendBase64(QByteArray& out, QByteArrayView data)
{
    constexpr qsizetype perLine = 57; // 57 bytes -> 76 characters
    const qsizetype n = data.size();
    const qsizetype lines = (n + perLine - 1) / perLine;
    const qsizetype start = out.size();
    out.resize(start + (n + 2) / 3 * 4 + lines * 2);
    char* o = out.data() + start;
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    for (qsizetype line = 0; line < lines; ++line) {
        const qsizetype from = line * perLine;
        const qsizetype to = std::min(n, from + perLine);
        qsizetype i = from;
        for (; i + 3 <= to; i += 3) {
            const unsigned v = unsigned(in[i]) << 16 | unsigned(in[i + 1]) << 8 | in[i + 2];
            *o++ = kAlphabet[v >> 18];
            *o++ = kAlphabet[(v >> 12) & 63];
            *o++ = kAlphabet[(v >> 6) & 63];
            *o++ = kAlphabet[v & 63];
        }
        if (i < to) {
            const unsigned v = unsigned(in[i]) << 16 | (i + 1 < to ? unsigned(in[i + 1]) << 8 : 0u);
            *o++ = kAlphabet[v >> 18];
            *o++ = kAlphabet[(v >> 12) & 63];
            *o++ = i + 1 < to ? kAlphabet[(v >> 6) & 63] : '=';
            *o++ = '=';
        }
        *o++ = '\r';
        *o++ = '\n';
    }
    Q_ASSERT(o == out.data() + out.size());
}

QByteArray TransferEncoding::base64(QByteArrayView data)
{
    QByteArray out;
    appendBase64(out, data);
    return out;
}

void TransferEncoding::appendQuotedPrintable(QByteArray& out, QByteArrayView text)
{
    constexpr int maxColumns = 76; // including the "=" of a soft line break
    out.reserve(out.size() + text.size() + text.size() / 8);
    int column = 0;
    const qsizetype n = text.size();
    const char* s = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
            out.append("\r\n", 2);
            column = 0;
            ++i;
            continue;
        }
        const bool lineEnd = i + 1 == n || (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n');
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnd);
        // A line (also after a soft break) must not start "From ": relays quote it as ">From ".
        if (c == 'F' && column == 0 && text.sliced(i).startsWith("From "))
            literal = false;
        // "." alone at a line start is safe thanks to SMTP dot-stuffing; nothing to do.
        const int width = literal ? 1 : 3;
        // Keep room for the "=" of a soft break unless this is the last character of the line.
        const int limit = lineEnd ? maxColumns : maxColumns - 1;
        if (column + width > limit) {
            out.append("=\r\n", 3);
            column = 0;
            if (c == 'F' && text.sliced(i).startsWith("From "))
                literal = false;
        }
        if (literal) {
            out.append(char(c));
            column += 1;
        } else {
            const char enc[3] = {'=', kHex[c >> 4], kHex[c & 15]};
            out.append(enc, 3);
            column += 3;
        }
    }
}

QByteArray TransferEncoding::quotedPrintable(QByteArrayView text)
{
    QByteArray out;
    appendQuotedPrintable(out, text);
    return out;
}

QByteArray TransferEncoding::decodeBase64(QByteArrayView encoded)
{
    // Qt skips characters outside the alphabet (line breaks, white space) in the default mode.
    return QByteArray::fromBase64(encoded.toByteArray());
}

QByteArray TransferEncoding::decodeQuotedPrintable(QByteArrayView encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    qsizetype pos = 0;
    const qsizetype n = encoded.size();
    while (pos < n) {
        qsizetype eol = encoded.indexOf('\n', pos);
        const bool hasBreak = eol >= 0;
        if (!hasBreak)
            eol = n;
        qsizetype end = eol;
        if (hasBreak && end > pos && encoded[end - 1] == '\r')
            --end;
        while (end > pos && (encoded[end - 1] == ' ' || encoded[end - 1] == '\t'))
            --end;
        bool soft = false;
        for (qsizetype i = pos; i < end; ++i) {
            const char c = encoded[i];
            if (c != '=') {
                out.append(c);
                continue;
            }
            if (i + 1 == end) {
                soft = true;
                break;
            }
            const int hi = Mime::hexDigit(encoded[i + 1]); // i + 1 < end here
            const int lo = i + 2 < end ? Mime::hexDigit(encoded[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi << 4 | lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        if (hasBreak && !soft)
            out.append("\r\n", 2);
        pos = eol + 1;
    }
    return out;
}

} // namespace Smime
