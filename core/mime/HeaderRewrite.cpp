#include "mime/HeaderRewrite.h"

#include "mime/AddressList.h"
#include "mime/HeaderEncoder.h"
#include "mime/HeaderText.h"
#include "mime/Idna.h"
#include "mime/RawHeader.h"

#include <QList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

using Field = RawHeader::Field;

bool isRecipients(const Field& field)
{
    return field.is("to") || field.is("cc");
}

using Item = HeaderText::ListItem;

QByteArray trimmed(const QByteArray& text)
{
    return text.trimmed(); // spaces, tabs and the line breaks of folding
}

QList<Mailbox> mailboxesOf(QByteArrayView text)
{
    return AddressList::parse(text, HeaderText::Context{});
}

// The addresses of a list, minus the hidden ones; also whether anything was hidden.
struct Filtered
{
    QList<QByteArray> kept;
    int removed = 0;
    bool ambiguous = false; // one element held hidden and visible addresses at once
};

Filtered filter(const QList<QByteArray>& elements, const HeaderRewrite::Selector& hide)
{
    // A piece without an address ("Yamada" of an unquoted "Yamada, Taro <t@x>")
    // shares the fate of the address that follows it.
    QList<QByteArray> joined;
    QByteArray pending;
    for (const QByteArray& element : elements) {
        const QByteArray text = trimmed(element);
        if (text.isEmpty())
            continue;
        const QByteArray whole = pending.isEmpty() ? text : pending + ", " + text;
        if (mailboxesOf(whole).isEmpty()) {
            pending = whole;
            continue;
        }
        joined << whole;
        pending.clear();
    }
    if (!pending.isEmpty()) {
        if (joined.isEmpty())
            joined << pending;
        else
            joined.last() += ", " + pending;
    }

    Filtered out;
    for (const QByteArray& text : std::as_const(joined)) {
        const QList<Mailbox> boxes = mailboxesOf(text);
        const auto hidden = std::count_if(boxes.cbegin(), boxes.cend(), hide);
        if (hidden == 0) {
            out.kept << text;
        } else if (hidden == boxes.size()) {
            out.removed += int(hidden);
        } else {
            out.ambiguous = true;
            out.kept << text;
        }
    }
    return out;
}

QList<QString> recipientKeys(const QByteArray& message, const HeaderRewrite::Selector& skip)
{
    QList<QString> keys;
    const RawHeader header = RawHeader::read(message);
    for (const Field& field : header.fields()) {
        if (!isRecipients(field))
            continue;
        for (const Mailbox& m : mailboxesOf(field.value)) {
            if (!skip || !skip(m))
                keys << m.addressAce.toLower();
        }
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

// An address as envelopes are compared: local part lower-cased, domain in lower-case ASCII.
QString addressKey(const QString& address)
{
    const QString a = address.trimmed();
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return a.toLower();
    return a.left(at).toLower() + QLatin1Char('@') + Idna::toAscii(a.mid(at + 1));
}

QString keyOf(const Mailbox& m)
{
    return addressKey(m.addressAce.isEmpty() ? m.address : m.addressAce);
}

bool isAtext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(c);
}

// The mailbox as header text: name (a phrase, a quoted string or encoded
// words) and address; column is where it starts on its line.
QByteArray mailboxText(const QString& name, const QByteArray& address, qsizetype column)
{
    const QString simplified = name.simplified();
    if (simplified.isEmpty())
        return address;
    QByteArray phrase;
    bool ascii = true;
    for (QChar c : simplified)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii) {
        const QByteArray latin = simplified.toLatin1();
        const bool atoms =
            std::all_of(latin.cbegin(), latin.cend(), [](char c) { return c == ' ' || isAtext(c); });
        // "=?" would be read as the start of an encoded word.
        if (atoms && !latin.contains("=?")) {
            phrase = latin;
        } else {
            phrase = "\"";
            for (char c : latin) {
                if (c == '"' || c == '\\')
                    phrase += '\\';
                phrase += c;
            }
            phrase += '"';
        }
    } else {
        phrase = HeaderEncoder::encodedWords(simplified, column);
        // encodedWords puts a space (or a fold) before each word: the first one
        // comes where the old mailbox started, after its own spaces.
        if (phrase.startsWith(' '))
            phrase.remove(0, 1);
    }
    return phrase + " <" + address + '>';
}

