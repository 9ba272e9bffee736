#include "delivery/Protection.h"

#include "mail/DomainNames.h"
#include "review/DomainMatcher.h"
#include "settings/SecretStore.h"
#include "smime/CertificateStore.h"
#include "smime/EncryptionPolicy.h"
#include "smime/Encryptor.h"
#include "smime/Identity.h"
#include "smime/MimeCanonicalizer.h"
#include "smime/Signer.h"
#include "smime/SigningPolicy.h"

#include <QCoreApplication>
#include <QSet>

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
    if (!account)
        return plan;
    const bool hasCertificate = !account->smimeP12.isEmpty();
    if (!hasCertificate && account->encrypt == Settings::EncryptPolicy::Never)
        return plan; // S/MIME not set up for this account: nothing to do
    // The view knows what the mail program signed or encrypted. An S/MIME body
    // it calls neither (certs-only, compressed-data) is still not wrapped
    // again: only for those is the content's own top Content-Type read.
    const bool alreadyEncrypted = view.isEncrypted;
    const bool alreadyProtected =
        alreadyEncrypted || view.isSigned || Smime::MimeCanonicalizer::isProtected(content);
    const QString from = view.from.address.isEmpty() ? entry.envelope.mailFrom : view.from.address;

    // Signing, only with the account's own certificate.
    QString problem;
    const Smime::Identity* id = nullptr;
    Smime::SigningDecision sign{Smime::SigningDecision::Action::DontSign, {}};
    if (hasCertificate) {
        const Review::DomainMatcher internal(m_config.policy.internalDomains);
        bool anyExternal = false;
        for (const QString& rcpt : entry.envelope.recipients)
            anyExternal = anyExternal || !internal.isInternal(rcpt);
        if (account->sign != Settings::SignPolicy::Never)
            id = identity(*account, &problem);
        sign = Smime::SigningPolicy::decide(signMode(account->sign), anyExternal, from, id, alreadyProtected);
        if (sign.action != Smime::SigningDecision::Action::DontSign && !id) {
            plan.action = ProtectionPlan::Action::Refuse;
            plan.reason = problem;
            plan.signingProblem = true;
            return plan;
        }
        if (sign.action == Smime::SigningDecision::Action::Refuse) {
            plan.action = ProtectionPlan::Action::Refuse;
            plan.reason = sign.reason;
            plan.signingProblem = true;
            return plan;
        }
    }
    const bool signs = sign.action == Smime::SigningDecision::Action::Sign;
    plan.action = signs ? ProtectionPlan::Action::Sign : ProtectionPlan::Action::None;
    if (!signs && hasCertificate)
        plan.reason = sign.reason;
    if (account->encrypt == Settings::EncryptPolicy::Never)
        return plan;

    // Encryption, decided on its own. The envelope recipients shown in To/Cc
    // are the ones it is for; every other one is a Bcc recipient, except the
    // sender's own copy (the sender is an encryption recipient anyway).
    QSet<QString> shown;
    for (const QList<Mime::Mailbox>* list : {&view.to, &view.cc}) {
        for (const Mime::Mailbox& m : *list)
            shown.insert(Mail::DomainNames::addressKey(m.addressAce.isEmpty() ? m.address : m.addressAce));
    }
    const QString senderKey = Mail::DomainNames::addressKey(from);
    QStringList visible;
    QStringList hidden;
    QSet<QString> seen;
    for (const QString& rcpt : entry.envelope.recipients) {
        const QString key = Mail::DomainNames::addressKey(rcpt);
        if (key.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        if (shown.contains(key))
            visible << rcpt.trimmed();
        else if (key != senderKey)
            hidden << rcpt.trimmed();
    }
    // The sender's own certificate stands for the sender, also in To/Cc.
    QStringList encryptTo;
    QStringList missing;
    if (!alreadyEncrypted) {
        const Smime::CertificateStore store(m_certificateFolder);
        for (const QString& rcpt : std::as_const(visible)) {
            if (hasCertificate && Mail::DomainNames::addressKey(rcpt) == senderKey)
                continue;
            encryptTo << rcpt;
            if (!store.encryptionCertificate(rcpt))
                missing << rcpt;
        }
    }
    const Smime::EncryptionDecision enc = Smime::EncryptionPolicy::decide(
        encryptMode(account->encrypt), account->encryptDomains, visible, hidden, missing, alreadyEncrypted);
    switch (enc.action) {
    case Smime::EncryptionDecision::Action::Hold:
        plan.action = ProtectionPlan::Action::Refuse;
        plan.reason = enc.reason;
        return plan;
    case Smime::EncryptionDecision::Action::DontEncrypt:
        plan.reason = plan.reason.isEmpty() ? enc.reason : plan.reason + u' ' + enc.reason;
        return plan;
    case Smime::EncryptionDecision::Action::Encrypt:
        break;
    }
    if (hasCertificate && !id)
        id = identity(*account, &problem);
    if (hasCertificate && !id) {
        // A certificate is set up but cannot be read: the sender could not
        // read the copy, and the person should know it is broken.
        plan.action = ProtectionPlan::Action::Refuse;
        plan.reason = problem;
        return plan;
    }
    plan.action = signs ? ProtectionPlan::Action::SignAndEncrypt : ProtectionPlan::Action::Encrypt;
    plan.encryptTo = encryptTo;
    return plan;
}

std::optional<QByteArray> Protection::apply(const ProtectionPlan& plan, const Spool::Entry& entry,
                                            const QByteArray& content, QString* error)
{
    if (plan.action == ProtectionPlan::Action::None)
        return content;
    if (plan.action == ProtectionPlan::Action::Refuse) {
        *error = plan.reason;
        return std::nullopt;
    }
    const Settings::Account* account = m_config.account(entry.account);
    if (!account) {
        *error = tr("The account %1 is no longer set up.").arg(entry.account);
        return std::nullopt;
    }
    QString problem;
    const Smime::Identity* id = nullptr;
    if (!account->smimeP12.isEmpty() || plan.willSign()) {
        id = identity(*account, &problem);
        if (!id) {
            *error = problem;
            return std::nullopt;
        }
    }
    if (plan.action == ProtectionPlan::Action::Sign)
        return Smime::Signer::sign(content, *id, error);

    // Exactly the recipients planned; one without a certificate now means no message, never a plain one.
    const Smime::CertificateStore store(m_certificateFolder);
    QList<Smime::Certificate> recipients;
    QStringList missing;
    for (const QString& rcpt : plan.encryptTo) {
        if (const auto cert = store.encryptionCertificate(rcpt))
            recipients << *cert;
        else
            missing << rcpt;
    }
    if (!missing.isEmpty()) {
        *error =
            tr("The message must be encrypted, but no valid certificate is known any more for %1. Import "
               "their certificates again, or remove them from the recipients.")
                .arg(missing.join(u", "_s));
        return std::nullopt;
    }
    if (plan.action == ProtectionPlan::Action::SignAndEncrypt)
        return Smime::Encryptor::signAndEncrypt(content, *id, recipients, error);
    if (id)
        recipients << id->certificate(); // so the sender can read the copy too
    return Smime::Encryptor::encrypt(content, recipients, error);
}

} // namespace Delivery
