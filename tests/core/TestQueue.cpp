#include "spool/Queue.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <utility>

using namespace Qt::StringLiterals;

using Spool::Entry;
using Spool::State;

namespace {

int modeOf(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

Entry newEntry(const QStringList& rcpts = {u"hanako@example.co.jp"_s})
{
    Entry e;
    e.account = u"work"_s;
    e.envelope.mailFrom = u"taro@example.co.jp"_s;
    e.envelope.recipients = rcpts;
    e.envelope.eightBitMime = true;
    e.envelope.declaredSize = 100;
    return e;
}

QByteArray message(const QByteArray& subject = "Hello")
{
    return "From: taro@example.co.jp\r\nTo: hanako@example.co.jp\r\nSubject: " + subject +
           "\r\n\r\nBody line\r\n";
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What DurableFile reported flushing, in order, as "data NAME" or "folder
// NAME" (names relative to the temp folder). The observer may be called on
// any thread.
std::mutex g_flushLock;
QStringList g_flushes;
QString g_flushBase;

void recordFlush(Spool::DurableFile::Flush what, const QString& path)
{
    const std::lock_guard<std::mutex> locked(g_flushLock);
    g_flushes << (what == Spool::DurableFile::Flush::Data ? u"data "_s : u"folder "_s) +
                     QDir(g_flushBase).relativeFilePath(path);
}

QStringList takeFlushes()
{
    const std::lock_guard<std::mutex> locked(g_flushLock);
    return std::exchange(g_flushes, {});
}

// Rewrites an envelope behind the spool's back, as another version or an
// old run would have left it (the spool always stamps "updated" with now).
bool rewriteEnvelope(const QString& dir, const Entry& e)
{
    return writeFile(dir + u"/"_s + e.id + u".env"_s, QJsonDocument(e.toJson()).toJson());
}

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void openCreatesPrivateFolders();
    void openMakesMissingDataFolderPrivate();
    void openFailsWithReason();
    void roundTrip();
    void idsAreUniqueSortableAndSafe();
    void filesArePrivateWhateverTheUmask();
    void loadCorrectsPermissions();
    void everyWriteFlushesItsData();
    void update();
    void updateOfRemovedMessageFails();
    void addRefusesWhatCouldNotBeLoaded();
    void remove();
    void staleTempFilesAreDeleted();
    void orphanContentIsDeleted();
    void corruptEnvelopeIsQuarantined_data();
    void corruptEnvelopeIsQuarantined();
    void missingContentIsQuarantined();
    void sentWithoutContentLoads();
    void sizeMismatchIsQuarantined();
    void replaceContent();
    void addOnThreadsWhileLoading();
    void replaceInterruptedLeavesOldOrNew();
    void replaceMessageKeepsContentAndRecipientsTogether();
    void quarantineKeepsEarlierFiles();
    void purgeSent();
    void loadOrder();
    void bigMessage();
    void badIds();

private:
    QString path(const QString& name) const { return m_spoolDir + u"/"_s + name; }

    mode_t m_oldUmask = 0;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_spoolDir;
};

void TestQueue::initTestCase()
{
    // The most permissive umask there is: every permission must come from the spool itself.
    m_oldUmask = ::umask(0);
}

void TestQueue::cleanupTestCase()
{
    ::umask(m_oldUmask);
}

void TestQueue::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_spoolDir = m_tmp->path() + u"/data/spool"_s;
}

void TestQueue::cleanup()
{
    m_tmp.reset();
}

void TestQueue::openCreatesPrivateFolders()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(spool.directory(), m_spoolDir);
    QCOMPARE(modeOf(m_spoolDir), 0700);
    QCOMPARE(modeOf(path(u"quarantine"_s)), 0700);

    // An existing folder that others may enter is restricted again.
    QVERIFY(::chmod(QFile::encodeName(m_spoolDir).constData(), 0755) == 0);
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(modeOf(m_spoolDir), 0700);
}

void TestQueue::openMakesMissingDataFolderPrivate()
{
    // The folder above the spool is the app-data folder (recipient history,
    // certificates): made by the spool, it is the person's alone, whatever the umask.
    const QString data = m_tmp->path() + u"/data"_s;
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(modeOf(data), 0700);

    // One that exists already (a folder the person chose) is not the spool's to change.
    QVERIFY(::chmod(QFile::encodeName(data).constData(), 0750) == 0);
    QVERIFY2(spool.open(&error), qPrintable(error));
    QCOMPARE(modeOf(data), 0750);
}

