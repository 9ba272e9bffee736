// libFuzzer target for the message parser: every byte a local program sends
// after DATA reaches MessageView::parse before anyone has looked at it.
//
// The input is the message. The parser must never crash, trip a sanitizer or
// leak, and the view it returns must keep its promises; so must the header
// rewrite that moves visible addresses to Bcc.
//
//   build/fuzz/tests/fuzz/fuzz_message_view -max_len=262144 WORKDIR tests/data/mime

#include "mime/HeaderRewrite.h"
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
    return 0;
}
