#include "review/checks/CheckRegistry.h"

#include "review/checks/AttachmentCheck.h"
#include "review/checks/AttachmentNewDomainCheck.h"
#include "review/checks/BlockedDomainCheck.h"
#include "review/checks/CautionDomainCheck.h"
#include "review/checks/EnvelopeHeaderMismatchCheck.h"
#include "review/checks/ExternalRecipientCheck.h"
#include "review/checks/FirstTimeDomainCheck.h"
#include "review/checks/FirstTimeRecipientCheck.h"
#include "review/checks/GreetingMismatchCheck.h"
#include "review/checks/KeywordCheck.h"
#include "review/checks/LookAlikeDomainCheck.h"
#include "review/checks/ManyExternalVisibleCheck.h"
#include "review/checks/NameAddressMismatchCheck.h"
#include "review/checks/PersonalDataCheck.h"
#include "review/checks/SenderCertificateCheck.h"
#include "review/checks/ThreadNewDomainCheck.h"
#include "review/checks/UnusualRecipientCheck.h"

namespace Review {

std::vector<std::unique_ptr<Check>> CheckRegistry::createAll()
{
    // Order of the list in the review: what blocks first, then who receives
    // it, then what it contains.
    std::vector<std::unique_ptr<Check>> all;
    all.push_back(std::make_unique<BlockedDomainCheck>());
    all.push_back(std::make_unique<SenderCertificateCheck>());
    all.push_back(std::make_unique<LookAlikeDomainCheck>());
    all.push_back(std::make_unique<CautionDomainCheck>());
    all.push_back(std::make_unique<EnvelopeHeaderMismatchCheck>());
    all.push_back(std::make_unique<ExternalRecipientCheck>());
    all.push_back(std::make_unique<FirstTimeDomainCheck>());
    all.push_back(std::make_unique<FirstTimeRecipientCheck>());
    all.push_back(std::make_unique<NameAddressMismatchCheck>());
    all.push_back(std::make_unique<ThreadNewDomainCheck>());
    all.push_back(std::make_unique<UnusualRecipientCheck>());
    all.push_back(std::make_unique<ManyExternalVisibleCheck>());
    all.push_back(std::make_unique<GreetingMismatchCheck>());
    all.push_back(std::make_unique<AttachmentCheck>());
    all.push_back(std::make_unique<AttachmentNewDomainCheck>());
    all.push_back(std::make_unique<KeywordCheck>());
    all.push_back(std::make_unique<PersonalDataCheck>());
    return all;
}

QList<const CheckInfo*> CheckRegistry::infos()
{
    // info() is each check's static: the pointers outlive the checks made here.
    static const QList<const CheckInfo*> all = [] {
        QList<const CheckInfo*> out;
        for (const auto& c : createAll())
            out << &c->checkInfo();
        return out;
    }();
    return all;
}

QStringList CheckRegistry::codes()
{
    QStringList out;
    for (const CheckInfo* i : infos())
        out << i->code;
    return out;
}

const CheckInfo* CheckRegistry::info(const QString& code)
{
    for (const CheckInfo* i : infos()) {
        if (i->code == code)
            return i;
    }
    return nullptr;
}

} // namespace Review