void TestQueue::openFailsWithReason()
{
    QVERIFY(writeFile(m_tmp->path() + u"/file"_s, "x"));
    Spool::Queue spool(m_tmp->path() + u"/file/spool"_s);
    QString error;
    QVERIFY(!spool.open(&error));
    QVERIFY2(error.contains(m_tmp->path() + u"/file"_s), qPrintable(error));
}

void TestQueue::roundTrip()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const std::optional<Entry> added =
        spool.add(newEntry({u"a@example.co.jp"_s, u"b@other.jp"_s}), message(), &error);
    QVERIFY2(added, qPrintable(error));
    QVERIFY(!added->id.isEmpty());
    QCOMPARE(added->size, message().size());
    QVERIFY(added->received >= before.addMSecs(-1));
    QCOMPARE(added->state, State::Received);
    QVERIFY(QFile::exists(path(added->id + u".eml"_s)));
    QVERIFY(QFile::exists(path(added->id + u".env"_s)));
    QCOMPARE(spool.contentPath(added->id), path(added->id + u".eml"_s));
    QCOMPARE(readFile(spool.contentPath(added->id)), message());

    const std::optional<QByteArray> bytes = spool.content(added->id, &error);
    QVERIFY2(bytes, qPrintable(error));
    QCOMPARE(*bytes, message());

    // A fresh Spool over the same folder (a restart) sees the same message.
    Spool::Queue again(m_spoolDir);
    QStringList quarantined;
    const QList<Entry> entries = again.load(&quarantined);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u"\n"_s)));
    QCOMPARE(entries.size(), 1);
    const Entry& e = entries.first();
    QCOMPARE(e.id, added->id);
    QCOMPARE(e.account, u"work"_s);
    QCOMPARE(e.envelope.mailFrom, u"taro@example.co.jp"_s);
    QCOMPARE(e.envelope.recipients, (QStringList{u"a@example.co.jp"_s, u"b@other.jp"_s}));
    QVERIFY(e.envelope.eightBitMime);
    QCOMPARE(e.envelope.declaredSize, 100);
    QCOMPARE(e.received, added->received);
    QCOMPARE(e.updated, added->updated);
    QCOMPARE(e.size, added->size);

    // Nothing but the two files.
    QCOMPARE(QDir(m_spoolDir).entryList(QDir::Files).size(), 2);
}

void TestQueue::idsAreUniqueSortableAndSafe()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QRegularExpression safe(u"^[0-9A-Za-z][0-9A-Za-z-]+$"_s);
    QStringList ids;
    for (int i = 0; i < 50; ++i) {
        const std::optional<Entry> e = spool.add(newEntry(), message(QByteArray::number(i)), &error);
        QVERIFY2(e, qPrintable(error));
        QVERIFY2(safe.match(e->id).hasMatch(), qPrintable(e->id));
        ids << e->id;
    }
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, ids); // string order is arrival order
    sorted.removeDuplicates();
    QCOMPARE(sorted.size(), ids.size());
    // The id starts with the UTC arrival time.
    QVERIFY2(ids.first().startsWith(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'"_s)),
             qPrintable(ids.first()));
}

void TestQueue::filesArePrivateWhateverTheUmask()
{
    QCOMPARE(::umask(0), mode_t(0));
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(modeOf(path(e->id + u".eml"_s)), 0600);
    QCOMPARE(modeOf(path(e->id + u".env"_s)), 0600);
    e->state = State::Reviewing;
    QVERIFY2(spool.update(*e, &error), qPrintable(error));
    QCOMPARE(modeOf(path(e->id + u".env"_s)), 0600);
    QCOMPARE(modeOf(m_spoolDir), 0700);
}

void TestQueue::loadCorrectsPermissions()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    QVERIFY(::chmod(QFile::encodeName(path(e->id + u".eml"_s)).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(path(e->id + u".env"_s)).constData(), 0666) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_spoolDir).constData(), 0777) == 0);

    QStringList quarantined;
    QCOMPARE(spool.load(&quarantined).size(), 1);
    QVERIFY(quarantined.isEmpty());
    QCOMPARE(modeOf(path(e->id + u".eml"_s)), 0600);
    QCOMPARE(modeOf(path(e->id + u".env"_s)), 0600);
    QCOMPARE(modeOf(m_spoolDir), 0700);
}