// How many '@' a piece of an address list holds outside quoted strings,
// comments and encoded words: more than one is more than one address, even
// when the parser reads only one of them ("a@x b@y" without a comma).
int atSigns(QByteArrayView text)
{
    int n = 0;
    bool quoted = false;
    int comment = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
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
        if (c == '"')
            quoted = true;
        else if (c == '(')
            comment = 1;
        else if (const qsizetype word = c == '=' ? HeaderText::encodedWordLength(text, i) : 0; word > 0)
            i += word - 1;
        else if (c == '@')
            ++n;
    }
    return n;
}

struct Piece
{
    qsizetype begin = 0; // offsets in the field value
    qsizetype end = 0;
};

} // namespace

std::optional<QByteArray> HeaderRewrite::hideRecipients(const QByteArray& message, const Selector& hide,
                                                        int* removed, QString* error)
{
    *removed = 0;
    const RawHeader raw = RawHeader::read(message);
    const qsizetype headerEnd = raw.end();

    QByteArray header;
    header.reserve(headerEnd + 64);
    qsizetype copied = 0;       // bytes of the original header already in `header`
    qsizetype placeholder = -1; // where "To: undisclosed-recipients:;" goes if no To/Cc is left
    bool anyLeft = false;
    QByteArray placeholderEol;
    for (const Field& field : raw.fields()) {
        if (!isRecipients(field))
            continue;
        // Each field keeps the line ending it was written with (CRLF from SMTP,
        // but a file may mix them); one without a line break (no body) gets CRLF.
        const bool lf = message.at(field.end - 1) == '\n' &&
                        (field.end - 2 < field.begin || message.at(field.end - 2) != '\r');
        const QByteArray eol = lf ? "\n"_ba : "\r\n"_ba;
        // Built step by step: GCC -O3 misreads the QStringBuilder form (',' + eol + ' ')
        // as a write past QByteArray's shared empty buffer.
        QByteArray fold(1, ',');
        fold.append(eol).append(' ');
        if (placeholderEol.isEmpty())
            placeholderEol = eol;
        const QString name = QString::fromLatin1(field.name);
        const QString ambiguous =
            tr("An address in the %1 field could not be separated from the others; separate the addresses "
               "with commas, or send without moving them to Bcc.");
        QList<QByteArray> rebuilt;
        QList<QByteArray> run; // consecutive plain mailboxes, filtered together
        int removedHere = 0;
        const auto flush = [&]() {
            const Filtered kept = filter(run, hide);
            run.clear();
            removedHere += kept.removed;
            rebuilt += kept.kept;
            return !kept.ambiguous;
        };
        for (const Item& item : HeaderText::splitAddressList(field.value)) {
            if (!item.isGroup) {
                run << item.text;
                continue;
            }
            const Filtered members = filter(item.members, hide);
            if (!flush() || members.ambiguous) {
                *error = ambiguous.arg(name);
                return std::nullopt;
            }
            removedHere += members.removed;
            QByteArray group = trimmed(item.text) + ':';
            if (!members.kept.isEmpty())
                group += ' ' + members.kept.join(fold);
            rebuilt << group + ';';
        }
        if (!flush()) {
            *error = ambiguous.arg(name);
            return std::nullopt;
        }

        const bool blank = field.value.trimmed().isEmpty();
        if (removedHere == 0 && !blank) {
            anyLeft = true;
            continue;
        }
        // From here on the field is rewritten or, when empty, dropped (an empty
        // "To:" shows nobody, and a second To field must not be added beside it).
        *removed += removedHere;
        header += QByteArrayView(message.constData() + copied, field.begin - copied);
        copied = field.end;
        if (placeholder < 0)
            placeholder = header.size();
        if (!rebuilt.isEmpty()) {
            QByteArray line = field.name.toByteArray();
            line.append(": ").append(rebuilt.join(fold)).append(eol);
            header += line;
            anyLeft = true;
        }
    }
    if (*removed == 0)
        return message;
    header += QByteArrayView(message.constData() + copied, headerEnd - copied);
    if (!anyLeft)
        header.insert(placeholder, "To: undisclosed-recipients:;" + placeholderEol);

    QByteArray result = header;
    result += QByteArrayView(message.constData() + headerEnd, message.size() - headerEnd);
    // Read it back: exactly the addresses asked for are gone, every other one is still there.
    if (recipientKeys(result, {}) != recipientKeys(message, hide)) {
        *error = tr("The To and Cc fields could not be rewritten exactly.");
        return std::nullopt;
    }
    return result;
}

