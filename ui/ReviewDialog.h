#pragma once

#include "delivery/Decision.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QList>
#include <QStringList>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTimer;
class QTreeView;
class QTreeWidget;
class QWidget;

namespace Ui {

class RecipientModel;
class RecipientView;

// The review window for one message: who receives it (grouped by domain),
// which files go with it and what needs a second look. Send stays disabled
// until every recipient, every attachment and every required acknowledgement
// has been ticked by the person; it returns a Delivery::Decision.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    // countdownSeconds > 0: Send starts a countdown that can be undone with a
    // separate Undo button (Cancel is hidden meanwhile).
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
    // The message is gone: say so, that nothing was sent and what to do, and
    // keep saying it until the person closes the window (no decision).
    void withdraw(const QString& note);

    // Undo ignores clicks this long after the countdown starts: the second
    // click of a double-click on Send must not take the sending back.
    static constexpr int UndoGuardMs = 700;

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
    // Hides the internal groups (all but their flagged rows) or shows them again.
    void applyOutsideOnly(bool on);
    void onBccChosen();
    // unusual-recipient's "probably meant" on a recipient row: replace or undo.
    void toggleReplacement(const QModelIndex& index);
    void updateReplaceAction();
    void showRecipientMenu(const QPoint& position);
    void updateSummary();
    void updateBodyPreview();
    void onSendClicked();
    void onUndoClicked();
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
    int confirmationCount() const;
    bool bccChosen() const;

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
    QLabel* m_reasonsLabel = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QStringList m_reasons;
    RecipientView* m_recipientView = nullptr;
    QCheckBox* m_outsideOnly = nullptr;
    QPushButton* m_checkInternalButton = nullptr;
    QTreeWidget* m_attachmentView = nullptr;
    QList<QCheckBox*> m_acknowledgements;
    // many-external-visible: the choice between moving the visible external
    // addresses to Bcc and sending as it is. When the finding needs an
    // acknowledgement, making the choice is that acknowledgement.
    QStringList m_bccCandidates;
    bool m_bccRequired = false;
    bool m_bccChoiceRequired = false;
    QString m_bccMessage; // the finding's message, shown until the addresses are moved
    QLabel* m_bccLabel = nullptr;
    QRadioButton* m_bccMove = nullptr;
    QRadioButton* m_bccKeep = nullptr;
    // Replaces the current row's recipient by its suggestion, or undoes that (Ctrl+R, context menu).
    QAction* m_replaceAction = nullptr;
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
    QElapsedTimer m_countdownClock;
    QPushButton* m_undoButton = nullptr;
    QProgressBar* m_countdownBar = nullptr;
    QWidget* m_withdrawnRow = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace Ui
