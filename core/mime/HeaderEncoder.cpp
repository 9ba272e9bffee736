#include "mime/HeaderEncoder.h"

#include "mime/AddressList.h"
#include "mime/Charset.h"
#include "mime/HeaderParams.h"
#include "mime/HeaderText.h"

#include <QList>
#include <algorithm>
#include <iterator>

namespace Mime {

namespace {

// 76 columns leave room for a closing quote and ';' under RFC 5322's 78.
constexpr qsizetype kLine = 76;
constexpr qsizetype kWordOverhead = 12;   // "=?UTF-8?B?" and "?="
constexpr qsizetype kWidestCharacter = 8; // four UTF-8 bytes in base64

const char* const kAddressFields[] = {"from",
                                      "sender",
                                      "reply-to",
                                      "to",
                                      "cc",
                                      "bcc",
                                      "resent-from",
                                      "resent-sender",
                                      "resent-to",
                                      "resent-cc",
                                      "resent-bcc",
                                      "disposition-notification-to",
                                      "return-receipt-to",
                                      "mail-followup-to",
                                      "mail-reply-to",
                                      "errors-to"};

// Structured fields without an encoded form for 8-bit bytes: left as written.
const char* const kUntouchable[] = {"date",
                                    "message-id",
                                    "in-reply-to",
                                    "references",
                                    "received",
                                    "return-path",
                                    "resent-date",
                                    "resent-message-id",
                                    "content-id",
                                    "content-transfer-encoding",
                                    "mime-version",
                                    "content-md5",
                                    "content-location",
                                    "content-language",
                                    "content-base",
                                    "dkim-signature",
                                    "arc-seal",
                                    "arc-message-signature",
                                    "arc-authentication-results",
                                    "authentication-results",
                                    "list-id",
                                    "list-post",
                                    "list-unsubscribe",
                                    "list-help",
                                    "list-subscribe",
                                    "list-archive",
                                    "list-owner"};

template <size_t N> bool isOneOf(const QByteArray& name, const char* const (&names)[N])
{
    return std::any_of(std::begin(names), std::end(names), [&name](const char* n) { return name == n; });
}

// Printable ASCII (and tab) that no reader takes for an encoded word.
bool isPlain(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x7f || (c.unicode() < 0x20 && c != u'\t'))
            return false;
    }
    return !text.contains(u"=?");
}

bool isPlainBytes(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x7f || (u < 0x20 && c != '\t'))
            return false;
    }
    return true;
}

// The code units of the character at `i` (a surrogate pair is one character).
qsizetype characterLength(QStringView text, qsizetype i)
{
    return text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate() ? 2 : 1;
}

qsizetype utf8Length(QStringView character)
{
    const char16_t u = character[0].unicode();
    if (character.size() == 2)
        return 4;
    return u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
}

class Writer
{
public:
    explicit Writer(qsizetype column = 0) : m_column(column) {}

    QByteArray result() const { return m_out; }

    void append(const QByteArray& text)
    {
        m_out += text;
        m_column += text.size();
    }
    void fold()
    {
        m_out += "\r\n";
        m_column = 0;
    }
    // Text that starts with a space, on a new line when it does not fit.
    void word(const QByteArray& text)
    {
        if (m_column > 1 && m_column + text.size() > kLine)
            fold();
        append(text);
    }
    // The separator between list items: the comma, then a new line.
    void nextItem()
    {
        append(",");
        fold();
    }

    // Encoded words, each after a space (or a fold when the line is full);
    // with spaceFirst false the first word follows directly (inside quotes).
    void encoded(QStringView text, bool spaceFirst)
    {
        qsizetype i = 0;
        bool first = true;
        while (i < text.size()) {
            if (!first || spaceFirst) {
                if (m_column + 1 + kWordOverhead + kWidestCharacter > kLine)
                    fold();
                append(" ");
            }
            const qsizetype room = std::max<qsizetype>(kLine - m_column - kWordOverhead, 0) / 4 * 3;
            qsizetype end = i;
            qsizetype bytes = 0;
            while (end < text.size()) {
                const qsizetype n = characterLength(text, end);
                const qsizetype size = utf8Length(text.sliced(end, n));
                if (end > i && bytes + size > room)
                    break;
                bytes += size;
                end += n;
            }
            append("=?UTF-8?B?" + text.sliced(i, end - i).toUtf8().toBase64() + "?=");
            i = end;
            first = false;
        }
    }

