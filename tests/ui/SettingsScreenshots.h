#pragma once

#include <QString>

class QWidget;

// Renders every page of the Settings window and of the first-run wizard
// (called by Screenshots.cpp for each language).
void settingsScreenshots(const QString& language, void (*save)(QWidget* widget, const QString& name));
