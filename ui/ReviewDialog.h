#pragma once

#include "delivery/Decision.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;
class QTreeWidget;
class QWidget;

namespace Ui {

class RecipientModel;

// The review window for one message: who receives it (grouped by domain),
// which files go with it and what needs a second look. Send stays disabled
// until every recipient, every attachment and every required acknowledgement
// has been ticked by the person; it returns a Delivery::Decision.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    // countdownSeconds > 0: Send starts a countdown that can be undone.
    explicit ReviewDialog(const Delivery::ReviewRequest& request, int countdownSeconds = 0,
                          QWidget* parent = nullptr);
    ~ReviewDialog() override;

    // Valid once decided() was emitted; Cancel before that.
    Delivery::Decision decision() const { return m_decision; }
    bool isDecided() const { return m_decided; }
    bool canSend() const;

    // "Message 2 of 3" when more reviews wait; hidden for a single one.
    void setQueuePosition(int position, int total);
    // A short message above the recipients, e.g. that the client stopped waiting.
    void showNote(const QString& note);
    // The message is gone: show the note briefly and close without a decision.
    void withdraw(const QString& note);

    // How long withdraw() keeps the note on screen before closing.
    static constexpr int WithdrawNoteMs = 2500;

signals:
    void decided(const Delivery::Decision& decision);

public slots:
    void reject() override;
    void done(int result) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildHeader(const Delivery::ReviewRequest& request);
    QWidget* buildRecipients(const Delivery::ReviewRequest& request);
    QWidget* buildAttachments(const Delivery::ReviewRequest& request);
    QWidget* buildFindings(const Delivery::ReviewRequest& request);
    QWidget* buildButtons();
    void setupTabOrder();
    void updateState();
    void onBccToggled(bool moved);
    void updateBodyPreview();
    void onSendClicked();
    void showCancelPanel();
    void hideCancelPanel();
    void confirmCancel();
    void startCountdown();
    void stopCountdown();
    void onCountdownTick();
    void finish(const Delivery::Decision& decision);
    Delivery::Decision sendDecision() const;
    bool allTicked() const;
    int checkedAttachments() const;
    int checkedAcknowledgements() const;

    int m_countdownSeconds = 0;
    int m_remaining = 0;
    bool m_decided = false;
    bool m_withdrawn = false;
    Delivery::Decision m_decision = Delivery::Decision::cancel({});
    QStringList m_bodyLines;
    bool m_bodyTruncated = false;

    RecipientModel* m_recipientModel = nullptr;
    QLabel* m_queueLabel = nullptr;
    QLabel* m_noteLabel = nullptr;
    QLabel* m_bodyLabel = nullptr;
    QTreeView* m_recipientView = nullptr;
    QPushButton* m_checkInternalButton = nullptr;
    QTreeWidget* m_attachmentView = nullptr;
    QList<QCheckBox*> m_acknowledgements;
    // many-external-visible: the offer to move the visible external addresses to Bcc.
    QStringList m_bccCandidates;
    bool m_bccRequired = false;
    QCheckBox* m_bccCheck = nullptr;
    QCheckBox* m_bccAcknowledgement = nullptr; // its "I have checked" box, settled by taking the offer
    QWidget* m_content = nullptr;
    QWidget* m_buttonRow = nullptr;
    QLabel* m_progressLabel = nullptr;
    QPushButton* m_sendButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QWidget* m_cancelPanel = nullptr;
    QLineEdit* m_reasonEdit = nullptr;
    QPushButton* m_confirmCancelButton = nullptr;
    QPushButton* m_backButton = nullptr;
    QTimer* m_countdown = nullptr;
};

} // namespace Ui
