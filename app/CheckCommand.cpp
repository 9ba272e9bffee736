#include "CheckCommand.h"

#include "CommandLine.h"
#include "mail/DomainNames.h"
#include "mime/MessageView.h"
#include "review/CheckPolicy.h"
#include "review/Reviewer.h"
#include "settings/AdminPolicy.h"
#include "settings/Config.h"
#include "smtp/Envelope.h"
#include "store/History.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

// A named namespace gives lupdate the context of the tr() calls below.
namespace CheckCommand {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("CheckCommand", text, nullptr, n);
}

using CommandLine::printErr;

QString accountFor(const Settings::Config& config, const QString& from)
{
    for (const Settings::Account& a : config.accounts) {
        for (const QString& f : a.from) {
            if (f.compare(from, Qt::CaseInsensitive) == 0)
                return a.name;
        }
    }
    return config.accounts.isEmpty() ? u"test"_s : config.accounts.constFirst().name;
}

QByteArray toJson(const Review::MessageReview& r)
{
    QJsonObject root;
    root.insert(u"from"_s, QJsonObject{{u"address"_s, r.from.address}, {u"name"_s, r.from.name}});
    root.insert(u"subject"_s, r.subject);
    QJsonArray recipients;
    for (const Review::Recipient& rc : r.recipients) {
        recipients.append(QJsonObject{{u"address"_s, rc.address},
                                      {u"name"_s, rc.name},
                                      {u"field"_s, fieldName(rc.field)},
                                      {u"domain"_s, rc.domain},
                                      {u"internal"_s, rc.internal},
                                      {u"findings"_s, QJsonArray::fromStringList(rc.findingCodes)}});
    }
    root.insert(u"recipients"_s, recipients);
    QJsonArray attachments;
    for (const Review::Attachment& a : r.attachments) {
        attachments.append(QJsonObject{{u"filename"_s, a.filename},
                                       {u"content_type"_s, a.contentType},
                                       {u"size"_s, double(a.size)},
                                       {u"inline"_s, a.isInline}});
    }
    root.insert(u"attachments"_s, attachments);
    QJsonArray findings;
    for (const Review::Finding& f : r.findings) {
        QJsonObject finding{{u"code"_s, f.code},
                            {u"severity"_s, severityName(f.severity)},
                            {u"message"_s, f.message},
                            {u"needs_acknowledgement"_s, f.needsAcknowledgement},
                            {u"recipients"_s, QJsonArray::fromStringList(f.recipients)},
                            {u"attachments"_s, QJsonArray::fromStringList(f.attachments)}};
        // look-alike-domain: the known domain it resembles; unusual-recipient:
        // the address probably meant.
        if (!f.similarDomain.isEmpty())
            finding.insert(u"similar_domain"_s, f.similarDomain);
        if (!f.suggestedAddress.isEmpty()) {
            finding.insert(u"suggested_address"_s, f.suggestedAddress);
            finding.insert(u"suggested_name"_s, f.suggestedName);
        }
        findings.append(finding);
    }
    root.insert(u"findings"_s, findings);
    root.insert(u"verdict"_s, verdictName(r.verdict));
    QJsonArray notReceiving;
    for (const Review::Address& a : r.notReceiving)
        notReceiving.append(QJsonObject{{u"address"_s, a.address}, {u"name"_s, a.name}});
    root.insert(u"not_receiving"_s, notReceiving);
    root.insert(u"problems"_s, QJsonArray::fromStringList(r.problems));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString mailbox(const QString& address, const QString& name)
{
    return name.isEmpty() ? address : u"%1 <%2>"_s.arg(name, address);
}

QString toText(const Review::MessageReview& r)
{
    QString out;
    const QLocale locale;
    out += tr("From: %1").arg(mailbox(r.from.address, r.from.name)) + u"\n"_s;
    out += tr("Subject: %1").arg(r.subject) + u"\n\n"_s;

    // Grouped by domain, internal domains first, as the review window shows them.
    QStringList domains;
    for (const Review::Recipient& rc : r.recipients) {
        if (!domains.contains(rc.domain))
            domains << rc.domain;
    }
    std::stable_sort(domains.begin(), domains.end(), [&r](const QString& a, const QString& b) {
        auto internal = [&r](const QString& d) {
            for (const Review::Recipient& rc : r.recipients) {
                if (rc.domain == d)
                    return rc.internal;
            }
            return false;
        };
        return internal(a) && !internal(b);
    });
    out += tr("Recipients (%n):", int(r.recipients.size())) + u"\n"_s;
    for (const QString& d : std::as_const(domains)) {
        bool internal = false;
        for (const Review::Recipient& rc : r.recipients) {
            if (rc.domain == d)
                internal = rc.internal;
        }
        out += u"  "_s + (internal ? tr("%1 (internal)") : tr("%1 (EXTERNAL)")).arg(d) + u"\n"_s;
        for (const Review::Recipient& rc : r.recipients) {
            if (rc.domain != d)
                continue;
            out += u"    %1  %2"_s.arg(fieldName(rc.field).toUpper().leftJustified(3),
                                       mailbox(rc.address, rc.name));
            if (!rc.findingCodes.isEmpty())
                out += u"  ["_s + rc.findingCodes.join(u", "_s) + u"]"_s;
            out += u"\n"_s;
        }
    }
    if (!r.notReceiving.isEmpty()) {
        out += tr("In To/Cc but will not receive this:") + u"\n"_s;
        for (const Review::Address& a : r.notReceiving)
            out += u"    "_s + mailbox(a.address, a.name) + u"\n"_s;
    }
    if (!r.attachments.isEmpty()) {
        out += tr("Attachments (%n):", int(r.attachments.size())) + u"\n"_s;
        for (const Review::Attachment& a : r.attachments)
            out += u"    %1  (%2, %3)\n"_s.arg(a.filename, a.contentType, locale.formattedDataSize(a.size));
    }
    out += u"\n"_s;
    if (r.findings.isEmpty()) {
        out += tr("Findings: none") + u"\n"_s;
    } else {
        out += tr("Findings:") + u"\n"_s;
        for (const Review::Finding& f : r.findings) {
            // Words for people here; the stable names are in --json.
            QString label = f.severity == Review::Severity::Block  ? tr("blocks")
                            : f.severity == Review::Severity::Warn ? tr("warning")
                                                                   : tr("note");
            if (f.needsAcknowledgement)
                label += tr(", confirm");
            out += u"  [%1] %2: %3\n"_s.arg(label, f.code, f.message);
        }
    }
    for (const QString& p : r.problems)
        out += tr("Problem in the message: %1").arg(p) + u"\n"_s;
    out += u"\n"_s;
    switch (r.verdict) {
    case Review::Verdict::Pass:
        out += tr("Verdict: pass (the message would be sent without a review)");
        break;
    case Review::Verdict::Review:
        out += tr("Verdict: review (the review window would open)");
        break;
    case Review::Verdict::Block:
        out += tr("Verdict: block (the message would be refused)");
        break;
    }
    return out + u"\n"_s;
}

} // namespace

