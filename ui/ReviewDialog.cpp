#include "ReviewDialog.h"

#include "FindingBadgeDelegate.h"
#include "RecipientModel.h"
#include "RecipientView.h"
#include "WindowSize.h"
#include "review/checks/ManyExternalVisibleCheck.h"

#include <QAction>
#include <QButtonGroup>
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
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
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
    // On a small screen (or at 200 %) the window opens within it and what does
    // not fit scrolls; the buttons below stay in view.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(u"contentScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_content);
    layout->addWidget(scroll, 1);

    layout->addWidget(buildButtons());

    m_countdown = new QTimer(this);
    m_countdown->setInterval(100); // smooth progress; the time itself comes from m_countdownClock
    connect(m_countdown, &QTimer::timeout, this, &ReviewDialog::onCountdownTick);

    setupTabOrder();
    m_sendButton->setDefault(true);
    updateState();

    // A size from the font, so the window grows with the scaling factor; then
    // whatever size the person chose last time.
    // Widths in Latin letters: a Japanese font's average character is full-width.
    resizeWithinScreen(this, QSize(latinCharWidth(this) * 130, fontMetrics().height() * 50));
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
    m_reasons = request.reasons;
    if (!request.reasons.isEmpty()) {
        m_reasonsLabel = valueLabel(request.reasons.join(QLatin1Char('\n')), header);
        m_reasonsLabel->setObjectName(u"reasonsLabel"_s);
        form->addRow(tr("Why:"), m_reasonsLabel);
    }
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
    const int external = m_recipientModel->externalCount();
    auto* title = new QLabel(
        external > 0
            ? tr("&Recipients (%1, %2 external):").arg(m_recipientModel->recipientCount()).arg(external)
            : tr("&Recipients (%1):").arg(m_recipientModel->recipientCount()),
        box);
    title->setObjectName(u"recipientsTitle"_s);
    titleRow->addWidget(title, 1);
    m_outsideOnly = new QCheckBox(tr("&Outside recipients only"), box);
    m_outsideOnly->setObjectName(u"outsideOnlyCheck"_s);
    m_outsideOnly->setToolTip(
        tr("Hides the recipients inside your organisation. Flagged ones stay in view, "
           "and hidden ones keep their ticks: Send still needs every recipient ticked."));
    // Only a choice when there is something on both sides.
    m_outsideOnly->setVisible(external > 0 && external < m_recipientModel->recipientCount());
    titleRow->addWidget(m_outsideOnly);
    m_checkInternalButton = new QPushButton(tr("Check all &internal"), box);
    m_checkInternalButton->setObjectName(u"checkInternalButton"_s);
    m_checkInternalButton->setToolTip(tr("Ticks every recipient inside your organisation. "
                                         "External recipients must be ticked one by one."));
    m_checkInternalButton->setAutoDefault(false);
    titleRow->addWidget(m_checkInternalButton);
    layout->addLayout(titleRow);

    m_summaryLabel = new QLabel(box);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    QFont summaryFont = m_summaryLabel->font();
    summaryFont.setBold(true);
    m_summaryLabel->setFont(summaryFont);
    layout->addWidget(m_summaryLabel);
    updateSummary();

    m_recipientView = new RecipientView(box);
    m_recipientView->setObjectName(u"recipientView"_s);
    m_recipientView->setModel(m_recipientModel);
    // Uniform rows keep 1,000 recipients fast; a row with a suggestion is two lines high.
    m_recipientView->setUniformRowHeights(!m_recipientModel->hasSuggestions());
    m_recipientView->setAllColumnsShowFocus(true);
    m_recipientView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipientView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recipientView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One delegate for all columns: badges in the findings column, and the same
    // row height everywhere (uniform rows are what keeps 1,000 recipients fast).
    auto* delegate = new FindingBadgeDelegate(m_recipientView);
    m_recipientView->setItemDelegate(delegate);
    connect(delegate, &FindingBadgeDelegate::suggestionClicked, this, &ReviewDialog::toggleReplacement);
    // "Probably meant": the row's button for the mouse; Ctrl+R and the context menu
    // for the keyboard, on the current row.
    m_replaceAction = new QAction(m_recipientView);
    m_replaceAction->setObjectName(u"replaceAction"_s);
    m_replaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_replaceAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_recipientView->addAction(m_replaceAction);
    connect(m_replaceAction, &QAction::triggered, this,
            [this] { toggleReplacement(m_recipientView->currentIndex()); });
    m_recipientView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_recipientView, &QWidget::customContextMenuRequested, this, &ReviewDialog::showRecipientMenu);
    m_recipientView->setMinimumHeight(fontMetrics().height() * 6);
    m_recipientView->installEventFilter(this);
    title->setBuddy(m_recipientView);
    m_recipientView->expandAll();
    const QModelIndex root;
    for (int row = 0; row < m_recipientModel->rowCount(); ++row) {
        m_recipientView->setFirstColumnSpanned(row, root, true);
        // A large message: each internal group is one summary row, unless a
        // recipient in it needs attention.
        const QModelIndex group = m_recipientModel->index(row, 0);
        if (m_recipientModel->summarisesInternal() && group.data(RecipientModel::InternalRole).toBool() &&
            !group.data(RecipientModel::FlaggedRole).toBool())
            m_recipientView->collapse(group);
    }
    // Column widths from the font rather than from 1,000 rows of content.
    const QFontMetrics fm = fontMetrics();
    QHeaderView* header = m_recipientView->header();
    header->setStretchLastSection(true);
    // Outside recipients' names share the column with their marker: room for both.
    const int markerWidth = external > 0 ? fm.horizontalAdvance(RecipientModel::outsideMarker()) +
                                               fm.height() * 2 / 3 + fm.height() / 2
                                         : 0;
    m_recipientView->setColumnWidth(RecipientModel::NameColumn, latinCharWidth(this) * 26 + markerWidth);
    // Wide enough for the longest field text in this language, "宛先 → Bcc" included.
    int fieldWidth = fm.horizontalAdvance(
        m_recipientModel->headerData(RecipientModel::FieldColumn, Qt::Horizontal).toString());
    for (Review::Field field : {Review::Field::To, Review::Field::Cc, Review::Field::Bcc}) {
        for (bool moved : {false, true})
            fieldWidth = qMax(fieldWidth, fm.horizontalAdvance(RecipientModel::fieldText(field, moved)));
    }
    m_recipientView->setColumnWidth(RecipientModel::FieldColumn, fieldWidth + latinCharWidth(this) * 3);
    m_recipientView->setColumnWidth(RecipientModel::AddressColumn, latinCharWidth(this) * 34);
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
    connect(m_recipientModel, &RecipientModel::flaggedCountChanged, this, &ReviewDialog::updateSummary);
    connect(m_recipientView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReviewDialog::updateReplaceAction);
    updateReplaceAction();
    connect(m_outsideOnly, &QCheckBox::toggled, this, &ReviewDialog::applyOutsideOnly);
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
    m_attachmentView->setColumnWidth(0, latinCharWidth(this) * 40);
    m_attachmentView->setColumnWidth(1, latinCharWidth(this) * 12);
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
    // Findings that a recipient row already shows as a badge are not repeated
    // here: a flagged recipient is acknowledged by ticking its own row.
    QSet<QString> onRecipients;
    for (const Review::Recipient& r : review.recipients) {
        for (const QString& code : r.findingCodes)
            onRecipients.insert(code);
    }
    const auto addMessage = [&](const QString& message) {
        auto* label = valueLabel(message, box);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        layout->addWidget(label);
        return label;
    };
    int shown = 0;
    m_bccCandidates = review.bccCandidates;
    m_bccRequired = review.bccRequired && !m_bccCandidates.isEmpty();
    const auto addBccOffer = [&](const QString& message, bool needsChoice) {
        const int n = int(m_bccCandidates.size());
        if (m_bccRequired) {
            auto* label =
                valueLabel(tr("The %n external address(es) in To and Cc will be sent as Bcc, as your "
                              "organisation requires: the recipients will not see each other.",
                              nullptr, n),
                           box);
            label->setObjectName(u"bccRequiredLabel"_s);
            layout->addWidget(label);
            ++shown;
            return;
        }
        // An either/or choice: two radio buttons. When the warning needs an
        // acknowledgement, neither is preselected and choosing is the acknowledgement.
        m_bccMessage =
            message.isEmpty()
                ? tr("%n external address(es) in To and Cc can be seen by every recipient.", nullptr, n)
                : message;
        m_bccLabel = addMessage(m_bccMessage);
        m_bccLabel->setObjectName(u"bccMessageLabel"_s);
        m_bccChoiceRequired = needsChoice;
        auto* choice = new QWidget(box);
        choice->setObjectName(u"bccChoice"_s);
        auto* choiceLayout = new QVBoxLayout(choice);
        choiceLayout->setContentsMargins(latinCharWidth(this) * 2, 0, 0, 0);
        m_bccMove = new QRadioButton(tr("Mo&ve to Bcc (recommended)"), choice);
        m_bccMove->setObjectName(u"bccMove"_s);
        m_bccMove->setToolTip(tr("Everyone still receives the message, but no recipient sees the other "
                                 "external addresses. Your own organisation's addresses stay visible."));
        m_bccKeep = new QRadioButton(tr("Send &as it is"), choice);
        m_bccKeep->setObjectName(u"bccKeep"_s);
        m_bccKeep->setToolTip(tr("Every recipient sees all the addresses in To and Cc."));
        auto* group = new QButtonGroup(choice);
        group->addButton(m_bccMove);
        group->addButton(m_bccKeep);
        if (!needsChoice)
            m_bccKeep->setChecked(true); // nothing to confirm: as written unless the person moves them
        choiceLayout->addWidget(m_bccMove);
        choiceLayout->addWidget(m_bccKeep);
        layout->addWidget(choice);
        connect(m_bccMove, &QRadioButton::toggled, this, &ReviewDialog::onBccChosen);
        connect(m_bccKeep, &QRadioButton::toggled, this, &ReviewDialog::onBccChosen);
        ++shown;
    };
    bool bccOffered = m_bccCandidates.isEmpty();
    for (const Review::Finding& f : review.findings) {
        const bool aboutBcc =
            f.code == Review::ManyExternalVisibleCheck::info().code && !m_bccCandidates.isEmpty();
        const bool onARow = !f.recipients.isEmpty() && onRecipients.contains(f.code);
        if (aboutBcc) {
            if (!bccOffered)
                addBccOffer(f.message, f.needsAcknowledgement);
            bccOffered = true;
        } else if (onARow && RecipientModel::flagsRecipient(f)) {
            continue; // acknowledged on its recipient's row
        } else if (f.needsAcknowledgement) {
            // About the whole message: its own tick, the reason wrapped beside it.
            auto* row = new QWidget(box);
            auto* rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            auto* check = new QCheckBox(tr("I have checked:"), row);
            check->setObjectName(u"acknowledgement_%1"_s.arg(m_acknowledgements.size()));
            check->setToolTip(f.message);
            check->setAccessibleDescription(f.message);
            auto* label = valueLabel(f.message, row);
            label->setTextInteractionFlags(Qt::NoTextInteraction);
            rowLayout->addWidget(check, 0, Qt::AlignTop);
            rowLayout->addWidget(label, 1);
            connect(check, &QCheckBox::toggled, this, &ReviewDialog::updateState);
            m_acknowledgements << check;
            layout->addWidget(row);
            ++shown;
        } else if (f.recipients.isEmpty() && f.attachments.isEmpty() && !onRecipients.contains(f.code)) {
            // About the whole message (a keyword, personal data): shown once here,
            // since no recipient or attachment row carries it.
            addMessage(u"• "_s + f.message);
            ++shown;
        }
    }
    if (!bccOffered)
        addBccOffer({}, false);
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
    auto* reasonLabel = new QLabel(tr("Reaso&n (optional):"), m_cancelPanel);
    m_reasonEdit = new QLineEdit(m_cancelPanel);
    m_reasonEdit->setObjectName(u"cancelReasonEdit"_s);
    m_reasonEdit->setPlaceholderText(tr("Why is this message not sent?"));
    m_reasonEdit->setClearButtonEnabled(true);
    reasonLabel->setBuddy(m_reasonEdit);
    m_confirmCancelButton = new QPushButton(tr("Cancel &sending"), m_cancelPanel);
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
    m_countdownBar = new QProgressBar(m_buttonRow);
    m_countdownBar->setObjectName(u"countdownBar"_s);
    m_countdownBar->setTextVisible(false);
    m_countdownBar->setMaximumWidth(latinCharWidth(this) * 20);
    m_countdownBar->hide();
    row->addWidget(m_countdownBar);
    m_cancelButton = new QPushButton(tr("&Cancel sending…"), m_buttonRow);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_sendButton = new QPushButton(tr("&Send"), m_buttonRow);
    m_sendButton->setObjectName(u"sendButton"_s);
    // Its own button, shown instead of Send: Send never turns into its opposite.
    m_undoButton = new QPushButton(tr("&Undo"), m_buttonRow);
    m_undoButton->setObjectName(u"undoButton"_s);
    m_undoButton->setAutoDefault(false);
    m_undoButton->hide();
    row->addWidget(m_cancelButton);
    row->addWidget(m_undoButton);
    row->addWidget(m_sendButton);
    bottomLayout->addWidget(m_buttonRow);

    m_withdrawnRow = new QWidget(bottom);
    m_withdrawnRow->setObjectName(u"withdrawnRow"_s);
    auto* withdrawnLayout = new QHBoxLayout(m_withdrawnRow);
    withdrawnLayout->setContentsMargins(0, 0, 0, 0);
    withdrawnLayout->addStretch(1);
    m_closeButton = new QPushButton(tr("C&lose"), m_withdrawnRow);
    m_closeButton->setObjectName(u"closeButton"_s);
    withdrawnLayout->addWidget(m_closeButton);
    m_withdrawnRow->hide();
    bottomLayout->addWidget(m_withdrawnRow);

    connect(m_sendButton, &QPushButton::clicked, this, &ReviewDialog::onSendClicked);
    connect(m_undoButton, &QPushButton::clicked, this, &ReviewDialog::onUndoClicked);
    connect(m_closeButton, &QPushButton::clicked, this, [this] { done(QDialog::Rejected); });
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
    QList<QWidget*> chain{m_outsideOnly, m_checkInternalButton, m_recipientView};
    if (m_attachmentView->isVisibleTo(this))
        chain << m_attachmentView;
    if (m_bccMove)
        chain << m_bccMove << m_bccKeep;
    for (QCheckBox* check : std::as_const(m_acknowledgements))
        chain << check;
    chain << m_reasonEdit << m_confirmCancelButton << m_backButton << m_cancelButton << m_undoButton
          << m_sendButton << m_closeButton;
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

