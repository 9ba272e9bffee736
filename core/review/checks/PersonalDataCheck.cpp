#include "review/checks/PersonalDataCheck.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Review {

const CheckInfo& PersonalDataCheck::info()
{
    static const CheckInfo info{
        QStringLiteral("personal-data"),
        QT_TRANSLATE_NOOP("Checks", "Personal data: My Number, card or phone numbers"),
        QT_TRANSLATE_NOOP("Checks", "Personal data"),
        QT_TRANSLATE_NOOP("Checks", "Speaks up when the subject or text contains a My Number, a payment card "
                                    "number or phone numbers."),
        CheckAction::Confirm,
        CheckCategory::Body,
    };
    return info;
}

namespace {

struct NumberRun
{
    QString digits;
    QList<int> groups; // digit count of each group
    QChar separator;   // '-' or ' ' or null
    int line = 0;
};

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// Dashes people type in numbers, including the katakana long vowel mark
// (090ー1234ー5678 is common in Japanese text).
QString normalizeDashes(QString s)
{
    for (QChar& c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0x30FC || u == 0xFF70)
            c = QLatin1Char('-');
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return s;
}

// Numbers as a person writes them: digit groups joined by one kind of
// separator. A run glued to letters, to a decimal point, to '+' or to
// another kind of separator is part of something else (an order number, a
// version, an amount, an international number) and is skipped.
QList<NumberRun> numberRuns(const QString& text, int line)
{
    QList<NumberRun> runs;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isAsciiDigit(text.at(i))) {
            ++i;
            continue;
        }
        const QChar before = i > 0 ? text.at(i - 1) : QChar();
        const bool glued =
            i > 0 && (isAsciiAlnum(before) || before == QLatin1Char('-') || before == QLatin1Char('.') ||
                      before == QLatin1Char('+') || before == QLatin1Char('/') || before == QLatin1Char(','));
        NumberRun run;
        run.line = line;
        int group = 0;
        qsizetype j = i;
        while (j < n) {
            const QChar c = text.at(j);
            if (isAsciiDigit(c)) {
                run.digits += c;
                ++group;
                ++j;
                continue;
            }
            const bool sep = c == QLatin1Char('-') || c == QLatin1Char(' ');
            if (sep && j + 1 < n && isAsciiDigit(text.at(j + 1)) &&
                (run.separator.isNull() || run.separator == c)) {
                run.separator = c;
                run.groups << group;
                group = 0;
                ++j;
                continue;
            }
            break;
        }
        run.groups << group;
        const QChar after = j < n ? text.at(j) : QChar();
        const bool gluedAfter =
            j < n && (isAsciiAlnum(after) || ((after == QLatin1Char('.') || after == QLatin1Char(',') ||
                                               after == QLatin1Char('-') || after == QLatin1Char('/')) &&
                                              j + 1 < n && isAsciiDigit(text.at(j + 1))));
        if (!glued && !gluedAfter)
            runs << run;
        i = j;
    }
    return runs;
}

bool allSame(const QString& digits)
{
    return digits.count(digits.at(0)) == digits.size();
}

// 12 digits that start with a date (202401151230, 20240115 0001) are
// timestamps and serial numbers far more often than My Numbers.
bool startsWithDate(const QString& digits)
{
    const int year = digits.left(4).toInt();
    const int month = digits.mid(4, 2).toInt();
    const int day = digits.mid(6, 2).toInt();
    return year >= 1900 && year <= 2099 && QDate::isValid(year, month, day);
}

QString masked(const QString& digits, const QList<int>& groups, QChar separator)
{
    QString out;
    qsizetype pos = 0;
    const qsizetype keepFrom = digits.size() - 4;
    for (int g = 0; g < groups.size(); ++g) {
        if (g > 0)
            out += separator.isNull() ? QLatin1Char('-') : separator;
        for (int k = 0; k < groups.at(g); ++k, ++pos)
            out += pos >= keepFrom ? digits.at(pos) : QLatin1Char('X');
    }
    return out;
}

