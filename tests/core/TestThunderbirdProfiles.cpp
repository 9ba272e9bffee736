#include "settings/ClientSetup.h"
#include "settings/ThunderbirdProfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::ThunderbirdProfiles;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Not a global: ClientSetup's own constants may not be initialised yet at static-initialisation time.
QString prefs()
{
    return Settings::ClientSetup::thunderbird({u"work"_s}, 10587, true);
}

} // namespace

// "Set up Thunderbird…": finding profiles and writing the outgoing server into user.js.
class TestThunderbirdProfiles : public QObject
{
    Q_OBJECT

private slots:
    void findsProfilesDefaultFirst();
    void findsLegacyDefaultAndAbsolutePaths();
    void mergeAppendsKeepingEverythingElse();
    void mergeReplacesTheEarlierBlock();
    void writeKeepsTheProfilesServers();
    void writeTwiceIsIdempotent();
};

void TestThunderbirdProfiles::findsProfilesDefaultFirst()
{
    // As Thunderbird 115 writes it: the installation names its default profile.
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(u"abcd1234.default"_s));
    QVERIFY(QDir(root.path()).mkpath(u"wxyz9876.default-release"_s));
    QVERIFY(writeFile(root.filePath(u"profiles.ini"_s), "[Profile1]\n"
                                                        "Name=default\n"
                                                        "IsRelative=1\n"
                                                        "Path=abcd1234.default\n"
                                                        "Default=1\n"
                                                        "\n"
                                                        "[Profile0]\n"
                                                        "Name=default-release\n"
                                                        "IsRelative=1\n"
                                                        "Path=wxyz9876.default-release\n"
                                                        "\n"
                                                        "[Profile2]\n"
                                                        "Name=gone\n"
                                                        "IsRelative=1\n"
                                                        "Path=missing.folder\n"
                                                        "\n"
                                                        "[General]\n"
                                                        "StartWithLastProfile=1\n"
                                                        "Version=2\n"
                                                        "\n"
                                                        "[Install4F96D1932A9F858E]\n"
                                                        "Default=wxyz9876.default-release\n"
                                                        "Locked=1\n"));
    const QList<ThunderbirdProfiles::Profile> found =
        ThunderbirdProfiles::find({root.filePath(u"nothing-here"_s), root.path()});
    QCOMPARE(found.size(), 2); // the missing folder is left out
    QCOMPARE(found.at(0).name, u"default-release"_s);
    QVERIFY(found.at(0).isDefault);
    QCOMPARE(found.at(0).path, QDir::cleanPath(root.filePath(u"wxyz9876.default-release"_s)));
    QCOMPARE(found.at(1).name, u"default"_s);
    QVERIFY(!found.at(1).isDefault);
}

void TestThunderbirdProfiles::findsLegacyDefaultAndAbsolutePaths()
{
    QTemporaryDir root;
    QTemporaryDir elsewhere;
    QVERIFY(QDir(root.path()).mkpath(u"Profiles/a.old"_s));
    QVERIFY(writeFile(root.filePath(u"profiles.ini"_s),
                      "[Profile0]\nName=old\nIsRelative=1\nPath=Profiles/a.old\n\n"
                      "[Profile1]\nName=usb\nIsRelative=0\nPath=" +
                          elsewhere.path().toUtf8() + "\nDefault=1\n"));
    const QList<ThunderbirdProfiles::Profile> found = ThunderbirdProfiles::find({root.path()});
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).name, u"usb"_s);
    QCOMPARE(found.at(0).path, QDir::cleanPath(elsewhere.path()));
    QVERIFY(found.at(0).isDefault);
    QCOMPARE(found.at(1).path, QDir::cleanPath(root.filePath(u"Profiles/a.old"_s)));
}

void TestThunderbirdProfiles::mergeAppendsKeepingEverythingElse()
{
    const QString existing =
        u"// my own settings\r\nuser_pref(\"mail.compose.big_attachments.notify\", false);"_s;
    const QString merged = ThunderbirdProfiles::mergeUserJs(existing, prefs());
    QVERIFY(merged.startsWith(existing + u"\n\n"_s));
    QVERIFY(merged.contains(QString::fromLatin1(ThunderbirdProfiles::BeginMarker) + u"\n"_s + prefs() +
                            QString::fromLatin1(ThunderbirdProfiles::EndMarker) + u"\n"_s));
    QVERIFY(merged.endsWith(QString::fromLatin1(ThunderbirdProfiles::EndMarker) + u"\n"_s));
    QCOMPARE(ThunderbirdProfiles::mergeUserJs(QString(), prefs())
                 .indexOf(QLatin1String(ThunderbirdProfiles::BeginMarker)),
             0);
}

