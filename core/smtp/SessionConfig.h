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

    // Timers, so that connections that do nothing useful cannot hold the
    // session slots (SmtpServer caps them). Each closes the session with 421;
    // none runs while the client waits for the reply to its message. 0 = never.
    //
    // With AUTH required: a session that has not authenticated this long after
    // the greeting. Real clients authenticate within a second.
    int authTimeoutMs = 30 * 1000;
    // A line (command, AUTH response or DATA line) not completed this long
    // after its first byte. More bytes of the same line do not restart it, so
    // a client that trickles one byte at a time cannot hold a session.
    int lineTimeoutMs = 60 * 1000;
    // Nothing received for this long. RFC 5321 4.5.3.2.7 suggests 5 minutes.
    int idleTimeoutMs = 5 * 60 * 1000;
    // The whole session. Reached while the client waits for the reply to its
    // message, the reply goes out first and the 421 follows it.
    int maxSessionMs = 30 * 60 * 1000;
};

} // namespace Smtp
