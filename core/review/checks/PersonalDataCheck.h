#pragma once

#include "review/checks/Check.h"

namespace Review {

// My Number (check digit), payment card numbers (Luhn and issuer prefix) and phone numbers in the text.
class PersonalDataCheck : public Check
{
    Q_DECLARE_TR_FUNCTIONS(Review::PersonalDataCheck)

public:
    static const CheckInfo& info();
    const CheckInfo& checkInfo() const override { return info(); }
    QList<Finding> run(const CheckContext& context) const override;

    // Exposed for tests: the rules a number must pass.
    static bool isMyNumber(const QString& twelveDigits);
    static bool passesLuhn(const QString& digits);
    static QString cardBrand(const QString& digits); // "" when no known issuer prefix fits
};

} // namespace Review
