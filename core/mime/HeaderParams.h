#pragma once

#include "mime/HeaderText.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

namespace Mime {

// A Content-Type or Content-Disposition value with its parameters (RFC 2045),
// including RFC 2231 continuations and charsets (filename*0*=ISO-2022-JP''...,
// filename*1*=...), the RFC 2047 words inside quoted values that Outlook
// and many Japanese mailers write instead, and raw 8-bit or ISO-2022-JP names.
class HeaderParams
{
public:
    struct Param
    {
        QByteArray name;  // lower-case, as written: "filename*1*"
        QByteArray value; // without quotes or escapes; raw ISO-2022-JP already UTF-8
    };

    // fallbackCharset: the message's charset, for raw 8-bit bytes next to raw ISO-2022-JP.
    static HeaderParams parse(QByteArrayView raw, QByteArrayView fallbackCharset = {});

    // "attachment", "text/plain": lower-case, without parameters.
    QByteArray value() const { return m_value; }
    // The decoded parameter, or a null QString when absent.
    QString parameter(QByteArrayView name, const HeaderText::Context& context) const;
    // Every parameter in order, RFC 2231 sections as separate entries.
    const std::vector<Param>& parameters() const { return m_params; }

private:
    QByteArray m_value;
    std::vector<Param> m_params;
};

} // namespace Mime
