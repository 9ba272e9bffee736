#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Review {

enum class Verdict
{
    Pass,
    Review,
    Block
};
enum class Severity
{
    Info,
    Warn,
    Block
};
enum class Field
{
    To,
    Cc,
    Bcc
};

// A check's result: what looks wrong, for whom, and whether the person must
// acknowledge it separately before Send is allowed.
struct Finding
{
    QString code; // stable: the check's CheckInfo::code (settings key, JSON, audit log)
    Severity severity = Severity::Info;
    QString message; // translated, one sentence
    bool needsAcknowledgement = false;
    QStringList recipients;  // addresses it concerns (may be empty)
    QStringList attachments; // file names it concerns (may be empty)
    // look-alike-domain: the known domain the recipients' domain resembles, so
    // the review window can show which letters differ. Empty for other checks.
    QString similarDomain;
    // unusual-recipient: the address usually written to with these people
    // instead, and its display name, so the review window can offer it.
    QString suggestedAddress;
    QString suggestedName;
};

struct Address
{
    QString address;
    QString name;
};

struct Recipient
{
    QString address;
    QString name;             // display name from the header, if any
    Field field = Field::Bcc; // in the envelope but not in To/Cc: Bcc
    QString domain;           // lower case, Unicode form for display
    bool internal = false;
    QStringList findingCodes;
};

struct Attachment
{
    QString filename;
    QString contentType;
    qint64 size = 0;
    bool isInline = false;
};

// Everything the person is asked to confirm about one message: data the
// review window shows, produced by core and never computed in the UI.
struct MessageReview
{
    QString account;
    Address from;
    QString subject;
    QString bodyStart;           // the first lines of the text body
    QList<Recipient> recipients; // every envelope recipient
    QList<Address> notReceiving; // in To/Cc but not in the envelope
    QList<Attachment> attachments;
    QList<Finding> findings;
    Verdict verdict = Verdict::Review;
    bool willSign = false;
    // many-external-visible fired: the external addresses in To/Cc that can go to
    // Bcc instead; bccRequired when the policy moves them without asking.
    QStringList bccCandidates;
    bool bccRequired = false;
    QStringList problems;   // malformed parts of the message (MessageView::problems), translated
    QString historyProblem; // why the recipient history could not be used; empty when it was
};

// The stable names used in the `check` JSON, the audit log and the settings.
QString severityName(Severity severity); // info | warn | block
QString fieldName(Field field);          // to | cc | bcc
QString verdictName(Verdict verdict);    // pass | review | block

} // namespace Review

Q_DECLARE_METATYPE(Review::MessageReview)
