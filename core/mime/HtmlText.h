#pragma once

#include <QString>
#include <QStringView>

namespace Mime {

// The readable text of an HTML body, for the checks that look at what the
// recipient will read (keywords, greetings, personal data): tags dropped,
// script/style/head content dropped, block ends as line breaks, entities decoded.
class HtmlText
{
public:
    static QString toPlainText(QStringView html, qsizetype maxLength);
};

} // namespace Mime