bool ReviewDialog::bccChosen() const
{
    return !m_bccChoiceRequired || (m_bccMove && (m_bccMove->isChecked() || m_bccKeep->isChecked()));
}

int ReviewDialog::confirmationCount() const
{
    return static_cast<int>(m_acknowledgements.size()) + (m_bccChoiceRequired ? 1 : 0);
}

bool ReviewDialog::canSend() const
{
    return !m_decided && !m_withdrawn && allTicked();
}

bool ReviewDialog::allTicked() const
{
    return m_recipientModel->allChecked() && checkedAttachments() == m_attachmentView->topLevelItemCount() &&
           checkedAcknowledgements() == m_acknowledgements.size() && bccChosen();
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
    const int hiddenUnticked = m_outsideOnly->isChecked() ? m_recipientModel->uncheckedInternalCount() : 0;
    if (hiddenUnticked > 0)
        parts << tr("%n hidden internal recipient(s) not ticked yet", nullptr, hiddenUnticked);
    if (confirmationCount() > 0)
        parts << tr("confirmations: %1 of %2")
                     .arg(checkedAcknowledgements() + (m_bccChoiceRequired && bccChosen() ? 1 : 0))
                     .arg(confirmationCount());
    m_progressLabel->setText(parts.join(tr(", ")));
}