    // Plain ASCII text, folded before a space when the line is full.
    void plain(QStringView text)
    {
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype next = text.indexOf(u' ', start + 1);
            if (next < 0)
                next = text.size();
            const QByteArray piece = text.sliced(start, next - start).toLatin1();
            if (piece.startsWith(' ') && m_column > 1 && m_column + piece.size() > kLine)
                fold();
            append(piece);
            start = next;
        }
    }

    // Unstructured text after "Name:": the words from the first to the last
    // that need it are encoded (with the spaces between them); the words
    // around stay readable.
    void text(const QString& text)
    {
        qsizetype spanStart = -1;
        qsizetype spanEnd = -1;
        for (qsizetype start = 0; start <= text.size();) {
            qsizetype end = text.indexOf(u' ', start);
            if (end < 0)
                end = text.size();
            if (!isPlain(QStringView(text).sliced(start, end - start))) {
                if (spanStart < 0)
                    spanStart = start;
                spanEnd = end;
            }
            start = end + 1;
        }
        if (spanStart < 0) {
            if (!text.isEmpty())
                plain(QString(QLatin1Char(' ') + text));
            return;
        }
        // Spaces at the end of a field are not read back (unfolding drops
        // them), so trailing spaces travel inside the last encoded word.
        if (QStringView(text).sliced(spanEnd).trimmed().isEmpty())
            spanEnd = text.size();
        // The space before the encoded words stands for the one that ends the prefix.
        if (spanStart > 0)
            plain(QString(QLatin1Char(' ') + text.left(spanStart - 1)));
        encoded(QStringView(text).sliced(spanStart, spanEnd - spanStart), true);
        plain(QStringView(text).sliced(spanEnd));
    }

    // A display name: plain, quoted or encoded words.
    void phrase(const QString& name)
    {
        if (name.isEmpty())
            return;
        if (!isPlain(name)) {
            encoded(name, true);
            return;
        }
        static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
        const bool quote =
            name.trimmed() != name || name.contains(u"  ") ||
            std::any_of(name.begin(), name.end(), [](QChar c) { return specials.contains(c); });
        if (!quote) {
            word(QByteArray(" ") + name.toLatin1());
            return;
        }
        QByteArray quoted = name.toLatin1();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        word(" \"" + quoted + '"');
    }

    // RFC 2231: name*=UTF-8''..., in sections name*0*=, name*1*= when long.
    void extendedParameter(const QByteArray& name, QStringView value)
    {
        QList<QByteArray> pieces; // percent-encoded, one character each
        for (qsizetype i = 0; i < value.size();) {
            const qsizetype n = characterLength(value, i);
            pieces << value.sliced(i, n).toUtf8().toPercentEncoding("!#$&+^`|");
            i += n;
        }
        QByteArray all;
        for (const QByteArray& p : std::as_const(pieces))
            all += p;
        const QByteArray single = " " + name + "*=UTF-8''" + all;
        if (single.size() + 1 <= kLine) {
            append(";");
            fold();
            append(single);
            return;
        }
        int section = 0;
        QByteArray line = " " + name + "*0*=UTF-8''";
        qsizetype prefix = line.size();
        for (const QByteArray& p : std::as_const(pieces)) {
            if (line.size() > prefix && line.size() + p.size() + 1 > kLine) {
                append(";");
                fold();
                append(line);
                line = " " + name + '*' + QByteArray::number(++section) + "*=";
                prefix = line.size();
            }
            line += p;
        }
        append(";");
        fold();
        append(line);
    }

private:
    QByteArray m_out;
    qsizetype m_column;
};

using Item = HeaderText::ListItem;

// local@domain as RFC 5322 writes it in 7 bits (a dot-atom or quoted local
// part, an ASCII domain or domain literal): anything else the parser made of
// a damaged item is not written back as an address.
bool isAddrSpec(const QString& address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at + 1 >= address.size() || !isPlain(address))
        return false;
    const QStringView local = QStringView(address).first(at);
    const QStringView domain = QStringView(address).sliced(at + 1);
    static const QString specials = QStringLiteral("()<>[]:;@\\,\" \t");
    const auto atomText = [](QStringView text, QStringView forbidden) {
        return !text.isEmpty() &&
               std::none_of(text.begin(), text.end(), [&](QChar c) { return forbidden.contains(c); });
    };
    const bool quotedLocal = local.size() >= 2 && local.startsWith(u'"') && local.endsWith(u'"') &&
                             !local.sliced(1, local.size() - 2).contains(u'"');
    if (!quotedLocal && !atomText(local, specials))
        return false;
    if (domain.startsWith(u'[') && domain.endsWith(u']'))
        return atomText(domain.sliced(1, domain.size() - 2), QStringView(specials));
    return atomText(domain, specials);
}

