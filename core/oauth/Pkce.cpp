#include "oauth/Pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>
#include <cstring>

namespace OAuth {

QString Pkce::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // fillRange works on 32-bit words; round up and cut.
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    std::memcpy(raw.data(), words.constData(), size_t(bytes));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Pkce Pkce::generate()
{
    Pkce p;
    // 48 random bytes -> 64 characters: 384 bits, well above RFC 7636's 256-bit advice.
    p.verifier = randomToken(48);
    p.challenge = challengeFor(p.verifier);
    return p;
}

QString Pkce::challengeFor(const QString& verifier)
{
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Pkce::isValidVerifier(const QString& verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const QChar c : verifier) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
                        u == u'-' || u == u'.' || u == u'_' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace OAuth
