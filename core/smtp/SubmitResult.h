#pragma once

#include "smtp/Reply.h"

#include <QList>
#include <QString>

namespace Smtp {

// The outcome of one upstream submission.
struct SubmitResult
{
    enum class Kind
    {
        Delivered,     // upstream answered 2xx to the end of DATA
        Temporary,     // 4xx, timeout, connection refused or lost: retry later
        Permanent,     // 5xx about this message or one of its recipients: retrying won't help
        Configuration, // TLS not trusted, STARTTLS missing, authentication refused: the user must act
    };
    Kind kind = Kind::Temporary;
    Reply reply;             // the upstream reply that decided the outcome (or a synthesised one)
    QString detail;          // plain-language explanation for the user and the log
    QString failedRecipient; // set when a RCPT was refused
    bool dataSent = false;   // the final "." went out: the upstream may have the message
    // A reused (kept-open) session failed before the server accepted MAIL FROM
    // (closed, 421, 530): nothing of the message was taken; a new connection may try again.
    bool staleConnection = false;
    bool waitsForUser =
        false; // cannot succeed until the user acts (e.g. signs in again): retry, never give up

    bool delivered() const { return kind == Kind::Delivered; }
};

} // namespace Smtp
