#include "mime/HeaderParams.h"

#include "mime/Charset.h"
#include "mime/HexDigit.h"

#include <QCoreApplication>
#include <map>

namespace Mime {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray percentDecode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 &&
            hexDigit(text[i + 2]) >= 0) {
            out.append(static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2])));
            i += 2;
        } else {
            out.append(text[i]);
        }
    }
    return out;
}

} // namespace

HeaderParams HeaderParams::parse(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    HeaderParams params;
    const QByteArray text = HeaderText::unfoldForParsing(raw, fallbackCharset);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && text[i] != ';')
        ++i;
    params.m_value = text.left(i).trimmed().toLower();
    while (i < n) {
        // at ';' or garbage: skip to the start of a name
        while (i < n && (text[i] == ';' || isSpace(text[i])))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && text[i] != '=' && text[i] != ';')
            ++i;
        const QByteArray name = text.mid(nameStart, i - nameStart).trimmed().toLower();
        if (i >= n || text[i] == ';')
            continue; // a parameter without '=' means nothing
        ++i;          // '='
        while (i < n && isSpace(text[i]))
            ++i;
        QByteArray value;
        if (i < n && text[i] == '"') {
            ++i;
            while (i < n && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < n)
                    ++i;
                value.append(text[i++]);
            }
            ++i; // closing quote (or end)
            while (i < n && text[i] != ';')
                ++i; // anything after the quoted string up to ';' is noise
        } else {
            // Lenient: an unquoted value runs to ';' (mailers write "name=my file.pdf").
            const qsizetype start = i;
            while (i < n && text[i] != ';')
                ++i;
            value = text.mid(start, i - start).trimmed();
        }
        if (!name.isEmpty())
            params.m_params.push_back({name, value});
    }
    return params;
}

QString HeaderParams::parameter(QByteArrayView name, const HeaderText::Context& context) const
{
    const QByteArray lower = name.toByteArray().toLower();
    // RFC 2231: "name*" alone, or "name*0", "name*0*", "name*1*"... in any order.
    // The extended form wins over a plain "name=" written next to it for old readers.
    struct Section
    {
        QByteArray value;
        bool extended = false;
    };
    std::map<int, Section> sections;
    for (const Param& p : m_params) {
        if (!p.name.startsWith(QByteArray(lower + '*')))
            continue;
        QByteArray rest = p.name.mid(lower.size() + 1);
        bool extended = false;
        int index = 0;
        if (rest.isEmpty()) {
            extended = true; // "name*="
        } else {
            if (rest.endsWith('*')) {
                extended = true;
                rest.chop(1);
            }
            bool ok = false;
            index = rest.toInt(&ok);
            if (!ok || index < 0 || index > 999)
                continue;
        }
        sections.try_emplace(index, Section{p.value, extended}); // a repeated section: the first one counts
    }
    if (!sections.empty()) {
        QByteArray bytes;
        QByteArray charset;
        bool first = true;
        for (const auto& [index, section] : sections) {
            if (first && section.extended) {
                // charset'language'value; a missing quote means the writer left the prefix out.
                const qsizetype q1 = section.value.indexOf('\'');
                const qsizetype q2 = q1 >= 0 ? section.value.indexOf('\'', q1 + 1) : -1;
                if (q2 >= 0) {
                    charset = section.value.left(q1);
                    bytes += percentDecode(QByteArrayView(section.value).sliced(q2 + 1));
                } else {
                    bytes += percentDecode(section.value);
                }
            } else {
                bytes += section.extended ? percentDecode(section.value) : section.value;
            }
            first = false;
        }
        if (charset.isEmpty() || !Charset::isKnown(charset) || Charset::icuName(charset).isEmpty()) {
            if (!charset.isEmpty() && !Charset::isKnown(charset)) {
                HeaderText::addProblem(
                    context, QCoreApplication::translate("Mime::MessageView",
                                                         "The %1 header uses an unknown character set "
                                                         "(%2); its text was guessed and may look wrong.")
                                 .arg(context.headerName, QString::fromLatin1(charset)));
            }
            return Charset::decodeUnlabelled(bytes, context.fallbackCharset);
        }
        Charset::Status status = Charset::Status::Ok;
        const QString text = Charset::decode(bytes, charset, &status);
        if (status != Charset::Status::Ok) {
            HeaderText::addProblem(context,
                                   QCoreApplication::translate("Mime::MessageView",
                                                               "The %1 header contains characters that "
                                                               "are not valid in their declared character "
                                                               "set; some may look wrong.")
                                       .arg(context.headerName));
        }
        return text;
    }
    for (const Param& p : m_params) {
        if (p.name == lower) {
            // Plain values: RFC 2047 words (not allowed here, but what Outlook writes) or raw 8-bit bytes.
            return HeaderText::decode(p.value, context);
        }
    }
    return {};
}

} // namespace Mime
