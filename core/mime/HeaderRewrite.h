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

    // One address of To, Cc or Bcc written as another mailbox instead.
    struct Replacement
    {
        QString address;    // the address to replace (compared like envelope addresses)
        QString newAddress; // written with its domain in ASCII (A-labels)
        QString newName;    // display name; RFC 2047 encoded when it is not plain ASCII
    };
    // Writes each mailbox of To, Cc and Bcc whose address is one to replace as
    // the new mailbox instead. Only that mailbox's text changes (with a
    // display name written before it without a comma); the spaces and folds
    // around it, the other addresses, the other fields and the body stay byte
    // for byte. The result is parsed again and compared with what was asked:
    // the same addresses, the replaced ones swapped for the new ones with
    // their names. nullopt with a reason when that does not match or an
    // address cannot be separated from the others, so a message never leaves
    // with the old address. replaced counts the mailboxes written anew (0:
    // none of the addresses is in these fields, the message comes back as it was).
    static std::optional<QByteArray> replaceRecipients(const QByteArray& message,
                                                       const QList<Replacement>& replacements, int* replaced,
                                                       QString* error);

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
