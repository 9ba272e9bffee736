#include "review/Review.h"

#include <QStringView>
#include <cstddef>

namespace Review {

namespace {

template <typename Enum> struct Name
{
    Enum value;
    QStringView name;
};

constexpr Name<Severity> kSeverityNames[] = {
    {Severity::Info, u"info"}, {Severity::Warn, u"warn"}, {Severity::Block, u"block"}};
constexpr Name<Field> kFieldNames[] = {{Field::To, u"to"}, {Field::Cc, u"cc"}, {Field::Bcc, u"bcc"}};
constexpr Name<Verdict> kVerdictNames[] = {
    {Verdict::Pass, u"pass"}, {Verdict::Review, u"review"}, {Verdict::Block, u"block"}};

template <typename Enum, std::size_t N> QString nameIn(const Name<Enum> (&names)[N], Enum value)
{
    for (const Name<Enum>& n : names) {
        if (n.value == value)
            return n.name.toString();
    }
    return {};
}

} // namespace

QString severityName(Severity severity)
{
    return nameIn(kSeverityNames, severity);
}

QString fieldName(Field field)
{
    return nameIn(kFieldNames, field);
}

QString verdictName(Verdict verdict)
{
    return nameIn(kVerdictNames, verdict);
}

} // namespace Review
