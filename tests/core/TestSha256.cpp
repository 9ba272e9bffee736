#include "crypto/Sha256.h"

#include <QCryptographicHash>
#include <QTest>

class TestSha256 : public QObject
{
    Q_OBJECT
private slots:
    void matchesQt_data();
    void matchesQt();
    void resultLeavesTheHashRunning();
};

void TestSha256::matchesQt_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("abc");
    QTest::newRow("8-bit") << QByteArray("caf\xc3\xa9\x00\xff", 7);
    QTest::newRow("1 MB") << QByteArray(1 << 20, 'x');
}

void TestSha256::matchesQt()
{
    QFETCH(QByteArray, data);
    Crypto::Sha256 hash;
    // In uneven chunks, as the MIME parser feeds it.
    for (qsizetype i = 0; i < data.size(); i += 4093)
        hash.addData(QByteArrayView(data).sliced(i, qMin<qsizetype>(4093, data.size() - i)));
    QCOMPARE(hash.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
}

void TestSha256::resultLeavesTheHashRunning()
{
    Crypto::Sha256 hash;
    hash.addData("ab");
    QCOMPARE(hash.result(), QCryptographicHash::hash("ab", QCryptographicHash::Sha256));
    hash.addData("c");
    QCOMPARE(hash.result(), QCryptographicHash::hash("abc", QCryptographicHash::Sha256));
}

QTEST_GUILESS_MAIN(TestSha256)
#include "TestSha256.moc"
