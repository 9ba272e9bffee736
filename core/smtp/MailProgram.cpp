#include "smtp/MailProgram.h"

#include "mime/RawHeader.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Smtp {

namespace {

struct Pattern
{
    const char* name;
    const char* regex; // captures the version in group 1 (optional)
};

// Real values, as each program writes them:
//   User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0
//   User-Agent: Mozilla Thunderbird   (mailnews.headers.useMinimalUserAgent, the default since 115)
//   X-Mailer: Microsoft Outlook 16.0
//   X-Mailer: Apple Mail (2.3731.700.6)
//   X-Mailer: Becky! ver. 2.81.04 [ja]
//   X-Mailer: swaks v20201014.0 jetmore.org/john/code/swaks/
//   X-Mailer: git-send-email 2.39.2
//   User-Agent: Mutt/2.2.9 (2022-11-12) / NeoMutt/20220429
//   X-Mailer: Evolution 3.46.4-2  /  X-Mailer: Claws Mail 4.1.1 (GTK 3.24.36; …)
// Order matters: SeaMonkey and Thunderbird both start with Mozilla/5.0.
constexpr Pattern kAgents[] = {
    {"Thunderbird", R"(\bThunderbird(?:/([0-9][0-9.]*))?)"},
    {"Outlook", R"(\bMicrosoft (?:Office )?Outlook(?: Express)?\s*([0-9][0-9.]*)?)"},
    {"Apple Mail", R"(\b(?:Apple|iPhone|iPad) Mail\b)"},
    {"Becky!", R"(\bBecky!\s*(?:ver\.\s*)?([0-9][0-9.]*)?)"},
    {"swaks", R"(\bswaks\s+v?([0-9][0-9.]*)?)"},
    {"git send-email", R"(\bgit-send-email\s*([0-9][0-9.]*)?)"},
    {"NeoMutt", R"(\bNeoMutt/([0-9][0-9.]*))"},
    {"Mutt", R"(\bMutt/([0-9][0-9.]*))"},
    {"Evolution", R"(\bEvolution\s+([0-9][0-9.]*))"},
    {"Claws Mail", R"(\bClaws Mail\s+([0-9][0-9.]*))"},
    {"SeaMonkey", R"(\bSeaMonkey/([0-9][0-9.]*))"},
};

// Programs that write no User-Agent or X-Mailer, known by the Message-ID they
// add. msmtp (1.8): "<" 32 hex digits "." the envelope sender ">", and it says
// EHLO localhost unless told otherwise. Python's email.utils.make_msgid (what
// scripts around smtplib use): "<" hundredths of a second "." pid "." random "@" host ">".
const QRegularExpression& msmtpMessageId()
{
    static const QRegularExpression re(uR"(^\s*<[0-9a-f]{32}\.[^<>\s]*@[^<>\s]+>\s*$)"_s);
    return re;
}

const QRegularExpression& pythonMessageId()
{
    static const QRegularExpression re(uR"(^\s*<[0-9]{11,13}\.[0-9]+\.[0-9]+[^@<>\s]*@[^<>\s]+>\s*$)"_s);
    return re;
}

} // namespace

QString MailProgram::displayName() const
{
    if (isKnown())
        return version.isEmpty() ? name : name + u' ' + version;
    if (!m_agent.isEmpty())
        return m_agent;
    return heloName;
}

MailProgram MailProgram::identify(const QString& heloName, QByteArrayView message)
{
    QString userAgent;
    QString xMailer;
    QString messageId;
    for (const Mime::RawHeader::Field& f : Mime::RawHeader::read(message).fields()) {
        if (f.is("User-Agent") && userAgent.isEmpty())
            userAgent = QString::fromUtf8(f.unfoldedValue()).trimmed();
        else if (f.is("X-Mailer") && xMailer.isEmpty())
            xMailer = QString::fromUtf8(f.unfoldedValue()).trimmed();
        else if (f.is("Message-ID") && messageId.isEmpty())
            messageId = QString::fromUtf8(f.unfoldedValue()).trimmed();
    }
    return identify(heloName, userAgent.isEmpty() ? xMailer : userAgent, messageId);
}

MailProgram MailProgram::identify(const QString& heloName, const QString& userAgent, const QString& messageId)
{
    MailProgram p;
    p.heloName = heloName;
    if (!userAgent.isEmpty()) {
        for (const Pattern& pattern : kAgents) {
            const QRegularExpression re(QString::fromLatin1(pattern.regex));
            const QRegularExpressionMatch m = re.match(userAgent);
            if (m.hasMatch()) {
                p.name = QString::fromLatin1(pattern.name);
                p.version = m.captured(1);
                while (p.version.endsWith(u'.'))
                    p.version.chop(1);
                return p;
            }
        }
        // Something else that says its name: shown as it says it, within reason.
        p.m_agent = userAgent.left(80);
        return p;
    }
    if (msmtpMessageId().match(messageId).hasMatch() &&
        heloName.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        p.name = u"msmtp"_s;
    else if (pythonMessageId().match(messageId).hasMatch())
        p.name = u"Python smtplib"_s;
    return p;
}

} // namespace Smtp
