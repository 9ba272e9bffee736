#include "mime/HeaderText.h"

#include "mime/Charset.h"
#include "mime/HexDigit.h"

#include <QCoreApplication>
#include <vector>

namespace Mime {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

struct Segment
{
    bool encoded = false;
    QByteArray charset; // encoded words only, without any *language
    QByteArray bytes;   // decoded bytes of an encoded word, raw bytes otherwise
};

bool decodeQ(QByteArrayView text, QByteArray* out)
{
    out->reserve(text.size());
    bool clean = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out->append(' ');
        } else if (c == '=' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 &&
                   hexDigit(text[i + 2]) >= 0) {
            out->append(static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2])));
            i += 2;
        } else {
            if (c == '=')
                clean = false; // keep a stray '=' as written
            out->append(c);
        }
    }
    return clean;
}

bool decodeB(QByteArrayView text, QByteArray* out)
{
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (result) {
        *out = std::move(*result);
        return true;
    }
    // Some mailers drop or misplace padding; decode what is there and say so.
    QByteArray trimmed = text.toByteArray();
    while (trimmed.endsWith('='))
        trimmed.chop(1);
    result = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (result) {
        *out = std::move(*result);
        return true;
    }
    return false;
}

} // namespace

QByteArray HeaderText::unfold(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (char c : raw) {
        if (c != '\r' && c != '\n')
            out.append(c);
    }
    return out;
}

QByteArray HeaderText::unfoldForParsing(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    QByteArray text = unfold(raw);
    if (Charset::hasIso2022JpEscape(text))
        text = Charset::decodeUnlabelled(text, fallbackCharset).toUtf8();
    return text;
}

qsizetype HeaderText::encodedWordLength(QByteArrayView text, qsizetype pos)
{
    // =?charset?E?text?=, no whitespace anywhere (RFC 2047 section 2).
    if (pos + 1 >= text.size() || text[pos] != '=' || text[pos + 1] != '?')
        return 0;
    qsizetype i = pos + 2;
    const qsizetype charsetStart = i;
    while (i < text.size() && text[i] != '?' && !isSpace(text[i]) && i - charsetStart < 64)
        ++i;
    if (i == charsetStart || i + 2 >= text.size() || text[i] != '?')
        return 0;
    const char encoding = text[i + 1];
    if (encoding != 'B' && encoding != 'b' && encoding != 'Q' && encoding != 'q')
        return 0;
    if (text[i + 2] != '?')
        return 0;
    i += 3;
    while (i + 1 < text.size()) {
        if (isSpace(text[i]))
            return 0;
        if (text[i] == '?' && text[i + 1] == '=')
            return i + 2 - pos;
        ++i;
    }
    return 0;
}

void HeaderText::addProblem(const Context& context, const QString& problem)
{
    if (context.problems && !context.problems->contains(problem))
        context.problems->append(problem);
}

