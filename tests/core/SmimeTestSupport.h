#pragma once

// Shared by the S/MIME tests: the throwaway PKI (tests/tools/smime-pki.sh)
// and the two independent verifiers, openssl and gpgsm.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace SmimeTest {

inline QString pkiDir()
{
    static const QString dir = [] {
        const QString d = QCoreApplication::applicationDirPath() + QStringLiteral("/smime-pki");
        QProcess p;
        p.start(QStringLiteral("bash"),
                {QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools/smime-pki.sh"), d});
        p.waitForFinished(120000);
        if (p.exitCode() != 0)
            qFatal("smime-pki.sh failed: %s", p.readAllStandardError().constData());
        return d;
    }();
    return dir;
}

inline QString pki(const char* name)
{
    return pkiDir() + QLatin1Char('/') + QLatin1String(name);
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

inline Run run(const QString& program, const QStringList& args, const QByteArray& input = {},
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The two parts of a multipart/signed message, cut by its boundary exactly as
// RFC 2046 says (the CRLF before a delimiter belongs to the delimiter).
struct SignedParts
{
    QByteArray headers;   // the message header block
    QByteArray firstPart; // the signed entity, byte for byte
    QByteArray signature; // DER
    bool ok = false;
};

inline SignedParts splitSigned(const QByteArray& message)
{
    SignedParts s;
    const qsizetype end = message.indexOf("\r\n\r\n");
    if (end < 0)
        return s;
    s.headers = message.first(end + 2);
    const QRegularExpression re(QStringLiteral("boundary=\"([^\"]+)\""));
    const auto m = re.match(QString::fromLatin1(s.headers));
    if (!m.hasMatch())
        return s;
    const QByteArray dash = "--" + m.captured(1).toLatin1();
    const QByteArray delimiter = "\r\n" + dash + "\r\n";
    const qsizetype first = message.indexOf(delimiter, end);
    if (first < 0)
        return s;
    const qsizetype start = first + dash.size() + 4;
    const qsizetype second = message.indexOf(delimiter, start);
    const qsizetype close = message.indexOf(QByteArray("\r\n" + dash + "--"), second + 1);
    if (second < 0 || close < 0)
        return s;
    s.firstPart = message.mid(start, second - start);
    const QByteArray part2 = message.mid(second + dash.size() + 4, close - (second + dash.size() + 4));
    const qsizetype body = part2.indexOf("\r\n\r\n");
    s.signature = QByteArray::fromBase64(part2.mid(body + 4));
    s.ok = body > 0 && !s.signature.isEmpty();
    return s;
}

inline Run opensslVerify(const QByteArray& content, const QByteArray& signatureDer)
{
    QTemporaryDir tmp;
    writeFile(tmp.filePath(QStringLiteral("content.bin")), content);
    writeFile(tmp.filePath(QStringLiteral("sig.der")), signatureDer);
    return run(QStringLiteral("openssl"),
               {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
                QStringLiteral("-crlfeol"), QStringLiteral("-CAfile"), pki("ca.pem"),
                QStringLiteral("-content"), tmp.filePath(QStringLiteral("content.bin")),
                QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                tmp.filePath(QStringLiteral("sig.der")), QStringLiteral("-out"),
                QStringLiteral("/dev/null")});
}

// A throwaway GNUPGHOME trusting only the test root; stops its gpg-agent when done.
class Gpgsm
{
public:
    Gpgsm()
    {
        QFile::setPermissions(m_home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        writeFile(m_home.filePath(QStringLiteral("gpgsm.conf")), "disable-crl-checks\n");
        writeFile(m_home.filePath(QStringLiteral("gpg-agent.conf")), "allow-loopback-pinentry\n");
        m_ready = gpgsm({QStringLiteral("--import"), pki("ca.pem")}).ok();
        const Run fp =
            run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-in"), pki("ca.pem"), QStringLiteral("-noout"),
                 QStringLiteral("-fingerprint"), QStringLiteral("-sha1")});
        const QByteArray sha1 = fp.out.trimmed().mid(fp.out.indexOf('=') + 1);
        m_ready = m_ready && writeFile(m_home.filePath(QStringLiteral("trustlist.txt")), sha1 + " S\n");
    }
    ~Gpgsm()
    {
        run(QStringLiteral("gpgconf"),
            {QStringLiteral("--homedir"), m_home.path(), QStringLiteral("--kill"), QStringLiteral("all")});
    }
    Gpgsm(const Gpgsm&) = delete;
    Gpgsm& operator=(const Gpgsm&) = delete;

    bool ready() const { return m_ready; }

    Run gpgsm(QStringList args, const QByteArray& input = {})
    {
        args = QStringList{QStringLiteral("--homedir"),       m_home.path(),
                           QStringLiteral("--batch"),         QStringLiteral("--disable-dirmngr"),
                           QStringLiteral("--pinentry-mode"), QStringLiteral("loopback")} +
               args;
        return run(QStringLiteral("gpgsm"), args, input);
    }

    // Exit 0 and a good signature line; "BAD signature" or a broken chain fail.
    bool verify(const QByteArray& content, const QByteArray& signatureDer, QByteArray* log = nullptr)
    {
        QTemporaryDir tmp;
        writeFile(tmp.filePath(QStringLiteral("content.bin")), content);
        writeFile(tmp.filePath(QStringLiteral("sig.der")), signatureDer);
        const Run r = gpgsm({QStringLiteral("--verify"), tmp.filePath(QStringLiteral("sig.der")),
                             tmp.filePath(QStringLiteral("content.bin"))});
        if (log)
            *log = r.err;
        return r.ok() && r.err.contains("Good signature") && !r.err.contains("BAD signature");
    }

    bool importPkcs12(const QString& path, const QByteArray& password)
    {
        return gpgsm(
                   {QStringLiteral("--passphrase-fd"), QStringLiteral("0"), QStringLiteral("--import"), path},
                   password + "\n")
            .ok();
    }

    Run decrypt(const QByteArray& der, const QByteArray& password)
    {
        QTemporaryDir tmp;
        writeFile(tmp.filePath(QStringLiteral("in.der")), der);
        return gpgsm({QStringLiteral("--passphrase-fd"), QStringLiteral("0"), QStringLiteral("--decrypt"),
                      tmp.filePath(QStringLiteral("in.der"))},
                     password + "\n");
    }

private:
    QTemporaryDir m_home;
    bool m_ready = false;
};

// Every line short, 7-bit, no trailing white space, none starting "From ".
inline QString sevenBitProblem(const QByteArray& entity)
{
    const QList<QByteArray> lines = entity.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return QStringLiteral("bare LF at line %1").arg(i + 1);
            line.chop(1);
        }
        if (line.size() > 998)
            return QStringLiteral("line %1 has %2 octets").arg(i + 1).arg(line.size());
        if (line.endsWith(' ') || line.endsWith('\t'))
            return QStringLiteral("trailing white space at line %1").arg(i + 1);
        if (line.startsWith("From "))
            return QStringLiteral("line %1 starts with From").arg(i + 1);
        for (char c : std::as_const(line)) {
            if (static_cast<unsigned char>(c) >= 0x80 || c == 0 || c == '\r')
                return QStringLiteral("8-bit, NUL or CR at line %1").arg(i + 1);
        }
    }
    return {};
}

} // namespace SmimeTest

