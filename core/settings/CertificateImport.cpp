#include "settings/CertificateImport.h"

#include "settings/ConfigWriter.h"
#include "settings/SecretStore.h"
#include "smime/Identity.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Settings {

const Account* CertificateImport::accountFor(const QList<Account>& accounts, const QStringList& emails)
{
    if (accounts.isEmpty())
        return nullptr;
    const Account* account = &accounts.constFirst();
    for (const Account& a : accounts) {
        for (const QString& e : emails) {
            if (a.user.compare(e, Qt::CaseInsensitive) == 0 || a.from.contains(e, Qt::CaseInsensitive))
                account = &a;
        }
    }
    return account;
}

QString CertificateImport::unavailableReason(const Config& config)
{
    if (config.accounts.isEmpty())
        return tr("Add your mail account first: the certificate belongs to an account.");
    return {};
}

CertificateImport::Result CertificateImport::run(const Config& config, const QStringList& lockedKeys,
                                                 SecretStore* secrets, const QString& p12Path,
                                                 const QString& password, const QString& accountName)
{
    Result r;
    r.error = unavailableReason(config);
    if (!r.error.isEmpty())
        return r;
    const Smime::Identity::ImportResult imported =
        Smime::Identity::import(p12Path, password, QDir(config.dataDir).filePath(u"certificates"_s));
    if (!imported.ok()) {
        r.error = imported.message;
        return r;
    }
    r.storedPath = imported.storedPath;
    const std::optional<Smime::Identity> identity = Smime::Identity::load(imported.storedPath, password);
    r.emailAddresses = identity ? identity->emailAddresses() : QStringList();
    const Account* account =
        accountName.isEmpty() ? accountFor(config.accounts, r.emailAddresses) : config.account(accountName);
    if (!account)
        account = accountFor(config.accounts, r.emailAddresses);
    r.account = account->name;
    ConfigWriter writer(config.path, lockedKeys);
    if (!writer.set(u"account.%1/smime_p12"_s.arg(account->name), imported.storedPath, &r.error) ||
        !writer.commit(&r.error) || !secrets->write(account->name + u"/smime_password"_s, password, &r.error))
        return r;
    r.ok = true;
    r.message = tr("The certificate for %1 is imported for the account \"%2\". Quit Yubisashi and start it "
                   "again to sign with it.")
                    .arg(r.emailAddresses.join(u", "_s), account->name);
    if (!imported.warnings.isEmpty())
        r.message += u"\n\n"_s + imported.warnings.join(u"\n"_s);
    return r;
}

} // namespace Settings
