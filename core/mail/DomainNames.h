#pragma once

#include <QString>

namespace Mail {

// Domain spellings in one place: mail carries domains as ASCII (punycode) or,
// with SMTPUTF8, as Unicode; comparisons use the lower-case ASCII form and
// the person is shown the Unicode form.
class DomainNames
{
public:
    // "Taro@Example.CO.JP" -> "example.co.jp"; "" without '@'.
    static QString domainOf(const QString& address);
    // Lower-case ASCII (IDNA) form; the input lower-cased when it is not a valid IDN.
    static QString toAce(const QString& domain);
    // Unicode form for display, whatever the TLD (Qt's IDN whitelist would keep
    // look-alike punycode hidden, which is exactly what must be shown).
    static QString toUnicode(const QString& domain);
    // The comparison key of an address: local part lower-cased, domain in ACE.
    static QString addressKey(const QString& address);
    // "mail.example.co.jp" -> "example.co.jp": the part an organisation registers.
    // A short list of second-level suffixes stands in for the Public Suffix List.
    static QString registrable(const QString& domain);
    // "example.co.jp" -> "co.jp"; "example.com" -> "com".
    static QString suffixOf(const QString& registrableDomain);
    // "example.co.jp" -> "example".
    static QString labelOf(const QString& registrableDomain);
};

} // namespace Mail
