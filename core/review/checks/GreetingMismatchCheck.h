#pragma once

#include "review/checks/Check.h"

namespace Review {

// The body greets someone (山田様, Dear Anna) who is not among the recipients.
class GreetingMismatchCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::GreetingMismatchCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;

    struct Greeting
    {
        QString text;      // as written: "山田様", "Dear Anna"
        QStringList names; // the names greeted, folded: {"山田"}, {"anna"}
        bool japanese = false;
    };
    // The greeting at the start of the body; empty names when there is none, or
    // when it greets a company or a group (御中, 各位, Dear all).
    static Greeting greetingOf(const QString& body);
};

} // namespace Review