namespace SmimeTest {

inline QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

inline QByteArray outer()
{
    return "From: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@example.co.jp>\n"
           "To: hanako@example.co.jp,\n"
           " jiro@partner.example\n"
           "Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=\n"
           "Date: Thu, 26 Nov 2026 10:00:00 +0900\n"
           "Message-ID: <test@example.co.jp>\n";
}

// Messages whose signatures the tests check with openssl and gpgsm.
inline QList<QPair<QByteArray, QByteArray>> sampleMessages()
{
    QList<QPair<QByteArray, QByteArray>> m;
    m << qMakePair(QByteArray("ascii"),
                   crlf(outer() + "MIME-Version: 1.0\n"
                                  "Content-Type: text/plain; charset=us-ascii\n"
                                  "Content-Transfer-Encoding: 7bit\n\n"
                                  "Hello,\n\nplease find the numbers below.\n-- \nTaro\n"));
    m << qMakePair(QByteArray("iso-2022-jp"),
                   crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n"
                                  "Content-Transfer-Encoding: 7bit\n\n"
                                  "\x1b$B$3$s$K$A$O!#%F%9%H$G$9!#\x1b(B\n\x1b$B;3ED\x1b(B\n"));
    m << qMakePair(QByteArray("utf-8 8bit"),
                   crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                                  "Content-Transfer-Encoding: 8bit\n\n"
                                  "こんにちは。見積書をお送りします。\n山田 太郎\n"));
    m << qMakePair(QByteArray("long line"),
                   crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n" +
                        QByteArray(1500, 'x') + "\nshort\n" + QByteArray(998, 'y') + "\n"));
    m << qMakePair(QByteArray("From lines"),
                   crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n"
                                  "From the top:\nnothing\nFrom here on, >From stays.\n"));
    m << qMakePair(QByteArray("trailing spaces"),
                   crlf(outer() + "MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n"
                                  "one space \ntwo spaces  \na tab\t\n \n\t\nend\n"));
    m << qMakePair(QByteArray("nested multipart"),
                   crlf(outer() +
                        "MIME-Version: 1.0\n"
                        "Content-Type: multipart/mixed;\n boundary=\"outer-b\"\n\n"
                        "This is a multi-part message in MIME format.\n"
                        "--outer-b\n"
                        "Content-Type: multipart/alternative; boundary=inner-b\n\n"
                        "--inner-b\n"
                        "Content-Type: text/plain; charset=utf-8\n"
                        "Content-Transfer-Encoding: 8bit\n\n"
                        "本文です。 \n"
                        "--inner-b\n"
                        "Content-Type: text/html; charset=utf-8\n"
                        "Content-Transfer-Encoding: 8bit\n\n"
                        "<p>本文です。</p>\n"
                        "--inner-b--\n"
                        "--outer-b\n"
                        "Content-Type: application/pdf; name=\"a.pdf\"\n"
                        "Content-Transfer-Encoding: base64\n"
                        "Content-Disposition: attachment; filename=\"a.pdf\"\n\n"
                        "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\n"
                        "--outer-b\n"
                        "Content-Type: application/octet-stream; name=\"raw.bin\"\n"
                        "Content-Transfer-Encoding: 8bit\n"
                        "Content-Disposition: attachment; filename=\"raw.bin\"\n\n"
                        "\x01\x02\xff\xfe bytes \xe3\x81\x82\n"
                        "--outer-b\n"
                        "Content-Type: message/rfc822\n\n"
                        "From: a@example.com\nSubject: inner\nMIME-Version: 1.0\n"
                        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                        "転送されたメッセージ\n"
                        "--outer-b--\n"
                        "epilogue text\n"));
    m << qMakePair(QByteArray("no MIME headers"),
                   crlf(outer() + "\nJust a plain RFC 5322 message.\nFrom nowhere.\n"));
    m << qMakePair(QByteArray("no MIME headers, UTF-8"), crlf(outer() + "\nよろしくお願いします。\n"));
    return m;
}

