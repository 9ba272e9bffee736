#pragma once

#include "delivery/Decision.h"

namespace Delivery {

// Answers every review the same way, for tests and for running without a
// person. The script is one of:
//   wait                      never answer (the message waits in the queue)
//   send | send:MS            confirm, at once or after MS milliseconds
//   send-bcc | send-bcc:MS    confirm and take the offer to move visible
//                             external addresses to Bcc (when it is made)
//   cancel:REASON | cancel:MS:REASON   cancel with REASON
class ScriptedDecisionProvider : public DecisionProvider
{
    Q_OBJECT
public:
    // false with error when the script does not parse.
    static bool parse(const QString& script, Decision* decision, int* delayMs, bool* wait, QString* error);

    ScriptedDecisionProvider(const QString& script, QObject* parent = nullptr);
    void requestDecision(const ReviewRequest& request) override;
    void withdraw(const QString& id, const QString& note) override;

private:
    Decision m_decision;
    int m_delayMs = 0;
    bool m_wait = true;
    QStringList m_withdrawn;
};

} // namespace Delivery
