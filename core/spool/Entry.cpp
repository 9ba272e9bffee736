#include "spool/Entry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <cmath>

namespace Spool {

namespace {

// The stable key names of ID.env. Changing one orphans every spooled message.
const QLatin1String kId("id");
const QLatin1String kAccount("account");
const QLatin1String kMailFrom("mail_from");
const QLatin1String kRecipients("recipients");
const QLatin1String kBody8BitMime("body_8bitmime");
const QLatin1String kSmtpUtf8("smtputf8");
const QLatin1String kDeclaredSize("declared_size");
const QLatin1String kState("state");
const QLatin1String kAttempts("attempts");
const QLatin1String kLastError("last_error");
const QLatin1String kReceived("received");
const QLatin1String kUpdated("updated");
const QLatin1String kNextAttempt("next_attempt");
const QLatin1String kSize("size");
const QLatin1String kPreviousSize("previous_size");
const QLatin1String kPreviousRecipients("previous_recipients");
const QLatin1String kReplacingSha256("replacing_sha256");

struct StateNameEntry
{
    State state;
    const char* name;
};

const StateNameEntry kStateNames[] = {
    {State::Received, "received"}, {State::Reviewing, "reviewing"}, {State::Approved, "approved"},
    {State::Sending, "sending"},   {State::Sent, "sent"},           {State::Held, "held"},
    {State::Failed, "failed"},
};

// How a value looks in an error message: short, and with its JSON type when
// it is not a string, so "a number where text belongs" is obvious.
QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.size() > 60)
            s = s.left(57) + QLatin1String("...");
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return QCoreApplication::translate("Spool::Entry", "a list");
    case QJsonValue::Object:
        return QCoreApplication::translate("Spool::Entry", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Spool::Entry", "nothing");
}

QJsonValue timeToJson(const QDateTime& t)
{
    if (!t.isValid())
        return QJsonValue(QJsonValue::Null);
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Reads the fields one by one; the first problem ends the read with an
// error that names the key, what was found and what is expected.
class Reader
{
public:
    Reader(const QJsonObject& json, QString* error) : m_json(json), m_error(error) {}

    bool failed() const { return m_failed; }

    bool missing(QLatin1String key)
    {
        return fail(QCoreApplication::translate("Spool::Entry", "the key \"%1\" is missing").arg(key));
    }

    bool wrong(QLatin1String key, const QString& expected)
    {
        return fail(QCoreApplication::translate("Spool::Entry", "\"%1\" must be %2, but it is %3")
                        .arg(key, expected, describe(m_json.value(key))));
    }

    // A required or optional string; absent optional strings stay empty.
    bool string(QLatin1String key, bool required, QString* out)
    {
        if (m_failed)
            return false;
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined())
            return required ? missing(key) : true;
        if (!v.isString())
            return wrong(key, QCoreApplication::translate("Spool::Entry", "text"));
        *out = v.toString();
        return true;
    }

    bool boolean(QLatin1String key, bool* out)
    {
        if (m_failed)
            return false;
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return wrong(key, QCoreApplication::translate("Spool::Entry", "true or false"));
        *out = v.toBool();
        return true;
    }

    // A whole number of 0 or more. JSON numbers are doubles: exact up to 2^53,
    // far above any message size.
    bool count(QLatin1String key, bool required, qint64* out)
    {
        if (m_failed)
            return false;
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined())
            return required ? missing(key) : true;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > 9007199254740992.0 || std::floor(d) != d)
            return wrong(key, QCoreApplication::translate("Spool::Entry", "a whole number of 0 or more"));
        *out = qint64(d);
        return true;
    }

    // An ISO 8601 time with a time zone ("2025-04-01T09:30:00.000Z"); stored as UTC.
    // A time without a zone is refused: it would silently mean this machine's zone.
    bool time(QLatin1String key, bool required, QDateTime* out)
    {
        if (m_failed)
            return false;
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            return required
                       ? (v.isUndefined() ? missing(key)
                                          : wrong(key, QCoreApplication::translate("Spool::Entry", "a time")))
                       : true;
        const QDateTime t =
            v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
            return wrong(key, QCoreApplication::translate(
                                  "Spool::Entry", "a time in ISO 8601 format with a time zone, such as "
                                                  "\"2025-04-01T09:30:00.000Z\""));
        *out = t.toUTC();
        return true;
    }

private:
    bool fail(const QString& message)
    {
        if (!m_failed && m_error)
            *m_error = message;
        m_failed = true;
        return false;
    }

    const QJsonObject& m_json;
    QString* m_error;
    bool m_failed = false;
};

} // namespace

QString stateName(State state)
{
    for (const StateNameEntry& e : kStateNames) {
        if (e.state == state)
            return QLatin1String(e.name);
    }
    Q_UNREACHABLE();
    return {};
}