void ReviewDialog::applyOutsideOnly(bool on)
{
    // Rows are hidden, never changed: their ticks stay, and Send still needs all of them.
    const QModelIndex root;
    for (int g = 0; g < m_recipientModel->rowCount(); ++g) {
        const QModelIndex group = m_recipientModel->index(g, 0);
        if (!group.data(RecipientModel::InternalRole).toBool())
            continue;
        const bool flagged = group.data(RecipientModel::FlaggedRole).toBool();
        // Nothing that needs attention is hidden: a flagged internal group keeps its
        // header and its flagged rows.
        m_recipientView->setRowHidden(g, root, on && !flagged);
        for (int r = 0; r < m_recipientModel->rowCount(group); ++r) {
            const bool rowFlagged =
                m_recipientModel->index(r, 0, group).data(RecipientModel::FlaggedRole).toBool();
            m_recipientView->setRowHidden(r, group, on && flagged && !rowFlagged);
        }
        if (on && flagged)
            m_recipientView->expand(group);
    }
    // The keyboard's row must be one that can be seen.
    const QModelIndex current = m_recipientView->currentIndex();
    const QModelIndex parent = current.parent();
    const bool hidden =
        current.isValid() && (m_recipientView->isRowHidden(current.row(), parent) ||
                              (parent.isValid() && m_recipientView->isRowHidden(parent.row(), root)));
    if (hidden) {
        const QModelIndex first = m_recipientView->indexAt(QPoint(0, 0));
        if (first.isValid())
            m_recipientView->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    }
    m_recipientView->updatePinnedHeader();
    updateState();
}