// One mailbox of a list; false when the item is empty.
bool writeMailbox(Writer& w, const QByteArray& item, bool first, const HeaderText::Context& context)
{
    const QByteArray text = item.trimmed();
    if (text.isEmpty())
        return false;
    if (!first)
        w.nextItem();
    if (isPlainBytes(text)) {
        w.word(" " + text);
        return true;
    }
    const QList<Mailbox> boxes = AddressList::parse(text, context);
    const QString address = boxes.size() == 1 ? boxes.first().addressAce : QString();
    if (!isAddrSpec(address)) {
        w.word(" " + text); // no 7-bit form (an SMTPUTF8 local part, or not an address): as written
        return true;
    }
    const QString name = boxes.first().name.trimmed();
    w.phrase(name);
    if (name.isEmpty())
        w.word(QByteArray(" ") + address.toLatin1());
    else
        w.word(QByteArray(" <") + address.toLatin1() + '>');
    return true;
}

QByteArray addressField(const QByteArray& name, QByteArrayView value, const HeaderText::Context& context)
{
    const QByteArray text = HeaderText::unfoldForParsing(value, context.fallbackCharset);
    Writer w;
    w.append(name + ':');
    bool first = true;
    for (const Item& item : HeaderText::splitAddressList(text)) {
        if (!item.isGroup) {
            first = !writeMailbox(w, item.text, first, context) && first;
            continue;
        }
        if (!first)
            w.nextItem();
        w.phrase(HeaderText::decode(item.text, context).trimmed());
        w.append(":");
        bool firstMember = true;
        for (const QByteArray& member : item.members)
            firstMember = !writeMailbox(w, member, firstMember, context) && firstMember;
        w.append(";");
        first = false;
    }
    w.append("\r\n");
    return w.result();
}

// A Content-Type or Content-Disposition value, quoted when it is not a token.
QByteArray parameterValue(const QByteArray& value)
{
    static const QByteArray tspecials("()<>@,;:\\\"/[]?= \t");
    bool token = !value.isEmpty();
    for (char c : value)
        token = token && !tspecials.contains(c) && static_cast<unsigned char>(c) > 0x20;
    if (token)
        return value;
    QByteArray quoted = value;
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + '"';
}

// Parameter names without their RFC 2231 section suffixes, in order.
QList<QByteArray> basesOf(const HeaderParams& params)
{
    QList<QByteArray> bases;
    for (const HeaderParams::Param& p : params.parameters()) {
        const qsizetype star = p.name.indexOf('*');
        const QByteArray base = star < 0 ? p.name : p.name.left(star);
        if (!base.isEmpty() && !bases.contains(base))
            bases << base;
    }
    return bases;
}

QList<HeaderParams::Param> sectionsOf(const HeaderParams& params, const QByteArray& base)
{
    QList<HeaderParams::Param> sections;
    for (const HeaderParams::Param& p : params.parameters()) {
        if (p.name == base || p.name.startsWith(QByteArray(base + '*')))
            sections << p;
    }
    return sections;
}

// Whether a parameter must be written anew: raw 8-bit bytes (raw ISO-2022-JP
// is already UTF-8 here), or an RFC 2231 value that names no charset
// (filename*=''%1B%24B...) over bytes that are not ASCII text, which readers
// that take it for US-ASCII show as garbage.
bool needsRewrite(const QList<HeaderParams::Param>& sections)
{
    QByteArray unlabelled;
    bool labelled = false;
    for (const HeaderParams::Param& p : sections) {
        if (!isPlainBytes(p.value))
            return true;
        if (!p.name.endsWith('*'))
            continue;
        QByteArray value = p.value;
        const qsizetype q1 = value.indexOf('\'');
        const qsizetype q2 = q1 >= 0 ? value.indexOf('\'', q1 + 1) : -1;
        if (q2 >= 0 && (p.name.endsWith("*0*") || p.name.count('*') == 1)) {
            labelled = q1 > 0;
            value = value.mid(q2 + 1);
        }
        unlabelled += QByteArray::fromPercentEncoding(value);
    }
    return !labelled && !unlabelled.isEmpty() &&
           (!Charset::isAscii(unlabelled) || Charset::hasIso2022JpEscape(unlabelled));
}

