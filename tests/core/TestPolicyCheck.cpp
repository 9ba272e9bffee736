// `yubisashi admin --check FILE` (Settings::PolicyCheck): line-numbered
// problems, UTF-8 with or without a byte-order mark, a clear word about
// Shift_JIS, and regedit's UTF-16 exports.
#include "settings/IniPolicySource.h"
#include "settings/PolicyCheck.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Settings::PolicyCheck;

class TestPolicyCheck : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void validIni();
    void lineNumbers();
    void byteOrderMark();
    void shiftJis();
    void secretRefused();
    void regUtf16();
    void regProblems();
    void sampleFilesValid_data();
    void sampleFilesValid();
    void missingFile();

private:
    QString write(const QString& name, const QByteArray& data)
    {
        const QString path = m_tmp->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestPolicyCheck::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestPolicyCheck::validIni()
{
    const QString path = write(u"policy.ini"_s, "[policy]\ninternal_domains=example.co.jp\nreview=always\n\n"
                                                "[recommended/delivery]\ncountdown_seconds=5\n\n"
                                                "[accounts]\noauth_client_id=abc\n");
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY2(r.valid, qPrintable(r.problems.join(u'\n')));
    QCOMPARE(r.locked, 3);
    QCOMPARE(r.recommended, 1);
}

void TestPolicyCheck::lineNumbers()
{
    const QString path = write(u"policy.ini"_s, "; the policy\n[listener]\nport=99999\n\n[policy]\n"
                                                "internal_domains=taro@example.co.jp\nreviw=always\n"
                                                "oops\n");
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY(!r.valid);
    const QString shown = QDir::toNativeSeparators(path);
    const auto has = [&r](const QString& a, const QString& b) {
        for (const QString& p : r.problems) {
            if (p.contains(a) && p.contains(b))
                return true;
        }
        return false;
    };
    QVERIFY2(has(Settings::IniPolicySource::where(shown, 3), u"65535"_s), qPrintable(r.problems.join(u'\n')));
    QVERIFY2(has(Settings::IniPolicySource::where(shown, 6), u"address"_s),
             qPrintable(r.problems.join(u'\n')));
    QVERIFY2(has(Settings::IniPolicySource::where(shown, 7), u"policy/reviw"_s),
             qPrintable(r.problems.join(u'\n')));
    QVERIFY2(has(Settings::IniPolicySource::where(shown, 8), u"[section]"_s),
             qPrintable(r.problems.join(u'\n')));
    QCOMPARE(r.problems.size(), 4);
}

void TestPolicyCheck::byteOrderMark()
{
    // Notepad's "UTF-8 with BOM"; the Japanese keywords read as written.
    const QString path =
        write(u"policy.ini"_s, "\xEF\xBB\xBF[policy]\nkeywords=社外秘, 極秘\nreview=sometimes\n");
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY(!r.valid);
    QCOMPARE(r.problems.size(), 1);
    // The mark is not counted as a line, nor does it hide the first section.
    QVERIFY2(
        r.problems.constFirst().contains(Settings::IniPolicySource::where(QDir::toNativeSeparators(path), 3)),
        qPrintable(r.problems.constFirst()));
    const QString ok = write(u"ok.ini"_s, "\xEF\xBB\xBF[policy]\nkeywords=社外秘, 極秘\n");
    const PolicyCheck::Result good = PolicyCheck::checkFile(ok);
    QVERIFY2(good.valid, qPrintable(good.problems.join(u'\n')));
    QCOMPARE(good.locked, 1);
}

void TestPolicyCheck::shiftJis()
{
    QStringEncoder sjis("Shift_JIS");
    QVERIFY(sjis.isValid());
    QByteArray data =
        "[listener]\nport=10600\n\n[policy]\nkeywords=" + QByteArray(sjis.encode(u"社外秘"_s)) + "\n";
    const QString path = write(u"policy.ini"_s, data);
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY(!r.valid);
    QCOMPARE(r.problems.size(), 1);
    const QString& p = r.problems.constFirst();
    for (const QString& words : {u"not saved as UTF-8"_s, u"Shift_JIS"_s, u"Save As"_s, u"line 5"_s})
        QVERIFY2(p.contains(words), qPrintable(p));
}

void TestPolicyCheck::secretRefused()
{
    const QString path = write(u"policy.ini"_s, "[accounts]\noauth_client_id=abc\npassword=secret\n");
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY(!r.valid);
    QCOMPARE(r.problems.size(), 1);
    QVERIFY2(r.problems.constFirst().contains(u"line 3"_s) &&
                 r.problems.constFirst().contains(u"password or sign-in token"_s),
             qPrintable(r.problems.constFirst()));
}

void TestPolicyCheck::regUtf16()
{
    const QString text = u"Windows Registry Editor Version 5.00\r\n\r\n"
                         "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\policy]\r\n"
                         "\"keywords\"=\"社外秘, 極秘\"\r\n\"allow_pause\"=dword:00000000\r\n\r\n"
                         "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Yubisashi\\Recommended\\listener]\r\n"
                         "\"port\"=dword:00002968\r\n"_s;
    QStringEncoder utf16(QStringEncoder::Utf16LE);
    const QString path = write(u"policy.reg"_s, "\xFF\xFE" + QByteArray(utf16.encode(text)));
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY2(r.valid, qPrintable(r.problems.join(u'\n')));
    QCOMPARE(r.locked, 2);
    QCOMPARE(r.recommended, 1);

    const QString bad = write(u"bad.reg"_s, "\xFF\xFE" + QByteArray(utf16.encode(QString(text).replace(
                                                             u"dword:00002968"_s, u"dword:00100000"_s))));
    const PolicyCheck::Result b = PolicyCheck::checkFile(bad);
    QVERIFY(!b.valid);
    QVERIFY2(b.problems.join(u'\n').contains(u"line 8"_s) && b.problems.join(u'\n').contains(u"65535"_s),
             qPrintable(b.problems.join(u'\n')));
}

void TestPolicyCheck::regProblems()
{
    const QString path =
        write(u"policy.reg"_s, "Windows Registry Editor Version 5.00\r\n\r\n"
                               "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Other]\r\n"
                               "\"x\"=\"y\"\r\n\r\n"
                               "[HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Yubisashi\\policy]\r\n"
                               "\"review\"=hex:01,02\r\n\"allow_pause\"=-\r\n");
    const PolicyCheck::Result r = PolicyCheck::checkFile(path);
    QVERIFY(!r.valid);
    const QString all = r.problems.join(u'\n');
    QCOMPARE(r.problems.size(), 3);
    QVERIFY2(all.contains(u"line 3"_s) && all.contains(u"line 7"_s) && all.contains(u"line 8"_s),
             qPrintable(all));
}

// The samples under deploy/ are valid as shipped.
void TestPolicyCheck::sampleFilesValid_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("policy.ini") << u"deploy/linux/policy.ini"_s;
    QTest::newRow("sample .reg") << u"deploy/windows/yubisashi-sample.reg"_s;
}

void TestPolicyCheck::sampleFilesValid()
{
    QFETCH(QString, file);
    const PolicyCheck::Result r = PolicyCheck::checkFile(QStringLiteral(YUBISASHI_SOURCE_DIR) + u'/' + file);
    QVERIFY2(r.valid, qPrintable(r.problems.join(u'\n')));
    QVERIFY(r.locked > 0 && r.recommended > 0);
}

void TestPolicyCheck::missingFile()
{
    const PolicyCheck::Result r = PolicyCheck::checkFile(m_tmp->filePath(u"nothing.ini"_s));
    QVERIFY(!r.valid);
    QCOMPARE(r.problems.size(), 1);
}

QTEST_GUILESS_MAIN(TestPolicyCheck)
#include "TestPolicyCheck.moc"
