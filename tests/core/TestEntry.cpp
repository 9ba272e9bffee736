#include "spool/Entry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using Spool::Entry;
using Spool::State;

class TestEntry : public QObject
{
    Q_OBJECT
private slots:
    void stateNames_data();
    void stateNames();
    void unknownStateName();
    void roundTrip();
    void stableKeys();
    void timesAreUtc();
    void optionalKeys();
    void errors_data();
    void errors();

private:
    static Entry sample();
};

Entry TestEntry::sample()
{
    Entry e;
    e.id = u"20250401T093000123Z-000001-0a1b2c3d"_s;
    e.account = u"work"_s;
    e.envelope.mailFrom = u"taro@example.co.jp"_s;
    e.envelope.recipients = {u"hanako@example.co.jp"_s, u"宛先@例え.jp"_s};
    e.envelope.eightBitMime = true;
    e.envelope.smtpUtf8 = true;
    e.envelope.declaredSize = 12345;
    e.state = State::Failed;
    e.attempts = 3;
    e.lastError = u"550 5.1.1 <x@other.jp>: user unknown"_s;
    e.received = QDateTime(QDate(2025, 4, 1), QTime(9, 30, 0, 123), Qt::UTC);
    e.updated = QDateTime(QDate(2025, 4, 1), QTime(9, 31, 5, 7), Qt::UTC);
    e.nextAttempt = QDateTime(QDate(2025, 4, 1), QTime(10, 0, 0), Qt::UTC);
    e.size = 10 * 1024 * 1024 + 7;
    return e;
}

void TestEntry::stateNames_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("received") << int(State::Received) << u"received"_s;
    QTest::newRow("reviewing") << int(State::Reviewing) << u"reviewing"_s;
    QTest::newRow("approved") << int(State::Approved) << u"approved"_s;
    QTest::newRow("sending") << int(State::Sending) << u"sending"_s;
    QTest::newRow("sent") << int(State::Sent) << u"sent"_s;
    QTest::newRow("held") << int(State::Held) << u"held"_s;
    QTest::newRow("failed") << int(State::Failed) << u"failed"_s;
}

void TestEntry::stateNames()
{
    QFETCH(int, state);
    QFETCH(QString, name);
    QCOMPARE(Spool::stateName(State(state)), name);
    State parsed = State::Received;
    if (State(state) == State::Received)
        parsed = State::Failed;
    QVERIFY(Spool::stateFromName(name, &parsed));
    QCOMPARE(int(parsed), state);
}

void TestEntry::unknownStateName()
{
    State s = State::Held;
    QVERIFY(!Spool::stateFromName(u"Sent"_s, &s)); // stored names are lower case, exactly
    QVERIFY(!Spool::stateFromName(u""_s, &s));
    QVERIFY(!Spool::stateFromName(u"queued"_s, &s));
    QCOMPARE(s, State::Held);
}

