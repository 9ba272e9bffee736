#include "review/Review.h"

using namespace Qt::StringLiterals;

namespace Review {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warn:
        return u"warn"_s;
    case Severity::Block:
        return u"block"_s;
    }
    return {};
}

QString fieldName(Field field)
{
    switch (field) {
    case Field::To:
        return u"to"_s;
    case Field::Cc:
        return u"cc"_s;
    case Field::Bcc:
        return u"bcc"_s;
    }
    return {};
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return u"pass"_s;
    case Verdict::Review:
        return u"review"_s;
    case Verdict::Block:
        return u"block"_s;
    }
    return {};
}

} // namespace Review
