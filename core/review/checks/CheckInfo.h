#pragma once

#include "settings/Config.h"

#include <QCoreApplication>
#include <QString>

namespace Review {

// What policy does with a check's findings ([checks] <code>=off|show|confirm|block).
using CheckAction = Settings::CheckAction;

// What a check looks at; the Settings page lists the checks under these
// headings. No value is 0, so a CheckInfo that leaves it out is caught
// (TestCheckRegistry) as well as warned about by the compiler.
enum class CheckCategory
{
    Recipients = 1, // who receives the message
    Attachments,    // the files it carries
    Body,           // the subject, the text, the signature
};

// A check's identity, declared once by the check (its static info()) and read
// by everyone else through CheckRegistry: the settings key, the words people
// see, and what policy does with its warnings until the settings say otherwise.
// The texts are marked with QT_TRANSLATE_NOOP("Checks", …) and translated where
// they are shown (translated()), so core needs no translator at start-up.
struct CheckInfo
{
    QString code;              // stable: the [checks] key, the JSON code, the audit log
    const char* title;         // the check's row in Settings: what it looks for
    const char* badge;         // a word or two on a recipient in the review window
    const char* help;          // one sentence in Settings saying when it speaks up
    CheckAction defaultAction; // without a [checks] key for it
    CheckCategory category;    // the heading it is listed under in Settings

    static constexpr const char* kContext = "Checks";
    static QString translated(const char* text) { return QCoreApplication::translate(kContext, text); }
};

} // namespace Review