void TestQueue::everyWriteFlushesItsData()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    g_flushBase = m_spoolDir;
    takeFlushes();
    Spool::DurableFile::setFlushObserver(recordFlush);
    const auto unhook = qScopeGuard([] { Spool::DurableFile::setFlushObserver(nullptr); });

    // A new message: both files' data, then one folder sync for both renames.
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY2(e, qPrintable(error));
    const QString env = e->id + u".env"_s;
    const QString eml = e->id + u".eml"_s;
    QCOMPARE(takeFlushes(), QStringList({u"data "_s + eml, u"data "_s + env, u"folder ."_s}));

    e->state = State::Approved;
    QVERIFY2(spool.update(*e, &error), qPrintable(error));
    QCOMPARE(takeFlushes(), QStringList({u"data "_s + env, u"folder ."_s}));

    // The "sending" and "sent" marks skip the folder sync (a lost rename
    // brings back the previous state: the message is sent again), never the
    // data: a rename that lands before its data leaves an empty envelope,
    // which the next start would quarantine, and the message would never go.
    e->state = State::Sending;
    QVERIFY2(spool.update(*e, &error, false), qPrintable(error));
    QCOMPARE(takeFlushes(), QStringList({u"data "_s + env}));
    e->state = State::Sent;
    QVERIFY2(spool.update(*e, &error, false), qPrintable(error));
    QCOMPARE(takeFlushes(), QStringList({u"data "_s + env}));

    // A header rewrite: envelope, content, envelope, each flushed and synced.
    QVERIFY2(spool.replaceContent(*e, "To: undisclosed-recipients:;\r\n\r\nbody\r\n", &error),
             qPrintable(error));
    QCOMPARE(takeFlushes(), QStringList({u"data "_s + env, u"folder ."_s, u"data "_s + eml, u"folder ."_s,
                                         u"data "_s + env, u"folder ."_s}));
}

void TestQueue::update()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    const QDateTime firstUpdate = e->updated;
    QTest::qWait(5);

    e->state = State::Failed;
    e->attempts = 2;
    e->lastError = u"421 4.7.0 Try again later"_s;
    e->nextAttempt = QDateTime::currentDateTimeUtc().addSecs(120);
    QVERIFY2(spool.update(*e, &error), qPrintable(error));
    QVERIFY(e->updated > firstUpdate);

    QStringList quarantined;
    const QList<Entry> entries = Spool::Queue(m_spoolDir).load(&quarantined);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, State::Failed);
    QCOMPARE(entries.first().attempts, 2);
    QCOMPARE(entries.first().lastError, u"421 4.7.0 Try again later"_s);
    QCOMPARE(entries.first().nextAttempt, e->nextAttempt.toUTC());
    QCOMPARE(entries.first().updated, e->updated);
    QCOMPARE(entries.first().received, e->received);
    // The old envelope was replaced, not joined by temp files.
    QCOMPARE(QDir(m_spoolDir).entryList(QDir::Files).size(), 2);
}

void TestQueue::updateOfRemovedMessageFails()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    QVERIFY(spool.remove(e->id, &error));
    const QDateTime updated = e->updated;
    QVERIFY(!spool.update(*e, &error));
    QVERIFY2(error.contains(e->id), qPrintable(error));
    QCOMPARE(e->updated, updated);
    QVERIFY(!QFile::exists(path(e->id + u".env"_s))); // not brought back
}

void TestQueue::addRefusesWhatCouldNotBeLoaded()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> e = spool.add(newEntry({}), message(), &error);
    QVERIFY(!e);
    QVERIFY2(error.contains(u"recipients"_s), qPrintable(error));
    QVERIFY(QDir(m_spoolDir).entryList(QDir::Files).isEmpty());
}

