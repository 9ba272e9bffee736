#pragma once

#include <QString>
#include <QStringList>

namespace Mail {

// Display names compared the way a person reads them: width, case, spaces,
// quotes and a trailing honorific (山田 太郎 様) do not make a different name.
class PersonNames
{
public:
    static QString key(const QString& displayName);
    // Words of a name, folded: "Taro YAMADA" -> {"taro", "yamada"}.
    static QStringList words(const QString& displayName);
    static bool hasCjk(const QString& text);
};

} // namespace Mail