void ReviewDialog::onBccChosen()
{
    const bool moved = m_bccMove->isChecked();
    m_recipientModel->setMovedToBcc(m_bccCandidates, moved);
    // Once moved, the warning's text would describe what no longer happens.
    const QString movedText =
        tr("The %n external address(es) from To and Cc will be sent as Bcc: the recipients will not see "
           "each other's addresses.",
           nullptr, int(m_bccCandidates.size()));
    m_bccLabel->setText(moved ? movedText : m_bccMessage);
    if (m_reasonsLabel) {
        QStringList reasons = m_reasons;
        for (QString& reason : reasons) {
            if (reason == m_bccMessage && moved)
                reason = movedText;
        }
        m_reasonsLabel->setText(reasons.join(QLatin1Char('\n')));
    }
    updateState();
}

void ReviewDialog::toggleReplacement(const QModelIndex& index)
{
    if (m_decided || m_withdrawn || !m_recipientModel->hasSuggestion(index))
        return;
    if (m_countdown && m_countdown->isActive())
        stopCountdown(); // the recipients changed: the countdown was for the old ones
    const QModelIndex row = index.siblingAtColumn(RecipientModel::NameColumn);
    m_recipientModel->setReplaced(row, !m_recipientModel->isReplaced(row));
    updateReplaceAction();
    updateState();
}

