#include "mime/Gmime.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <openssl/evp.h>

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

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    // Only allocation can fail here; the digest then comes out empty and
    // MessageView's users see a missing hash rather than a wrong one.
    if (m_context && EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_context);
        m_context = nullptr;
    }
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(QByteArrayView data)
{
    if (m_context && !data.isEmpty())
        EVP_DigestUpdate(m_context, data.data(), size_t(data.size()));
}

QByteArray Sha256::result() const
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    // A copy, so that result() leaves the running hash as it was.
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    if (!m_context || !copy || EVP_MD_CTX_copy_ex(copy, m_context) != 1 ||
        EVP_DigestFinal_ex(copy, reinterpret_cast<unsigned char*>(digest.data()), &length) != 1 ||
        length != 32)
        digest.clear();
    EVP_MD_CTX_free(copy);
    return digest;
}

} // namespace Mime::Gmime
