#pragma once

#include "smime/Identity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace Smime {

// Signs a message as detached multipart/signed (RFC 8551) with SHA-256.
class Signer
{
    Q_DECLARE_TR_FUNCTIONS(Smime::Signer)

public:
    // message: the whole message, CRLF. Returns the signed message to send, byte
    // for byte; a message that is already signed or encrypted comes back
    // unchanged. On failure returns nullopt and a translated reason.
    // The signature covers exactly the first part as it appears in the result.
    static std::optional<QByteArray> sign(const QByteArray& message, const Identity& identity,
                                          QString* error = nullptr);

    // The DER CMS SignedData (detached) over exactly `entity`: SHA-256,
    // signing time, our SMIMECapabilities, the signer's chain.
    static std::optional<QByteArray> signature(QByteArrayView entity, const Identity& identity,
                                               QString* error = nullptr);
};

} // namespace Smime
