#pragma once

#include "delivery/Decision.h"

#include <QList>
#include <QPointer>
#include <QSet>

namespace Ui {

class ReviewDialog;

// Answers review requests with ReviewDialogs, one message at a time: further
// requests wait in order and the window says "Message 2 of 3".
class DialogDecisionProvider : public Delivery::DecisionProvider
{
    Q_OBJECT
public:
    explicit DialogDecisionProvider(int countdownSeconds = 0, QObject* parent = nullptr);
    ~DialogDecisionProvider() override;

    void requestDecision(const Delivery::ReviewRequest& request) override;
    void withdraw(const QString& id, const QString& note) override;
    void clientReleased(const QString& id) override;

    // The dialog on screen, or nullptr.
    ReviewDialog* currentDialog() const { return m_current; }
    QString currentId() const { return m_currentId; }
    // Requests waiting behind the one on screen.
    int waitingCount() const { return static_cast<int>(m_queue.size()); }
    // Brings the open review window to the front, e.g. from the tray.
    void raiseCurrent();

signals:
    void reviewShown(const QString& id);
    // Emitted when the number of messages waiting for the person changes.
    void pendingChanged(int count);

private:
    void showNext();
    void onDialogFinished();
    void updatePosition();

    int m_countdownSeconds = 0;
    QList<Delivery::ReviewRequest> m_queue;
    QPointer<ReviewDialog> m_current;
    QString m_currentId;
    // Dialogs that are closing with a note after their message was withdrawn.
    QList<QPointer<ReviewDialog>> m_closing;
    QSet<QString> m_released; // ids whose client stopped waiting, for a note once shown
    int m_doneInBatch = 0;    // for "Message N of M": how many were answered since the queue was empty
};

} // namespace Ui
