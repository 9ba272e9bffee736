#pragma once

// Shared by the tests that talk to a real submission server:
// tests/tools/upstream.py (aiosmtpd) in its own process, its certificates
// made by tests/tools/pki.sh.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>
#include <signal.h>

namespace UpstreamTest {

inline const QString kPython = QStringLiteral("/usr/bin/python3");
inline const QString kTools = QStringLiteral(YUBISASHI_SOURCE_DIR "/tests/tools");

struct Saved
{
    QByteArray eml;
    QJsonObject meta;
};

// One upstream.py process. Faults can be changed while it runs (control dir).
class Upstream
{
public:
    explicit Upstream(const QString& dir) : m_dir(dir)
    {
        QDir().mkpath(maildir());
        QDir().mkpath(controlDir());
    }
    ~Upstream() { stop(); }
    Upstream(const Upstream&) = delete;
    Upstream& operator=(const Upstream&) = delete;

    QString maildir() const { return m_dir + QStringLiteral("/maildir"); }
    QString controlDir() const { return m_dir + QStringLiteral("/control"); }
    QString logPath() const { return m_dir + QStringLiteral("/upstream.log"); }

    bool start(const QStringList& args, QString* error)
    {
        const QString ready = m_dir + QStringLiteral("/ready");
        QFile::remove(ready);
        m_process.setStandardOutputFile(logPath(), QIODevice::Append);
        m_process.setStandardErrorFile(logPath(), QIODevice::Append);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.start(kPython,
                        QStringList{kTools + QStringLiteral("/upstream.py"), QStringLiteral("--port"),
                                    QStringLiteral("0"), QStringLiteral("--maildir"), maildir(),
                                    QStringLiteral("--control-dir"), controlDir(),
                                    QStringLiteral("--ready-file"), ready} +
                            args);
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QFile file(ready);
            if (file.open(QIODevice::ReadOnly)) {
                m_port = quint16(file.readAll().trimmed().toUInt());
                return m_port != 0;
            }
            if (m_process.state() == QProcess::NotRunning) {
                *error = QStringLiteral("upstream.py exited: ") + QString::fromUtf8(log());
                return false;
            }
            QTest::qWait(20);
        }
        *error = QStringLiteral("upstream.py did not become ready: ") + QString::fromUtf8(log());
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        resume();
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Freezes / thaws the server process, to hold a transfer in flight.
    void pause() { ::kill(pid_t(m_process.processId()), SIGSTOP); }
    void resume() { ::kill(pid_t(m_process.processId()), SIGCONT); }

    bool exitedCleanly() const
    {
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    void setFaults(const QStringList& faults) const
    {
        QFile file(controlDir() + QStringLiteral("/faults.tmp"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(faults.join(u'\n').toUtf8() + '\n');
        file.close();
        QFile::remove(controlDir() + QStringLiteral("/faults"));
        QVERIFY(file.rename(controlDir() + QStringLiteral("/faults")));
    }

    quint16 port() const { return m_port; }

    QByteArray log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Whether the server received this command (aiosmtpd logs ">> b'COMMAND ...'").
    bool received(const QByteArray& command) const
    {
        return log().contains(QByteArray(QByteArray(">> b'") + command));
    }

    QList<Saved> messages() const
    {
        QList<Saved> out;
        const QDir dir(maildir());
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile meta(dir.filePath(name));
            QFile eml(dir.filePath(name.chopped(5) + QStringLiteral(".eml")));
            if (!meta.open(QIODevice::ReadOnly) || !eml.open(QIODevice::ReadOnly))
                continue;
            out.append({eml.readAll(), QJsonDocument::fromJson(meta.readAll()).object()});
        }
        return out;
    }

private:
    QString m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace UpstreamTest
