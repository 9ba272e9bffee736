#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Smtp {

// What the client said around the message: MAIL FROM, every RCPT TO and the
// ESMTP parameters that matter downstream. The envelope is the truth about
// who receives a message.
struct Envelope
{
    QString mailFrom;          // reverse path without angle brackets; empty for <>
    QStringList recipients;    // forward paths without angle brackets, in RCPT order
    bool eightBitMime = false; // BODY=8BITMIME was given, or 8-bit data came without it (taken as 8BITMIME)
    bool smtpUtf8 = false;     // SMTPUTF8 was given
    qint64 declaredSize = 0;   // SIZE= from MAIL FROM, 0 if absent
    QString heloName;          // what the client called itself in EHLO/HELO (tells which mail program it is)
};

} // namespace Smtp

Q_DECLARE_METATYPE(Smtp::Envelope)
