// app/Logging: every message goes to the log file too, and a password or
// token logged through the SMTP and OAuth categories never reaches it.

#include "Logging.h"
#include "diagnostics/LogFile.h"
#include "diagnostics/SecretMask.h"
#include "oauth/OAuthLogging.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The categories core/smtp logs the dialogues under (SmtpClient, SmtpSession).
Q_LOGGING_CATEGORY(lcTestUpstream, "upstream")
Q_LOGGING_CATEGORY(lcTestSmtp, "smtp")

class TestLogging : public QObject
{
    Q_OBJECT
private slots:
    void secretsNeverReachTheFile();
};

void TestLogging::secretsNeverReachTheFile()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"logs"_s);
    Logging::install();
    QString error;
    QVERIFY2(Logging::openFile(folder, &error), qPrintable(error));
    QCOMPARE(Logging::folder(), folder);
    QLoggingCategory::setFilterRules(u"upstream.debug=true\nsmtp.debug=true\nyubisashi.oauth.debug=true"_s);

    // What the app registers at start: the local mail-client password.
    const QString localPassword = u"aPtyfSZKk7zXg6q3BK6U"_s;
    Diagnostics::SecretMask::addSecret(localPassword);
    const QByteArray upstreamPlain = QByteArray("\0upuser\0Upstream-Pw-0815", 24).toBase64();
    const QByteArray localLogin = localPassword.toUtf8().toBase64();
    const QString accessToken = u"ya29.a0AfH6SMBx-SECRET-ACCESS"_s;
    const QString refreshToken = u"1//0gREFRESH-SECRET"_s;

    // Lines as they would look if the protocol code logged its dialogue unmasked.
    qCDebug(lcTestUpstream).noquote() << "smtp.example.com C: AUTH PLAIN" << upstreamPlain;
    qCDebug(lcTestSmtp).noquote() << "session 1 C:" << localLogin;
    qCDebug(lcTestSmtp).noquote() << "session 1 authenticated as work with" << localPassword;
    qCInfo(lcOAuth).noquote() << "token reply:"
                              << u"{\"access_token\": \"%1\", \"refresh_token\": \"%2\"}"_s.arg(accessToken,
                                                                                                refreshToken);
    qCDebug(lcTestUpstream).noquote()
        << "C: AUTH XOAUTH2"
        << (u"user=taro@example.co.jp\u0001auth=Bearer "_s + accessToken + u"\u0001\u0001"_s)
               .toUtf8()
               .toBase64();
    qCWarning(lcOAuth).noquote() << "redirect http://127.0.0.1:53682/?code=M.C507_SECRET.CODE&state=abc";
    qInfo("an ordinary line");

    QFile f(QDir(folder).filePath(u"yubisashi.log"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray written = f.readAll();
    for (const QByteArray& secret :
         {upstreamPlain, localLogin, localPassword.toUtf8(), accessToken.toUtf8(), refreshToken.toUtf8(),
          QByteArray("M.C507_SECRET.CODE"), QByteArray("Upstream-Pw-0815")})
        QVERIFY2(!written.contains(secret), qPrintable(u"%1 in the log:\n%2"_s.arg(
                                                QString::fromUtf8(secret), QString::fromUtf8(written))));
    // The lines themselves are there, with the secret replaced.
    QVERIFY2(written.contains(" debug upstream: smtp.example.com C: AUTH PLAIN ****\n"), written.constData());
    QVERIFY(written.contains(" debug smtp: session 1 C: ****\n"));
    QVERIFY(written.contains("\"refresh_token\": \"****\""));
    QVERIFY(written.contains(" info  app: an ordinary line\n"));
    QVERIFY(Diagnostics::LogFile::lastLines(folder, 1).value(0).endsWith(u" info  app: an ordinary line"_s));
    qInstallMessageHandler(nullptr);
}

QTEST_GUILESS_MAIN(TestLogging)
#include "TestLogging.moc"
