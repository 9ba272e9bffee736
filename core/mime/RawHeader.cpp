#include "mime/RawHeader.h"

namespace Mime {

namespace {

bool isContinuation(QByteArrayView line)
{
    return line.startsWith(' ') || line.startsWith('\t');
}

} // namespace

QByteArray RawHeader::Field::unfoldedValue() const
{
    QByteArray out;
    if (!hasName())
        return out;
    // The first line's part of the value, then each continuation line.
    QByteArrayView rest = value;
    qsizetype newline = rest.indexOf('\n');
    qsizetype lineEnd = newline < 0 ? rest.size() : newline + 1;
    out += rest.first(lineEnd).trimmed();
    rest = rest.sliced(lineEnd);
    while (!rest.isEmpty()) {
        newline = rest.indexOf('\n');
        lineEnd = newline < 0 ? rest.size() : newline + 1;
        out += ' ';
        out += rest.first(lineEnd).trimmed();
        rest = rest.sliced(lineEnd);
    }
    return out;
}

RawHeader RawHeader::read(QByteArrayView bytes)
{
    RawHeader header;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', pos);
        const qsizetype lineEnd = newline < 0 ? bytes.size() : newline + 1;
        const QByteArrayView line = bytes.sliced(pos, lineEnd - pos);
        if (line == "\n" || line == "\r\n") {
            header.m_end = pos;
            return header;
        }
        if (isContinuation(line) && !header.m_fields.isEmpty()) {
            Field& f = header.m_fields.last();
            f.end = lineEnd;
            f.raw = bytes.sliced(f.begin, f.end - f.begin);
            if (f.hasName())
                f.value = QByteArrayView(f.value.data(), f.value.size() + line.size());
        } else {
            Field f;
            f.begin = pos;
            f.end = lineEnd;
            f.raw = line;
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                f.name = line.first(colon).trimmed();
                f.value = line.sliced(colon + 1);
            }
            header.m_fields << f;
        }
        pos = lineEnd;
    }
    header.m_end = bytes.size();
    return header;
}

} // namespace Mime
