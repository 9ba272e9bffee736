#include "ReviewDialog.h"

#include "FindingBadgeDelegate.h"
#include "RecipientModel.h"
#include "review/checks/ManyExternalVisibleCheck.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

constexpr int MaxBodyLines = 4;
constexpr int MaxAttachmentRowsShown = 5;
const auto GeometryKey = "ui/review_geometry"_L1;

QLabel* valueLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    // Subjects and names come from the message: never interpret them as rich text.
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString formatAddress(const Review::Address& address)
{
    if (address.name.isEmpty())
        return address.address;
    return u"%1 <%2>"_s.arg(address.name, address.address);
}

// A plain-text string for a QCheckBox or QPushButton, where '&' marks a mnemonic.
QString escapeMnemonic(QString text)
{
    return text.replace(QLatin1Char('&'), u"&&"_s);
}

bool isToggleKey(const QKeyEvent* key)
{
    return (key->key() == Qt::Key_Space || key->key() == Qt::Key_Select) &&
           (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

ReviewDialog::ReviewDialog(const Delivery::ReviewRequest& request, int countdownSeconds, QWidget* parent)
    : QDialog(parent), m_countdownSeconds(qMax(0, countdownSeconds))
{
    setObjectName(u"ReviewDialog"_s);
    setWindowTitle(request.review.subject.isEmpty()
                       ? tr("Review before sending")
                       : tr("Review before sending: %1").arg(request.review.subject));
    // The review answers a mail client that is waiting: it must not hide behind other windows.
    setWindowFlag(Qt::WindowStaysOnTopHint);
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);
    setSizeGripEnabled(true);

    auto* layout = new QVBoxLayout(this);

    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(u"queueLabel"_s);
    m_queueLabel->hide();
    layout->addWidget(m_queueLabel);

    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(u"noteLabel"_s);
    m_noteLabel->setTextFormat(Qt::PlainText);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setFrameShape(QFrame::StyledPanel);
    m_noteLabel->setMargin(fontMetrics().height() / 3);
    QFont noteFont = m_noteLabel->font();
    noteFont.setBold(true);
    m_noteLabel->setFont(noteFont);
    m_noteLabel->hide();
    layout->addWidget(m_noteLabel);

    m_content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildHeader(request));
    contentLayout->addWidget(buildRecipients(request), 1);
    contentLayout->addWidget(buildAttachments(request));
    contentLayout->addWidget(buildFindings(request));
    layout->addWidget(m_content, 1);

    layout->addWidget(buildButtons());

    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ReviewDialog::onCountdownTick);

    setupTabOrder();
    m_sendButton->setDefault(true);
    updateState();

    // A size from the font, so the window grows with the scaling factor; then
    // whatever size the person chose last time.
    const QFontMetrics fm = fontMetrics();
    QSize size(fm.averageCharWidth() * 130, fm.height() * 50);
    if (const QScreen* s = screen())
        size = size.boundedTo(s->availableSize() * 9 / 10);
    resize(size);
    const QByteArray geometry = QSettings().value(GeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

ReviewDialog::~ReviewDialog() = default;

QWidget* ReviewDialog::buildHeader(const Delivery::ReviewRequest& request)
{
    const Review::MessageReview& review = request.review;
    auto* header = new QWidget(this);
    auto* form = new QFormLayout(header);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    const QString account = review.account.isEmpty() ? request.account : review.account;
    if (!account.isEmpty())
        form->addRow(tr("Account:"), valueLabel(account, header));
    auto* from = valueLabel(formatAddress(review.from), header);
    from->setObjectName(u"fromLabel"_s);
    form->addRow(tr("From:"), from);
    auto* subject = valueLabel(review.subject.isEmpty() ? tr("(no subject)") : review.subject, header);
    subject->setObjectName(u"subjectLabel"_s);
    QFont subjectFont = subject->font();
    subjectFont.setBold(true);
    subject->setFont(subjectFont);
    form->addRow(tr("Subject:"), subject);

    // The first lines of the body, each cut to the width of the window.
    QString body = review.bodyStart;
    body.replace(u"\r\n"_s, u"\n"_s).replace(QLatin1Char('\t'), u"    "_s);
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed().isEmpty() ? QString() : line;
        if (m_bodyLines.isEmpty() && trimmed.isEmpty())
            continue;
        if (m_bodyLines.size() == MaxBodyLines) {
            m_bodyTruncated = m_bodyTruncated || !trimmed.isEmpty();
            continue;
        }
        m_bodyLines << trimmed;
    }
    while (!m_bodyLines.isEmpty() && m_bodyLines.constLast().isEmpty())
        m_bodyLines.removeLast();
    m_bodyLabel = new QLabel(header);
    m_bodyLabel->setObjectName(u"bodyLabel"_s);
    m_bodyLabel->setTextFormat(Qt::PlainText);
    m_bodyLabel->setFrameShape(QFrame::StyledPanel);
    m_bodyLabel->setMargin(fontMetrics().height() / 4);
    m_bodyLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Let the label shrink with the window; the lines are elided to fit.
    m_bodyLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_bodyLabel->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("Message:"), m_bodyLabel);
    updateBodyPreview();

    if (review.willSign)
        form->addRow(tr("Signature:"),
                     valueLabel(tr("The message will be signed with your certificate."), header));
    if (!request.reasons.isEmpty())
        form->addRow(tr("Why:"), valueLabel(request.reasons.join(QLatin1Char('\n')), header));
    return header;
}