QString HeaderText::decode(QByteArrayView raw, const Context& context)
{
    const QByteArray text = unfoldForParsing(raw, context.fallbackCharset).trimmed();
    std::vector<Segment> segments;
    qsizetype rawStart = 0;
    auto flushRaw = [&](qsizetype end) {
        if (end > rawStart)
            segments.push_back({false, {}, text.mid(rawStart, end - rawStart)});
    };
    bool badWord = false;
    for (qsizetype i = 0; i + 1 < text.size();) {
        const qsizetype length = (text[i] == '=' && text[i + 1] == '?') ? encodedWordLength(text, i) : 0;
        if (length == 0) {
            ++i;
            continue;
        }
        const QByteArrayView word = QByteArrayView(text).sliced(i, length);
        const qsizetype q1 = word.indexOf('?', 2);
        QByteArray charset = word.sliced(2, q1 - 2).toByteArray();
        const qsizetype star = charset.indexOf('*');
        if (star >= 0)
            charset.truncate(star);
        const char encoding = word[q1 + 1];
        const QByteArrayView payload = word.sliced(q1 + 3, word.size() - q1 - 5);
        QByteArray bytes;
        const bool ok =
            (encoding == 'B' || encoding == 'b') ? decodeB(payload, &bytes) : decodeQ(payload, &bytes);
        if (!ok) {
            badWord = true;
            if (encoding == 'B' || encoding == 'b') {
                i += length; // leave the undecodable word as written
                continue;
            }
        }
        flushRaw(i);
        segments.push_back({true, charset.toLower(), bytes});
        i += length;
        rawStart = i;
    }
    flushRaw(text.size());

    // RFC 2047 section 6.2: whitespace between adjacent encoded words is not displayed.
    std::vector<Segment> joined;
    for (size_t k = 0; k < segments.size(); ++k) {
        const Segment& s = segments[k];
        if (!s.encoded && k > 0 && k + 1 < segments.size() && segments[k - 1].encoded &&
            segments[k + 1].encoded) {
            bool allSpace = true;
            for (char c : s.bytes)
                allSpace = allSpace && isSpace(c);
            if (allSpace)
                continue;
        }
        // Bytes of neighbouring words in the same charset are converted together:
        // a character may be split across them, and ISO-2022-JP shift state may carry over.
        if (s.encoded && !joined.empty() && joined.back().encoded && joined.back().charset == s.charset) {
            joined.back().bytes += s.bytes;
            continue;
        }
        joined.push_back(s);
    }

    QString out;
    bool unknownCharset = false;
    bool invalid = false;
    bool raw8bit = false;
    QString unknownName;
    for (const Segment& s : joined) {
        if (s.encoded) {
            Charset::Status status = Charset::Status::Ok;
            QString decoded;
            if (!Charset::isKnown(s.charset)) {
                status = Charset::Status::UnknownCharset;
                decoded = Charset::decodeUnlabelled(s.bytes, context.fallbackCharset);
            } else if (Charset::icuName(s.charset).isEmpty()) {
                decoded = Charset::decodeUnlabelled(s.bytes, context.fallbackCharset); // "us-ascii" words
            } else {
                decoded = Charset::decode(s.bytes, s.charset, &status);
            }
            if (status == Charset::Status::UnknownCharset) {
                unknownCharset = true;
                unknownName = QString::fromLatin1(s.charset);
            } else if (status == Charset::Status::Invalid) {
                invalid = true;
            }
            out += decoded;
        } else if (Charset::isAscii(s.bytes)) {
            out += QString::fromLatin1(s.bytes);
        } else if (auto utf8 = Charset::decodeStrict(s.bytes, "UTF-8")) {
            out += *utf8; // RFC 6532 (SMTPUTF8) allows UTF-8 in headers
        } else {
            raw8bit = true;
            out += Charset::decodeUnlabelled(s.bytes, context.fallbackCharset);
        }
    }

    if (badWord) {
        addProblem(context, QCoreApplication::translate("Mime::MessageView",
                                                        "The %1 header contains a damaged encoded word; "
                                                        "that part is shown as it was written.")
                                .arg(context.headerName));
    }
    if (unknownCharset) {
        addProblem(context, QCoreApplication::translate("Mime::MessageView",
                                                        "The %1 header uses an unknown character set (%2); "
                                                        "its text was guessed and may look wrong.")
                                .arg(context.headerName, unknownName));
    }
    if (invalid) {
        addProblem(context, QCoreApplication::translate(
                                "Mime::MessageView", "The %1 header contains characters that are not valid "
                                                     "in their declared character set; some may look wrong.")
                                .arg(context.headerName));
    }
    if (raw8bit) {
        addProblem(context,
                   QCoreApplication::translate("Mime::MessageView",
                                               "The %1 header contains non-ASCII text that is "
                                               "neither encoded nor UTF-8; its character set was guessed.")
                       .arg(context.headerName));
    }
    return out;
}

// Splits at the commas between addresses, as AddressList reads them: not inside
// quotes, comments, angle brackets or encoded words. Used by the byte-exact
// rewriters (HeaderRewrite, HeaderEncoder), which must cut where the parser does.
QList<HeaderText::ListItem> HeaderText::splitAddressList(QByteArrayView value)
{
    QList<ListItem> items;
    ListItem group;
    bool inGroup = false;
    bool quoted = false;
    int comment = 0;
    int angle = 0;
    qsizetype start = 0;
    const auto piece = [&](qsizetype end) {
        return value.sliced(start, end - start).toByteArray();
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted || comment > 0) {
            if (c == '\\')
                ++i;
            else if (quoted && c == '"')
                quoted = false;
            else if (comment > 0 && c == '(')
                ++comment;
            else if (comment > 0 && c == ')')
                --comment;
            continue;
        }
        if (c == '"') {
            quoted = true;
        } else if (c == '(') {
            comment = 1;
        } else if (const qsizetype word = c == '=' ? HeaderText::encodedWordLength(value, i) : 0; word > 0) {
            i += word - 1;
        } else if (c == '<') {
            ++angle;
        } else if (c == '>') {
            angle = std::max(0, angle - 1);
        } else if (angle == 0 && c == ':' && !inGroup) {
            inGroup = true;
            group = ListItem{piece(i), true, {}};
            start = i + 1;
        } else if (angle == 0 && c == ';' && inGroup) {
            group.members << piece(i);
            items << group;
            inGroup = false;
            start = i + 1;
        } else if (angle == 0 && c == ',') {
            if (inGroup)
                group.members << piece(i);
            else
                items << ListItem{piece(i), false, {}};
            start = i + 1;
        }
    }
    if (inGroup) {
        group.members << piece(value.size());
        items << group;
    } else {
        items << ListItem{piece(value.size()), false, {}};
    }
    return items;
}

} // namespace Mime