void TestQueue::remove()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> a = spool.add(newEntry(), message("a"), &error);
    const std::optional<Entry> b = spool.add(newEntry(), message("b"), &error);
    QVERIFY(a && b);
    QVERIFY2(spool.remove(a->id, &error), qPrintable(error));
    QVERIFY(!QFile::exists(path(a->id + u".eml"_s)));
    QVERIFY(!QFile::exists(path(a->id + u".env"_s)));
    QVERIFY(spool.remove(a->id, &error)); // already gone is fine
    QVERIFY(!spool.content(a->id, &error));
    QVERIFY(!error.isEmpty());

    QVERIFY2(spool.removeContent(b->id, &error), qPrintable(error));
    QVERIFY(!QFile::exists(path(b->id + u".eml"_s)));
    QVERIFY(QFile::exists(path(b->id + u".env"_s)));
}

void TestQueue::staleTempFilesAreDeleted()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    // A crash during update (envelope) and during add (content).
    QVERIFY(writeFile(path(e->id + u".env.1a2b3c4d.tmp"_s), "{\"half\": "));
    QVERIFY(writeFile(path(u"20990101T000000000Z-000000-00000000.eml.deadbeef.tmp"_s), "From: x"));

    QStringList quarantined;
    const QList<Entry> entries = spool.load(&quarantined);
    QCOMPARE(entries.size(), 1);
    QVERIFY(quarantined.isEmpty());
    QCOMPARE(QDir(m_spoolDir).entryList({u"*.tmp"_s}, QDir::Files), QStringList());
    QCOMPARE(QDir(m_spoolDir).entryList(QDir::Files).size(), 2);
}

void TestQueue::orphanContentIsDeleted()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> kept = spool.add(newEntry(), message(), &error);
    QVERIFY(kept);
    // A crash between writing ID.eml and ID.env: the client never got its 250.
    const QString orphan = u"20250401T093000123Z-000009-0a1b2c3d.eml"_s;
    QVERIFY(writeFile(path(orphan), message("orphan")));

    QStringList quarantined;
    const QList<Entry> entries = spool.load(&quarantined);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, kept->id);
    QVERIFY(quarantined.isEmpty());
    QVERIFY(!QFile::exists(path(orphan)));
    QVERIFY(!QFile::exists(path(u"quarantine/"_s + orphan)));
}

void TestQueue::corruptEnvelopeIsQuarantined_data()
{
    QTest::addColumn<QByteArray>("envelope");
    QTest::addColumn<QString>("explains");
    QTest::newRow("truncated") << QByteArray("{\"id\": \"x\", \"mail_") << u"not valid JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << u"JSON object"_s;
    QTest::newRow("bad state") << QByteArray() << u"\"state\""_s; // filled in below
}

void TestQueue::corruptEnvelopeIsQuarantined()
{
    QFETCH(QByteArray, envelope);
    QFETCH(QString, explains);

    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> good = spool.add(newEntry(), message("good"), &error);
    std::optional<Entry> bad = spool.add(newEntry({u"bad@other.jp"_s}), message("bad"), &error);
    QVERIFY(good && bad);
    if (QByteArray(QTest::currentDataTag()) == "bad state") {
        QJsonObject o = bad->toJson();
        o.insert("state"_L1, u"lost"_s);
        envelope = QJsonDocument(o).toJson();
    }
    QVERIFY(writeFile(path(bad->id + u".env"_s), envelope));

    QStringList quarantined;
    const QList<Entry> entries = spool.load(&quarantined);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, good->id);
    QCOMPARE(quarantined.size(), 1);
    const QString& why = quarantined.first();
    QVERIFY2(why.contains(bad->id), qPrintable(why));
    QVERIFY2(why.contains(explains), qPrintable(why));
    QVERIFY2(why.contains(path(u"quarantine"_s)), qPrintable(why));

    // Both files moved, under their own names, bytes untouched.
    QVERIFY(!QFile::exists(path(bad->id + u".env"_s)));
    QVERIFY(!QFile::exists(path(bad->id + u".eml"_s)));
    QCOMPARE(readFile(path(u"quarantine/"_s + bad->id + u".env"_s)), envelope);
    QCOMPARE(readFile(path(u"quarantine/"_s + bad->id + u".eml"_s)), message("bad"));

    // Reported once: the next start does not report it again.
    quarantined.clear();
    QCOMPARE(spool.load(&quarantined).size(), 1);
    QVERIFY(quarantined.isEmpty());
}

