#include "mime/HtmlText.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

bool isBlockTag(QStringView name)
{
    static const QStringView blocks[] = {u"br",         u"p",   u"div", u"tr", u"li", u"h1",
                                         u"h2",         u"h3",  u"h4",  u"h5", u"h6", u"table",
                                         u"blockquote", u"pre", u"hr",  u"ul", u"ol"};
    for (QStringView b : blocks) {
        if (name.compare(b, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString entity(QStringView name)
{
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = (name.size() > 1 && (name[1] == u'x' || name[1] == u'X'))
                              ? name.mid(2).toUInt(&ok, 16)
                              : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(0xFFFD));
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    static const QHash<QString, QString> named = {
        {u"amp"_s, u"&"_s},   {u"lt"_s, u"<"_s},        {u"gt"_s, u">"_s},     {u"quot"_s, u"\""_s},
        {u"apos"_s, u"'"_s},  {u"nbsp"_s, u"\u00a0"_s}, {u"copy"_s, u"©"_s},   {u"reg"_s, u"®"_s},
        {u"yen"_s, u"¥"_s},   {u"hellip"_s, u"…"_s},    {u"mdash"_s, u"—"_s},  {u"ndash"_s, u"–"_s},
        {u"laquo"_s, u"«"_s}, {u"raquo"_s, u"»"_s},     {u"middot"_s, u"·"_s}, {u"times"_s, u"×"_s},
    };
    return named.value(name.toString().toLower());
}

} // namespace

QString HtmlText::toPlainText(QStringView html, qsizetype maxLength)
{
    QString out;
    out.reserve(std::min(html.size(), maxLength));
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n && out.size() < maxLength) {
        const QChar c = html[i];
        if (c == u'<') {
            if (html.mid(i, 4) == u"<!--") {
                const qsizetype end = html.indexOf(u"-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            const qsizetype end = html.indexOf(u'>', i + 1);
            if (end < 0)
                break; // an unterminated tag: nothing readable follows
            QStringView tag = html.mid(i + 1, end - i - 1).trimmed();
            const bool closing = tag.startsWith(u'/');
            if (closing)
                tag = tag.mid(1);
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && (tag[nameEnd].isLetterOrNumber()))
                ++nameEnd;
            const QStringView name = tag.left(nameEnd);
            i = end + 1;
            if (!closing && (name.compare(u"script", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"style", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"head", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"title", Qt::CaseInsensitive) == 0)) {
                // Skip to the matching end tag: none of this is shown to the reader.
                const QString endTag = u"</"_s + name.toString();
                const qsizetype close = html.indexOf(endTag, i, Qt::CaseInsensitive);
                if (close < 0)
                    break;
                const qsizetype closeEnd = html.indexOf(u'>', close);
                i = closeEnd < 0 ? n : closeEnd + 1;
                continue;
            }
            if (isBlockTag(name) && !out.endsWith(u'\n') && !out.isEmpty())
                out.append(u'\n');
            continue;
        }
        if (c == u'&') {
            const qsizetype semi = html.indexOf(u';', i + 1);
            if (semi > i + 1 && semi - i <= 12) {
                const QString decoded = entity(html.mid(i + 1, semi - i - 1));
                if (!decoded.isEmpty()) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            ++i;
            continue;
        }
        if (c == u'\r' || c == u'\n' || c == u'\t' || c == u' ') {
            // HTML collapses whitespace; line breaks come from the block tags.
            if (!out.isEmpty() && !out.endsWith(u' ') && !out.endsWith(u'\n'))
                out.append(u' ');
            ++i;
            continue;
        }
        out.append(c);
        ++i;
    }
    if (out.size() > maxLength)
        out.truncate(maxLength);
    return out.trimmed();
}

} // namespace Mime
