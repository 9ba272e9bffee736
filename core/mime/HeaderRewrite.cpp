#include "mime/HeaderRewrite.h"

#include "mime/AddressList.h"
#include "mime/HeaderText.h"
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
