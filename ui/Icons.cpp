#include "Icons.h"

namespace Ui {

QIcon icon(const QString& name)
{
    const QIcon fallback(QStringLiteral(":/icons/%1.svg").arg(name));
    return QIcon::fromTheme(name, fallback);
}

} // namespace Ui
