#pragma once

#include <QString>
#include <functional>

namespace Smtp {

// Limits and behaviour of one inbound session. Defaults are the shipped values.
struct SessionConfig
{
    // Refuses a recipient at RCPT time (a blocked domain): returns the reason,
    // or an empty string to accept. Unset: every valid address is accepted.
    std::function<QString(const QString& address)> refuseRecipient;
    QString hostName = QStringLiteral("localhost"); // shown in the greeting and EHLO reply
    bool requireAuth = true;
    int maxCommandLine = 2048; // octets incl. CRLF (RFC 5321 says >= 512; AUTH lines are longer)
    int maxTextLine = 1000;    // octets incl. CRLF inside DATA (RFC 5321 4.5.3.1.6)
    int maxRecipients = 1000;  // RCPT commands accepted per transaction
    qint64 maxMessageSize = 64LL * 1024 * 1024; // advertised with SIZE
    int maxHeaderBytes = 1024 * 1024;           // header section of one message
    int maxErrors = 20;                         // bad commands before the session is closed
    int authFailureDelayMs = 1000;              // delay before answering a failed AUTH
    int maxAuthFailures = 3;                    // failed AUTH attempts before the session is closed
    // SmtpServer: a client that sends nothing for this long (and is not waiting
    // for the reply to its message) gets 421 and is closed, so silent clients
    // cannot hold the session slots. RFC 5321 4.5.3.2.7 suggests 5 minutes. 0 = never.
    int idleTimeoutMs = 5 * 60 * 1000;
};

} // namespace Smtp
