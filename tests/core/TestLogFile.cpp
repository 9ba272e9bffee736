// The log file: size-capped rotation, the last lines for the diagnostics.

#include "diagnostics/LogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLogFile : public QObject
{
    Q_OBJECT
private slots:
    void writesLines();
    void rotationCapsSizeAndKeepsNFiles();
    void lastLinesAcrossFiles();
    void aHugeLineDoesNotBreakTheCap();
    void onlyTheOwnerReads();
    void reopensWhatAnotherProcessRotated();
};

namespace {

QString line(int i)
{
    return u"2026-12-03 10:00:00.000 info  smtp: line %1 "_s.arg(i, 5, 10, QLatin1Char('0')) +
           QString(60, u'x');
}

} // namespace

void TestLogFile::writesLines()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"logs/deeper"_s);
    Diagnostics::LogFile log(folder);
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    log.write(u"first"_s);
    log.write(u"二行目"_s);
    QFile f(QDir(folder).filePath(u"yubisashi.log"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("first\n\xE4\xBA\x8C\xE8\xA1\x8C\xE7\x9B\xAE\n"));
    QCOMPARE(log.filePath(), f.fileName());
}

void TestLogFile::rotationCapsSizeAndKeepsNFiles()
{
    QTemporaryDir dir;
    const Diagnostics::LogFile::Limits limits{4096, 5};
    Diagnostics::LogFile log(dir.path(), limits);
    QVERIFY(log.open(nullptr));
    const int lines = 1000; // ~100 KB: many rotations
    for (int i = 0; i < lines; ++i)
        log.write(line(i));

    const QStringList files = Diagnostics::LogFile::files(dir.path());
    QCOMPARE(files, QStringList({dir.filePath(u"yubisashi.log"_s), dir.filePath(u"yubisashi.log.1"_s),
                                 dir.filePath(u"yubisashi.log.2"_s), dir.filePath(u"yubisashi.log.3"_s),
                                 dir.filePath(u"yubisashi.log.4"_s)}));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"yubisashi.log.5"_s)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 5);
    qint64 total = 0;
    for (const QString& f : files) {
        const qint64 size = QFileInfo(f).size();
        QVERIFY2(size <= limits.maxBytes, qPrintable(u"%1: %2 bytes"_s.arg(f).arg(size)));
        total += size;
    }
    QVERIFY(total <= limits.maxBytes * limits.files);
    // The older files are full ones (rotated when the next line would not fit).
    QVERIFY(QFileInfo(files.at(1)).size() > limits.maxBytes - 200);
    // The newest line is in the current file, the oldest kept ones in .4, in order.
    // Every line kept is there once and in order, up to the newest: the files
    // moved up (.3 to .4 …), nothing emptied or overwritten.
    const QStringList kept = Diagnostics::LogFile::lastLines(dir.path(), lines);
    QVERIFY2(kept.size() > 4 * (limits.maxBytes / (line(0).size() + 1)),
             qPrintable(QString::number(kept.size())));
    for (qsizetype i = 0; i < kept.size(); ++i)
        QCOMPARE(kept.at(i), line(int(lines - kept.size() + i)));
}

void TestLogFile::lastLinesAcrossFiles()
{
    QTemporaryDir dir;
    Diagnostics::LogFile log(dir.path(), {2048, 3});
    QVERIFY(log.open(nullptr));
    for (int i = 0; i < 40; ++i)
        log.write(line(i));
    // ~16 lines a file: 40 lines need three files, and the 30 last lines come from all of them.
    QVERIFY(QFileInfo::exists(dir.filePath(u"yubisashi.log.2"_s)));
    const QStringList last = Diagnostics::LogFile::lastLines(dir.path(), 30);
    QCOMPARE(last.size(), 30);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(last.at(i), line(10 + i));
    // Fewer lines than asked: all of them.
    QTemporaryDir small;
    Diagnostics::LogFile few(small.path());
    QVERIFY(few.open(nullptr));
    few.write(u"a"_s);
    few.write(u"b"_s);
    QCOMPARE(Diagnostics::LogFile::lastLines(small.path(), 200), QStringList({u"a"_s, u"b"_s}));
    QCOMPARE(Diagnostics::LogFile::lastLines(dir.filePath(u"none"_s), 200), QStringList());
}

void TestLogFile::aHugeLineDoesNotBreakTheCap()
{
    QTemporaryDir dir;
    Diagnostics::LogFile log(dir.path(), {2048, 2});
    QVERIFY(log.open(nullptr));
    log.write(u"before"_s);
    log.write(QString(100000, u'y'));
    log.write(u"after"_s);
    for (const QString& f : Diagnostics::LogFile::files(dir.path()))
        QVERIFY2(QFileInfo(f).size() <= 2048, qPrintable(f));
    QCOMPARE(Diagnostics::LogFile::lastLines(dir.path(), 1), QStringList{u"after"_s});
}

void TestLogFile::onlyTheOwnerReads()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"logs"_s);
    Diagnostics::LogFile log(folder);
    QVERIFY(log.open(nullptr));
    log.write(u"x"_s);
    const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeGroup |
                        QFileDevice::ExeOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    QCOMPARE(QFileInfo(folder).permissions() & others, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(log.filePath()).permissions() & others, QFileDevice::Permissions());
#else
    QSKIP("Unix permissions");
#endif
}

void TestLogFile::reopensWhatAnotherProcessRotated()
{
    // Two writers on one folder (the app and a `check` run): the second one's
    // rotation must not push the first one's fresh file away at once.
    QTemporaryDir dir;
    Diagnostics::LogFile a(dir.path(), {4096, 3});
    Diagnostics::LogFile b(dir.path(), {4096, 3});
    QVERIFY(a.open(nullptr));
    QVERIFY(b.open(nullptr));
    int i = 0;
    while (!QFileInfo::exists(dir.filePath(u"yubisashi.log.1"_s)) && i < 1000)
        a.write(line(i++)); // a rotates; b still holds the old file, now .1
    QVERIFY(QFileInfo::exists(dir.filePath(u"yubisashi.log.1"_s)));
    // b's file (now .1) has no room for a line longer than a's: the name already holds a's new file.
    const QString fromB = u"from b "_s + QString(150, u'b');
    b.write(fromB);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"yubisashi.log.2"_s)));
    QCOMPARE(Diagnostics::LogFile::lastLines(dir.path(), 2), QStringList({line(i - 1), fromB}));
}

QTEST_MAIN(TestLogFile)
#include "TestLogFile.moc"
