#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Settings {

// "Set up Thunderbird…": finds the person's Thunderbird profiles and writes
// the outgoing-server preferences (ClientSetup::thunderbird) into a
// profile's user.js, which Thunderbird reads at every start. The block sits
// between marker lines; writing again replaces it and keeps every other line.
class ThunderbirdProfiles
{
    Q_DECLARE_TR_FUNCTIONS(Settings::ThunderbirdProfiles)

public:
    struct Profile
    {
        QString name;           // as Thunderbird shows it ("default-release")
        QString path;           // the profile folder, absolute
        bool isDefault = false; // the one Thunderbird opens
    };

    // The folders that may hold profiles.ini on this OS (ThunderbirdProfiles_{unix,win,mac}.cpp):
    // ~/.thunderbird (and the Snap and Flatpak ones), %APPDATA%\Thunderbird, ~/Library/Thunderbird.
    static QStringList roots();
    // Every profile listed in the profiles.ini of each root whose folder
    // exists, the default one first.
    static QList<Profile> find(const QStringList& roots);

    static constexpr const char* BeginMarker =
        "// BEGIN Yubisashi outgoing server (written by Yubisashi; it replaces this block)";
    static constexpr const char* EndMarker = "// END Yubisashi outgoing server";

    // existing with its Yubisashi block replaced by prefs (appended when
    // there was none). Everything outside the block stays byte for byte.
    static QString mergeUserJs(const QString& existing, const QString& prefs);
    // The mail.smtpservers list a preference file sets, or empty.
    static QStringList serverList(const QString& prefsText);
    // The block for a profile: prefs (ClientSetup::thunderbird, servers
    // serverKeys) plus the server list Thunderbird shows (the profile's own
    // list from prefs.js, then ours) and ours as the default server.
    static QString profilePreferences(const QString& prefs, const QStringList& serverKeys,
                                      const QString& prefsJs);
    // Writes into profileDir/user.js (atomically); false with a reason.
    static bool write(const QString& profileDir, const QString& prefs, const QStringList& serverKeys,
                      QString* error);
};

} // namespace Settings