bool stateFromName(const QString& name, State* state)
{
    for (const StateNameEntry& e : kStateNames) {
        if (name == QLatin1String(e.name)) {
            *state = e.state;
            return true;
        }
    }
    return false;
}

QJsonObject Entry::toJson() const
{
    QJsonObject o;
    o.insert(kId, id);
    o.insert(kAccount, account);
    o.insert(kMailFrom, envelope.mailFrom);
    o.insert(kRecipients, QJsonArray::fromStringList(envelope.recipients));
    o.insert(kBody8BitMime, envelope.eightBitMime);
    o.insert(kSmtpUtf8, envelope.smtpUtf8);
    o.insert(kDeclaredSize, double(envelope.declaredSize));
    o.insert(kState, stateName(state));
    o.insert(kAttempts, attempts);
    o.insert(kLastError, lastError);
    o.insert(kReceived, timeToJson(received));
    o.insert(kUpdated, timeToJson(updated));
    o.insert(kNextAttempt, timeToJson(nextAttempt));
    o.insert(kSize, double(size));
    if (previousSize >= 0)
        o.insert(kPreviousSize, double(previousSize));
    if (!previousRecipients.isEmpty())
        o.insert(kPreviousRecipients, QJsonArray::fromStringList(previousRecipients));
    if (!replacingSha256.isEmpty())
        o.insert(kReplacingSha256, replacingSha256);
    return o;
}

bool Entry::fromJson(const QJsonObject& json, Entry* entry, QString* error)
{
    Entry e;
    Reader r(json, error);

    // The id names the files, so it must be a plain file name: no separators,
    // no "..", nothing a file system could read differently.
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    if (r.string(kId, true, &e.id) && !idPattern.match(e.id).hasMatch())
        r.wrong(kId, QCoreApplication::translate("Spool::Entry",
                                                 "a file-name safe id (letters, digits, '.', '_' and '-')"));

    r.string(kAccount, false, &e.account);
    r.string(kMailFrom, true, &e.envelope.mailFrom);

    if (!r.failed()) {
        const QJsonValue v = json.value(kRecipients);
        if (v.isUndefined()) {
            r.missing(kRecipients);
        } else if (!v.isArray() || v.toArray().isEmpty()) {
            r.wrong(kRecipients,
                    QCoreApplication::translate("Spool::Entry", "a list of one or more addresses"));
        } else {
            const QJsonArray list = v.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QJsonValue a = list.at(i);
                if (!a.isString() || a.toString().trimmed().isEmpty()) {
                    if (error)
                        *error = QCoreApplication::translate(
                                     "Spool::Entry",
                                     "recipient number %1 in \"%2\" must be an address, but it is %3")
                                     .arg(i + 1)
                                     .arg(kRecipients, describe(a));
                    return false;
                }
                e.envelope.recipients << a.toString();
            }
        }
    }

    r.boolean(kBody8BitMime, &e.envelope.eightBitMime);
    r.boolean(kSmtpUtf8, &e.envelope.smtpUtf8);
    r.count(kDeclaredSize, false, &e.envelope.declaredSize);

    QString state;
    if (r.string(kState, true, &state) && !stateFromName(state, &e.state)) {
        QStringList names;
        for (const StateNameEntry& s : kStateNames)
            names << QLatin1String(s.name);
        r.wrong(
            kState,
            QCoreApplication::translate("Spool::Entry", "one of %1").arg(names.join(QLatin1String(", "))));
    }

    qint64 attempts = 0;
    if (r.count(kAttempts, false, &attempts) && attempts > 1000000)
        r.wrong(kAttempts, QCoreApplication::translate("Spool::Entry", "a whole number from 0 to 1000000"));
    e.attempts = int(attempts);

    r.string(kLastError, false, &e.lastError);
    r.time(kReceived, true, &e.received);
    r.time(kUpdated, false, &e.updated);
    r.time(kNextAttempt, false, &e.nextAttempt);
    r.count(kSize, true, &e.size);
    if (json.contains(kPreviousSize))
        r.count(kPreviousSize, false, &e.previousSize);
    if (json.contains(kPreviousRecipients)) {
        const QJsonValue v = json.value(kPreviousRecipients);
        for (const QJsonValue& a : v.toArray()) {
            if (a.isString() && !a.toString().trimmed().isEmpty())
                e.previousRecipients << a.toString();
        }
        if (!v.isArray() || e.previousRecipients.size() != v.toArray().size())
            r.wrong(kPreviousRecipients,
                    QCoreApplication::translate("Spool::Entry", "a list of one or more addresses"));
    }
    r.string(kReplacingSha256, false, &e.replacingSha256);

    if (r.failed())
        return false;
    if (!e.updated.isValid())
        e.updated = e.received;
    *entry = e;
    return true;
}

} // namespace Spool
