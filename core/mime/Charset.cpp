#include "mime/Charset.h"

#include <memory>
#include <string_view>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

namespace Mime {

namespace {

const char kCp932[] = "ibm-943_P15A-2003";
// ICU's version 3 is JIS7: ESC $ B / ESC $ @ with the NEC and IBM rows, ESC ( I
// and SO/SI half-width katakana, and JIS X 0212; what CP50220/50221/50222 write.
const char kIso2022Jp[] = "ISO_2022,locale=ja,version=3";

struct Alias
{
    const char* label;
    const char* icu;
};

// Labels whose plain ICU meaning is not what mailers produce, or that ICU does not know.
const Alias kAliases[] = {
    {"us-ascii", ""},
    {"ascii", ""},
    {"ansi_x3.4-1968", ""},
    {"iso646-us", ""},
    {"us", ""},
    {"unknown-8bit", ""},
    {"unknown", ""},
    {"x-unknown", ""},
    {"default", ""},
    {"shift_jis", kCp932},
    {"shift-jis", kCp932},
    {"sjis", kCp932},
    {"x-sjis", kCp932},
    {"ms_kanji", kCp932},
    {"csshiftjis", kCp932},
    {"cp932", kCp932},
    {"ms932", kCp932},
    {"windows-31j", kCp932},
    {"x-ms-cp932", kCp932},
    {"shift_jisx0213", kCp932},
    {"iso-2022-jp", kIso2022Jp},
    {"csiso2022jp", kIso2022Jp},
    {"iso-2022-jp-1", kIso2022Jp},
    {"iso-2022-jp-2", "ISO-2022-JP-2"},
    {"iso-2022-jp-3", kIso2022Jp},
    {"iso-2022-jp-2004", kIso2022Jp},
    {"iso-2022-jp-ms", kIso2022Jp},
    {"cp50220", kIso2022Jp},
    {"cp50221", kIso2022Jp},
    {"cp50222", kIso2022Jp},
    {"x-windows-50220", kIso2022Jp},
    {"x-windows-50221", kIso2022Jp},
    {"euc-jp", "euc-jp-2007"},
    {"eucjp", "euc-jp-2007"},
    {"x-euc-jp", "euc-jp-2007"},
    {"cp51932", "euc-jp-2007"},
    {"euc-jp-ms", "euc-jp-2007"},
    {"eucjp-ms", "euc-jp-2007"},
    {"eucjp-win", "euc-jp-2007"},
    {"iso-8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp819", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601-1987", "windows-949"},
    {"ks_c_5601", "windows-949"},
    {"cp949", "windows-949"},
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"big5", "windows-950"},
};

struct ConverterClose
{
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterClose>;

// Always U+FFFD: ICU's default substitute is U+001A for some single-byte
// converters, an invisible control character a reviewer would never notice.
void substituteReplacementCharacter(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                                    UConverterCallbackReason reason, UErrorCode* err)
{
    if (reason > UCNV_IRREGULAR)
        return;
    const UChar replacement = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

// Charsets in which pure ASCII bytes may mean something else.
bool isAsciiCompatible(const QByteArray& icu)
{
    const QByteArray lower = icu.toLower();
    return !lower.startsWith("utf-16") && !lower.startsWith("utf-32") && !lower.startsWith("utf-7") &&
           !lower.startsWith("ucs") && !lower.startsWith("hz") && !lower.startsWith("scsu") &&
           !lower.startsWith("bocu") && !lower.startsWith("ebcdic");
}

QByteArray normalizedLabel(QByteArrayView label)
{
    QByteArray name = label.toByteArray().trimmed().toLower();
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
        name = name.mid(1, name.size() - 2).trimmed();
    // RFC 2231 and RFC 2184 allow "charset*language"; the language says nothing about the bytes.
    const qsizetype star = name.indexOf('*');
    if (star >= 0)
        name.truncate(star);
    return name;
}

const Alias* findAlias(const QByteArray& name)
{
    for (const Alias& alias : kAliases) {
        if (name == alias.label)
            return &alias;
    }
    return nullptr;
}

bool hasEscapes(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c == '\x1b' || c == '\x0e' || c == '\x0f')
            return true;
    }
    return false;
}

std::optional<QString> convert(QByteArrayView bytes, const QByteArray& icu, bool strict)
{
    if (icu.isEmpty())
        return std::nullopt;
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(icu.constData(), &err));
    if (U_FAILURE(err) || !converter)
        return std::nullopt;
    if (Charset::isAscii(bytes) && !hasEscapes(bytes) && isAsciiCompatible(icu))
        return QString::fromLatin1(bytes.data(), bytes.size());
    if (strict)
        ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    else
        ucnv_setToUCallBack(converter.get(), substituteReplacementCharacter, nullptr, nullptr, nullptr, &err);
    if (U_FAILURE(err))
        return std::nullopt;
    // No mail charset yields more UTF-16 units than twice its bytes; retry once if one ever does.
    QString out(bytes.size() * 2 + 16, Qt::Uninitialized);
    const auto length = static_cast<int32_t>(bytes.size());
    int32_t n = ucnv_toUChars(converter.get(), reinterpret_cast<UChar*>(out.data()),
                              static_cast<int32_t>(out.size()), bytes.data(), length, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        err = U_ZERO_ERROR;
        ucnv_reset(converter.get());
        out.resize(n + 1);
        n = ucnv_toUChars(converter.get(), reinterpret_cast<UChar*>(out.data()),
                          static_cast<int32_t>(out.size()), bytes.data(), length, &err);
    }
    if (U_FAILURE(err))
        return std::nullopt;
    out.resize(n);
    return out;
}

// The ISO-2022-JP escape sequence at `pos`: its length (0 if there is none)
// and whether it returns to ASCII. ESC & @ announces the 1990 edition of
// JIS X 0208 and comes just before ESC $ B.
qsizetype jisEscape(QByteArrayView bytes, qsizetype pos, bool* toAscii)
{
    static constexpr struct
    {
        std::string_view sequence;
        bool toAscii;
    } kEscapes[] = {{"\x1b$B", false}, {"\x1b$@", false}, {"\x1b$(D", false}, {"\x1b(J", false},
                    {"\x1b(I", false}, {"\x1b&@", false}, {"\x1b(B", true}};
    const std::string_view rest(bytes.data() + pos, size_t(bytes.size() - pos));
    for (const auto& escape : kEscapes) {
        if (rest.substr(0, escape.sequence.size()) == escape.sequence) {
            *toAscii = escape.toAscii;
            return qsizetype(escape.sequence.size());
        }
    }
    return 0;
}

struct JisRun
{
    qsizetype begin; // bytes.size() when there is none
    qsizetype end;
};

// The next stretch of raw ISO-2022-JP at or after `from`: from an escape to a
// Japanese set up to and including the escape back to ASCII, or up to the
// first byte ISO-2022-JP cannot hold (8-bit; CR and LF, which end its lines
// and reset it), or to the end.
JisRun nextJisRun(QByteArrayView bytes, qsizetype from)
{
    const qsizetype n = bytes.size();
    for (qsizetype i = from; i < n; ++i) {
        bool toAscii = false;
        const qsizetype length = bytes[i] == '\x1b' ? jisEscape(bytes, i, &toAscii) : 0;
        if (length == 0 || toAscii)
            continue;
        qsizetype j = i + length;
        while (j < n) {
            const auto c = static_cast<unsigned char>(bytes[j]);
            if (c >= 0x80 || c == '\r' || c == '\n')
                break;
            if (c == 0x1b) {
                const qsizetype escape = jisEscape(bytes, j, &toAscii);
                if (escape == 0)
                    break; // not ISO-2022-JP: leave it to the other bytes
                j += escape;
                if (toAscii)
                    break;
                continue;
            }
            ++j;
        }
        return {i, j};
    }
    return {n, n};
}

// Unlabelled bytes that hold no raw ISO-2022-JP.
QString decodeWithoutJis(QByteArrayView bytes, QByteArrayView hint)
{
    if (Charset::isAscii(bytes) && !hasEscapes(bytes))
        return QString::fromLatin1(bytes.data(), bytes.size());
    if (auto utf8 = convert(bytes, "UTF-8", true))
        return *utf8;
    const QByteArray hinted = Charset::icuName(hint);
    if (!hinted.isEmpty() && hinted != "UTF-8" && hinted.toLower() != "utf-8") {
        if (auto text = convert(bytes, hinted, true))
            return *text;
    }
    if (auto sjis = convert(bytes, kCp932, true))
        return *sjis;
    if (!hinted.isEmpty()) {
        if (auto text = convert(bytes, hinted, false))
            return *text;
    }
    return convert(bytes, "windows-1252", false).value_or(QString::fromLatin1(bytes.data(), bytes.size()));
}

// Structural checks of the multi-byte encodings detectLabel() tells apart:
// cheap, and independent of how a converter maps control or unassigned codes
// (ICU's EUC-JP reads Shift_JIS lead bytes as C1 controls).
bool isValidUtf8(QByteArrayView s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

bool isValidEucJp(QByteArrayView s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (qsizetype i = 0, n = s.size(); i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
        } else if (c == 0x8E) { // half-width katakana
            if (i + 1 >= n || p[i + 1] < 0xA1 || p[i + 1] > 0xDF)
                return false;
            i += 2;
        } else if (c == 0x8F) { // JIS X 0212
            if (i + 2 >= n || p[i + 1] < 0xA1 || p[i + 2] < 0xA1 || p[i + 1] == 0xFF || p[i + 2] == 0xFF)
                return false;
            i += 3;
        } else if (c >= 0xA1 && c <= 0xFE) {
            if (i + 1 >= n || p[i + 1] < 0xA1 || p[i + 1] == 0xFF)
                return false;
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

bool isValidShiftJis(QByteArrayView s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (qsizetype i = 0, n = s.size(); i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80 || (c >= 0xA1 && c <= 0xDF)) {
            ++i;
        } else if ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) {
            if (i + 1 >= n || p[i + 1] < 0x40 || p[i + 1] == 0x7F || p[i + 1] > 0xFC)
                return false;
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray Charset::icuName(QByteArrayView label)
{
    const QByteArray name = normalizedLabel(label);
    if (name.isEmpty())
        return {};
    if (const Alias* alias = findAlias(name))
        return QByteArray(alias->icu);
    // Option strings ("ISO_2022,locale=...") are ICU's syntax, not mail labels.
    if (name.contains(',') || name.contains('='))
        return {};
    return name;
}

bool Charset::isKnown(QByteArrayView label)
{
    const QByteArray name = normalizedLabel(label);
    if (name.isEmpty())
        return true;
    const QByteArray icu = icuName(label);
    if (icu.isEmpty())
        return findAlias(name) != nullptr; // "us-ascii" and friends are known, ICU option strings are not
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(icu.constData(), &err));
    return U_SUCCESS(err) && converter;
}

std::optional<QString> Charset::decodeStrict(QByteArrayView bytes, QByteArrayView label)
{
    return convert(bytes, icuName(label), true);
}

QString Charset::decode(QByteArrayView bytes, QByteArrayView label, Status* status)
{
    auto setStatus = [status](Status s) {
        if (status)
            *status = s;
    };
    setStatus(Status::Ok);
    const QByteArray icu = icuName(label);
    if (icu.isEmpty()) {
        if (!isKnown(label))
            setStatus(Status::UnknownCharset);
        else if (!isAscii(bytes))
            setStatus(Status::Invalid); // 8-bit bytes under "us-ascii"
        return decodeUnlabelled(bytes);
    }
    if (auto text = convert(bytes, icu, true))
        return *text;
    if (!isKnown(label)) {
        setStatus(Status::UnknownCharset);
        return decodeUnlabelled(bytes);
    }
    setStatus(Status::Invalid);
    if (!isAscii(bytes)) {
        if (auto utf8 = convert(bytes, "UTF-8", true))
            return *utf8;
    }
    return convert(bytes, icu, false).value_or(QString());
}

QString Charset::decodeUnlabelled(QByteArrayView bytes, QByteArrayView hint)
{
    if (isAscii(bytes) && !hasEscapes(bytes))
        return QString::fromLatin1(bytes.data(), bytes.size());
    if (!hasIso2022JpEscape(bytes))
        return decodeWithoutJis(bytes, hint);
    // Clean 7-bit ISO-2022-JP (a whole body, say) in one conversion.
    if (isAscii(bytes)) {
        if (auto text = convert(bytes, kIso2022Jp, true))
            return *text;
    }
    QString out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const JisRun run = nextJisRun(bytes, pos);
        out += decodeWithoutJis(bytes.sliced(pos, run.begin - pos), hint);
        if (run.begin == run.end)
            break;
        const QByteArrayView jis = bytes.sliced(run.begin, run.end - run.begin);
        if (auto text = convert(jis, kIso2022Jp, true))
            out += *text;
        else
            out += convert(jis, kIso2022Jp, false).value_or(QString());
        pos = run.end;
    }
    return out;
}

bool Charset::hasIso2022JpEscape(QByteArrayView bytes)
{
    return nextJisRun(bytes, 0).begin < bytes.size();
}

bool Charset::isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QByteArray Charset::detectLabel(QByteArrayView body)
{
    if (isAscii(body)) {
        // ISO-2022-JP is 7-bit: recognise its escape sequences (JIS X 0208 in, ASCII/Roman out).
        if (body.contains("\x1b$B") || body.contains("\x1b$@"))
            return "iso-2022-jp";
        return "us-ascii";
    }
    if (isValidUtf8(body))
        return "utf-8";
    if (isValidEucJp(body))
        return "euc-jp";
    if (isValidShiftJis(body))
        return "shift_jis";
    return "unknown-8bit"; // RFC 1428
}

} // namespace Mime
