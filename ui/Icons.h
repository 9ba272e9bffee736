#pragma once

#include <QIcon>
#include <QString>

namespace Ui {

// Loads an icon from icons/ (compiled in), preferring the system theme when
// it has one of the same name.
QIcon icon(const QString& name);

} // namespace Ui
