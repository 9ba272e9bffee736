#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

class QNetworkAccessManager;
class QObject;
class QUrl;

namespace OAuth {

using Form = QList<QPair<QString, QString>>;

// The answer of a token or device-authorization endpoint.
struct EndpointReply
{
    bool ok = false;        // 2xx with a JSON object
    QJsonObject json;       // the body (also for OAuth errors)
    QString error;          // the OAuth error code ("invalid_grant", "authorization_pending"), if any
    QString message;        // for the user, translated; never contains a token
    bool transient = false; // network trouble or a 5xx: worth trying again later
};

// application/x-www-form-urlencoded, every reserved character escaped
// (QUrlQuery would leave "+" alone, which servers read as a space).
QByteArray formEncode(const Form& form);

// POSTs form to url and calls done once, unless context is destroyed first
// (which aborts the request). Bodies are never logged.
void postForm(QNetworkAccessManager* network, const QUrl& url, const Form& form, QObject* context,
              std::function<void(const EndpointReply&)> done);

} // namespace OAuth
