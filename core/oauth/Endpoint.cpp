#include "oauth/Endpoint.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace OAuth {

namespace {

constexpr int kTransferTimeoutMs = 30000;

QString tr(const char* text)
{
    return QCoreApplication::translate("OAuth::Endpoint", text);
}

EndpointReply interpret(QNetworkReply* reply)
{
    EndpointReply r;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    r.json = doc.object();
    const QString host = reply->url().host();

    if (status >= 200 && status < 300 && doc.isObject()) {
        r.ok = true;
        return r;
    }
    r.error = r.json.value(QLatin1String("error")).toString();
    if (!r.error.isEmpty()) {
        const QString description = r.json.value(QLatin1String("error_description")).toString().trimmed();
        r.message =
            tr("The sign-in server %1 answered: %2").arg(host, description.isEmpty() ? r.error : description);
        r.transient = status >= 500;
        return r;
    }
    r.transient = true;
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        r.message = tr("The sign-in server %1 could not be reached: %2").arg(host, reply->errorString());
    } else if (status >= 200 && status < 300) {
        r.message = tr("The sign-in server %1 sent an answer that could not be read.").arg(host);
    } else {
        r.message = tr("The sign-in server %1 answered with HTTP status %2.").arg(host).arg(status);
        r.transient = status >= 500 || status == 429 || status == 408;
    }
    return r;
}

} // namespace

QByteArray formEncode(const Form& form)
{
    QByteArray out;
    for (const auto& [key, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

void postForm(QNetworkAccessManager* network, const QUrl& url, const Form& form, QObject* context,
              std::function<void(const EndpointReply&)> done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTransferTimeoutMs);
    // Token endpoints never redirect legitimately; following one could send
    // the form to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply* reply = network->post(request, formEncode(form));
    // Owned by the caller's object: destroying it aborts the request.
    reply->setParent(context);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(interpret(reply));
    });
}

} // namespace OAuth
