// libFuzzer target for the message parser: every byte a local program sends
// after DATA reaches MessageView::parse before anyone has looked at it.
//
// The input is the message. The parser must never crash, trip a sanitizer or
// leak, and the view it returns must keep its promises; so must the header
// rewrite that moves visible addresses to Bcc, and the 7-bit writer of header
// fields (raw 8-bit and raw ISO-2022-JP in, RFC 2047/2231 out). The writer
// reads each rewrite back and keeps the original field when it would read
// differently, so the check here is that a Subject always gets its 7-bit form.
//
//   build/fuzz/tests/fuzz/fuzz_message_view -max_len=262144 WORKDIR tests/data/mime

#include "mime/HeaderEncoder.h"
#include "mime/HeaderRewrite.h"
#include "mime/HeaderText.h"
#include "mime/MessageView.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

// The fields of the message header: every line with the continuation lines after it.
QList<QByteArray> headerFields(const QByteArray& content)
{
    QList<QByteArray> fields;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype eol = content.indexOf('\n', pos);
        eol = eol < 0 ? content.size() : eol + 1;
        const QByteArray line = content.mid(pos, eol - pos);
        if (line == "\r\n" || line == "\n")
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty())
            fields.last() += line;
        else
            fields << line;
        pos = eol;
    }
    return fields;
}

void checkSevenBitFields(const QByteArray& content, const QByteArray& charset)
{
    for (const QByteArray& field : headerFields(content)) {
        const QByteArray out = Mime::HeaderEncoder::sevenBit(field, charset);
        if (!Mime::HeaderEncoder::needsEncoding(field)) {
            require(out == field, "a field that needs nothing is kept");
            continue;
        }
        require(out.endsWith("\r\n") || out == field, "a rewritten field ends in CRLF");
        if (!field.startsWith("Subject:"))
            continue;
        for (char c : out)
            require(static_cast<unsigned char>(c) < 0x80 && c != '\x1b', "a rewritten Subject is 7-bit");
        const Mime::HeaderText::Context context{charset, QStringLiteral("Subject"), nullptr};
        require(Mime::HeaderText::decode(out.mid(8), context) ==
                    Mime::HeaderText::decode(field.mid(8), context),
                "a rewritten Subject reads as the original");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray content(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Mime::MessageView view = Mime::MessageView::parse(content);
    require(view.textBody.size() <= 64 * 1024, "text body within 64 KiB");
    for (const Mime::Attachment& a : view.attachments) {
        require(a.size >= 0, "attachment size not negative");
        require(a.sha256.size() == 32, "attachment hash is SHA-256");
    }
    for (const QList<Mime::Mailbox>* list : {&view.to, &view.cc, &view.bcc}) {
        for (const Mime::Mailbox& m : *list)
            require(m.address.contains(u'@') && m.addressAce.contains(u'@'),
                    "every mailbox has local@domain");
    }
    require(!(view.isSigned && view.isEncrypted), "signed or encrypted at the top, not both");

    // Moving every other visible address to Bcc either fails with a reason or
    // leaves the body untouched (the rewrite checks its own result).
    bool odd = false;
    int removed = 0;
    QString error;
    const std::optional<QByteArray> hidden = Mime::HeaderRewrite::hideRecipients(
        content, [&odd](const Mime::Mailbox&) { return odd = !odd; }, &removed, &error);
    require(hidden.has_value() != !error.isEmpty(), "a rewrite fails with a reason or succeeds without one");
    if (hidden && removed == 0)
        require(*hidden == content, "nothing hidden, nothing changed");

    checkSevenBitFields(content, Mime::MessageView::headerCharset(content));
    return 0;
}
