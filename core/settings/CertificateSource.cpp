#include "settings/CertificateSource.h"

#include "crypto/Sha256.h"
#include "settings/Validation.h"
#include "smime/CertificateCheck.h"
#include "smime/CertificateExpiry.h"
#include "smime/Identity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Settings {

namespace {

const QRegularExpression& placeholder()
{
    static const QRegularExpression re(u"%([A-Za-z_]+)%"_s);
    return re;
}

bool isCertificateFile(const QFileInfo& info)
{
    const QString suffix = info.suffix().toLower();
    return info.isFile() && (suffix == u"p12"_s || suffix == u"pfx"_s);
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QStringList names(const QFileInfoList& files)
{
    QStringList out;
    for (const QFileInfo& f : files)
        out << f.fileName();
    return out;
}

QByteArray hashOf(const QString& path, bool* ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    if (!*ok)
        return {};
    Crypto::Sha256 hash;
    hash.addData(file.readAll());
    return hash.result();
}

} // namespace

QStringList CertificateSource::addressesOf(const Account& account)
{
    QStringList out;
    for (const QString& a : account.from)
        out << a.trimmed().toLower();
    if (Validation::isPlausibleAddress(account.user.trimmed()))
        out << account.user.trimmed().toLower();
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

QString CertificateSource::addressOf(const Account& account)
{
    return addressesOf(account).value(0);
}

QString CertificateSource::loginName()
{
    // USERNAME on Windows, USER (or LOGNAME) elsewhere; the home folder's name as the last resort.
    for (const char* variable : {"USERNAME", "USER", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(variable);
        if (!v.isEmpty())
            return v;
    }
    return QDir::home().dirName();
}

QString CertificateSource::placeholderProblem(const QString& pattern)
{
    auto it = placeholder().globalMatch(pattern);
    while (it.hasNext()) {
        const QString name = it.next().captured(1).toLower();
        if (name != u"email"_s && name != u"user"_s)
            return tr("%1 is not a placeholder Yubisashi knows. Use %email% for the person's e-mail "
                      "address and %user% for their login name.")
                .arg(u'%' + name + u'%');
    }
    return {};
}

QString CertificateSource::expand(const QString& pattern, const QString& email, const QString& user,
                                  QString* problem)
{
    QString local;
    if (!problem)
        problem = &local;
    problem->clear();
    const auto usable = [](const QString& v) {
        return !v.isEmpty() && v != u"."_s && v != u".."_s && !v.contains(u'/') && !v.contains(u'\\');
    };
    QString out;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1).toLower();
        QString value;
        if (name == u"email"_s) {
            value = email.trimmed().toLower();
            if (value.isEmpty()) {
                *problem = tr("Enter your e-mail address for the account first: your certificate is found "
                              "by it.");
                return {};
            }
        } else if (name == u"user"_s) {
            value = user.trimmed();
        } else {
            *problem = placeholderProblem(pattern);
            return {};
        }
        if (!usable(value)) {
            *problem = tr("\"%1\" cannot be part of a file name, so your certificate cannot be found. Ask "
                          "your administrator.")
                           .arg(value);
            return {};
        }
        out += pattern.mid(last, m.capturedStart() - last);
        out += value;
        last = m.capturedEnd();
    }
    out += pattern.mid(last);
    return out;
}

CertificateSource::Found CertificateSource::find(const QString& pattern, const QString& email,
                                                 const QString& user)
{
    Found found;
    if (pattern.trimmed().isEmpty()) {
        found.message = tr("Your administrator has not set a folder with certificates.");
        return found;
    }
    QString problem;
    const QString path = expand(pattern.trimmed(), email, user, &problem);
    const QString who = email.trimmed().isEmpty() ? user : email.trimmed().toLower();
    if (path.isEmpty()) {
        found.status = Found::Status::NoFile;
        found.message = problem;
        return found;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir dir(path);
        if (!info.isReadable() || !dir.isReadable()) {
            found.status = Found::Status::Unreadable;
            found.message = tr("The certificate folder %1 cannot be read. Check that you are connected to "
                               "your organisation's network; if you are, ask your administrator.")
                                .arg(native(path));
            return found;
        }
        QFileInfoList all;
        QFileInfoList named;
        const QString address = email.trimmed().toLower();
        const QString login = user.trimmed().toLower();
        for (const QFileInfo& f :
             dir.entryInfoList(QDir::Files | QDir::Readable | QDir::Hidden, QDir::Name)) {
            if (!isCertificateFile(f))
                continue;
            all << f;
            const QString base = f.completeBaseName().toLower();
            if ((!address.isEmpty() && base == address) || (!login.isEmpty() && base == login))
                named << f;
        }
        const QFileInfoList& candidates = named.isEmpty() ? all : named;
        if (candidates.size() == 1) {
            found.status = Found::Status::Found;
            found.path = candidates.constFirst().absoluteFilePath();
        } else if (candidates.isEmpty()) {
            found.status = Found::Status::NoFile;
            found.message = tr("No certificate for %1 in %2. Ask your administrator.").arg(who, native(path));
        } else {
            found.status = Found::Status::Several;
            found.candidates = names(candidates);
            found.message =
                tr("Several certificates in %1 could be yours (%2). Ask your administrator to leave "
                   "one there named %3.p12.")
                    .arg(native(path), found.candidates.join(u", "_s), who);
        }
        return found;
    }
    if (info.exists()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found.status = Found::Status::Unreadable;
            found.message = tr("Your certificate file %1 cannot be read: %2. Ask your administrator.")
                                .arg(native(path), file.errorString());
            return found;
        }
        found.status = Found::Status::Found;
        found.path = info.absoluteFilePath();
        return found;
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir()) {
        found.status = Found::Status::Unreadable;
        found.message = tr("The certificate folder %1 cannot be reached. Check that you are connected to "
                           "your organisation's network; if you are, ask your administrator.")
                            .arg(native(folder.absoluteFilePath()));
        return found;
    }
    found.status = Found::Status::NoFile;
    found.message = tr("No certificate for %1 in %2. Ask your administrator.")
                        .arg(who, native(folder.absoluteFilePath()));
    return found;
}

