#include "spool/DurableFile.h"

#include <QRandomGenerator>
#include <atomic>

// What every platform shares: the temp-file names and the test seam.

namespace Spool {

namespace {

std::atomic<DurableFile::FlushObserver> g_observer{nullptr};

} // namespace

void DurableFile::setFlushObserver(FlushObserver observer)
{
    g_observer.store(observer);
}

void DurableFile::flushed(Flush what, const QString& path)
{
    if (const FlushObserver observer = g_observer.load())
        observer(what, path);
}

QString DurableFile::tempPathFor(const QString& path)
{
    // A unique name: two writers of the same file never share a temp file.
    // Spool::load() deletes leftovers by the .tmp suffix.
    return path + QLatin1Char('.') +
           QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0')) +
           QLatin1String(".tmp");
}

} // namespace Spool
