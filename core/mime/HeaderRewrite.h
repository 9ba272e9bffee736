#pragma once

#include "mime/MessageView.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace Mime {

// Changes to the header of a message on its way out, on the raw bytes: the
// fields that are not touched and the body stay byte for byte as they were.
class HeaderRewrite
{
    Q_DECLARE_TR_FUNCTIONS(Mime::HeaderRewrite)
public:
    using Selector = std::function<bool(const Mailbox&)>;

    // Removes from To and Cc every address for which hide() is true: those
    // recipients still get the message (the envelope is unchanged), as Bcc,
    // and the other recipients no longer see them. Each remaining address
    // keeps its exact original text (encoded names, comments, groups). A field
    // left empty is removed; when neither To nor Cc remains, the field becomes
    // "To: undisclosed-recipients:;". The result is parsed again and compared
    // with what was asked; nullopt with a reason when it does not match or the
    // header cannot be read, so a message is never sent with the addresses
    // still visible. removed counts the addresses taken out.
    static std::optional<QByteArray> hideRecipients(const QByteArray& message, const Selector& hide,
                                                    int* removed, QString* error);

    // Removes every header field with one of these names (any case), with its
    // folded continuation lines. Every other byte of the message, line endings
    // included, stays as it was; with nothing to remove the bytes come back
    // unchanged. removed (optional) counts the fields taken out.
    static QByteArray removeFields(const QByteArray& message, const QList<QByteArray>& names,
                                   int* removed = nullptr);
    // Without its Bcc: and Resent-Bcc: fields: what may leave for the upstream.
    // The envelope still delivers to those addresses; the other recipients
    // must not see them, and a field that is signed cannot be removed later.
    static QByteArray withoutBcc(const QByteArray& message, int* removed = nullptr);
};

} // namespace Mime