void TestQueue::missingContentIsQuarantined()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> e = spool.add(newEntry({u"client@other.jp"_s}), message(), &error);
    QVERIFY(e);
    QVERIFY(QFile::remove(path(e->id + u".eml"_s)));

    QStringList quarantined;
    QVERIFY(spool.load(&quarantined).isEmpty());
    QCOMPARE(quarantined.size(), 1);
    QVERIFY2(quarantined.first().contains(u"missing"_s), qPrintable(quarantined.first()));
    // The user can recognise the message from the description.
    QVERIFY2(quarantined.first().contains(u"client@other.jp"_s), qPrintable(quarantined.first()));
    QVERIFY(QFile::exists(path(u"quarantine/"_s + e->id + u".env"_s)));
    QVERIFY(!QFile::exists(path(e->id + u".env"_s)));
}

void TestQueue::sentWithoutContentLoads()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    e->state = State::Sent;
    QVERIFY(spool.update(*e, &error));
    QVERIFY(spool.removeContent(e->id, &error));

    QStringList quarantined;
    const QList<Entry> entries = spool.load(&quarantined);
    QVERIFY(quarantined.isEmpty());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, State::Sent);
}

void TestQueue::sizeMismatchIsQuarantined()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    QVERIFY(writeFile(path(e->id + u".eml"_s), message().left(10)));

    QStringList quarantined;
    QVERIFY(spool.load(&quarantined).isEmpty());
    QCOMPARE(quarantined.size(), 1);
    QVERIFY2(quarantined.first().contains(u"10 bytes"_s), qPrintable(quarantined.first()));
    QVERIFY2(quarantined.first().contains(QString::number(message().size())),
             qPrintable(quarantined.first()));
    QVERIFY(QFile::exists(path(u"quarantine/"_s + e->id + u".eml"_s)));
}

void TestQueue::replaceContent()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    const QByteArray shorter = "To: undisclosed-recipients:;\r\n\r\nbody\r\n";
    QVERIFY2(spool.replaceContent(*e, shorter, &error), qPrintable(error));
    QCOMPARE(e->size, shorter.size());
    QCOMPARE(e->previousSize, -1);
    QCOMPARE(spool.content(e->id, &error).value_or(QByteArray()), shorter);
    QCOMPARE(modeOf(path(e->id + u".eml"_s)), 0600);
    QStringList quarantined;
    const QList<Entry> loaded = spool.load(&quarantined);
    QVERIFY(quarantined.isEmpty());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().size, shorter.size());
}

void TestQueue::addOnThreadsWhileLoading()
{
    // New messages are written on worker threads while the queue window and
    // the dispatcher load the spool; load()'s clean-up must never take a
    // message that is half written for an orphan and delete it.
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::atomic<int> running{4};
    QList<QStringList> ids(4);
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
        writers.emplace_back([&spool, &running, &ids, t] {
            for (int i = 0; i < 60; ++i) {
                QString e;
                if (const std::optional<Entry> stored = spool.add(newEntry(), message(), &e))
                    ids[t] << stored->id;
            }
            --running;
        });
    }
    int loads = 0;
    QStringList quarantined;
    while (running > 0) {
        spool.load(&quarantined);
        ++loads;
    }
    for (std::thread& w : writers)
        w.join();
    QVERIFY(loads > 0);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u'\n')));
    const QList<Entry> loaded = spool.load(&quarantined);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u'\n')));
    QCOMPARE(loaded.size(), 240);
    for (const QStringList& list : std::as_const(ids)) {
        QCOMPARE(list.size(), 60);
        for (const QString& id : list)
            QCOMPARE(spool.content(id, &error).value_or(QByteArray()), message());
    }
}

void TestQueue::replaceInterruptedLeavesOldOrNew()
{
    // A crash after the envelope learnt the new size but before the content
    // was swapped: the old content is still valid and loads.
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    std::optional<Entry> e = spool.add(newEntry(), message(), &error);
    QVERIFY(e);
    Entry half = *e;
    half.previousSize = e->size;
    half.size = 5;
    QVERIFY(spool.update(half, &error));
    QStringList quarantined;
    QList<Entry> loaded = spool.load(&quarantined);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u'\n')));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().size, message().size());
    // After the swap, before the envelope dropped the old size: the new content loads.
    QVERIFY(writeFile(path(e->id + u".eml"_s), "short"));
    loaded = spool.load(&quarantined);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u'\n')));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().size, 5);
    // Neither size: damaged, quarantined as before.
    QVERIFY(writeFile(path(e->id + u".eml"_s), "xy"));
    QVERIFY(spool.load(&quarantined).isEmpty());
    QCOMPARE(quarantined.size(), 1);
}

