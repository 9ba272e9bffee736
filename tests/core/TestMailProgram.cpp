#include "smtp/MailProgram.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Smtp::MailProgram;

// Which mail program a message came from, from header values real programs write.
class TestMailProgram : public QObject
{
    Q_OBJECT

private slots:
    void fromHeader_data();
    void fromHeader();
    void fromMessage_data();
    void fromMessage();
};

void TestMailProgram::fromHeader_data()
{
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("shown");

    QTest::newRow("Thunderbird 115 on Windows")
        << u"[127.0.0.1]"_s
        << u"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0"_s
        << u"<5f0d6a4e-3c1b-4d0e-9a51-0a9c4f1b2c3d@example.co.jp>"_s << u"Thunderbird"_s << u"115.6.0"_s
        << u"Thunderbird 115.6.0"_s;
    QTest::newRow("Thunderbird 128 on Linux")
        << u"[127.0.0.1]"_s
        << u"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.1"_s << QString()
        << u"Thunderbird"_s << u"128.5.1"_s << u"Thunderbird 128.5.1"_s;
    QTest::newRow("Thunderbird minimal user agent")
        << u"[127.0.0.1]"_s << u"Mozilla Thunderbird"_s << QString() << u"Thunderbird"_s << QString()
        << u"Thunderbird"_s;
    QTest::newRow("Outlook 2016/365") << u"DESKTOP-7Q2K9LM"_s << u"Microsoft Outlook 16.0"_s << QString()
                                      << u"Outlook"_s << u"16.0"_s << u"Outlook 16.0"_s;
    QTest::newRow("Outlook 2010") << u"PC01"_s << u"Microsoft Outlook 14.0"_s << QString() << u"Outlook"_s
                                  << u"14.0"_s << u"Outlook 14.0"_s;
    QTest::newRow("Apple Mail") << u"[192.168.1.20]"_s << u"Apple Mail (2.3731.700.6)"_s << QString()
                                << u"Apple Mail"_s << QString() << u"Apple Mail"_s;
    QTest::newRow("iPhone Mail") << u"[127.0.0.1]"_s << u"iPhone Mail (21F90)"_s << QString()
                                 << u"Apple Mail"_s << QString() << u"Apple Mail"_s;
    QTest::newRow("Becky!") << u"PC-TANAKA"_s << u"Becky! ver. 2.81.04 [ja]"_s << QString() << u"Becky!"_s
                            << u"2.81.04"_s << u"Becky! 2.81.04"_s;
    QTest::newRow("swaks") << u"vm"_s << u"swaks v20201014.0 jetmore.org/john/code/swaks/"_s
                           << u"<20261203194401.030847@vm>"_s << u"swaks"_s << u"20201014.0"_s
                           << u"swaks 20201014.0"_s;
    QTest::newRow("git send-email") << u"vm"_s << u"git-send-email 2.39.2"_s << QString()
                                    << u"git send-email"_s << u"2.39.2"_s << u"git send-email 2.39.2"_s;
    QTest::newRow("Mutt") << u"vm"_s << u"Mutt/2.2.9 (2022-11-12)"_s << QString() << u"Mutt"_s << u"2.2.9"_s
                          << u"Mutt 2.2.9"_s;
    // msmtp writes no header; it says EHLO localhost and adds its own Message-ID.
    QTest::newRow("msmtp") << u"localhost"_s << QString()
                           << u"<08b66c68662dd7d6351ae60d5bcd1720.a@b.example>"_s << u"msmtp"_s << QString()
                           << u"msmtp"_s;
    QTest::newRow("msmtp id but another EHLO name")
        << u"mail.example.jp"_s << QString() << u"<08b66c68662dd7d6351ae60d5bcd1720.a@b.example>"_s
        << QString() << QString() << u"mail.example.jp"_s;
    QTest::newRow("Python email.utils.make_msgid")
        << u"vm.example.jp"_s << QString() << u"<176479264012.41233.1290384455672213344@vm.example.jp>"_s
        << u"Python smtplib"_s << QString() << u"Python smtplib"_s;
    QTest::newRow("unknown: EHLO name")
        << u"build-server-3"_s << QString() << u"<abc@x>"_s << QString() << QString() << u"build-server-3"_s;
    QTest::newRow("unknown agent: as it says")
        << u"vm"_s << u"MyMailer 3.1"_s << QString() << QString() << QString() << u"MyMailer 3.1"_s;
}

void TestMailProgram::fromHeader()
{
    QFETCH(QString, helo);
    QFETCH(QString, agent);
    QFETCH(QString, messageId);
    QFETCH(QString, name);
    QFETCH(QString, version);
    QFETCH(QString, shown);
    const MailProgram p = MailProgram::identify(helo, agent, messageId);
    QCOMPARE(p.name, name);
    QCOMPARE(p.version, version);
    QCOMPARE(p.isKnown(), !name.isEmpty());
    QCOMPARE(p.heloName, helo);
    QCOMPARE(p.displayName(), shown);
}

void TestMailProgram::fromMessage_data()
{
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("shown");

    QTest::newRow("User-Agent wins over X-Mailer; folded value")
        << u"[127.0.0.1]"_s
        << QByteArray(
               "From: a@example.jp\r\nX-Mailer: Something 1\r\nUser-Agent: Mozilla/5.0 (X11; Linux "
               "x86_64;\r\n rv:115.0) Gecko/20100101 Thunderbird/115.18.0\r\nSubject: t\r\n\r\nbody\r\n")
        << u"Thunderbird 115.18.0"_s;
    QTest::newRow("X-Mailer, any case")
        << u"PC"_s << QByteArray("x-mailer: Microsoft Outlook 16.0\r\nSubject: t\r\n\r\nbody\r\n")
        << u"Outlook 16.0"_s;
    // A header in the body is not the message's header.
    QTest::newRow("only the header section is read")
        << u"localhost"_s
        << QByteArray(
               "From: a@b.example\r\nMessage-ID: <08b66c68662dd7d6351ae60d5bcd1720.a@b.example>\r\n\r\n"
               "X-Mailer: swaks v1\r\n")
        << u"msmtp"_s;
}

void TestMailProgram::fromMessage()
{
    QFETCH(QString, helo);
    QFETCH(QByteArray, message);
    QFETCH(QString, shown);
    QCOMPARE(MailProgram::identify(helo, message).displayName(), shown);
}

QTEST_GUILESS_MAIN(TestMailProgram)
#include "TestMailProgram.moc"
