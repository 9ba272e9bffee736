#include "diagnostics/SecretMask.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Diagnostics {

namespace {

QMutex g_mutex;
QStringList g_secrets; // longest first, so that a secret containing another is hidden whole

struct Rule
{
    QRegularExpression pattern; // group 1 is kept, the rest of the match becomes Hidden
};

const QList<Rule>& rules()
{
    static const QList<Rule> list{
        {QRegularExpression(u"(\\bAUTH\\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5)\\s+)\\S+"_s,
                            QRegularExpression::CaseInsensitiveOption)},
        {QRegularExpression(u"(\\bBearer\\s+)[A-Za-z0-9._~+/=-]+"_s,
                            QRegularExpression::CaseInsensitiveOption)},
        {QRegularExpression(u"(\\b(?:password|passwd|pwd|secret|token|access_token|refresh_token|id_token|"
                            "client_secret|code_verifier|device_code|smime_password|local_password)"
                            "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;]+"_s,
                            QRegularExpression::CaseInsensitiveOption)},
        {QRegularExpression(u"([?&]code=)[^&#\\s]+"_s)},
        {QRegularExpression(u"(\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+(?=@)"_s)},
    };
    return list;
}

} // namespace

QString SecretMask::mask(const QString& text)
{
    QString out = text;
    for (const Rule& rule : rules()) {
        if (!out.contains(rule.pattern))
            continue;
        out.replace(rule.pattern, u"\\1"_s + Hidden);
    }
    QMutexLocker lock(&g_mutex);
    for (const QString& secret : std::as_const(g_secrets))
        out.replace(secret, Hidden);
    return out;
}

void SecretMask::addSecret(const QString& secret)
{
    if (secret.size() < 4)
        return;
    QMutexLocker lock(&g_mutex);
    if (g_secrets.contains(secret))
        return;
    g_secrets << secret;
    // AUTH LOGIN sends the password alone in base64, as one line.
    const QString base64 = QString::fromLatin1(secret.toUtf8().toBase64());
    if (!g_secrets.contains(base64))
        g_secrets << base64;
    std::sort(g_secrets.begin(), g_secrets.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

void SecretMask::clearSecrets()
{
    QMutexLocker lock(&g_mutex);
    g_secrets.clear();
}

} // namespace Diagnostics
