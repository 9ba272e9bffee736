#pragma once

#include <QLoggingCategory>

// "yubisashi.oauth". Messages name accounts, hosts and OAuth error codes;
// never a token, an authorization code or a PKCE verifier.
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)
