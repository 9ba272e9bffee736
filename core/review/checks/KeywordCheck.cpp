#include "review/checks/KeywordCheck.h"

namespace Review {

const CheckInfo& KeywordCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("keyword"),
        QT_TRANSLATE_NOOP("Checks", "A keyword from the Recipients page appears"),
        QT_TRANSLATE_NOOP("Checks", "Keyword"),
        QT_TRANSLATE_NOOP(
            "Checks", "Speaks up when the subject, the text or a file name contains one of your keywords."),
        CheckAction::Confirm,
        CheckCategory::Body,
    };
    return info;
}

namespace {

// Full-width and half-width forms, and case, do not hide a keyword.
QString fold(const QString& s)
{
    return s.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

QStringList keywordsIn(const QString& text, const QStringList& keywords, const QStringList& folded)
{
    const QString t = fold(text);
    QStringList hits;
    for (qsizetype i = 0; i < keywords.size(); ++i) {
        if (!folded.at(i).isEmpty() && t.contains(folded.at(i)) && !hits.contains(keywords.at(i)))
            hits << keywords.at(i);
    }
    return hits;
}

QString quoted(const QStringList& words)
{
    QStringList q;
    for (const QString& w : words)
        q << QStringLiteral("\u201C%1\u201D").arg(w);
    return q.join(QStringLiteral(", "));
}

} // namespace

QList<Finding> KeywordCheck::run(const CheckContext& context) const
{
    const QStringList& keywords = context.policy.keywords;
    if (keywords.isEmpty())
        return {};
    QStringList folded;
    for (const QString& k : keywords)
        folded << fold(k.trimmed());

    QList<Finding> out;
    const QStringList inSubject = keywordsIn(context.view.subject, keywords, folded);
    if (!inSubject.isEmpty())
        out << finding(Severity::Warn, tr("The subject contains %1.").arg(quoted(inSubject)));
    const QStringList inBody = keywordsIn(context.view.textBody, keywords, folded);
    if (!inBody.isEmpty())
        out << finding(Severity::Warn, tr("The message text contains %1.").arg(quoted(inBody)));
    for (const Mime::Attachment& a : context.view.attachments) {
        const QStringList inName = keywordsIn(a.filename, keywords, folded);
        if (!inName.isEmpty()) {
            out << finding(Severity::Warn,
                           tr("The attachment name \"%1\" contains %2.").arg(a.filename, quoted(inName)), {},
                           {a.filename});
        }
    }
    return out;
}

} // namespace Review