void ReviewDialog::updateReplaceAction()
{
    const QModelIndex current = m_recipientView->currentIndex();
    const bool offered = m_recipientModel->hasSuggestion(current);
    m_replaceAction->setEnabled(offered);
    if (!offered) {
        m_replaceAction->setText(tr("Replace with the suggested address"));
        return;
    }
    m_replaceAction->setText(m_recipientModel->isReplaced(current)
                                 ? tr("Undo the replacement")
                                 : tr("Replace with %1").arg(m_recipientModel->suggestionText(current)));
}

void ReviewDialog::showRecipientMenu(const QPoint& position)
{
    const QModelIndex index = m_recipientView->indexAt(position);
    if (!m_recipientModel->hasSuggestion(index))
        return;
    m_recipientView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    updateReplaceAction();
    QMenu menu(this);
    menu.addAction(m_replaceAction);
    menu.exec(m_recipientView->viewport()->mapToGlobal(position));
}

void ReviewDialog::updateSummary()
{
    const int total = m_recipientModel->recipientCount();
    const int external = m_recipientModel->externalCount();
    const int flagged = m_recipientModel->flaggedCount();
    QString text;
    if (external == 0) {
        text = tr("All %n recipient(s) are inside your organisation.", nullptr, total);
    } else {
        //: "3 outside recipients (2 domains)"; %1 is "2 domains"
        text = tr("%n outside recipient(s) (%1)", nullptr, external)
                   .arg(tr("%n domain(s)", nullptr, m_recipientModel->externalDomainCount()));
    }
    if (flagged > 0) {
        //: Joins the parts of the summary line: "3 outside recipients (2 domains) · 1 needs attention"
        text = tr("%1 · %2").arg(text, tr("%n need(s) attention", nullptr, flagged));
    }
    m_summaryLabel->setText(text);
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
        qMax(m_bodyLabel->contentsRect().width() - 2 * m_bodyLabel->margin(), latinCharWidth(this) * 10);
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
    const QString why = note.isEmpty() ? tr("The mail program withdrew this message.") : note;
    // The window may have been in front of the person for a while: the note
    // stays until they close it, and says what to do next.
    showNote(tr("%1\nNothing was sent. If the message is still needed, look in the mail program's outbox "
                "and send it again.")
                 .arg(why));
    if (!isVisible()) {
        done(QDialog::Rejected);
        return;
    }
    m_withdrawnRow->show();
    m_closeButton->setDefault(true);
    m_closeButton->setFocus();
}