QWidget* ReviewDialog::buildRecipients(const Delivery::ReviewRequest& request)
{
    const Review::MessageReview& review = request.review;
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_recipientModel = new RecipientModel(this);
    m_recipientModel->setRecipients(review.recipients, review.findings);

    auto* titleRow = new QHBoxLayout;
    auto* title = new QLabel(tr("&Recipients (%1):").arg(review.recipients.size()), box);
    titleRow->addWidget(title, 1);
    m_checkInternalButton = new QPushButton(tr("Check all &internal"), box);
    m_checkInternalButton->setObjectName(u"checkInternalButton"_s);
    m_checkInternalButton->setToolTip(tr("Ticks every recipient inside your organisation. "
                                         "External recipients must be ticked one by one."));
    m_checkInternalButton->setAutoDefault(false);
    titleRow->addWidget(m_checkInternalButton);
    layout->addLayout(titleRow);

    m_recipientView = new QTreeView(box);
    m_recipientView->setObjectName(u"recipientView"_s);
    m_recipientView->setModel(m_recipientModel);
    m_recipientView->setUniformRowHeights(true);
    m_recipientView->setAllColumnsShowFocus(true);
    m_recipientView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipientView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recipientView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One delegate for all columns: badges in the findings column, and the same
    // row height everywhere (uniform rows are what keeps 1,000 recipients fast).
    m_recipientView->setItemDelegate(new FindingBadgeDelegate(m_recipientView));
    m_recipientView->setMinimumHeight(fontMetrics().height() * 10);
    m_recipientView->installEventFilter(this);
    title->setBuddy(m_recipientView);
    m_recipientView->expandAll();
    const QModelIndex root;
    for (int row = 0; row < m_recipientModel->rowCount(); ++row)
        m_recipientView->setFirstColumnSpanned(row, root, true);
    // Column widths from the font rather than from 1,000 rows of content.
    const QFontMetrics fm = fontMetrics();
    QHeaderView* header = m_recipientView->header();
    header->setStretchLastSection(true);
    m_recipientView->setColumnWidth(RecipientModel::NameColumn, fm.averageCharWidth() * 26);
    // Wide enough for the longest field text in this language, "宛先 → Bcc" included.
    int fieldWidth = fm.horizontalAdvance(
        m_recipientModel->headerData(RecipientModel::FieldColumn, Qt::Horizontal).toString());
    for (Review::Field field : {Review::Field::To, Review::Field::Cc, Review::Field::Bcc}) {
        for (bool moved : {false, true})
            fieldWidth = qMax(fieldWidth, fm.horizontalAdvance(RecipientModel::fieldText(field, moved)));
    }
    m_recipientView->setColumnWidth(RecipientModel::FieldColumn, fieldWidth + fm.averageCharWidth() * 3);
    m_recipientView->setColumnWidth(RecipientModel::AddressColumn, fm.averageCharWidth() * 34);
    // A current row for the keyboard, without a selection highlight that could read as "ticked".
    if (m_recipientModel->rowCount() > 0)
        m_recipientView->selectionModel()->setCurrentIndex(m_recipientModel->index(0, 0),
                                                           QItemSelectionModel::NoUpdate);
    layout->addWidget(m_recipientView, 1);

    if (!review.notReceiving.isEmpty()) {
        QStringList names;
        for (const Review::Address& a : review.notReceiving)
            names << formatAddress(a);
        auto* label =
            valueLabel(tr("Named in the message but will not receive it: %1").arg(names.join(u", "_s)), box);
        label->setObjectName(u"notReceivingLabel"_s);
        layout->addWidget(label);
    }

    connect(m_recipientModel, &RecipientModel::checkedCountChanged, this, &ReviewDialog::updateState);
    connect(m_checkInternalButton, &QPushButton::clicked, m_recipientModel,
            &RecipientModel::checkAllInternal);
    return box;
}

