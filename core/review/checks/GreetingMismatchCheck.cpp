#include "review/checks/GreetingMismatchCheck.h"

#include "mail/PersonNames.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Review {

const CheckInfo& GreetingMismatchCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("greeting-mismatch"),
        QT_TRANSLATE_NOOP("Checks", "The greeting names nobody among the recipients"),
        QT_TRANSLATE_NOOP("Checks", "Greeting"),
        QT_TRANSLATE_NOOP(
            "Checks",
            "Speaks up when the greeting at the top of the text names someone who is not a recipient."),
        CheckAction::Confirm,
        CheckCategory::Body,
    };
    return info;
}

namespace {

// Words that name an organisation or a part of one, not a person.
bool isOrganisationWord(const QString& w)
{
    static const QStringList parts{u"株式会社"_s, u"有限会社"_s, u"合同会社"_s, u"合資会社"_s, u"(株)"_s,
                                   u"㈱"_s,       u"(有)"_s,     u"財団"_s,     u"法人"_s,     u"会社"_s,
                                   u"大学"_s,     u"病院"_s,     u"銀行"_s,     u"役所"_s,     u"センター"_s,
                                   u"グループ"_s, u"チーム"_s,   u"inc"_s,      u"ltd"_s,      u"corp"_s};
    for (const QString& p : parts) {
        if (w.contains(p))
            return true;
    }
    static const QRegularExpression unit(u"(部|課|室|係|局|所|店|社|事業部|本部|支社|支店|営業所)$"_s);
    return unit.match(w).hasMatch();
}

bool isGroupWord(const QString& w)
{
    static const QSet<QString> group{
        u"all"_s,        u"everyone"_s,  u"everybody"_s, u"team"_s, u"there"_s,  u"folks"_s,
        u"colleagues"_s, u"sir"_s,       u"madam"_s,     u"sirs"_s, u"both"_s,   u"guys"_s,
        u"customer"_s,   u"customers"_s, u"皆"_s,        u"皆様"_s, u"みな"_s,   u"みなさま"_s,
        u"皆さま"_s,     u"皆さん"_s,    u"みなさん"_s,  u"各位"_s, u"関係者"_s, u"お客"_s,
        u"ご担当者"_s,   u"担当者"_s,    u"ご担当"_s,    u"担当"_s, u"会員"_s};
    return group.contains(w);
}

const QStringList& titles()
{
    static const QStringList t{u"mr"_s,   u"mrs"_s, u"ms"_s,  u"miss"_s, u"dr"_s,
                               u"prof"_s, u"mx"_s,  u"san"_s, u"sama"_s, u"sensei"_s};
    return t;
}

bool isRoleAddress(const QString& local)
{
    static const QSet<QString> roles{u"info"_s,    u"sales"_s,    u"support"_s, u"contact"_s, u"office"_s,
                                     u"admin"_s,   u"team"_s,     u"hr"_s,      u"jimu"_s,    u"soumu"_s,
                                     u"eigyo"_s,   u"service"_s,  u"help"_s,    u"mail"_s,    u"webmaster"_s,
                                     u"noreply"_s, u"no-reply"_s, u"staff"_s};
    return roles.contains(local);
}

} // namespace

GreetingMismatchCheck::Greeting GreetingMismatchCheck::greetingOf(const QString& body)
{
    static const QRegularExpression latin(
        u"^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))[\\s,]+(.+?)[\\s]*[,:!.]?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression japanese(
        u"^(.{1,40}?)\\s*(様|さま|殿|さん|先生|くん|君|御中|各位)(?=[\\s、,。!！]|$)"_s);

    Greeting g;
    int seen = 0;
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.normalized(QString::NormalizationForm_KC).trimmed();
        if (line.isEmpty())
            continue;
        // A greeting opens the message; names later on are part of the text.
        if (++seen > 4 || line.startsWith(QLatin1Char('>')))
            break;
        if (line.size() <= 60) {
            const QRegularExpressionMatch m = latin.match(line);
            if (m.hasMatch()) {
                g.text = line;
                QString who = m.captured(1).toCaseFolded();
                who.replace(QRegularExpression(u"\\s+(and|&)\\s+"_s), u","_s);
                for (const QString& part : who.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    QStringList words = Mail::PersonNames::words(part);
                    while (!words.isEmpty() && titles().contains(words.constFirst()))
                        words.removeFirst();
                    while (!words.isEmpty() && titles().contains(words.constLast()))
                        words.removeLast();
                    if (words.isEmpty())
                        continue;
                    if (isGroupWord(words.join(u" "_s)) || isGroupWord(words.constFirst()) ||
                        words.join(u" "_s).startsWith(u"sir or"_s))
                        return Greeting{line, {}, false};
                    g.names << words;
                }
                return g;
            }
        }
        const QRegularExpressionMatch m = japanese.match(line);
        if (m.hasMatch()) {
            g.text = m.captured(0);
            g.japanese = true;
            const QString honorific = m.captured(2);
            if (honorific == u"御中"_s || honorific == u"各位"_s)
                return Greeting{g.text, {}, true};
            for (const QString& w : m.captured(1).split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
                const QString folded = w.toCaseFolded();
                if (isGroupWord(folded))
                    return Greeting{g.text, {}, true};
                if (!isOrganisationWord(folded))
                    g.names << folded;
            }
            // Only the last words before the honorific name the person.
            if (g.names.size() > 2)
                g.names = g.names.mid(g.names.size() - 2);
            return g;
        }
    }
    return {};
}

QList<Finding> GreetingMismatchCheck::run(const CheckContext& context) const
{
    const Greeting g = greetingOf(context.view.textBody);
    if (g.names.isEmpty() || context.recipients.isEmpty())
        return {};

    for (const Recipient& r : context.recipients) {
        const QString nameKey = Mail::PersonNames::key(r.name);
        const QStringList nameWords = Mail::PersonNames::words(r.name);
        const QString local = r.address.left(r.address.lastIndexOf(QLatin1Char('@'))).toCaseFolded();
        // A recipient the greeting cannot be compared with (no name in the
        // greeting's script, a role address) might be the one greeted: stay silent.
        if (g.japanese) {
            if (!Mail::PersonNames::hasCjk(r.name))
                return {};
            for (const QString& n : g.names) {
                if (n.size() >= 2 && !nameKey.isEmpty() && (nameKey.contains(n) || n.contains(nameKey)))
                    return {};
                if (n.size() == 1 && nameKey.startsWith(n))
                    return {};
            }
        } else {
            const bool latinName = !r.name.isEmpty() && !Mail::PersonNames::hasCjk(r.name);
            if (!latinName && isRoleAddress(local))
                return {};
            for (const QString& n : g.names) {
                if (n.size() < 2)
                    continue;
                if (nameWords.contains(n) || local.contains(n))
                    return {};
            }
        }
    }
    return {finding(
        Severity::Warn,
        tr("The message greets \"%1\", but no recipient has that name. Check that it goes to the right "
           "person.")
            .arg(g.text))};
}

} // namespace Review
