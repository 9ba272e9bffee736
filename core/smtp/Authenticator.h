#pragma once

#include <QString>

namespace Smtp {

// Checks local AUTH credentials. The user name selects the upstream account.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // True when password is right for user. Implementations compare in constant time.
    virtual bool verify(const QString& user, const QString& password) const = 0;
};

} // namespace Smtp