QWidget* ReviewDialog::buildAttachments(const Delivery::ReviewRequest& request)
{
    const Review::MessageReview& review = request.review;
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_attachmentView = new QTreeWidget(box);
    m_attachmentView->setObjectName(u"attachmentView"_s);
    if (review.attachments.isEmpty()) {
        layout->addWidget(new QLabel(tr("No attachments."), box));
        m_attachmentView->hide();
        return box;
    }

    auto* title = new QLabel(tr("A&ttachments (%1):").arg(review.attachments.size()), box);
    title->setBuddy(m_attachmentView);
    layout->addWidget(title);

    m_attachmentView->setColumnCount(3);
    m_attachmentView->setHeaderLabels({tr("Name"), tr("Size"), tr("Findings")});
    m_attachmentView->setRootIsDecorated(false);
    m_attachmentView->setUniformRowHeights(true);
    m_attachmentView->setAllColumnsShowFocus(true);
    m_attachmentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attachmentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attachmentView->installEventFilter(this);
    const QLocale locale;
    for (const Review::Attachment& a : review.attachments) {
        auto* item = new QTreeWidgetItem(m_attachmentView);
        item->setText(0, a.isInline ? tr("%1 (inline)").arg(a.filename) : a.filename);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemNeverHasChildren);
        item->setCheckState(0, Qt::Unchecked);
        item->setText(1, locale.formattedDataSize(a.size, 1, QLocale::DataSizeTraditionalFormat));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QStringList messages;
        for (const Review::Finding& f : review.findings) {
            if (f.attachments.contains(a.filename))
                messages << f.message;
        }
        item->setText(2, messages.join(u" "_s));
        item->setToolTip(2, messages.join(QLatin1Char('\n')));
        item->setToolTip(0,
                         a.contentType.isEmpty() ? a.filename : u"%1 (%2)"_s.arg(a.filename, a.contentType));
    }
    const QFontMetrics fm = fontMetrics();
    m_attachmentView->setColumnWidth(0, fm.averageCharWidth() * 40);
    m_attachmentView->setColumnWidth(1, fm.averageCharWidth() * 12);
    m_attachmentView->selectionModel()->setCurrentIndex(m_attachmentView->model()->index(0, 0),
                                                        QItemSelectionModel::NoUpdate);
    const int rows = qMin(static_cast<int>(review.attachments.size()), MaxAttachmentRowsShown);
    const int rowHeight = qMax(m_attachmentView->sizeHintForRow(0), fm.height());
    m_attachmentView->setFixedHeight(m_attachmentView->header()->sizeHint().height() + rows * rowHeight +
                                     2 * m_attachmentView->frameWidth() + fm.height() / 2);
    layout->addWidget(m_attachmentView);
    connect(m_attachmentView, &QTreeWidget::itemChanged, this, &ReviewDialog::updateState);
    return box;
}