void TestQueue::replaceMessageKeepsContentAndRecipientsTogether()
{
    // A recipient replaced at the review: the new content goes with the new
    // recipients, the old with the old, at every point a crash may leave.
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QStringList before{u"kenji.tanaka@acme-trading.co.jp"_s, u"hanako@example.co.jp"_s};
    const QStringList after{u"ken.tanaka@acme.co.jp"_s, u"hanako@example.co.jp"_s};
    const QByteArray old = "To: kenji.tanaka@acme-trading.co.jp\r\n\r\nbody\r\n";
    const QByteArray replaced = "To: Tanaka <ken.tanaka1@acme.co.jp>\r\n\r\nbody\r\n"; // the same size
    QCOMPARE(replaced.size(), old.size());
    std::optional<Entry> e = spool.add(newEntry(before), old, &error);
    QVERIFY(e);

    // Interrupted after the envelope was written, before the content was swapped.
    Entry half = *e;
    half.previousSize = e->size;
    half.previousRecipients = before;
    half.replacingSha256 =
        QString::fromLatin1(QCryptographicHash::hash(replaced, QCryptographicHash::Sha256).toHex());
    half.envelope.recipients = after;
    half.size = replaced.size();
    QVERIFY(spool.update(half, &error));
    QStringList quarantined;
    QList<Entry> loaded = spool.load(&quarantined);
    QVERIFY2(quarantined.isEmpty(), qPrintable(quarantined.join(u'\n')));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().envelope.recipients, before);
    // After the swap, before the envelope dropped the old recipients: the new ones.
    QVERIFY(writeFile(path(e->id + u".eml"_s), replaced));
    loaded = spool.load(&quarantined);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().envelope.recipients, after);
    QVERIFY(loaded.first().previousRecipients.isEmpty());

    // The whole replacement: both on disk, private, nothing left of the old.
    QVERIFY(writeFile(path(e->id + u".eml"_s), old));
    QVERIFY2(spool.replaceMessage(*e, replaced, after, &error), qPrintable(error));
    QCOMPARE(e->envelope.recipients, after);
    QVERIFY(e->previousRecipients.isEmpty());
    QCOMPARE(spool.content(e->id, &error).value_or(QByteArray()), replaced);
    QCOMPARE(modeOf(path(e->id + u".eml"_s)), 0600);
    QCOMPARE(modeOf(path(e->id + u".env"_s)), 0600);
    loaded = spool.load(&quarantined);
    QVERIFY(quarantined.isEmpty());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().envelope.recipients, after);
    QVERIFY(!readFile(path(e->id + u".env"_s)).contains("kenji"));
}

void TestQueue::quarantineKeepsEarlierFiles()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QString name = u"20250401T093000123Z-000001-0a1b2c3d.env"_s;
    QVERIFY(writeFile(path(name), "first"));
    QStringList quarantined;
    spool.load(&quarantined);
    QVERIFY(writeFile(path(name), "second"));
    spool.load(&quarantined);
    QCOMPARE(quarantined.size(), 2);
    QCOMPARE(readFile(path(u"quarantine/"_s + name)), QByteArray("first"));
    QCOMPARE(readFile(path(u"quarantine/"_s + name + u".1"_s)), QByteArray("second"));

    // An envelope whose id does not match its file name (copied by hand) is not trusted either.
    Entry e = newEntry();
    e.id = u"other-id"_s;
    e.received = QDateTime::currentDateTimeUtc();
    e.size = 1;
    QVERIFY(writeFile(path(u"renamed.env"_s), QJsonDocument(e.toJson()).toJson()));
    QVERIFY(writeFile(path(u"renamed.eml"_s), "x"));
    quarantined.clear();
    QVERIFY(spool.load(&quarantined).isEmpty());
    QCOMPARE(quarantined.size(), 1);
    QVERIFY2(quarantined.first().contains(u"other-id"_s), qPrintable(quarantined.first()));
}

