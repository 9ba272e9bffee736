#include "mail/PersonNames.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Mail {

QString PersonNames::key(const QString& displayName)
{
    QString s = displayName.normalized(QString::NormalizationForm_KC).toCaseFolded();
    static const QRegularExpression honorific(u"\\s*(様|さま|殿|さん)\\s*$"_s);
    s.remove(honorific);
    static const QRegularExpression noise(u"[\\s\"'`・,.()（）]"_s);
    s.remove(noise);
    return s;
}

QStringList PersonNames::words(const QString& displayName)
{
    const QString s = displayName.normalized(QString::NormalizationForm_KC).toCaseFolded();
    static const QRegularExpression separators(u"[\\s\"'`・,.()（）/_+\\-]+"_s);
    return s.split(separators, Qt::SkipEmptyParts);
}

bool PersonNames::hasCjk(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
            (c >= 0x20000 && c <= 0x2FFFF))
            return true;
    }
    return false;
}

} // namespace Mail
