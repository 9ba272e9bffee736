#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Settings {
struct Account;
class AdminPolicy;
} // namespace Settings

namespace OAuth {

// Where and how one account signs in: the identity provider's endpoints, the
// application (client) the organisation registered there, and the scopes.
// Built from a preset (Microsoft 365, Google) plus the account's oauth_* keys,
// which override it (docs/OAUTH.md).
struct Provider
{
    QString name; // microsoft365 | google | generic
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl deviceUrl; // empty: no device-code sign-in
    QString scopes; // space separated
    QString clientId;
    QString clientSecret; // optional; Google "desktop app" clients have one (not really secret)
    QList<QPair<QString, QString>> extraAuthorizeParams; // Google: access_type=offline, prompt=consent
    bool scopeOnRefresh = true; // Microsoft wants the scopes again when refreshing; Google does not

    // Microsoft 365 (Entra ID, v2.0 endpoints); tenant defaults to "organizations".
    static Provider microsoft365(const QString& tenant = QString());
    static Provider google();

    // The account's provider: the preset named by account.preset (or guessed
    // from a Microsoft or Google host), then [account.NAME] oauth_client_id,
    // oauth_client_secret, oauth_tenant, oauth_authorize_url, oauth_token_url,
    // oauth_device_url and oauth_scopes as they apply: the INI file iniPath
    // with the administrator's policy (AdminPolicy::system(), whose [accounts]
    // keys serve every account, also one not saved yet).
    static Provider forAccount(const Settings::Account& account, const QString& iniPath);
    static Provider forAccount(const Settings::Account& account, const QString& iniPath,
                               const Settings::AdminPolicy& policy);

    // Empty when the provider can be used; otherwise what the administrator
    // must set, in plain words. Endpoints must be https (http only on loopback,
    // for tests), so tokens never cross the network in clear text.
    QString problem() const;
};

} // namespace OAuth