QString maskedPhone(const NumberRun& run)
{
    // The area code and the last four digits are enough to recognise it.
    const qsizetype keepHead = run.groups.size() == 1 ? 3 : run.groups.at(0);
    const qsizetype keepTail = run.digits.size() - 4;
    QString out;
    qsizetype pos = 0;
    for (int g = 0; g < run.groups.size(); ++g) {
        if (g > 0)
            out += QLatin1Char('-');
        for (int k = 0; k < run.groups.at(g); ++k, ++pos)
            out += pos < keepHead || pos >= keepTail ? run.digits.at(pos) : QLatin1Char('X');
    }
    return out;
}

bool isCardGrouping(const QList<int>& g, qsizetype length)
{
    if (g.size() == 1)
        return true;
    if (g == QList<int>{4, 6, 5} || g == QList<int>{4, 6, 4})
        return true; // American Express, Diners Club
    for (int k = 0; k < g.size() - 1; ++k) {
        if (g.at(k) != 4)
            return false;
    }
    return g.constLast() >= 1 && g.constLast() <= 4 && length >= 13;
}

enum class PhoneKind
{
    None,
    Mobile,
    Landline
};

PhoneKind phoneKind(const NumberRun& run)
{
    const QString& d = run.digits;
    if (d.size() < 10 || d.at(0) != QLatin1Char('0') || d.at(1) == QLatin1Char('0'))
        return PhoneKind::None;
    const QString first3 = d.left(3);
    const bool mobilePrefix = first3 == u"070"_s || first3 == u"080"_s || first3 == u"090"_s;
    if (run.groups.size() == 1)
        return d.size() == 11 && mobilePrefix ? PhoneKind::Mobile : PhoneKind::None;
    if (run.groups.size() != 3 || run.separator != QLatin1Char('-'))
        return PhoneKind::None;
    const QString first = d.left(run.groups.at(0));
    // Toll-free and shared-cost numbers belong to businesses, not people.
    static const QSet<QString> business{u"0120"_s, u"0800"_s, u"0570"_s, u"0990"_s};
    if (business.contains(first))
        return PhoneKind::None;
    if (d.size() == 11 && run.groups.at(0) == 3 && run.groups.at(1) == 4 && run.groups.at(2) == 4)
        return mobilePrefix ? PhoneKind::Mobile
                            : (first3 == u"050"_s ? PhoneKind::Landline : PhoneKind::None);
    if (d.size() == 10 && run.groups.at(0) >= 2 && run.groups.at(0) <= 5 && run.groups.at(2) == 4)
        return PhoneKind::Landline;
    return PhoneKind::None;
}

// Phone numbers in quoted text or in a signature are the writer's own
// contact details, not personal data being sent; a signature starts at "--"
// or a line drawn with one repeated character and is at most 15 lines long.
QList<bool> contactLines(const QStringList& lines)
{
    static const QRegularExpression rule(u"^\\s*([-=_*~#+━─＝＿・]|ー)\\1{5,}\\s*$"_s);
    QList<bool> skip(lines.size(), false);
    int signatureLeft = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString t = lines.at(i).trimmed();
        if (t.startsWith(QLatin1Char('>')) || lines.at(i).startsWith(QLatin1Char('|'))) {
            skip[i] = true;
            continue;
        }
        if (lines.at(i) == u"-- "_s || t == u"--"_s || rule.match(lines.at(i)).hasMatch())
            signatureLeft = 16;
        if (signatureLeft > 0) {
            skip[i] = true;
            --signatureLeft;
        }
    }
    return skip;
}

} // namespace

bool PersonalDataCheck::isMyNumber(const QString& d)
{
    if (d.size() != 12)
        return false;
    for (const QChar c : d) {
        if (!isAsciiDigit(c))
            return false;
    }
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        const int p = d.at(11 - n).digitValue();
        const int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    const int r = sum % 11;
    const int check = r <= 1 ? 0 : 11 - r;
    return check == d.at(11).digitValue();
}

