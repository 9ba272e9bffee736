#include "mime/Gmime.h"

#include <algorithm>
#include <limits>
#include <mutex>

namespace Mime::Gmime {

void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

BorrowedStream::BorrowedStream(QByteArrayView bytes)
{
    ensureInitialized();
    // GByteArray has no "borrow" constructor; an empty one pointed at our
    // memory is safe because the stream only ever reads it, and the
    // destructor detaches the memory again before freeing the array.
    m_array = g_byte_array_new();
    const auto size = std::min<qsizetype>(bytes.size(), std::numeric_limits<guint>::max());
    m_array->data = const_cast<guint8*>(reinterpret_cast<const guint8*>(bytes.data()));
    m_array->len = static_cast<guint>(size);
    m_stream.reset(g_mime_stream_mem_new());
    // set_byte_array frees the stream's own empty array and makes the stream a non-owner of ours.
    g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(m_stream.get()), m_array);
}

BorrowedStream::~BorrowedStream()
{
    m_stream.reset();
    m_array->data = nullptr;
    m_array->len = 0;
    g_byte_array_free(m_array, TRUE);
}

std::optional<QByteArrayView> BorrowedStream::memoryOf(GMimeStream* substream) const
{
    if (!substream || !GMIME_IS_STREAM_MEM(substream) || GMIME_STREAM_MEM(substream)->buffer != m_array)
        return std::nullopt;
    const gint64 size = m_array->len;
    const gint64 start = std::clamp<gint64>(substream->bound_start, 0, size);
    const gint64 end =
        substream->bound_end < 0 ? size : std::clamp<gint64>(substream->bound_end, start, size);
    return QByteArrayView(reinterpret_cast<const char*>(m_array->data) + start, end - start);
}

} // namespace Mime::Gmime