void TestEntry::roundTrip()
{
    const Entry e = sample();
    // Through bytes, as on disk.
    const QByteArray bytes = QJsonDocument(e.toJson()).toJson();
    Entry back;
    QString error;
    QVERIFY2(Entry::fromJson(QJsonDocument::fromJson(bytes).object(), &back, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(back.id, e.id);
    QCOMPARE(back.account, e.account);
    QCOMPARE(back.envelope.mailFrom, e.envelope.mailFrom);
    QCOMPARE(back.envelope.recipients, e.envelope.recipients);
    QCOMPARE(back.envelope.eightBitMime, e.envelope.eightBitMime);
    QCOMPARE(back.envelope.smtpUtf8, e.envelope.smtpUtf8);
    QCOMPARE(back.envelope.declaredSize, e.envelope.declaredSize);
    QCOMPARE(back.state, e.state);
    QCOMPARE(back.attempts, e.attempts);
    QCOMPARE(back.lastError, e.lastError);
    QCOMPARE(back.received, e.received);
    QCOMPARE(back.updated, e.updated);
    QCOMPARE(back.nextAttempt, e.nextAttempt);
    QCOMPARE(back.size, e.size);
    QCOMPARE(back.received.timeSpec(), Qt::UTC);

    // The null sender <> and "no next attempt" survive too.
    Entry n = sample();
    n.envelope.mailFrom.clear();
    n.nextAttempt = QDateTime();
    n.account.clear();
    QVERIFY(n.toJson().value("next_attempt"_L1).isNull());
    QVERIFY2(Entry::fromJson(n.toJson(), &back, &error), qPrintable(error));
    QVERIFY(back.envelope.mailFrom.isEmpty());
    QVERIFY(!back.nextAttempt.isValid());
    QVERIFY(back.account.isEmpty());
}

void TestEntry::stableKeys()
{
    // These names are on disk in every spooled message: renaming one is a format change.
    QStringList keys = sample().toJson().keys();
    keys.sort();
    QStringList expected{
        u"id"_s,       u"account"_s,       u"mail_from"_s,    u"recipients"_s, u"body_8bitmime"_s,
        u"smtputf8"_s, u"declared_size"_s, u"state"_s,        u"attempts"_s,   u"last_error"_s,
        u"received"_s, u"updated"_s,       u"next_attempt"_s, u"size"_s};
    expected.sort();
    QCOMPARE(keys, expected);
    const QJsonObject o = sample().toJson();
    QCOMPARE(o.value("state"_L1).toString(), u"failed"_s);
    QCOMPARE(o.value("received"_L1).toString(), u"2025-04-01T09:30:00.123Z"_s);
    QCOMPARE(o.value("recipients"_L1).toArray().size(), 2);
    QCOMPARE(o.value("size"_L1).toDouble(), double(10 * 1024 * 1024 + 7));
}

void TestEntry::timesAreUtc()
{
    QJsonObject o = sample().toJson();
    o.insert("received"_L1, u"2025-04-01T18:30:00.000+09:00"_s);
    Entry e;
    QString error;
    QVERIFY2(Entry::fromJson(o, &e, &error), qPrintable(error));
    QCOMPARE(e.received, QDateTime(QDate(2025, 4, 1), QTime(9, 30), Qt::UTC));
    QCOMPARE(e.received.timeSpec(), Qt::UTC);
    QCOMPARE(e.toJson().value("received"_L1).toString(), u"2025-04-01T09:30:00.000Z"_s);

    // A local time written by someone else is converted, not misread.
    Entry local = sample();
    local.received = QDateTime(QDate(2025, 4, 1), QTime(18, 30), Qt::OffsetFromUTC, 9 * 3600);
    QCOMPARE(local.toJson().value("received"_L1).toString(), u"2025-04-01T09:30:00.000Z"_s);
}

void TestEntry::optionalKeys()
{
    QJsonObject o = sample().toJson();
    for (const char* key : {"account", "body_8bitmime", "smtputf8", "declared_size", "attempts", "last_error",
                            "updated", "next_attempt"})
        o.remove(QLatin1String(key));
    Entry e;
    QString error;
    QVERIFY2(Entry::fromJson(o, &e, &error), qPrintable(error));
    QVERIFY(e.account.isEmpty());
    QVERIFY(!e.envelope.eightBitMime);
    QCOMPARE(e.attempts, 0);
    QCOMPARE(e.updated, e.received); // an envelope without "updated" was last changed when it arrived
    QVERIFY(!e.nextAttempt.isValid());

    // Keys this version does not know are ignored (a newer version may add some).
    o.insert("future_key"_L1, 42);
    QVERIFY(Entry::fromJson(o, &e, nullptr));
}

void TestEntry::errors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // Undefined = remove the key
    QTest::addColumn<QStringList>("mentions");

    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("id missing") << u"id"_s << gone << QStringList{u"\"id\""_s, u"missing"_s};
    QTest::newRow("id number") << u"id"_s << QJsonValue(5) << QStringList{u"\"id\""_s, u"text"_s, u"5"_s};
    QTest::newRow("id path") << u"id"_s << QJsonValue(u"../../etc/passwd"_s)
                             << QStringList{u"\"id\""_s, u"file-name safe"_s, u"../../etc/passwd"_s};
    QTest::newRow("id empty") << u"id"_s << QJsonValue(u""_s) << QStringList{u"\"id\""_s};
    QTest::newRow("account list") << u"account"_s << QJsonValue(QJsonArray{1})
                                  << QStringList{u"\"account\""_s, u"a list"_s};
    QTest::newRow("mail_from missing")
        << u"mail_from"_s << gone << QStringList{u"\"mail_from\""_s, u"missing"_s};
    QTest::newRow("mail_from null") << u"mail_from"_s << QJsonValue(QJsonValue::Null)
                                    << QStringList{u"\"mail_from\""_s, u"null"_s};
    QTest::newRow("recipients missing")
        << u"recipients"_s << gone << QStringList{u"\"recipients\""_s, u"missing"_s};
    QTest::newRow("recipients empty")
        << u"recipients"_s << QJsonValue(QJsonArray()) << QStringList{u"\"recipients\""_s, u"one or more"_s};
    QTest::newRow("recipients string")
        << u"recipients"_s << QJsonValue(u"a@b.jp"_s) << QStringList{u"\"recipients\""_s, u"\"a@b.jp\""_s};
    QTest::newRow("recipient number") << u"recipients"_s << QJsonValue(QJsonArray{u"a@b.jp"_s, 7})
                                      << QStringList{u"recipient number 2"_s, u"\"recipients\""_s, u"7"_s};
    QTest::newRow("recipient blank") << u"recipients"_s << QJsonValue(QJsonArray{u" "_s})
                                     << QStringList{u"recipient number 1"_s};
    QTest::newRow("8bitmime string") << u"body_8bitmime"_s << QJsonValue(u"yes"_s)
                                     << QStringList{u"\"body_8bitmime\""_s, u"true or false"_s, u"\"yes\""_s};
    QTest::newRow("smtputf8 number") << u"smtputf8"_s << QJsonValue(1)
                                     << QStringList{u"\"smtputf8\""_s, u"true or false"_s};
    QTest::newRow("declared_size negative") << u"declared_size"_s << QJsonValue(-1)
                                            << QStringList{u"\"declared_size\""_s, u"0 or more"_s, u"-1"_s};
    QTest::newRow("state missing") << u"state"_s << gone << QStringList{u"\"state\""_s, u"missing"_s};
    QTest::newRow("state unknown") << u"state"_s << QJsonValue(u"sendng"_s)
                                   << QStringList{
                                          u"\"state\""_s, u"\"sendng\""_s,
                                          u"received, reviewing, approved, sending, sent, held, failed"_s};
    QTest::newRow("attempts negative")
        << u"attempts"_s << QJsonValue(-2) << QStringList{u"\"attempts\""_s, u"-2"_s};
    QTest::newRow("attempts fraction")
        << u"attempts"_s << QJsonValue(1.5) << QStringList{u"\"attempts\""_s, u"whole number"_s, u"1.5"_s};
    QTest::newRow("attempts string") << u"attempts"_s << QJsonValue(u"3"_s)
                                     << QStringList{u"\"attempts\""_s, u"\"3\""_s};
    QTest::newRow("attempts huge") << u"attempts"_s << QJsonValue(1e12) << QStringList{u"\"attempts\""_s};
    QTest::newRow("last_error number")
        << u"last_error"_s << QJsonValue(550) << QStringList{u"\"last_error\""_s, u"550"_s};
    QTest::newRow("received missing")
        << u"received"_s << gone << QStringList{u"\"received\""_s, u"missing"_s};
    QTest::newRow("received null") << u"received"_s << QJsonValue(QJsonValue::Null)
                                   << QStringList{u"\"received\""_s, u"a time"_s};
    QTest::newRow("received words") << u"received"_s << QJsonValue(u"yesterday"_s)
                                    << QStringList{u"\"received\""_s, u"\"yesterday\""_s, u"ISO 8601"_s};
    QTest::newRow("received no zone") << u"received"_s << QJsonValue(u"2025-04-01T09:30:00"_s)
                                      << QStringList{u"\"received\""_s, u"time zone"_s};
    QTest::newRow("received number") << u"received"_s << QJsonValue(1743499800)
                                     << QStringList{u"\"received\""_s, u"ISO 8601"_s};
    QTest::newRow("updated bad") << u"updated"_s << QJsonValue(u"2025-13-01T00:00:00Z"_s)
                                 << QStringList{u"\"updated\""_s, u"2025-13-01"_s};
    QTest::newRow("next_attempt bad")
        << u"next_attempt"_s << QJsonValue(true) << QStringList{u"\"next_attempt\""_s, u"true"_s};
    QTest::newRow("size missing") << u"size"_s << gone << QStringList{u"\"size\""_s, u"missing"_s};
    QTest::newRow("size negative") << u"size"_s << QJsonValue(-5) << QStringList{u"\"size\""_s, u"-5"_s};
    QTest::newRow("size string") << u"size"_s << QJsonValue(u"10"_s)
                                 << QStringList{u"\"size\""_s, u"\"10\""_s};
}

void TestEntry::errors()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, mentions);

    QJsonObject o = sample().toJson();
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);

    Entry e = sample();
    e.id = u"untouched"_s;
    QString error;
    QVERIFY(!Entry::fromJson(o, &e, &error));
    for (const QString& m : mentions)
        QVERIFY2(error.contains(m), qPrintable(u"\""_s + m + u"\" not in: "_s + error));
    QCOMPARE(e.id, u"untouched"_s);            // a failed read leaves the entry alone
    QVERIFY(!Entry::fromJson(o, &e, nullptr)); // and needs no error string
}

QTEST_GUILESS_MAIN(TestEntry)
#include "TestEntry.moc"