void TestThunderbirdProfiles::mergeReplacesTheEarlierBlock()
{
    const QString before = u"user_pref(\"a\", 1);\n"_s;
    const QString after = u"user_pref(\"z\", 2);\n"_s;
    const QString old = ThunderbirdProfiles::mergeUserJs(
                            before, Settings::ClientSetup::thunderbird({u"work"_s, u"home"_s}, 2525, true)) +
                        after;
    const QString merged = ThunderbirdProfiles::mergeUserJs(old, prefs());
    QVERIFY(merged.startsWith(before));
    QVERIFY(merged.endsWith(QString::fromLatin1(ThunderbirdProfiles::EndMarker) + u"\n"_s + after));
    QCOMPARE(merged.count(QString::fromLatin1(ThunderbirdProfiles::BeginMarker)), 1);
    QVERIFY(!merged.contains(u"2525"_s));
    QVERIFY(!merged.contains(u"smtp91"_s));
    QVERIFY(merged.contains(u"user_pref(\"mail.smtpserver.smtp90.port\", 10587);"_s));
}

void TestThunderbirdProfiles::writeKeepsTheProfilesServers()
{
    QVERIFY(prefs().contains(u"user_pref(\"mail.smtpserver.smtp90.hostname\", \"127.0.0.1\");"_s));
    QTemporaryDir profile;
    QVERIFY(writeFile(profile.filePath(u"prefs.js"_s),
                      "// Mozilla User Preferences\n"
                      "user_pref(\"mail.smtp.defaultserver\", \"smtp1\");\n"
                      "user_pref(\"mail.smtpserver.smtp1.hostname\", \"smtp.office365.com\");\n"
                      "user_pref(\"mail.smtpservers\", \"smtp1,smtp2\");\n"));
    QVERIFY(writeFile(profile.filePath(u"user.js"_s), "user_pref(\"general.warnOnAboutConfig\", false);\n"));
    QString error;
    QVERIFY2(ThunderbirdProfiles::write(profile.path(), prefs(), {u"smtp90"_s}, &error), qPrintable(error));
    const QString userJs = QString::fromUtf8(readFile(profile.filePath(u"user.js"_s)));
    QVERIFY(userJs.startsWith(u"user_pref(\"general.warnOnAboutConfig\", false);\n"_s));
    QVERIFY(userJs.contains(prefs()));
    // Thunderbird lists only the servers in mail.smtpservers: its own stay, ours is added and the default.
    QVERIFY(userJs.contains(u"user_pref(\"mail.smtpservers\", \"smtp1,smtp2,smtp90\");\n"_s));
    QVERIFY(userJs.contains(u"user_pref(\"mail.smtp.defaultserver\", \"smtp90\");\n"_s));
    // prefs.js is Thunderbird's own: untouched.
    QVERIFY(readFile(profile.filePath(u"prefs.js"_s)).contains("\"smtp1,smtp2\""));
}

void TestThunderbirdProfiles::writeTwiceIsIdempotent()
{
    QTemporaryDir profile;
    QVERIFY(writeFile(profile.filePath(u"prefs.js"_s), "user_pref(\"mail.smtpservers\", \"smtp1\");\n"));
    QString error;
    QVERIFY(ThunderbirdProfiles::write(profile.path(), prefs(), {u"smtp90"_s}, &error));
    const QByteArray first = readFile(profile.filePath(u"user.js"_s));
    // Thunderbird copied our list into prefs.js at its start; writing again changes nothing.
    QVERIFY(
        writeFile(profile.filePath(u"prefs.js"_s), "user_pref(\"mail.smtpservers\", \"smtp1,smtp90\");\n"));
    QVERIFY(ThunderbirdProfiles::write(profile.path(), prefs(), {u"smtp90"_s}, &error));
    QCOMPARE(readFile(profile.filePath(u"user.js"_s)), first);
    QCOMPARE(first.count("BEGIN Yubisashi"), 1);
}

QTEST_GUILESS_MAIN(TestThunderbirdProfiles)
#include "TestThunderbirdProfiles.moc"
