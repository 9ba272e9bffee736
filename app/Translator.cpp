#include "Translator.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

bool Translator::load(const QLocale& locale)
{
    const QString language = QLocale::languageToCode(locale.language());
    QFile file(u":/ts/yubisashi_%1.ts"_s.arg(language));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    m_twoForms = language != u"ja"_s;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList forms;
    bool unfinished = false;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name"_s) {
                context = xml.readElementText();
            } else if (name == u"message"_s) {
                source.clear();
                forms.clear();
                unfinished = false;
                numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            } else if (name == u"source"_s) {
                source = xml.readElementText();
            } else if (name == u"translation"_s) {
                unfinished = xml.attributes().value(u"type"_s) == u"unfinished"_s;
                if (!numerus) { // else the <numerusform> children follow
                    const QString text = xml.readElementText();
                    if (!text.isEmpty())
                        forms << text;
                }
            } else if (name == u"numerusform"_s) {
                forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            if (!unfinished && !forms.isEmpty() && !source.isEmpty()) {
                m_exact.insert(context + QChar(0x1f) + source, forms);
                if (!m_bySource.contains(source))
                    m_bySource.insert(source, forms);
            }
        }
    }
    return !xml.hasError() && !m_bySource.isEmpty();
}

QString Translator::pick(const QStringList& forms, int n) const
{
    if (forms.size() == 1 || n < 0)
        return forms.constFirst();
    return forms.value(m_twoForms && n != 1 ? 1 : 0, forms.constFirst());
}

QString Translator::translate(const char* context, const char* sourceText, const char* disambiguation,
                              int n) const
{
    Q_UNUSED(disambiguation)
    const QString source = QString::fromUtf8(sourceText);
    if (const auto exact = m_exact.constFind(QString::fromUtf8(context) + QChar(0x1f) + source);
        exact != m_exact.constEnd())
        return pick(*exact, n);
    if (const auto any = m_bySource.constFind(source); any != m_bySource.constEnd())
        return pick(*any, n);
    return {};
}
