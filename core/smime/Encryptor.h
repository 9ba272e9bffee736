#pragma once

#include "smime/Certificate.h"
#include "smime/Identity.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace Smime {

// Encrypts a message as CMS EnvelopedData (AES-256-CBC), RFC 8551
// application/pkcs7-mime; smime-type=enveloped-data. The outer header fields
// (From, To, Subject, ...) stay readable; everything below them is encrypted.
class Encryptor
{
    Q_DECLARE_TR_FUNCTIONS(Smime::Encryptor)

public:
    // Signs with `sender` (see Signer::sign), then encrypts to every recipient
    // and to the sender, so the sender can read the copy in the Sent folder.
    // A message the mail program signed already is encrypted as it is. Every
    // certificate given is named in the envelope, which every recipient can
    // read: pass only the recipients that may see each other (To/Cc).
    static std::optional<QByteArray> signAndEncrypt(const QByteArray& message, const Identity& sender,
                                                    const QList<Certificate>& recipients,
                                                    QString* error = nullptr);
    // Encrypts the message's entity as it is (made 7-bit safe first unless already signed).
    static std::optional<QByteArray> encrypt(const QByteArray& message, const QList<Certificate>& recipients,
                                             QString* error = nullptr);
};

} // namespace Smime
