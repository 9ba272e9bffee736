#include "delivery/ScriptedDecisionProvider.h"

#include <QTimer>

namespace Delivery {

bool ScriptedDecisionProvider::parse(const QString& script, Decision* decision, int* delayMs, bool* wait,
                                     QString* error)
{
    *delayMs = 0;
    *wait = false;
    const QStringList parts = script.split(QLatin1Char(':'));
    const QString verb = parts.value(0).trimmed();
    bool ok = true;
    if (verb == QLatin1String("wait") && parts.size() == 1) {
        *wait = true;
        return true;
    }
    if ((verb == QLatin1String("send") || verb == QLatin1String("send-bcc")) && parts.size() <= 2) {
        *decision = Decision::send();
        // Filled per message from the addresses the review offers to move.
        if (verb == QLatin1String("send-bcc"))
            decision->toBcc = QStringList{QString()};
        if (parts.size() == 2)
            *delayMs = parts.at(1).toInt(&ok);
    } else if (verb == QLatin1String("cancel") && parts.size() >= 2) {
        int delay = parts.at(1).toInt(&ok);
        if (ok && parts.size() >= 3) {
            *delayMs = delay;
            *decision = Decision::cancel(parts.mid(2).join(QLatin1Char(':')));
        } else {
            ok = true;
            *decision = Decision::cancel(parts.mid(1).join(QLatin1Char(':')));
        }
    } else {
        ok = false;
    }
    if (!ok || *delayMs < 0) {
        *error = QStringLiteral("decision script \"%1\" is not one of: wait, send, send:MS, send-bcc, "
                                "send-bcc:MS, cancel:REASON, cancel:MS:REASON")
                     .arg(script);
        return false;
    }
    return true;
}

ScriptedDecisionProvider::ScriptedDecisionProvider(const QString& script, QObject* parent)
    : DecisionProvider(parent)
{
    QString error;
    if (!parse(script, &m_decision, &m_delayMs, &m_wait, &error))
        m_wait = true; // callers validate with parse() first; an unparsable script never sends
}

void ScriptedDecisionProvider::requestDecision(const ReviewRequest& request)
{
    if (m_wait)
        return;
    const QString id = request.id;
    Decision decision = m_decision;
    if (!decision.toBcc.isEmpty())
        decision.toBcc = request.review.bccCandidates;
    QTimer::singleShot(m_delayMs, this, [this, id, decision] {
        if (m_withdrawn.removeAll(id) > 0)
            return;
        emit decided(id, decision);
    });
}

void ScriptedDecisionProvider::withdraw(const QString& id, const QString& note)
{
    Q_UNUSED(note)
    m_withdrawn << id;
}

} // namespace Delivery
