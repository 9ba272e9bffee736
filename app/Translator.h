#pragma once

#include <QHash>
#include <QLocale>
#include <QStringList>
#include <QTranslator>

// The application's own texts, read from the translation source compiled in
// (translations/yubisashi_LANG.ts). Besides the exact (context, text) match it
// finds a text by itself: core code translates through small helpers whose
// runtime context is not always the one lupdate records, and the same text
// must not show up untranslated because of that.
class Translator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    // Loads :/ts/yubisashi_<language>.ts for the locale; false when there is none.
    bool load(const QLocale& locale);
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return m_bySource.isEmpty(); }

private:
    QString pick(const QStringList& forms, int n) const;

    QHash<QString, QStringList> m_exact;    // "context\x1fsource" -> forms
    QHash<QString, QStringList> m_bySource; // source -> forms (first seen)
    bool m_twoForms = false;                // languages with singular/plural (English)
};
