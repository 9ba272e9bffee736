#pragma once

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

namespace Smtp {

// Which mail program sent a message, as far as the session and the message
// tell: the name it gave in EHLO/HELO and the User-Agent or X-Mailer field
// (Message-ID forms for the programs that write neither). Used to tell a
// person that their mail program reached Yubisashi ("Received from
// Thunderbird 115"), never to decide anything: every field can be forged.
struct MailProgram
{
    QString name;     // "Thunderbird", "Outlook", "Apple Mail", "Becky!", "msmtp", "swaks"…; empty: unknown
    QString version;  // as the program wrote it ("115.6.0", "16.0"); may be empty
    QString heloName; // what the client said in EHLO/HELO

    bool isKnown() const { return !name.isEmpty(); }
    // "Thunderbird 115.6.0", "msmtp"; for an unknown program the EHLO name
    // (or the User-Agent/X-Mailer text when it gave one).
    QString displayName() const;

    // From the session's EHLO name and the message as received (only its
    // header section is read).
    static MailProgram identify(const QString& heloName, QByteArrayView message);
    // The pure rule: userAgent is the User-Agent or else the X-Mailer value
    // (unfolded), messageId the Message-ID value; either may be empty.
    static MailProgram identify(const QString& heloName, const QString& userAgent, const QString& messageId);

private:
    QString m_agent; // the User-Agent/X-Mailer text of an unknown program
};

} // namespace Smtp

Q_DECLARE_METATYPE(Smtp::MailProgram)
