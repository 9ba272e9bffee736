#pragma once

#include "mime/HeaderText.h"
#include "mime/MessageView.h"

#include <QByteArrayView>
#include <QList>

namespace Mime {

// A lenient RFC 5322 address-list parser over the raw header bytes: groups
// ("undisclosed-recipients:;", "team: a@x, b@y;"), quoted local parts,
// comments (a comment is the name when there is no display name), obsolete
// routes, RFC 2047 words in display names (also inside quotes, as Outlook
// writes them), raw 8-bit names and SMTPUTF8 local parts, IDN domains.
class AddressList
{
public:
    static QList<Mailbox> parse(QByteArrayView raw, const HeaderText::Context& context);

    // Builds the two forms of an address from its parts (domain in any form).
    static Mailbox mailbox(const QString& name, const QString& localPart, const QString& domain);
};

} // namespace Mime
