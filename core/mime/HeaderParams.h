#pragma once

#include "mime/HeaderText.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

namespace Mime {

// A Content-Type or Content-Disposition value with its parameters (RFC 2045),
// including RFC 2231 continuations and charsets (filename*0*=ISO-2022-JP''...,
// filename*1*=...) and the RFC 2047 words inside quoted values that Outlook
// and many Japanese mailers write instead.
class HeaderParams
{
public:
    static HeaderParams parse(QByteArrayView raw);

    // "attachment", "text/plain": lower-case, without parameters.
    QByteArray value() const { return m_value; }
    // The decoded parameter, or a null QString when absent.
    QString parameter(QByteArrayView name, const HeaderText::Context& context) const;

private:
    struct Param
    {
        QByteArray name; // lower-case, as written: "filename*1*"
        QByteArray value;
    };
    QByteArray m_value;
    std::vector<Param> m_params;
};

} // namespace Mime
