// What never reaches a log line or the diagnostics: passwords and tokens.

#include "diagnostics/SecretMask.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretMask : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Diagnostics::SecretMask::clearSecrets(); }
    void masks_data();
    void masks();
    void registeredSecretsAnywhere();
    void shortValuesAreNotSecrets();
};

void TestSecretMask::masks_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("masked");
    QTest::newRow("AUTH PLAIN") << u"upstream: smtp.example.com C: AUTH PLAIN AHdvcmsAczNjcmV0LWxvY2Fs"_s
                                << u"upstream: smtp.example.com C: AUTH PLAIN ****"_s;
    QTest::newRow("auth login, lower case") << u"C: auth login dGFybw=="_s << u"C: auth login ****"_s;
    QTest::newRow("AUTH XOAUTH2") << u"C: AUTH XOAUTH2 dXNlcj10YXJvAWF1dGg9QmVhcmVyIHlhMjkuYQEB"_s
                                  << u"C: AUTH XOAUTH2 ****"_s;
    QTest::newRow("AUTH without argument stays") << u"C: AUTH LOGIN"_s << u"C: AUTH LOGIN"_s;
    QTest::newRow("Bearer") << u"Authorization: Bearer eyJhbGciOi.J9eyJzdWIi.OiIxMjM0"_s
                            << u"Authorization: Bearer ****"_s;
    QTest::newRow("xoauth2 raw") << u"user=taro@example.co.jp\u0001auth=Bearer ya29.a0AfH6SM\u0001\u0001"_s
                                 << u"user=taro@example.co.jp\u0001auth=Bearer ****\u0001\u0001"_s;
    QTest::newRow("refresh_token json")
        << uR"({"access_token": "ya29.abc", "refresh_token":"1//0gdef", "expires_in": 3599})"_s
        << uR"({"access_token": "****", "refresh_token":"****", "expires_in": 3599})"_s;
    QTest::newRow("form body") << u"grant_type=refresh_token&refresh_token=1//0gdef&client_id=abc"_s
                               << u"grant_type=refresh_token&refresh_token=****&client_id=abc"_s;
    QTest::newRow("password=") << u"work/password=Upstream-Pw-0815"_s << u"work/password=****"_s;
    QTest::newRow("local_password") << u"local_password: abcdEFGH2345"_s << u"local_password: ****"_s;
    QTest::newRow("code in a redirect") << u"GET /callback?code=M.R3_BAY.abc&state=xyz HTTP/1.1"_s
                                        << u"GET /callback?code=****&state=xyz HTTP/1.1"_s;
    QTest::newRow("url user:password") << u"proxy http://taro:hunter22@proxy.example:8080/"_s
                                       << u"proxy http://taro:****@proxy.example:8080/"_s;
    QTest::newRow("ordinary line") << u"smtp: session 3 authenticated as work; 250 2.0.0 queued"_s
                                   << u"smtp: session 3 authenticated as work; 250 2.0.0 queued"_s;
    QTest::newRow("check code words stay")
        << u"review: finding code external-recipient"_s << u"review: finding code external-recipient"_s;
}

void TestSecretMask::masks()
{
    QFETCH(QString, line);
    QFETCH(QString, masked);
    QCOMPARE(Diagnostics::SecretMask::mask(line), masked);
}

void TestSecretMask::registeredSecretsAnywhere()
{
    Diagnostics::SecretMask::addSecret(u"aPtyfSZKk7zXg6q3BK6U"_s);
    QCOMPARE(Diagnostics::SecretMask::mask(u"a mail client said aPtyfSZKk7zXg6q3BK6U!"_s),
             u"a mail client said ****!"_s);
    // AUTH LOGIN's password line is the password in base64.
    const QString base64 = QString::fromLatin1(QByteArray("aPtyfSZKk7zXg6q3BK6U").toBase64());
    QCOMPARE(Diagnostics::SecretMask::mask(u"C: "_s + base64), u"C: ****"_s);
}

void TestSecretMask::shortValuesAreNotSecrets()
{
    Diagnostics::SecretMask::addSecret(u"abc"_s);
    QCOMPARE(Diagnostics::SecretMask::mask(u"abc abc"_s), u"abc abc"_s);
}

QTEST_MAIN(TestSecretMask)
#include "TestSecretMask.moc"
