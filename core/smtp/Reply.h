#pragma once

#include <QByteArray>
#include <QString>

namespace Smtp {

// One SMTP reply: a three-digit code, an RFC 3463 enhanced status code and text.
struct Reply
{
    int code = 0;
    QString enhanced; // "2.0.0"; empty when the peer did not send one
    QString text;

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500; }

    // The reply as it goes on the wire, CRLF-terminated; a multi-line text
    // becomes a multi-line reply ("250-...", "250 ...").
    QByteArray toWire() const;
    // "550 5.7.1 text" on one line, for logs and the spool.
    QString toString() const;

    static Reply make(int code, const QString& enhanced, const QString& text)
    {
        return {code, enhanced, text};
    }
};

} // namespace Smtp