void ReviewDialog::onSendClicked()
{
    if (m_countdown->isActive() || !canSend())
        return;
    if (m_countdownSeconds > 0)
        startCountdown();
    else
        finish(sendDecision());
}

void ReviewDialog::onUndoClicked()
{
    // The second click of a double-click on Send lands here: not an Undo.
    if (!m_countdown->isActive() || m_countdownClock.elapsed() < UndoGuardMs)
        return;
    stopCountdown();
}

Delivery::Decision ReviewDialog::sendDecision() const
{
    return Delivery::Decision::send(m_bccMove && m_bccMove->isChecked() ? m_bccCandidates : QStringList(),
                                    m_recipientModel->replacements());
}

void ReviewDialog::startCountdown()
{
    m_countdownClock.start();
    m_remaining = m_countdownSeconds;
    m_countdownBar->setRange(0, m_countdownSeconds * 1000);
    m_countdownBar->setValue(0);
    m_progressLabel->setText(tr("Sending in %n s. Undo or Esc goes back.", nullptr, m_remaining));
    // Cancel would be a second way back that reads like "do not send at all".
    m_cancelButton->hide();
    m_sendButton->hide();
    m_countdownBar->show();
    m_undoButton->show();
    m_undoButton->setFocus();
    m_countdown->start();
}

void ReviewDialog::stopCountdown()
{
    if (!m_countdown->isActive())
        return;
    m_countdown->stop();
    m_countdownBar->hide();
    m_undoButton->hide();
    m_cancelButton->show();
    m_sendButton->show();
    m_sendButton->setFocus();
    updateState();
}

void ReviewDialog::onCountdownTick()
{
    const qint64 total = qint64(m_countdownSeconds) * 1000;
    const qint64 elapsed = m_countdownClock.elapsed();
    if (elapsed >= total) {
        m_countdown->stop();
        finish(sendDecision());
        return;
    }
    m_countdownBar->setValue(static_cast<int>(elapsed));
    const int remaining = static_cast<int>((total - elapsed + 999) / 1000);
    if (remaining != m_remaining) {
        m_remaining = remaining;
        m_progressLabel->setText(tr("Sending in %n s. Undo or Esc goes back.", nullptr, m_remaining));
    }
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
    if (!m_cancelPanel->isVisible() && !m_countdown->isActive() && !m_withdrawn)
        m_recipientView->setFocus(Qt::ActiveWindowFocusReason);
    updateBodyPreview();
}

void ReviewDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    updateBodyPreview();
}

} // namespace Ui
