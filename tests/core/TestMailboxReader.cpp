// Sent mail as mail programs keep it (mbox, Maildir, .eml, folders of them),
// read into messages for `yubisashi import-history`.

#include "mime/MailboxReader.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Mime::MailboxReader;

namespace {

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Read
{
    QList<QByteArray> messages;
    QStringList problems;
    bool ok = false;
    bool failed = false;
};

Read readAll(const QStringList& paths)
{
    Read r;
    MailboxReader reader([&r](const QByteArray& m) { r.messages << m; },
                         [&r](const QString& p) { r.problems << p; });
    r.ok = true;
    for (const QString& p : paths)
        r.ok = reader.read(p) && r.ok;
    r.failed = reader.failed();
    return r;
}

QByteArray subjectOf(const QByteArray& message)
{
    for (const QByteArray& line : message.split('\n')) {
        if (line.startsWith("Subject: "))
            return line.mid(9).trimmed();
    }
    return {};
}

QList<QByteArray> subjects(const QList<QByteArray>& messages)
{
    QList<QByteArray> out;
    for (const QByteArray& m : messages)
        out << subjectOf(m);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestMailboxReader : public QObject
{
    Q_OBJECT
private slots:
    void withCrlf_data();
    void withCrlf();
    void mbox();
    void maildir();
    void foldersAndSingleFiles();
    void missingPathIsReported();
    void unreadableFileIsReported();
};

void TestMailboxReader::withCrlf_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("LF") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("CRLF stays") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("mixed") << QByteArray("a\r\nb\nc") << QByteArray("a\r\nb\r\nc");
    QTest::newRow("lone CR stays") << QByteArray("a\rb\n") << QByteArray("a\rb\r\n");
}

void TestMailboxReader::withCrlf()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(MailboxReader::withCrlf(in), out);
}

void TestMailboxReader::mbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Sent"_s);
    QVERIFY(write(path, "From taro@example.co.jp Mon Jun  2 10:00:00 2025\n"
                        "From: taro@example.co.jp\nTo: a@partner.jp\nSubject: one\n\n"
                        "Hello\n>From the quoted line\n>>From twice quoted\n> From not quoted\n"
                        "From inside a paragraph stays\n\n"
                        "From taro@example.co.jp Tue Jun  3 10:00:00 2025\n"
                        "From: taro@example.co.jp\nTo: b@partner.jp\nSubject: two\n\nBye\n"));
    const Read r = readAll({path});
    QVERIFY(r.ok);
    QVERIFY(!r.failed);
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.messages.size(), 2);
    QCOMPARE(r.messages.at(0),
             QByteArray("From: taro@example.co.jp\r\nTo: a@partner.jp\r\nSubject: one\r\n\r\n"
                        "Hello\r\nFrom the quoted line\r\n>From twice quoted\r\n"
                        "> From not quoted\r\nFrom inside a paragraph stays\r\n\r\n"));
    QCOMPARE(r.messages.at(1),
             QByteArray("From: taro@example.co.jp\r\nTo: b@partner.jp\r\nSubject: two\r\n\r\nBye\r\n"));
}

void TestMailboxReader::maildir()
{
    QTemporaryDir dir;
    const QString md = dir.filePath(u"Maildir"_s);
    QVERIFY(write(md + u"/cur/1.host:2,S"_s, "From: taro@example.co.jp\nTo: a@x.jp\nSubject: cur\n\nx\n"));
    QVERIFY(
        write(md + u"/new/2.host"_s, "From: taro@example.co.jp\r\nTo: b@x.jp\r\nSubject: new\r\n\r\nx\r\n"));
    QVERIFY(write(md + u"/tmp/3.host"_s, "Subject: being delivered\n\nx\n"));
    QVERIFY(
        write(md + u"/.Sent/cur/4.host:2,S"_s, "From: taro@example.co.jp\nTo: c@x.jp\nSubject: sent\n\nx\n"));
    QVERIFY(write(md + u"/.Sent/new/.keep"_s, "\n")); // empty: not a message
    const Read r = readAll({md});
    QVERIFY(r.ok);
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(subjects(r.messages), (QList<QByteArray>{"cur", "new", "sent"}));
    for (const QByteArray& m : r.messages)
        QVERIFY(!m.contains("\r\r") && !QByteArray(m).replace("\r\n", "").contains('\n'));
}

void TestMailboxReader::foldersAndSingleFiles()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(u"Mail"_s);
    QVERIFY(write(root + u"/a.eml"_s, "Subject: eml\n\nx\n"));
    QVERIFY(write(root + u"/Sent.msf"_s, "// index of a mail program, not mail\n"));
    QVERIFY(write(root + u"/sub/Sent"_s, "From x Mon Jun  2 10:00:00 2025\nSubject: in mbox\n\nx\n"));
    QVERIFY(write(dir.filePath(u"single.eml"_s), "Subject: single\n\nx\n"));
    const Read r = readAll({root, dir.filePath(u"single.eml"_s)});
    QVERIFY(r.ok);
    QCOMPARE(subjects(r.messages), (QList<QByteArray>{"eml", "in mbox", "single"}));
}

void TestMailboxReader::missingPathIsReported()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(u"a.eml"_s), "Subject: a\n\nx\n"));
    const QString missing = dir.filePath(u"no-such-mbox"_s);
    const Read r = readAll({missing, dir.filePath(u"a.eml"_s)});
    QVERIFY(!r.ok);
    QCOMPARE(r.problems, QStringList{missing + u" does not exist; skipped."_s});
    QCOMPARE(subjects(r.messages), QList<QByteArray>{"a"}); // the rest is still read
}

void TestMailboxReader::unreadableFileIsReported()
{
#ifdef Q_OS_UNIX
    // A socket exists but cannot be opened, not even by root.
    QTemporaryDir dir;
    QLocalServer server;
    const QString socket = dir.filePath(u"broken"_s);
    QVERIFY2(server.listen(socket), qPrintable(server.errorString()));
    QVERIFY(write(dir.filePath(u"b.eml"_s), "Subject: b\n\nx\n"));
    const Read r = readAll({socket, dir.filePath(u"b.eml"_s)});
    QVERIFY(!r.ok);
    QVERIFY(r.failed);
    QCOMPARE(r.problems.size(), 1);
    QVERIFY2(r.problems.constFirst().startsWith(socket + u" cannot be read ("_s),
             qPrintable(r.problems.first()));
    QVERIFY(r.problems.constFirst().endsWith(u"); skipped."_s));
    QCOMPARE(subjects(r.messages), QList<QByteArray>{"b"});
#else
    QSKIP("needs a file that exists but cannot be opened (a Unix socket)");
#endif
}

QTEST_MAIN(TestMailboxReader)
#include "TestMailboxReader.moc"