void TestQueue::purgeSent()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QDateTime now = QDateTime::currentDateTimeUtc();

    auto make = [&](State state, int ageDays) {
        std::optional<Entry> e = spool.add(newEntry(), message(), &error);
        e->state = state;
        e->updated = now.addDays(-ageDays);
        e->received = e->updated.addSecs(-60);
        rewriteEnvelope(m_spoolDir, *e);
        return e->id;
    };
    const QString oldSent = make(State::Sent, 10);
    const QString oldSentNoContent = make(State::Sent, 8);
    QVERIFY(spool.removeContent(oldSentNoContent, &error));
    const QString newSent = make(State::Sent, 2);
    const QString oldFailed = make(State::Failed, 30);
    const QString oldHeld = make(State::Held, 30);

    QCOMPARE(spool.purgeSent(7), 2);
    for (const QString& id : {oldSent, oldSentNoContent}) {
        QVERIFY(!QFile::exists(path(id + u".env"_s)));
        QVERIFY(!QFile::exists(path(id + u".eml"_s)));
    }
    for (const QString& id : {newSent, oldFailed, oldHeld}) {
        QVERIFY(QFile::exists(path(id + u".env"_s)));
        QVERIFY(QFile::exists(path(id + u".eml"_s)));
    }
    QCOMPARE(spool.purgeSent(7), 0);
    QCOMPARE(spool.purgeSent(0), 1); // 0 days: every sent message goes
    QVERIFY(!QFile::exists(path(newSent + u".env"_s)));
    QCOMPARE(spool.purgeSent(-1), 0);

    QStringList quarantined;
    QCOMPARE(spool.load(&quarantined).size(), 2);
    QVERIFY(quarantined.isEmpty());
}

void TestQueue::loadOrder()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    const QDateTime t0(QDate(2025, 4, 1), QTime(9, 0), Qt::UTC);
    // Added in one order, received (as stamped by the session) in another.
    QStringList expected(3);
    const int offsets[] = {120, 0, 60};
    for (int i = 0; i < 3; ++i) {
        Entry e = newEntry({u"r%1@example.co.jp"_s.arg(i)});
        e.received = t0.addSecs(offsets[i]);
        const std::optional<Entry> added = spool.add(e, message(), &error);
        QVERIFY(added);
        QCOMPARE(added->received, t0.addSecs(offsets[i]));
        expected[offsets[i] / 60] = added->id;
    }
    QStringList quarantined;
    QStringList ids;
    for (const Entry& e : spool.load(&quarantined))
        ids << e.id;
    QCOMPARE(ids, expected);
}

void TestQueue::bigMessage()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    QByteArray big;
    big.reserve(10 * 1024 * 1024);
    big += "From: taro@example.co.jp\r\nSubject: big\r\nContent-Type: application/octet-stream\r\n\r\n";
    auto* rng = QRandomGenerator::global();
    while (big.size() < 10 * 1024 * 1024) {
        QByteArray line(76, Qt::Uninitialized);
        for (char& c : line)
            c = char(rng->bounded(256)); // every byte value, NUL and bare CR/LF included
        big += line + "\r\n";
    }
    const std::optional<Entry> e = spool.add(newEntry(), big, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->size, big.size());
    QStringList quarantined;
    const QList<Entry> entries = spool.load(&quarantined);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().size, big.size());
    const std::optional<QByteArray> back = spool.content(e->id, &error);
    QVERIFY(back);
    QVERIFY(*back == big);
}

void TestQueue::badIds()
{
    Spool::Queue spool(m_spoolDir);
    QString error;
    QVERIFY(spool.open(&error));
    QVERIFY(writeFile(m_tmp->path() + u"/data/secret.eml"_s, "outside"));
    for (const QString& id : {u"../secret"_s, u""_s, u"a/b"_s, u".hidden"_s}) {
        error.clear();
        QVERIFY(!spool.content(id, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!spool.remove(id, &error));
        QVERIFY(!spool.removeContent(id, &error));
        Entry e = newEntry();
        e.id = id;
        QVERIFY(!spool.update(e, &error));
    }
    QVERIFY(QFile::exists(m_tmp->path() + u"/data/secret.eml"_s));
}

QTEST_GUILESS_MAIN(TestQueue)
#include "TestQueue.moc"
