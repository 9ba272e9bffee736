#include "crypto/Sha256.h"

#include <openssl/evp.h>

namespace Crypto {

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

} // namespace Crypto
