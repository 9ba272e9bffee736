#include "SmimeTestSupport.h"
#include "smime/CertificateStore.h"

#include <QTemporaryDir>
#include <QTest>

using Smime::Certificate;
using Smime::CertificateStore;
using namespace SmimeTest;

class TestCertificateStore : public QObject
{
    Q_OBJECT
private slots:
    void importFormats_data();
    void importFormats();
    void importRefusals_data();
    void importRefusals();
    void listFindRemove();
    void encryptionCertificateSkipsUnusable();
};

void TestCertificateStore::importFormats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("address");
    QTest::newRow("PEM .pem") << "hanako.pem"
                              << ""
                              << "hanako@example.co.jp";
    QTest::newRow("DER .cer") << "hanako.der"
                              << ""
                              << "hanako@example.co.jp";
    QTest::newRow("PKCS#7 .p7c (with its CA)") << "hanako.p7c"
                                               << ""
                                               << "hanako@example.co.jp";
    QTest::newRow("PKCS#12, public part") << "jiro-ec.p12"
                                          << "test-pass"
                                          << "jiro@partner.example";
    QTest::newRow("legacy PKCS#12") << "hanako-3des.p12"
                                    << "test-pass"
                                    << "hanako@example.co.jp";
}

void TestCertificateStore::importFormats()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(QString, address);
    QTemporaryDir dir;
    CertificateStore store(dir.filePath(QStringLiteral("certs")));
    QString error;
    const QList<Certificate> added = store.importFile(pki(file.toLatin1().constData()), password, &error);
    QVERIFY2(added.size() == 1, qPrintable(error)); // CA certificates in the file are not kept
    QCOMPARE(added.first().emailAddresses(), QStringList{address});
    QCOMPARE(store.certificates(), added);
    // One PEM file named by fingerprint, never a private key.
    const QStringList files = QDir(store.folder()).entryList(QDir::Files);
    QCOMPARE(files, QStringList{added.first().fingerprint() + QStringLiteral(".pem")});
    const QByteArray stored = readFile(store.folder() + QLatin1Char('/') + files.first());
    QVERIFY(stored.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(!stored.contains("PRIVATE KEY"));
}

void TestCertificateStore::importRefusals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::newRow("CA only") << "ca.pem"
                             << "";
    QTest::newRow("a key, not a certificate") << "hanako.key"
                                              << "";
    QTest::newRow("wrong PKCS#12 password") << "hanako-3des.p12"
                                            << "wrong";
}

void TestCertificateStore::importRefusals()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QTemporaryDir dir;
    CertificateStore store(dir.path());
    QString error;
    QVERIFY(store.importFile(pki(file.toLatin1().constData()), password, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(store.certificates().isEmpty());
}

void TestCertificateStore::listFindRemove()
{
    QTemporaryDir dir;
    CertificateStore store(dir.path());
    for (const char* f : {"hanako.pem", "jiro-ec.pem", "taro-rsa.pem", "expired.pem"})
        QCOMPARE(store.importFile(pki(f)).size(), 1);
    QCOMPARE(store.importFile(pki("hanako.der")).size(), 1); // the same one again: no duplicate
    QCOMPARE(store.certificates().size(), 4);
    QCOMPARE(store.findByAddress(QStringLiteral("Hanako@Example.CO.JP")).size(), 1);
    QCOMPARE(store.findByAddress(QStringLiteral("taro@example.co.jp")).size(), 2); // current + expired
    QVERIFY(store.findByAddress(QStringLiteral("nobody@example.co.jp")).isEmpty());

    const Certificate jiro = store.findByAddress(QStringLiteral("jiro@partner.example")).first();
    QString error;
    QVERIFY(store.remove(jiro.fingerprint(), &error));
    QVERIFY(store.findByAddress(QStringLiteral("jiro@partner.example")).isEmpty());
    QVERIFY(!store.remove(jiro.fingerprint(), &error));
    QVERIFY(!store.remove(QStringLiteral("../../etc/passwd"), &error)); // never a path
    QCOMPARE(store.certificates().size(), 3);
}

void TestCertificateStore::encryptionCertificateSkipsUnusable()
{
    QTemporaryDir dir;
    CertificateStore store(dir.path());
    for (const char* f : {"expired.pem", "noeku.pem", "future.pem"})
        QCOMPARE(store.importFile(pki(f)).size(), 1);
    const QString taro = QStringLiteral("taro@example.co.jp");
    QVERIFY(!store.encryptionCertificate(taro));
    QCOMPARE(store.findByAddress(taro).size(), 3);
    QCOMPARE(store.importFile(pki("taro-rsa.pem")).size(), 1);
    const auto best = store.encryptionCertificate(QStringLiteral("TARO@example.co.jp"));
    QVERIFY(best);
    QCOMPARE(*best, Certificate::fromData(readFile(pki("taro-rsa.pem"))).value(0));
    // Years later the future one is the usable one.
    const QDateTime later(QDate(2091, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(*store.encryptionCertificate(taro, later),
             Certificate::fromData(readFile(pki("future.pem"))).value(0));
}

QTEST_GUILESS_MAIN(TestCertificateStore)
#include "TestCertificateStore.moc"