// The same Japanese names spelled three ways, as mailers put them into header
// fields without encoded words: raw UTF-8, raw Shift_JIS (CP932, with a NEC
// row 13 and NEC-selected IBM characters) and raw ISO-2022-JP. Bytes made
// with Python's codecs ('…'.encode('cp932'), and ISO-2022-JP from those CP932
// codes shifted back to JIS row/cell), never by the code under test.
// The names: 山田 太郎 (From), 見積書の送付について ① (Subject), 髙﨑 花子 (Cc),
// 見積書（第3版）.pdf and 会議資料.pptx (files).
struct JapaneseSpelling
{
    QByteArray label;
    QByteArray charset; // the text part's
    QByteArray from, subject, cc, file, file2;
};

inline QList<JapaneseSpelling> japaneseSpellings()
{
    return {
        {"utf-8", "utf-8", "山田 太郎", "見積書の送付について ①", "髙﨑 花子", "見積書（第3版）.pdf",
         "会議資料.pptx"},
        {"shift_jis", "shift_jis",
         "\x8eR\x93"
         "c \x91\xbe\x98Y",
         "\x8c\xa9\x90\xcf\x8f\x91\x82\xcc\x91\x97\x95t\x82\xc9\x82\xc2\x82\xa2\x82\xc4 \x87@",
         "\xee\xe0\xed\x95 \x89\xd4\x8eq",
         "\x8c\xa9\x90\xcf\x8f\x91\x81i\x91\xe6"
         "3\x94\xc5\x81j.pdf",
         "\x89\xef\x8b"
         "c\x8e\x91\x97\xbf.pptx"},
        {"raw iso-2022-jp", "iso-2022-jp", "\x1b$B;3ED\x1b(B \x1b$BB@O:\x1b(B",
         "\x1b$B8+@Q=q$NAwIU$K$D$$$F\x1b(B \x1b$B-!\x1b(B", "\x1b$B|byu\x1b(B \x1b$B2V;R\x1b(B",
         "\x1b$B8+@Q=q!JBh\x1b(B3\x1b$BHG!K\x1b(B.pdf", "\x1b$B2q5D;qNA\x1b(B.pptx"},
    };
}

// multipart: a text part and two attachments (file in Content-Type name= and
// Content-Disposition filename=, file2 in name= only); otherwise the message
// itself is the attachment, named in its top-level Content-Type and Content-Disposition.
inline QByteArray japaneseMessage(const JapaneseSpelling& s, bool multipart)
{
    QByteArray m = "From: " + s.from +
                   " <taro@example.co.jp>\r\nTo: hanako@example.co.jp\r\n"
                   "Cc: " +
                   s.cc +
                   " <takasaki@partner.example>, jiro@partner.example\r\n"
                   "Subject: " +
                   s.subject +
                   "\r\nDate: Thu, 26 Nov 2026 10:00:00 +0900\r\n"
                   "Message-ID: <jp@example.co.jp>\r\nMIME-Version: 1.0\r\n";
    if (!multipart) {
        return m + "Content-Type: application/pdf; name=\"" + s.file +
               "\"\r\n"
               "Content-Disposition: attachment; filename=\"" +
               s.file +
               "\"\r\n"
               "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n";
    }
    return m +
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
           "Content-Type: text/plain; charset=" +
           s.charset +
           "\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
           "Hello\r\n--b1\r\nContent-Type: application/pdf; name=\"" +
           s.file +
           "\"\r\n"
           "Content-Disposition: attachment; filename=\"" +
           s.file +
           "\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1\r\n"
           "Content-Type: application/vnd.ms-powerpoint; name=\"" +
           s.file2 +
           "\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b1--\r\n";
}

} // namespace SmimeTest
