#include "smtp/Reply.h"

#include <QStringList>

namespace Smtp {

namespace {

// RFC 5321 4.5.3.1.5: a reply line is at most 512 octets with its CRLF. The
// code and enhanced code take up to 14 of them; text past this is carried on
// the next line of a multi-line reply (a long reason listing many addresses).
constexpr qsizetype kMaxReplyText = 480;

// Cuts at the last space that keeps a piece within the limit, or, in one long
// word, before a UTF-8 continuation byte is split off its character.
QList<QByteArray> wrapReplyLine(const QByteArray& line)
{
    QList<QByteArray> pieces;
    qsizetype start = 0;
    while (line.size() - start > kMaxReplyText) {
        qsizetype cut = line.lastIndexOf(' ', start + kMaxReplyText);
        if (cut <= start) {
            cut = start + kMaxReplyText;
            while (cut > start + 1 && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
                --cut;
            pieces << line.mid(start, cut - start);
            start = cut;
        } else {
            pieces << line.mid(start, cut - start);
            start = cut + 1; // the space itself is the break
        }
    }
    pieces << line.mid(start);
    return pieces;
}

} // namespace

QByteArray Reply::toWire() const
{
    QList<QByteArray> lines;
    for (const QString& logical : text.split(QLatin1Char('\n'))) {
        QByteArray line = logical.toUtf8();
        line.replace('\r', ' ');
        lines << wrapReplyLine(line);
    }
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out += QByteArray::number(code);
        out += i + 1 < lines.size() ? '-' : ' ';
        if (!enhanced.isEmpty()) {
            out += enhanced.toLatin1();
            out += ' ';
        }
        out += lines.at(i);
        out += "\r\n";
    }
    return out;
}

QString Reply::toString() const
{
    QString s = QString::number(code);
    if (!enhanced.isEmpty())
        s += QLatin1Char(' ') + enhanced;
    if (!text.isEmpty())
        s += QLatin1Char(' ') + QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

} // namespace Smtp
