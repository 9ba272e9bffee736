#include "DialogDecisionProvider.h"

#include "ReviewDialog.h"

namespace Ui {

namespace {

QString releasedNote()
{
    return DialogDecisionProvider::tr(
        "The mail client stopped waiting; the message waits here until you decide.");
}

} // namespace

DialogDecisionProvider::DialogDecisionProvider(int countdownSeconds, QObject* parent)
    : Delivery::DecisionProvider(parent), m_countdownSeconds(countdownSeconds)
{}

DialogDecisionProvider::~DialogDecisionProvider()
{
    // The dialogs are top-level windows without a parent: they are ours to delete.
    delete m_current.data();
    for (const QPointer<ReviewDialog>& dialog : std::as_const(m_closing))
        delete dialog.data();
}

void DialogDecisionProvider::requestDecision(const Delivery::ReviewRequest& request)
{
    if (request.id == m_currentId && m_current)
        return;
    for (const Delivery::ReviewRequest& queued : std::as_const(m_queue)) {
        if (queued.id == request.id)
            return;
    }
    m_queue.append(request);
    if (!m_current)
        showNext();
    else
        updatePosition();
    emit pendingChanged(static_cast<int>(m_queue.size()) + (m_current ? 1 : 0));
}

void DialogDecisionProvider::withdraw(const QString& id, const QString& note)
{
    m_released.remove(id);
    if (m_current && id == m_currentId) {
        ReviewDialog* dialog = m_current;
        m_current = nullptr;
        m_currentId.clear();
        // The closing dialog no longer counts; the next one may open at once.
        disconnect(dialog, nullptr, this, nullptr);
        m_closing << dialog;
        connect(dialog, &QDialog::finished, this, [this, dialog] {
            m_closing.removeAll(dialog);
            dialog->deleteLater();
        });
        dialog->withdraw(note);
        ++m_doneInBatch;
        showNext();
    } else {
        m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                                     [&id](const Delivery::ReviewRequest& r) { return r.id == id; }),
                      m_queue.end());
        updatePosition();
    }
    emit pendingChanged(static_cast<int>(m_queue.size()) + (m_current ? 1 : 0));
}

void DialogDecisionProvider::clientReleased(const QString& id)
{
    if (m_current && id == m_currentId)
        m_current->showNote(releasedNote());
    else
        m_released.insert(id);
}

void DialogDecisionProvider::raiseCurrent()
{
    if (!m_current)
        return;
    m_current->show();
    m_current->raise();
    m_current->activateWindow();
}

void DialogDecisionProvider::showNext()
{
    if (m_queue.isEmpty()) {
        m_doneInBatch = 0;
        return;
    }
    const Delivery::ReviewRequest request = m_queue.takeFirst();
    auto* dialog = new ReviewDialog(request, m_countdownSeconds);
    m_current = dialog;
    m_currentId = request.id;
    if (m_released.remove(request.id))
        dialog->showNote(releasedNote());
    connect(dialog, &ReviewDialog::decided, this,
            [this, id = request.id](const Delivery::Decision& decision) { emit decided(id, decision); });
    connect(dialog, &QDialog::finished, this, &DialogDecisionProvider::onDialogFinished);
    updatePosition();
    dialog->show();
    emit reviewShown(request.id);
}

void DialogDecisionProvider::onDialogFinished()
{
    ReviewDialog* dialog = m_current;
    if (!dialog)
        return;
    m_current = nullptr;
    m_currentId.clear();
    dialog->deleteLater();
    ++m_doneInBatch;
    showNext();
    emit pendingChanged(static_cast<int>(m_queue.size()) + (m_current ? 1 : 0));
}

void DialogDecisionProvider::updatePosition()
{
    if (m_current)
        m_current->setQueuePosition(m_doneInBatch + 1, m_doneInBatch + 1 + static_cast<int>(m_queue.size()));
}

} // namespace Ui
