#include "mime/Idna.h"

#include <unicode/uidna.h>

namespace Mime {

namespace {

const UIDNA* idna()
{
    // Immutable and thread-safe once opened; kept for the life of the process.
    static const UIDNA* instance = [] {
        UErrorCode err = U_ZERO_ERROR;
        UIDNA* opened =
            uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE, &err);
        return U_SUCCESS(err) ? opened : nullptr;
    }();
    return instance;
}

// Errors that only mean "this is not a strictly valid host name" (empty or
// over-long labels, hyphen placement); the converted form is still the right one to show.
constexpr uint32_t kTolerated = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

enum class Direction
{
    ToUnicode,
    ToAscii
};

QString convert(const QString& domain, Direction direction)
{
    const QString fallback = domain.toLower();
    const UIDNA* converter = idna();
    if (!converter || domain.isEmpty() || domain.startsWith(u'['))
        return fallback;
    QString out(domain.size() * 4 + 64, Qt::Uninitialized);
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    UErrorCode err = U_ZERO_ERROR;
    const auto* src = reinterpret_cast<const UChar*>(domain.utf16());
    auto* dest = reinterpret_cast<UChar*>(out.data());
    const auto srcLength = static_cast<int32_t>(domain.size());
    const auto capacity = static_cast<int32_t>(out.size());
    const int32_t n = direction == Direction::ToUnicode
                          ? uidna_nameToUnicode(converter, src, srcLength, dest, capacity, &info, &err)
                          : uidna_nameToASCII(converter, src, srcLength, dest, capacity, &info, &err);
    if (U_FAILURE(err) || (info.errors & ~kTolerated) != 0 || n > capacity)
        return fallback;
    out.resize(n);
    return direction == Direction::ToAscii ? out.toLower() : out;
}

} // namespace

QString Idna::toUnicode(const QString& domain)
{
    return convert(domain, Direction::ToUnicode);
}

QString Idna::toAscii(const QString& domain)
{
    return convert(domain, Direction::ToAscii);
}

} // namespace Mime