QWidget* ReviewDialog::buildFindings(const Delivery::ReviewRequest& request)
{
    const Review::MessageReview& review = request.review;
    auto* box = new QGroupBox(tr("Please check"), this);
    box->setObjectName(u"findingsBox"_s);
    auto* layout = new QVBoxLayout(box);
    // Findings that a recipient row already shows as a badge are not repeated here.
    QSet<QString> onRecipients;
    for (const Review::Recipient& r : review.recipients) {
        for (const QString& code : r.findingCodes)
            onRecipients.insert(code);
    }
    int shown = 0;
    m_bccCandidates = review.bccCandidates;
    m_bccRequired = review.bccRequired && !m_bccCandidates.isEmpty();
    const auto addBccOffer = [&] {
        const int n = int(m_bccCandidates.size());
        if (m_bccRequired) {
            auto* label =
                valueLabel(tr("The %n external address(es) in To and Cc will be sent as Bcc, as your "
                              "organisation requires: the recipients will not see each other.",
                              nullptr, n),
                           box);
            label->setObjectName(u"bccRequiredLabel"_s);
            layout->addWidget(label);
        } else {
            m_bccCheck = new QCheckBox(
                tr("&Keep addresses private: move the %n external address(es) from To and Cc to Bcc", nullptr,
                   n),
                box);
            m_bccCheck->setObjectName(u"bccCheck"_s);
            m_bccCheck->setToolTip(tr("Everyone still receives the message, but no recipient sees the other "
                                      "external addresses. Your own organisation's addresses stay visible."));
            connect(m_bccCheck, &QCheckBox::toggled, this, &ReviewDialog::onBccToggled);
            layout->addWidget(m_bccCheck);
        }
        ++shown;
    };
    bool bccOffered = m_bccCandidates.isEmpty();
    for (const Review::Finding& f : review.findings) {
        const bool aboutBcc =
            f.code == Review::ManyExternalVisibleCheck::info().code && !m_bccCandidates.isEmpty();
        if (f.needsAcknowledgement) {
            auto* check = new QCheckBox(tr("I have checked: %1").arg(escapeMnemonic(f.message)), box);
            check->setObjectName(u"acknowledgement_%1"_s.arg(m_acknowledgements.size()));
            check->setToolTip(f.message);
            connect(check, &QCheckBox::toggled, this, &ReviewDialog::updateState);
            m_acknowledgements << check;
            layout->addWidget(check);
            ++shown;
            if (aboutBcc) {
                m_bccAcknowledgement = check;
                addBccOffer();
                bccOffered = true;
            }
        } else if (aboutBcc) {
            auto* label = valueLabel(u"• "_s + f.message, box);
            label->setTextInteractionFlags(Qt::NoTextInteraction);
            layout->addWidget(label);
            addBccOffer();
            bccOffered = true;
        } else if (f.recipients.isEmpty() && f.attachments.isEmpty() && !onRecipients.contains(f.code)) {
            // About the whole message (a keyword, personal data): shown once here,
            // since no recipient or attachment row carries it.
            auto* label = valueLabel(u"• "_s + f.message, box);
            label->setTextInteractionFlags(Qt::NoTextInteraction);
            layout->addWidget(label);
            ++shown;
        }
    }
    if (!bccOffered)
        addBccOffer();
    if (m_bccRequired)
        m_recipientModel->setMovedToBcc(m_bccCandidates, true);
    if (shown == 0)
        box->hide();
    return box;
}

QWidget* ReviewDialog::buildButtons()
{
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);

    m_cancelPanel = new QWidget(bottom);
    m_cancelPanel->setObjectName(u"cancelPanel"_s);
    auto* panelLayout = new QHBoxLayout(m_cancelPanel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    auto* reasonLabel = new QLabel(tr("&Reason (optional):"), m_cancelPanel);
    m_reasonEdit = new QLineEdit(m_cancelPanel);
    m_reasonEdit->setObjectName(u"cancelReasonEdit"_s);
    m_reasonEdit->setPlaceholderText(tr("Why is this message not sent?"));
    m_reasonEdit->setClearButtonEnabled(true);
    reasonLabel->setBuddy(m_reasonEdit);
    m_confirmCancelButton = new QPushButton(tr("Cancel &message"), m_cancelPanel);
    m_confirmCancelButton->setObjectName(u"confirmCancelButton"_s);
    m_backButton = new QPushButton(tr("&Back to review"), m_cancelPanel);
    m_backButton->setObjectName(u"backButton"_s);
    panelLayout->addWidget(reasonLabel);
    panelLayout->addWidget(m_reasonEdit, 1);
    panelLayout->addWidget(m_confirmCancelButton);
    panelLayout->addWidget(m_backButton);
    m_cancelPanel->hide();
    bottomLayout->addWidget(m_cancelPanel);

    m_buttonRow = new QWidget(bottom);
    auto* row = new QHBoxLayout(m_buttonRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel(m_buttonRow);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progressLabel->setWordWrap(true);
    row->addWidget(m_progressLabel, 1);
    m_cancelButton = new QPushButton(tr("&Cancel"), m_buttonRow);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_sendButton = new QPushButton(tr("&Send"), m_buttonRow);
    m_sendButton->setObjectName(u"sendButton"_s);
    row->addWidget(m_cancelButton);
    row->addWidget(m_sendButton);
    bottomLayout->addWidget(m_buttonRow);

    connect(m_sendButton, &QPushButton::clicked, this, &ReviewDialog::onSendClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        stopCountdown();
        showCancelPanel();
    });
    connect(m_confirmCancelButton, &QPushButton::clicked, this, &ReviewDialog::confirmCancel);
    connect(m_backButton, &QPushButton::clicked, this, &ReviewDialog::hideCancelPanel);
    return bottom;
}