CertificateSource::Opened CertificateSource::open(const QString& path, const QString& password,
                                                  const QStringList& addresses, const QDateTime& now)
{
    Opened opened;
    Smime::Identity::Error error = Smime::Identity::Error::None;
    const std::optional<Smime::Identity> identity =
        Smime::Identity::load(path, password, &opened.message, &error);
    if (!identity) {
        opened.status = error == Smime::Identity::Error::WrongPassword ? Opened::Status::WrongPassword
                                                                       : Opened::Status::Unusable;
        return opened;
    }
    const Smime::Certificate cert = identity->certificate();
    bool mine = false;
    for (const QString& a : addresses)
        mine = mine || cert.hasEmailAddress(a);
    if (!mine) {
        opened.status = Opened::Status::OtherPerson;
        const QStringList named = cert.emailAddresses();
        opened.message = tr("This certificate belongs to %1, not to you (%2). Nothing was imported. Ask your "
                            "administrator for your own certificate.")
                             .arg(named.isEmpty() ? cert.commonName() : named.join(u", "_s),
                                  addresses.isEmpty() ? tr("no address") : addresses.join(u", "_s));
        return opened;
    }
    const QList<Smime::CertificateProblem> problems = Smime::CertificateCheck::forSigning(cert, now);
    if (!problems.isEmpty()) {
        opened.message = problems.constFirst().message;
        return opened;
    }
    opened.status = Opened::Status::Opened;
    opened.certificate = cert;
    opened.message.clear();
    return opened;
}

CertificateImport::Result CertificateSource::import(const Config& config, const QStringList& lockedKeys,
                                                    SecretStore* secrets, const QString& accountName,
                                                    const QString& path, const QString& password)
{
    CertificateImport::Result result;
    const Account* account = config.account(accountName);
    if (!account) {
        result.error = CertificateImport::unavailableReason(config);
        if (result.error.isEmpty())
            result.error = tr("The account \"%1\" is not in the settings any more.").arg(accountName);
        return result;
    }
    const Opened opened = open(path, password, addressesOf(*account), QDateTime::currentDateTimeUtc());
    if (!opened.ok()) {
        result.error = opened.message;
        return result;
    }
    return CertificateImport::run(config, lockedKeys, secrets, path, password, account->name);
}

QString CertificateSource::describe(const Smime::Certificate& certificate, const QDateTime& now)
{
    QStringList lines;
    lines << tr("Subject: %1").arg(certificate.subject());
    lines << tr("Issued by: %1").arg(certificate.issuer());
    lines << tr("Valid until: %1")
                 .arg(QLocale().toString(certificate.notAfter().toLocalTime().date(), QLocale::LongFormat));
    const QString advice = Smime::CertificateExpiry::advice(certificate.notAfter(), now);
    if (!advice.isEmpty())
        lines << advice;
    return lines.join(u'\n');
}

bool CertificateSource::differs(const QString& sourceFile, const QString& importedCopy)
{
    bool sourceOk = false;
    const QByteArray source = hashOf(sourceFile, &sourceOk);
    if (!sourceOk)
        return false;
    bool copyOk = false;
    const QByteArray copy = importedCopy.isEmpty() ? QByteArray() : hashOf(importedCopy, &copyOk);
    return !copyOk || source != copy;
}

} // namespace Settings
