#include "delivery/Protection.h"

#include "review/Assessment.h"
#include "settings/SecretStore.h"
#include "smime/CertificateStore.h"
#include "smime/EncryptionPolicy.h"
#include "smime/Encryptor.h"
#include "smime/Identity.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/Signer.h"
#include "smime/SigningPolicy.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Delivery {

namespace {

Smime::SignMode signMode(Settings::SignPolicy p)
{
    switch (p) {
    case Settings::SignPolicy::Always:
        return Smime::SignMode::Always;
    case Settings::SignPolicy::External:
        return Smime::SignMode::External;
    case Settings::SignPolicy::Never:
        break;
    }
    return Smime::SignMode::Never;
}

Smime::EncryptMode encryptMode(Settings::EncryptPolicy p)
{
    switch (p) {
    case Settings::EncryptPolicy::WhenPossible:
        return Smime::EncryptMode::WhenPossible;
    case Settings::EncryptPolicy::RequiredForDomains:
        return Smime::EncryptMode::RequiredForDomains;
    case Settings::EncryptPolicy::Never:
        break;
    }
    return Smime::EncryptMode::Never;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("Delivery::Protection", text);
}

} // namespace

Protection::Protection(const Settings::Config& config, Settings::SecretStore* secrets,
                       const QString& certificateFolder)
    : m_config(config), m_secrets(secrets), m_certificateFolder(certificateFolder)
{}

Protection::~Protection() = default;

const Smime::Identity* Protection::identity(const Settings::Account& account, QString* problem)
{
    if (const auto it = m_identities.constFind(account.name); it != m_identities.constEnd())
        return it->get();
    QString error;
    const std::optional<QString> password =
        m_secrets ? m_secrets->read(account.name + u"/smime_password"_s, &error) : std::nullopt;
    if (!password && !error.isEmpty()) {
        *problem =
            tr("The certificate password cannot be read from %1: %2").arg(m_secrets->description(), error);
        return nullptr;
    }
    QString message;
    std::optional<Smime::Identity> loaded =
        Smime::Identity::load(account.smimeP12, password.value_or(QString()), &message);
    if (!loaded) {
        *problem = tr("Your certificate (%1) cannot be used: %2 Check the certificate in Settings.")
                       .arg(account.smimeP12, message);
        return nullptr;
    }
    auto shared = std::make_shared<Smime::Identity>(std::move(*loaded));
    m_identities.insert(account.name, shared);
    return shared.get();
}

ProtectionPlan Protection::plan(const Spool::Entry& entry, const QByteArray& content,
                                const Mime::MessageView& view)
{
    ProtectionPlan plan;
    const Settings::Account* account = m_config.account(entry.account);
    if (!account || account->smimeP12.isEmpty())
        return plan; // S/MIME not set up for this account: nothing to do
    const bool alreadyProtected = Smime::MimeCanonicalizer::isProtected(content);
    const Review::DomainMatcher internal(m_config.policy.internalDomains);
    bool anyExternal = false;
    for (const QString& rcpt : entry.envelope.recipients)
        anyExternal = anyExternal || !internal.isInternal(rcpt);
    const QString from = view.from.address.isEmpty() ? entry.envelope.mailFrom : view.from.address;

    QString problem;
    const Smime::Identity* id = identity(*account, &problem);
    const Smime::SigningDecision sign =
        Smime::SigningPolicy::decide(signMode(account->sign), anyExternal, from, id, alreadyProtected);
    if (!id && sign.action != Smime::SigningDecision::Action::DontSign) {
        plan.action = ProtectionPlan::Action::Refuse;
        plan.reason = problem;
        return plan;
    }
    switch (sign.action) {
    case Smime::SigningDecision::Action::Refuse:
        plan.action = ProtectionPlan::Action::Refuse;
        plan.reason = sign.reason;
        return plan;
    case Smime::SigningDecision::Action::DontSign:
        plan.reason = sign.reason;
        return plan;
    case Smime::SigningDecision::Action::Sign:
        plan.action = ProtectionPlan::Action::Sign;
        break;
    }

    if (account->encrypt == Settings::EncryptPolicy::Never)
        return plan;
    const Smime::CertificateStore store(m_certificateFolder);
    QStringList missing;
    for (const QString& rcpt : entry.envelope.recipients) {
        if (!store.encryptionCertificate(rcpt))
            missing << rcpt;
    }
    const Smime::EncryptionDecision enc =
        Smime::EncryptionPolicy::decide(encryptMode(account->encrypt), account->encryptDomains,
                                        entry.envelope.recipients, missing, alreadyProtected);
    switch (enc.action) {
    case Smime::EncryptionDecision::Action::Encrypt:
        plan.action = ProtectionPlan::Action::SignAndEncrypt;
        break;
    case Smime::EncryptionDecision::Action::Hold:
        plan.action = ProtectionPlan::Action::Refuse;
        plan.reason = enc.reason;
        break;
    case Smime::EncryptionDecision::Action::DontEncrypt:
        break;
    }
    return plan;
}

std::optional<QByteArray> Protection::apply(const ProtectionPlan& plan, const Spool::Entry& entry,
                                            const QByteArray& content, QString* error)
{
    const Settings::Account* account = m_config.account(entry.account);
    QString problem;
    const Smime::Identity* id = account ? identity(*account, &problem) : nullptr;
    if (!id) {
        *error = problem;
        return std::nullopt;
    }
    if (plan.action == ProtectionPlan::Action::Sign)
        return Smime::Signer::sign(content, *id, error);
    if (plan.action == ProtectionPlan::Action::SignAndEncrypt) {
        const Smime::CertificateStore store(m_certificateFolder);
        QList<Smime::Certificate> recipients;
        for (const QString& rcpt : entry.envelope.recipients) {
            if (const auto cert = store.encryptionCertificate(rcpt))
                recipients << *cert;
        }
        return Smime::Encryptor::signAndEncrypt(content, *id, recipients, error);
    }
    return content;
}

} // namespace Delivery