void ReviewDialog::setupTabOrder()
{
    QList<QWidget*> chain{m_checkInternalButton, m_recipientView};
    if (m_attachmentView->isVisibleTo(this))
        chain << m_attachmentView;
    for (QCheckBox* check : std::as_const(m_acknowledgements)) {
        chain << check;
        if (check == m_bccAcknowledgement && m_bccCheck)
            chain << m_bccCheck;
    }
    if (m_bccCheck && !m_bccAcknowledgement)
        chain << m_bccCheck;
    chain << m_reasonEdit << m_confirmCancelButton << m_backButton << m_cancelButton << m_sendButton;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

int ReviewDialog::checkedAttachments() const
{
    int n = 0;
    for (int i = 0; i < m_attachmentView->topLevelItemCount(); ++i) {
        if (m_attachmentView->topLevelItem(i)->checkState(0) == Qt::Checked)
            ++n;
    }
    return n;
}

int ReviewDialog::checkedAcknowledgements() const
{
    return static_cast<int>(std::count_if(m_acknowledgements.cbegin(), m_acknowledgements.cend(),
                                          [](const QCheckBox* c) { return c->isChecked(); }));
}

bool ReviewDialog::canSend() const
{
    return !m_decided && !m_withdrawn && allTicked();
}

bool ReviewDialog::allTicked() const
{
    return m_recipientModel->allChecked() && checkedAttachments() == m_attachmentView->topLevelItemCount() &&
           checkedAcknowledgements() == m_acknowledgements.size();
}

void ReviewDialog::updateState()
{
    if (!m_countdown)
        return;
    if (m_countdown->isActive()) {
        // The window stays readable during the countdown; unticking anything stops it.
        if (!allTicked())
            stopCountdown();
        return;
    }
    m_sendButton->setEnabled(canSend());
    if (allTicked()) {
        m_progressLabel->setText(tr("Everything is ticked."));
        return;
    }
    QStringList parts;
    parts << tr("Recipients ticked: %1 of %2")
                 .arg(m_recipientModel->checkedCount())
                 .arg(m_recipientModel->recipientCount());
    if (m_attachmentView->topLevelItemCount() > 0)
        parts << tr("attachments: %1 of %2")
                     .arg(checkedAttachments())
                     .arg(m_attachmentView->topLevelItemCount());
    if (!m_acknowledgements.isEmpty())
        parts << tr("confirmations: %1 of %2").arg(checkedAcknowledgements()).arg(m_acknowledgements.size());
    m_progressLabel->setText(parts.join(tr(", ")));
}

void ReviewDialog::onBccToggled(bool moved)
{
    m_recipientModel->setMovedToBcc(m_bccCandidates, moved);
    // Hiding the addresses settles what the warning was about; its own tick
    // is given for the person, and taken back when the offer is undone.
    if (m_bccAcknowledgement) {
        m_bccAcknowledgement->setChecked(moved);
        m_bccAcknowledgement->setEnabled(!moved);
    }
    updateState();
}

void ReviewDialog::updateBodyPreview()
{
    if (!m_bodyLabel)
        return;
    if (m_bodyLines.isEmpty()) {
        m_bodyLabel->setText(tr("(no text)"));
        return;
    }
    const QFontMetrics fm = m_bodyLabel->fontMetrics();
    const int width =
        qMax(m_bodyLabel->contentsRect().width() - 2 * m_bodyLabel->margin(), fm.averageCharWidth() * 10);
    QStringList shown;
    for (qsizetype i = 0; i < m_bodyLines.size(); ++i) {
        QString line = m_bodyLines.at(i);
        if (m_bodyTruncated && i == m_bodyLines.size() - 1)
            line += u"…"_s;
        shown << fm.elidedText(line, Qt::ElideRight, width);
    }
    m_bodyLabel->setText(shown.join(QLatin1Char('\n')));
}

void ReviewDialog::setQueuePosition(int position, int total)
{
    m_queueLabel->setText(tr("Message %1 of %2").arg(position).arg(total));
    m_queueLabel->setVisible(total > 1);
}

void ReviewDialog::showNote(const QString& note)
{
    m_noteLabel->setText(note);
    m_noteLabel->show();
}

void ReviewDialog::withdraw(const QString& note)
{
    if (m_decided || m_withdrawn)
        return;
    m_withdrawn = true;
    m_countdown->stop();
    m_content->setEnabled(false);
    m_cancelPanel->hide();
    m_buttonRow->hide();
    showNote(note.isEmpty() ? tr("This message was withdrawn by the mail client.") : note);
    if (!isVisible()) {
        done(QDialog::Rejected);
        return;
    }
    // Non-blocking: the note stays a moment so the person sees why the window goes away.
    QTimer::singleShot(WithdrawNoteMs, this, [this] { done(QDialog::Rejected); });
}

void ReviewDialog::onSendClicked()
{
    if (m_countdown->isActive()) {
        stopCountdown(); // the button reads "Undo" while counting down
        return;
    }
    if (!canSend())
        return;
    if (m_countdownSeconds > 0)
        startCountdown();
    else
        finish(sendDecision());
}

Delivery::Decision ReviewDialog::sendDecision() const
{
    return Delivery::Decision::send(m_bccCheck && m_bccCheck->isChecked() ? m_bccCandidates : QStringList());
}

void ReviewDialog::startCountdown()
{
    m_remaining = m_countdownSeconds;
    m_sendButton->setText(tr("Sending in %1 s — &Undo").arg(m_remaining));
    m_sendButton->setEnabled(true);
    m_progressLabel->setText(tr("Press Undo or Esc to go back."));
    m_sendButton->setFocus();
    m_countdown->start();
}

void ReviewDialog::stopCountdown()
{
    if (!m_countdown->isActive())
        return;
    m_countdown->stop();
    m_sendButton->setText(tr("&Send"));
    updateState();
}

void ReviewDialog::onCountdownTick()
{
    --m_remaining;
    if (m_remaining <= 0) {
        m_countdown->stop();
        finish(sendDecision());
        return;
    }
    m_sendButton->setText(tr("Sending in %1 s — &Undo").arg(m_remaining));
}

void ReviewDialog::showCancelPanel()
{
    if (m_decided || m_withdrawn)
        return;
    m_buttonRow->hide();
    m_cancelPanel->show();
    m_confirmCancelButton->setDefault(true);
    m_reasonEdit->setFocus();
}

void ReviewDialog::hideCancelPanel()
{
    m_cancelPanel->hide();
    m_buttonRow->show();
    m_sendButton->setDefault(true);
    m_recipientView->setFocus();
}

void ReviewDialog::confirmCancel()
{
    const QString reason = m_reasonEdit->text().trimmed();
    finish(Delivery::Decision::cancel(reason.isEmpty() ? tr("Cancelled at review") : reason));
}

void ReviewDialog::reject()
{
    // Esc and the window's close button: never a silent decision.
    if (m_withdrawn || m_decided) {
        done(QDialog::Rejected);
    } else if (m_countdown->isActive()) {
        stopCountdown();
    } else if (m_cancelPanel->isVisible()) {
        confirmCancel();
    } else {
        showCancelPanel();
    }
}

void ReviewDialog::finish(const Delivery::Decision& decision)
{
    if (m_decided || m_withdrawn)
        return;
    m_decided = true;
    m_decision = decision;
    m_countdown->stop();
    const QPointer<ReviewDialog> self(this);
    emit decided(decision);
    if (self)
        done(decision.kind == Delivery::Decision::Kind::Send ? QDialog::Accepted : QDialog::Rejected);
}

void ReviewDialog::done(int result)
{
    QSettings().setValue(GeometryKey, saveGeometry());
    QDialog::done(result);
}

bool ReviewDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && isToggleKey(static_cast<QKeyEvent*>(event))) {
        // Space ticks the current row whichever column has the focus frame.
        if (watched == m_recipientView) {
            const QModelIndex current = m_recipientView->currentIndex();
            if (current.isValid()) {
                const QModelIndex check = current.siblingAtColumn(RecipientModel::NameColumn);
                const bool checked = check.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
                m_recipientModel->setData(check, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
            }
            return true;
        }
        if (watched == m_attachmentView) {
            if (QTreeWidgetItem* item = m_attachmentView->currentItem())
                item->setCheckState(0, item->checkState(0) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ReviewDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    raise();
    activateWindow();
    if (!m_cancelPanel->isVisible() && !m_countdown->isActive())
        m_recipientView->setFocus(Qt::ActiveWindowFocusReason);
    updateBodyPreview();
}

void ReviewDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    updateBodyPreview();
}

} // namespace Ui
