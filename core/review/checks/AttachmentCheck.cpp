#include "review/checks/AttachmentCheck.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Review {

const CheckInfo& AttachmentCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("attachment"),
        QT_TRANSLATE_NOOP("Checks", "Attachments, and risky file types"),
        QT_TRANSLATE_NOOP("Checks", "Attachment"),
        QT_TRANSLATE_NOOP(
            "Checks",
            "Lists every attachment, and speaks up for programs, scripts and disguised file names."),
        CheckAction::Confirm,
        CheckCategory::Attachments,
    };
    return info;
}

namespace {

// Characters that reorder or hide text: "invoice\u202Etxt.exe" shows as
// "invoiceexe.txt".
bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C;
}

QString visible(const QString& name)
{
    QString out;
    for (const char32_t c : name.toUcs4()) {
        if (isBidiControl(c))
            out +=
                u"[U+%1]"_s.arg(QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0')));
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

// Windows ignores trailing dots and spaces: "a.exe. " runs as "a.exe".
QStringList extensionsOf(const QString& name)
{
    QString n = name;
    while (n.endsWith(QLatin1Char('.')) || n.endsWith(QLatin1Char(' ')))
        n.chop(1);
    QStringList parts = n.split(QLatin1Char('.'));
    parts.removeFirst();
    for (QString& p : parts)
        p = p.trimmed().toLower();
    return parts;
}

const QSet<QString>& documentExtensions()
{
    static const QSet<QString> docs{u"pdf"_s, u"doc"_s, u"docx"_s, u"xls"_s,  u"xlsx"_s, u"ppt"_s, u"pptx"_s,
                                    u"txt"_s, u"csv"_s, u"jpg"_s,  u"jpeg"_s, u"png"_s,  u"gif"_s, u"zip"_s,
                                    u"rtf"_s, u"odt"_s, u"ods"_s,  u"mp4"_s,  u"mp3"_s,  u"wav"_s};
    return docs;
}

} // namespace

QList<Finding> AttachmentCheck::run(const CheckContext& context) const
{
    QList<Finding> out;
    QStringList names;
    QStringList listed;
    const QLocale locale;
    for (const Mime::Attachment& a : context.view.attachments) {
        if (a.isInline)
            continue;
        names << a.filename;
        listed << tr("%1 (%2)").arg(visible(a.filename), locale.formattedDataSize(a.size));
    }
    if (!names.isEmpty()) {
        out << finding(Severity::Info,
                       tr("%n attachment(s): %1", nullptr, int(names.size())).arg(joined(listed, 10)), {},
                       names);
    }

    const QSet<QString> risky(context.policy.riskyExtensions.cbegin(), context.policy.riskyExtensions.cend());
    for (const Mime::Attachment& a : context.view.attachments) {
        const QString& name = a.filename;
        bool bidi = false;
        for (const char32_t c : name.toUcs4())
            bidi = bidi || isBidiControl(c);
        if (bidi) {
            out << finding(
                Severity::Warn,
                tr("The name of \"%1\" contains invisible characters that reverse the text, so the "
                   "name you see is not its real name.")
                    .arg(visible(name)),
                {}, {name});
            continue;
        }
        const QStringList ext = extensionsOf(name);
        if (ext.isEmpty() || !risky.contains(ext.constLast()))
            continue;
        if (ext.size() >= 2 && documentExtensions().contains(ext.at(ext.size() - 2))) {
            out << finding(Severity::Warn,
                           tr("\"%1\" looks like a .%2 file but is a .%3 file that runs when opened.")
                               .arg(name, ext.at(ext.size() - 2), ext.constLast()),
                           {}, {name});
        } else {
            out << finding(Severity::Warn,
                           tr("\"%1\" is a .%2 file: a program, script or disk image that mail filters often "
                              "reject and that can do harm when opened.")
                               .arg(name, ext.constLast()),
                           {}, {name});
        }
    }
    return out;
}

} // namespace Review