bool PersonalDataCheck::passesLuhn(const QString& digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int v = digits.at(i).digitValue();
        if (v < 0)
            return false;
        if (twice) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

QString PersonalDataCheck::cardBrand(const QString& d)
{
    const qsizetype len = d.size();
    const int p2 = d.left(2).toInt();
    const int p3 = d.left(3).toInt();
    const int p4 = d.left(4).toInt();
    if (d.startsWith(QLatin1Char('4')) && (len == 13 || len == 16 || len == 19))
        return u"Visa"_s;
    if (len == 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)))
        return u"Mastercard"_s;
    if (len == 15 && (p2 == 34 || p2 == 37))
        return u"American Express"_s;
    if (len >= 16 && len <= 19 && p4 >= 3528 && p4 <= 3589)
        return u"JCB"_s;
    if (len >= 14 && len <= 19 &&
        ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39))
        return u"Diners Club"_s;
    if (len >= 16 && len <= 19 && (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65))
        return u"Discover"_s;
    if (len >= 16 && len <= 19 && p2 == 62)
        return u"UnionPay"_s;
    return {};
}

QList<Finding> PersonalDataCheck::run(const CheckContext& context) const
{
    const QString raw = context.view.subject + QLatin1Char('\n') + context.view.textBody;
    const QString text = normalizeDashes(raw.normalized(QString::NormalizationForm_KC));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    const QList<bool> contact = contactLines(lines);

    QStringList myNumbers;
    QStringList cards;
    QStringList phoneSamples;
    QSet<QString> mobiles;
    QSet<QString> landlines;
    for (int li = 0; li < lines.size(); ++li) {
        for (const NumberRun& run : numberRuns(lines.at(li), li)) {
            const QString& d = run.digits;
            if (d.size() < 10 || allSame(d))
                continue;
            if (d.size() == 12 && (run.groups == QList<int>{12} || run.groups == QList<int>{4, 4, 4}) &&
                isMyNumber(d) && !startsWithDate(d)) {
                myNumbers << masked(d, run.groups, run.separator);
                continue;
            }
            if (d.size() >= 13 && d.size() <= 19 && isCardGrouping(run.groups, d.size()) && passesLuhn(d)) {
                const QString brand = cardBrand(d);
                if (!brand.isEmpty()) {
                    cards << tr("%1 %2").arg(brand, masked(d, run.groups, run.separator));
                    continue;
                }
            }
            const PhoneKind kind = phoneKind(run);
            if (kind == PhoneKind::None || contact.at(li))
                continue;
            QSet<QString>& set = kind == PhoneKind::Mobile ? mobiles : landlines;
            if (!set.contains(d)) {
                set.insert(d);
                phoneSamples << maskedPhone(run);
            }
        }
    }

    QList<Finding> out;
    myNumbers.removeDuplicates();
    cards.removeDuplicates();
    if (!myNumbers.isEmpty()) {
        out << finding(Severity::Warn,
                       tr("The text contains %n number(s) that look like a My Number (individual number): %1",
                          nullptr, int(myNumbers.size()))
                           .arg(joined(myNumbers, 3)));
    }
    if (!cards.isEmpty()) {
        out << finding(Severity::Warn,
                       tr("The text contains %n number(s) that look like a payment card number: %1", nullptr,
                          int(cards.size()))
                           .arg(joined(cards, 3)));
    }
    const bool phones = !mobiles.isEmpty() || landlines.size() >= context.policy.landlinePhoneThreshold;
    if (phones) {
        const int count = int(mobiles.size() + landlines.size());
        out << finding(
            Severity::Warn,
            tr("The text contains %n phone number(s): %1", nullptr, count).arg(joined(phoneSamples, 3)));
    }
    return out;
}

} // namespace Review
