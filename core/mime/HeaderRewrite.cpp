#include "mime/HeaderRewrite.h"

#include "mime/AddressList.h"
#include "mime/HeaderText.h"

#include <QList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Mime {

namespace {

struct Field
{
    qsizetype begin = 0;
    qsizetype end = 0; // after the line break of its last line
    QByteArray name;   // as written, without the colon
    bool isRecipients() const
    {
        return name.compare("to", Qt::CaseInsensitive) == 0 || name.compare("cc", Qt::CaseInsensitive) == 0;
    }
};

// The fields of the header, in order; headerEnd is where the blank line
// starts (or the end of a message without a body).
QList<Field> headerFields(const QByteArray& message, qsizetype* headerEnd)
{
    QList<Field> fields;
    qsizetype pos = 0;
    while (pos < message.size()) {
        const qsizetype newline = message.indexOf('\n', pos);
        const qsizetype lineEnd = newline < 0 ? message.size() : newline + 1;
        const QByteArrayView line(message.constData() + pos, lineEnd - pos);
        if (line == "\n" || line == "\r\n") {
            *headerEnd = pos;
            return fields;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !fields.isEmpty()) {
            fields.last().end = lineEnd;
        } else {
            const qsizetype colon = line.indexOf(':');
            fields.append(
                {pos, lineEnd, colon > 0 ? line.first(colon).trimmed().toByteArray() : QByteArray()});
        }
        pos = lineEnd;
    }
    *headerEnd = message.size();
    return fields;
}

QByteArrayView valueOf(const QByteArray& message, const Field& field)
{
    const QByteArrayView text(message.constData() + field.begin, field.end - field.begin);
    return text.sliced(text.indexOf(':') + 1);
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
    qsizetype headerEnd = 0;
    QList<QString> keys;
    for (const Field& field : headerFields(message, &headerEnd)) {
        if (!field.isRecipients())
            continue;
        for (const Mailbox& m : mailboxesOf(valueOf(message, field))) {
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
    qsizetype headerEnd = 0;
    const QList<Field> fields = headerFields(message, &headerEnd);

    QByteArray header;
    header.reserve(headerEnd + 64);
    qsizetype copied = 0;       // bytes of the original header already in `header`
    qsizetype placeholder = -1; // where "To: undisclosed-recipients:;" goes if no To/Cc is left
    bool anyLeft = false;
    QByteArray placeholderEol;
    for (const Field& field : fields) {
        if (!field.isRecipients())
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
        for (const Item& item : HeaderText::splitAddressList(valueOf(message, field))) {
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

        const bool blank = valueOf(message, field).trimmed().isEmpty();
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
            QByteArray line = field.name;
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
    qsizetype headerEnd = 0;
    const QList<Field> fields = headerFields(message, &headerEnd);
    QByteArray out;
    qsizetype copied = 0; // bytes of the original already in `out`
    bool any = false;
    for (const Field& field : fields) {
        const bool remove = std::any_of(names.cbegin(), names.cend(), [&field](const QByteArray& name) {
            return field.name.compare(name, Qt::CaseInsensitive) == 0;
        });
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
