#include "oauth/Provider.h"

#include "settings/AdminPolicy.h"
#include "settings/Config.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace OAuth {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("OAuth::Provider", text);
}

bool safeEndpoint(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    // Plain http only to this machine: the local test server.
    const QHostAddress address(url.host());
    return url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

QString presetFor(const Settings::Account& account)
{
    if (!account.preset.isEmpty())
        return account.preset;
    const QString host = account.host.toLower();
    if (host == QLatin1String("smtp.office365.com") || host.endsWith(QLatin1String(".outlook.com")))
        return QStringLiteral("microsoft365");
    if (host == QLatin1String("smtp.gmail.com") || host == QLatin1String("smtp-relay.gmail.com"))
        return QStringLiteral("google");
    return QStringLiteral("generic");
}

} // namespace

Provider Provider::microsoft365(const QString& tenant)
{
    const QString t = tenant.isEmpty() ? QStringLiteral("organizations") : tenant;
    const QString base = QStringLiteral("https://login.microsoftonline.com/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(t)) + QStringLiteral("/oauth2/v2.0/");
    Provider p;
    p.name = QStringLiteral("microsoft365");
    p.authorizeUrl = QUrl(base + QStringLiteral("authorize"));
    p.tokenUrl = QUrl(base + QStringLiteral("token"));
    p.deviceUrl = QUrl(base + QStringLiteral("devicecode"));
    p.scopes = QStringLiteral("https://outlook.office.com/SMTP.Send offline_access");
    p.scopeOnRefresh = true;
    return p;
}

Provider Provider::google()
{
    Provider p;
    p.name = QStringLiteral("google");
    p.authorizeUrl = QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
    p.tokenUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
    p.scopes = QStringLiteral("https://mail.google.com/");
    // Without these Google returns a refresh token only at the very first consent.
    p.extraAuthorizeParams = {{QStringLiteral("access_type"), QStringLiteral("offline")},
                              {QStringLiteral("prompt"), QStringLiteral("consent")}};
    p.scopeOnRefresh = false;
    return p;
}

Provider Provider::forAccount(const Settings::Account& account, const QString& iniPath)
{
    return forAccount(account, iniPath, Settings::AdminPolicy::system(nullptr));
}

Provider Provider::forAccount(const Settings::Account& account, const QString& iniPath,
                              const Settings::AdminPolicy& policy)
{
    const QHash<QString, QString> keys = Settings::Config::accountValues(iniPath, policy, account.name);
    const auto value = [&keys](const char* key) {
        return keys.value(QLatin1String(key)).trimmed();
    };

    const QString preset = presetFor(account);
    Provider p;
    if (preset == QLatin1String("microsoft365"))
        p = microsoft365(value("oauth_tenant"));
    else if (preset == QLatin1String("google"))
        p = google();
    else
        p.name = QStringLiteral("generic");

    p.clientId = value("oauth_client_id");
    p.clientSecret = value("oauth_client_secret");
    if (const QString v = value("oauth_authorize_url"); !v.isEmpty())
        p.authorizeUrl = QUrl(v);
    if (const QString v = value("oauth_token_url"); !v.isEmpty())
        p.tokenUrl = QUrl(v);
    if (keys.contains(QStringLiteral("oauth_device_url")))
        p.deviceUrl = QUrl(value("oauth_device_url")); // may be set empty to turn the device flow off
    if (const QString v = value("oauth_scopes"); !v.isEmpty())
        p.scopes = v.simplified();
    return p;
}

QString Provider::problem() const
{
    if (clientId.isEmpty())
        return tr("No application (client) ID is set for signing in. Your administrator registers Yubisashi "
                  "with Microsoft or Google and sets oauth_client_id (see docs/OAUTH.md).");
    if (authorizeUrl.isEmpty() || tokenUrl.isEmpty())
        return tr("The sign-in addresses are not set. For a server other than Microsoft 365 or Google, set "
                  "oauth_authorize_url and oauth_token_url (see docs/OAUTH.md).");
    for (const QUrl& url : {authorizeUrl, tokenUrl}) {
        if (!safeEndpoint(url))
            return tr("The sign-in address %1 is not a valid https address.").arg(url.toDisplayString());
    }
    if (!deviceUrl.isEmpty() && !safeEndpoint(deviceUrl))
        return tr("The sign-in address %1 is not a valid https address.").arg(deviceUrl.toDisplayString());
    if (scopes.isEmpty())
        return tr("No sign-in scopes are set (oauth_scopes).");
    return QString();
}

} // namespace OAuth