std::optional<QByteArray> HeaderRewrite::replaceRecipients(const QByteArray& message,
                                                           const QList<Replacement>& replacements,
                                                           int* replaced, QString* error)
{
    *replaced = 0;
    struct Target
    {
        QString oldKey;
        QString newKey;
        QString newName;
        QByteArray newAddress;
    };
    QList<Target> targets;
    for (const Replacement& r : replacements) {
        const qsizetype at = r.newAddress.lastIndexOf(QLatin1Char('@'));
        const QString local = r.newAddress.left(at);
        const bool asciiLocal = std::all_of(local.cbegin(), local.cend(), [](QChar c) {
            return c.unicode() > 0x20 && c.unicode() < 0x7f && c != QLatin1Char('<') && c != QLatin1Char('>');
        });
        if (at <= 0 || at == r.newAddress.size() - 1 || !asciiLocal) {
            *error = tr("The address %1 cannot be written in the message header.").arg(r.newAddress);
            return std::nullopt;
        }
        const QByteArray address =
            (local + QLatin1Char('@') + Idna::toAscii(r.newAddress.mid(at + 1))).toLatin1();
        targets << Target{addressKey(r.address), addressKey(QString::fromLatin1(address)),
                          r.newName.simplified(), address};
    }
    const auto targetOf = [&targets](const QString& key) -> const Target* {
        for (const Target& t : targets) {
            if (t.oldKey == key)
                return &t;
        }
        return nullptr;
    };

    const RawHeader raw = RawHeader::read(message);
    QByteArray result;
    qsizetype copied = 0;                        // bytes of the original already in `result`
    QList<QString> expected;                     // the keys the result must hold, in order
    QList<std::optional<QString>> expectedNames; // for the replaced mailboxes: their new names
    for (const Field& field : raw.fields()) {
        if (!isRecipients(field) && !field.is("bcc"))
            continue;
        const qsizetype valueBegin = field.value.data() - message.constData();
        // The pieces of the list with their offsets: each piece is followed by
        // one delimiter (',', ':' or ';').
        QList<Piece> pieces;
        qsizetype pos = 0;
        for (const Item& item : HeaderText::splitAddressList(field.value)) {
            if (item.isGroup) {
                pos += item.text.size() + 1; // the group's name and its colon
                for (const QByteArray& member : item.members) {
                    pieces << Piece{pos, pos + member.size()};
                    pos += member.size() + 1;
                }
            } else {
                pieces << Piece{pos, pos + item.text.size()};
                pos += item.text.size() + 1;
            }
        }
        // A piece without an address ("Yamada" of an unquoted "Yamada, Taro
        // <t@x>") belongs with the address that follows it.
        qsizetype pending = -1;
        for (const Piece& piece : std::as_const(pieces)) {
            const qsizetype begin = pending >= 0 ? pending : piece.begin;
            const QByteArrayView text = field.value.sliced(begin, piece.end - begin);
            const QList<Mailbox> boxes = mailboxesOf(text);
            if (boxes.isEmpty()) {
                if (!trimmed(text.toByteArray()).isEmpty())
                    pending = begin;
                continue;
            }
            pending = -1;
            const Target* target = nullptr;
            for (const Mailbox& m : boxes) {
                const Target* t = targetOf(keyOf(m));
                expected << (t ? t->newKey : keyOf(m));
                expectedNames << (t ? std::optional<QString>(t->newName) : std::nullopt);
                target = target ? target : t;
            }
            if (!target)
                continue;
            if (boxes.size() > 1 || atSigns(text) > 1) {
                *error = tr("An address in the %1 field could not be separated from the others; separate the "
                            "addresses with commas.")
                             .arg(QString::fromLatin1(field.name));
                return std::nullopt;
            }
            // Only the mailbox changes: the spaces and folds around it stay.
            qsizetype first = begin;
            qsizetype last = piece.end;
            const auto space = [&field](qsizetype i) {
                const char c = field.value.at(i);
                return c == ' ' || c == '\t' || c == '\r' || c == '\n';
            };
            while (first < last && space(first))
                ++first;
            while (last > first && space(last - 1))
                --last;
            const qsizetype absolute = valueBegin + first;
            const qsizetype lineStart = message.lastIndexOf('\n', absolute - 1) + 1;
            result += QByteArrayView(message.constData() + copied, absolute - copied);
            result += mailboxText(target->newName, target->newAddress, absolute - lineStart);
            copied = valueBegin + last;
            ++*replaced;
        }
    }
    result += QByteArrayView(message.constData() + copied, message.size() - copied);
    // An old address the parser did not read as a mailbox ("a@x b@y") would
    // still be seen by the recipients: refused rather than left there.
    for (const Field& field : RawHeader::read(result).fields()) {
        if (!isRecipients(field) && !field.is("bcc"))
            continue;
        const QString value = QString::fromUtf8(field.value).toLower();
        for (qsizetype i = 0; i < targets.size(); ++i) {
            if (value.contains(targets.at(i).oldKey) ||
                value.contains(replacements.at(i).address.toLower())) {
                *error = tr("An address in the %1 field could not be separated from the others; separate the "
                            "addresses with commas.")
                             .arg(QString::fromLatin1(field.name));
                return std::nullopt;
            }
        }
    }
    if (*replaced == 0)
        return message;

    // Read it back: the same addresses in the same order, the replaced ones
    // with their new names; nothing else of the header or body changed.
    QList<QString> keys;
    QList<QString> names;
    for (const Field& field : RawHeader::read(result).fields()) {
        if (!isRecipients(field) && !field.is("bcc"))
            continue;
        for (const Mailbox& m : mailboxesOf(field.value)) {
            keys << keyOf(m);
            names << m.name;
        }
    }
    bool same =
        keys == expected && raw.end() + (result.size() - message.size()) == RawHeader::read(result).end();
    for (qsizetype i = 0; same && i < keys.size(); ++i) {
        if (expectedNames.at(i))
            same = names.at(i) == *expectedNames.at(i);
    }
    if (!same) {
        *error = tr("The To and Cc fields could not be rewritten exactly.");
        return std::nullopt;
    }
    return result;
}

QByteArray HeaderRewrite::removeFields(const QByteArray& message, const QList<QByteArray>& names,
                                       int* removed)
{
    if (removed)
        *removed = 0;
    const RawHeader header = RawHeader::read(message);
    QByteArray out;
    qsizetype copied = 0; // bytes of the original already in `out`
    bool any = false;
    for (const Field& field : header.fields()) {
        const bool remove = std::any_of(names.cbegin(), names.cend(),
                                        [&field](const QByteArray& name) { return field.is(name); });
        if (!remove)
            continue;
        if (!any)
            out.reserve(message.size());
        any = true;
        out += QByteArrayView(message.constData() + copied, field.begin - copied);
        copied = field.end;
        if (removed)
            ++*removed;
    }
    if (!any)
        return message;
    out += QByteArrayView(message.constData() + copied, message.size() - copied);
    return out;
}

QByteArray HeaderRewrite::withoutBcc(const QByteArray& message, int* removed)
{
    return removeFields(message, {"Bcc"_ba, "Resent-Bcc"_ba}, removed);
}

} // namespace Mime