QByteArray parameterField(const QByteArray& name, QByteArrayView value, const HeaderText::Context& context)
{
    const QByteArray text = HeaderText::unfoldForParsing(value, context.fallbackCharset);
    const HeaderParams params = HeaderParams::parse(value, context.fallbackCharset);
    const qsizetype semicolon = text.indexOf(';');
    Writer w;
    w.append(name + ": " + (semicolon < 0 ? text : text.left(semicolon)).trimmed());
    const bool isContentType = name.compare("content-type", Qt::CaseInsensitive) == 0;
    for (const QByteArray& base : basesOf(params)) {
        const QList<HeaderParams::Param> sections = sectionsOf(params, base);
        if (!needsRewrite(sections)) {
            for (const HeaderParams::Param& p : std::as_const(sections)) {
                w.append(";");
                w.fold();
                w.append(" " + p.name + '=' + (p.name.endsWith('*') ? p.value : parameterValue(p.value)));
            }
            continue;
        }
        const QString decoded = params.parameter(base, context);
        if (isContentType && base == "name") {
            // RFC 2047 inside the quotes: what Thunderbird and Outlook write for name=.
            w.append(";");
            w.fold();
            w.append(" name=\"");
            w.encoded(decoded, false);
            w.append("\"");
        } else {
            w.extendedParameter(base, decoded);
        }
    }
    w.append("\r\n");
    return w.result();
}

} // namespace

bool HeaderEncoder::needsEncoding(QByteArrayView field)
{
    for (char c : field) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\0')
            return true;
    }
    if (Charset::hasIso2022JpEscape(field))
        return true;
    // RFC 2231 values without a charset over ISO-2022-JP or 8-bit bytes.
    const qsizetype colon = field.indexOf(':');
    if (colon <= 0 || !field.contains("*="))
        return false;
    const QByteArray name = field.first(colon).trimmed().toByteArray().toLower();
    if (name != "content-type" && name != "content-disposition")
        return false;
    const HeaderParams params = HeaderParams::parse(field.sliced(colon + 1));
    const QList<QByteArray> bases = basesOf(params);
    return std::any_of(bases.begin(), bases.end(),
                       [&params](const QByteArray& base) { return needsRewrite(sectionsOf(params, base)); });
}

QByteArray HeaderEncoder::sevenBit(QByteArrayView field, QByteArrayView fallbackCharset)
{
    if (!needsEncoding(field))
        return field.toByteArray();
    const qsizetype colon = field.indexOf(':');
    const QByteArray name = colon > 0 ? field.first(colon).trimmed().toByteArray() : QByteArray();
    if (name.isEmpty() || !isPlainBytes(name) || name.contains(' ') || name.contains('\t'))
        return field.toByteArray(); // not a field: nothing to encode it as
    const QByteArray lower = name.toLower();
    const QByteArrayView value = field.sliced(colon + 1);
    const HeaderText::Context context{fallbackCharset.toByteArray(), QString::fromLatin1(name), nullptr};
    if (isOneOf(lower, kUntouchable))
        return field.toByteArray();
    // Each rewrite is read back with the parser that read the original; a
    // field it would read differently (damaged structure) is left as written.
    const auto valueOf = [](const QByteArray& written) {
        return QByteArrayView(written).sliced(written.indexOf(':') + 1);
    };
    QByteArray out;
    bool same = false;
    if (isOneOf(lower, kAddressFields)) {
        out = addressField(name, value, context);
        same = AddressList::parse(valueOf(out), context) == AddressList::parse(value, context);
    } else if (lower == "content-type" || lower == "content-disposition") {
        out = parameterField(name, value, context);
        const HeaderParams before = HeaderParams::parse(value, context.fallbackCharset);
        const HeaderParams after = HeaderParams::parse(valueOf(out), context.fallbackCharset);
        same = before.value() == after.value();
        for (const HeaderParams::Param& p : before.parameters()) {
            const QByteArray base =
                p.name.left(p.name.indexOf('*') < 0 ? p.name.size() : p.name.indexOf('*'));
            same = same && before.parameter(base, context) == after.parameter(base, context);
        }
    } else {
        const QString text = HeaderText::decode(value, context);
        Writer w;
        w.append(name + ':');
        w.text(text);
        w.append("\r\n");
        out = w.result();
        same = HeaderText::decode(valueOf(out), context) == text;
    }
    return same ? out : field.toByteArray();
}

QByteArray HeaderEncoder::encodedWords(const QString& text, qsizetype column)
{
    Writer w(column);
    w.encoded(text, true);
    return w.result();
}

} // namespace Mime
