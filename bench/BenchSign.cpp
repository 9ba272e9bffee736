// bench_sign MESSAGE P12 PASSWORD OUT: signs one message file the way the
// delivery path does (Smime::Signer::sign) and writes the result, so that
// bench_sign.sh can compare time and peak memory with `openssl cms -sign`.

#include "smime/Identity.h"
#include "smime/Signer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: bench_sign MESSAGE P12 PASSWORD OUT\n");
        return 3;
    }
    QElapsedTimer timer;
    timer.start();
    QFile in(args[1]);
    if (!in.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray message = in.readAll();
    in.close();
    const qint64 read = timer.nsecsElapsed();

    QString error;
    const std::optional<Smime::Identity> id = Smime::Identity::load(args[2], args[3], &error);
    if (!id) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 loaded = timer.nsecsElapsed();
    const std::optional<QByteArray> out = Smime::Signer::sign(message, *id, &error);
    if (!out) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 signedAt = timer.nsecsElapsed();
    QFile file(args[4]);
    if (!file.open(QIODevice::WriteOnly) || file.write(*out) != out->size())
        return 2;
    file.close();
    const qint64 written = timer.nsecsElapsed();
    std::fprintf(stderr, "read %.1f ms, load p12 %.1f ms, sign %.1f ms, write %.1f ms\n", read / 1e6,
                 (loaded - read) / 1e6, (signedAt - loaded) / 1e6, (written - signedAt) / 1e6);
    return 0;
}