int run(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows the review the current policy would produce for a message, "
           "without sending it. Exit status: 0 pass, 1 review, 2 block, 3 error."));
    const QCommandLineOption fromOption(u"from"_s, tr("The envelope sender (default: the From address)."),
                                        u"address"_s);
    const QCommandLineOption rcptOption(
        u"rcpt"_s, tr("An envelope recipient; repeat for each (default: To, Cc and Bcc)."), u"address"_s);
    const QCommandLineOption jsonOption(u"json"_s, tr("Print the review as JSON."));
    const QCommandLineOption configOption(u"config"_s, tr("Use the settings file <file>."), u"file"_s);
    QCommandLineOption timingsOption(u"timings"_s, tr("Print how long each step took (on stderr)."));
    timingsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({fromOption, rcptOption, jsonOption, configOption, timingsOption});
    parser.addHelpOption();
    parser.addPositionalArgument(u"file"_s, tr("The message (.eml) to check."), u"FILE.eml"_s);
    if (const std::optional<int> done = CommandLine::parse(parser, u"yubisashi check"_s, args))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        printErr(tr(
            "Usage: yubisashi check FILE.eml [--from ADDRESS] [--rcpt ADDRESS]... [--json] [--config FILE]"));
        return 3;
    }
    QElapsedTimer clock;
    clock.start();
    const bool timings = parser.isSet(timingsOption);

    Settings::Config config;
    QStringList settingsErrors;
    const QString configPath =
        parser.isSet(configOption) ? parser.value(configOption) : Settings::Config::defaultPath();
    if (parser.isSet(configOption) && !QFileInfo::exists(configPath)) {
        printErr(tr("The settings file %1 does not exist.").arg(configPath));
        return 3;
    }
    // As mail is judged: the administrator's policy file on top of the user's.
    QStringList locked;
    Settings::loadEffective(configPath, &config, &settingsErrors, &locked);
    const Review::CheckPolicy policy = Review::CheckPolicy::fromConfig(config, &settingsErrors);
    for (const QString& e : std::as_const(settingsErrors))
        printErr(tr("Settings: %1").arg(e));

    QFile file(files.constFirst());
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(tr("Cannot read %1: %2").arg(files.constFirst(), file.errorString()));
        return 3;
    }
    const QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        printErr(tr("Cannot read %1: %2").arg(files.constFirst(), file.errorString()));
        return 3;
    }
    file.close();
    const qint64 tRead = clock.nsecsElapsed();
    const Mime::MessageView view = Mime::MessageView::parse(content);
    const qint64 tParse = clock.nsecsElapsed();

    Smtp::Envelope envelope;
    envelope.mailFrom = parser.isSet(fromOption) ? parser.value(fromOption) : view.from.address;
    if (parser.isSet(rcptOption)) {
        envelope.recipients = parser.values(rcptOption);
    } else {
        for (const QList<Mime::Mailbox>* list : {&view.to, &view.cc, &view.bcc}) {
            for (const Mime::Mailbox& m : *list)
                envelope.recipients << (m.address.isEmpty() ? m.addressAce : m.address);
        }
    }

    // The user's history; without one yet, an empty one (everyone is new).
    const QString historyPath = config.dataDir + u"/history.sqlite"_s;
    Store::History history(QFileInfo::exists(historyPath) ? historyPath : u":memory:"_s);
    history.open();
    const qint64 tOpen = clock.nsecsElapsed();

    // --timings also measures the first-time lookups alone (the benchmark's
    // "lookups against 100,000 known recipients").
    qint64 lookupNs = -1;
    if (timings && history.isOpen()) {
        QStringList keys;
        QStringList domains;
        for (const QString& r : std::as_const(envelope.recipients)) {
            keys << Mail::DomainNames::addressKey(r);
            domains << Mail::DomainNames::toAce(Mail::DomainNames::domainOf(r));
        }
        QElapsedTimer lookup;
        lookup.start();
        QSet<QString> knownAddresses;
        QSet<QString> knownDomains;
        history.knownAddresses(keys, &knownAddresses);
        history.knownDomains(domains, &knownDomains);
        lookupNs = lookup.nsecsElapsed();
        std::fprintf(stderr, "first-time lookups: %lld recipients, %lld known, %.3f ms\n",
                     qint64(keys.size()), qint64(knownAddresses.size()), double(lookupNs) / 1e6);
        // Who is written to together (the unusual-recipient check's facts).
        Review::HistoryFacts relations;
        lookup.restart();
        history.relationships(keys, domains, &relations);
        const double relationNs = double(lookup.nsecsElapsed());
        qint64 pairs = 0;
        for (const auto& with : std::as_const(relations.together))
            pairs += with.size();
        // The running app keeps one History open, so its lookups after the
        // first reuse the prepared statements and the pages read before.
        constexpr int kRepeats = 21;
        QList<double> repeated;
        for (int i = 0; i < kRepeats; ++i) {
            Review::HistoryFacts again;
            lookup.restart();
            history.relationships(keys, domains, &again);
            repeated << double(lookup.nsecsElapsed());
        }
        std::sort(repeated.begin(), repeated.end());
        std::fprintf(stderr,
                     "relationship lookups: %lld recipients, %lld written to with them, %.3f ms (first), "
                     "%.3f ms (median of %d more)\n",
                     qint64(keys.size()), pairs, relationNs / 1e6, repeated.at(kRepeats / 2) / 1e6, kRepeats);
    }
    const qint64 tBeforeReview = clock.nsecsElapsed();

    const Review::Reviewer reviewer(policy, &history);
    Review::Reviewer::Inputs inputs;
    inputs.account = accountFor(config, envelope.mailFrom);
    const Review::MessageReview review = reviewer.review(view, envelope, inputs);
    const qint64 tReview = clock.nsecsElapsed();

    const QByteArray out = parser.isSet(jsonOption) ? toJson(review) : toText(review).toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    if (timings) {
        std::fprintf(stderr, "timings: read %.2f ms, parse %.2f ms, open history %.2f ms, review %.2f ms\n",
                     double(tRead) / 1e6, double(tParse - tRead) / 1e6, double(tOpen - tParse) / 1e6,
                     double(tReview - tBeforeReview) / 1e6);
    }
    switch (review.verdict) {
    case Review::Verdict::Pass:
        return 0;
    case Review::Verdict::Review:
        return 1;
    case Review::Verdict::Block:
        return 2;
    }
    return 3;
}

} // namespace CheckCommand

int runCheck(const QStringList& args)
{
    return CheckCommand::run(args);
}
