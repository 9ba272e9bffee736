#include "QueueWindow.h"

#include "Icons.h"
#include "QueueActions.h"
#include "WindowSize.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

const QString kGeometryKey = u"ui/queue_geometry"_s;
// The details pane names this many recipients; the rest are counted.
constexpr int kDetailRecipients = 10;
// The delete confirmation names this many.
constexpr int kConfirmRecipients = 5;

const QList<QueueModel::Group> kGroups{QueueModel::Group::All, QueueModel::Group::Attention,
                                       QueueModel::Group::Waiting, QueueModel::Group::Sent};

QString defaultChooseFile(QWidget* parent, const QString& suggested)
{
    return QFileDialog::getSaveFileName(parent, QueueWindow::tr("Export message"), suggested,
                                        QueueWindow::tr("E-mail message (*.eml)"));
}

} // namespace

QueueWindow::QueueWindow(QueueModel* model, QWidget* parent)
    : QWidget(parent, Qt::Window), m_model(model), m_chooseFile(defaultChooseFile)
{
    setObjectName(u"queueWindow"_s);
    setWindowTitle(tr("Yubisashi — Queue"));
    setWindowIcon(Ui::icon(u"yubisashi"_s));

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(u"groupTabs"_s);
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    for (QueueModel::Group g : kGroups)
        m_tabs->setTabData(m_tabs->addTab(QueueModel::groupName(g)), static_cast<int>(g));

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(QueueModel::SortRole);
    m_proxy->setFilterRole(QueueModel::GroupRole);
    m_proxy->setFilterKeyColumn(0);

    m_view = new QTreeView(this);
    m_view->setObjectName(u"queueView"_s);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueModel::TimeColumn, Qt::DescendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Queued messages"));
    // What a person scans first on the left: when, to whom, what is happening and why.
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->moveSection(header->visualIndex(QueueModel::RecipientsColumn), 1);
    header->moveSection(header->visualIndex(QueueModel::StateColumn), 2);
    header->moveSection(header->visualIndex(QueueModel::ReasonColumn), 3);
    header->setSectionResizeMode(QueueModel::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(QueueModel::StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(QueueModel::ReasonColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(QueueModel::SizeColumn, QHeaderView::ResizeToContents);
    const int chars = latinCharWidth(this);
    header->resizeSection(QueueModel::RecipientsColumn, chars * 40);
    header->resizeSection(QueueModel::FromColumn, chars * 24);

    m_details = new QLabel(this);
    m_details->setObjectName(u"details"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(fontMetrics().averageCharWidth());
    m_details->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_details->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    m_retry = new QPushButton(tr("&Retry now"), this);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->setToolTip(tr("Try to send this message now instead of waiting for the next attempt."));
    m_sendAnyway = new QPushButton(tr("&Send anyway…"), this);
    m_sendAnyway->setObjectName(u"sendAnywayButton"_s);
    m_sendAnyway->setToolTip(tr("Opens the review again; nothing is sent until you confirm it there."));
    m_export = new QPushButton(tr("&Export as .eml…"), this);
    m_export->setObjectName(u"exportButton"_s);
    m_export->setToolTip(tr("Save a copy of the message as a file your mail program can open."));
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(u"deleteButton"_s);
    m_delete->setToolTip(tr("Remove the message from the queue for good; it is not sent."));
    m_close = new QPushButton(tr("&Close"), this);
    m_close->setObjectName(u"closeButton"_s);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_sendAnyway);
    buttons->addWidget(m_export);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    setTabOrder(m_tabs, m_view);
    setTabOrder(m_view, m_retry);
    setTabOrder(m_retry, m_sendAnyway);
    setTabOrder(m_sendAnyway, m_export);
    setTabOrder(m_export, m_delete);
    setTabOrder(m_delete, m_close);

    connect(m_retry, &QPushButton::clicked, this, &QueueWindow::retrySelected);
    connect(m_sendAnyway, &QPushButton::clicked, this, &QueueWindow::sendAnywaySelected);
    connect(m_export, &QPushButton::clicked, this, &QueueWindow::exportSelected);
    connect(m_delete, &QPushButton::clicked, this, &QueueWindow::deleteSelected);
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_tabs, &QTabBar::currentChanged, this, [this] {
        const auto g = static_cast<QueueModel::Group>(m_tabs->tabData(m_tabs->currentIndex()).toInt());
        m_proxy->setFilterRegularExpression(g == QueueModel::Group::All ? QString()
                                                                        : u"^%1$"_s.arg(static_cast<int>(g)));
        updateActions();
        updateDetails();
    });

    // Keyboard: Delete removes, Ctrl+Tab walks the lists, Escape closes, F5 re-reads the folder.
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &QueueWindow::deleteSelected);
    auto* next = new QShortcut(QKeySequence::NextChild, this);
    connect(next, &QShortcut::activated, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    auto* previous = new QShortcut(QKeySequence::PreviousChild, this);
    connect(previous, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    auto* escape = new QShortcut(QKeySequence::Cancel, this);
    connect(escape, &QShortcut::activated, this, &QWidget::close);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    connect(refresh, &QShortcut::activated, m_model, &QueueModel::reload);

    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!selectedEntry())
            return;
        QMenu menu(this);
        for (QPushButton* b : {m_retry, m_sendAnyway, m_export, m_delete}) {
            QAction* a = menu.addAction(b->text());
            a->setEnabled(b->isEnabled());
            connect(a, &QAction::triggered, b, &QPushButton::click);
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    // The selected message may change state while the window is open.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_model, &QueueModel::countsChanged, this, &QueueWindow::updateTabs);

    const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resizeWithinScreen(this, {latinCharWidth(this) * 170, fontMetrics().lineSpacing() * 28});

    updateTabs();
    updateActions();
    updateDetails();
}

QueueWindow::~QueueWindow() = default;

void QueueWindow::showEvent(QShowEvent* event)
{
    // The folder may have changed while nobody was looking (a purge, a quarantine).
    m_model->reload();
    QWidget::showEvent(event);
}

void QueueWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QWidget::closeEvent(event);
}

void QueueWindow::setGroup(QueueModel::Group group)
{
    m_tabs->setCurrentIndex(static_cast<int>(kGroups.indexOf(group)));
}

QueueModel::Group QueueWindow::group() const
{
    return static_cast<QueueModel::Group>(m_tabs->tabData(m_tabs->currentIndex()).toInt());
}

void QueueWindow::updateTabs()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto g = static_cast<QueueModel::Group>(m_tabs->tabData(i).toInt());
        const int n = m_model->count(g);
        m_tabs->setTabText(i, n > 0 ? tr("%1 (%2)").arg(QueueModel::groupName(g), QLocale().toString(n))
                                    : QueueModel::groupName(g));
    }
}

const Spool::Entry* QueueWindow::selectedEntry() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->entryAt(m_proxy->mapToSource(rows.constFirst()).row());
}

bool QueueWindow::selectId(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        // Filtered out by the current list: show the list the message is in.
        setGroup(QueueModel::groupOf(m_model->entryAt(row)->state));
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void QueueWindow::showEntry(const QString& id)
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (!id.isEmpty())
        selectId(id);
    m_view->setFocus();
}

void QueueWindow::updateActions()
{
    const Spool::Entry* e = selectedEntry();
    const Spool::State state = e ? e->state : Spool::State::Received;
    m_retry->setEnabled(e && state == Spool::State::Approved);
    m_sendAnyway->setEnabled(e && (state == Spool::State::Held || state == Spool::State::Failed));
    // A sent message whose content retention already removed has nothing left to export.
    m_export->setEnabled(e && !(state == Spool::State::Sent && e->size == 0));
    m_delete->setEnabled(e && state != Spool::State::Sending);
}

QString QueueWindow::recipientList(const QStringList& recipients, int shown)
{
    QStringList names = recipients.mid(0, shown);
    const qsizetype rest = recipients.size() - names.size();
    if (rest > 0)
        names << tr("%n other recipient(s)", nullptr, static_cast<int>(rest));
    return QLocale().createSeparatedList(names);
}

void QueueWindow::updateDetails()
{
    const Spool::Entry* e = selectedEntry();
    if (!e) {
        m_details->setText(m_proxy->rowCount() == 0 ? tr("There are no messages in this list.")
                                                    : tr("Select a message to see its details."));
        return;
    }
    QStringList lines;
    lines << tr("From: %1").arg(e->envelope.mailFrom.isEmpty() ? tr("(no sender)") : e->envelope.mailFrom);
    lines << tr("To: %1").arg(recipientList(e->envelope.recipients, kDetailRecipients));
    lines << tr("Received: %1").arg(QLocale().toString(e->received.toLocalTime(), QLocale::LongFormat));
    lines << tr("State: %1").arg(QueueModel::stateText(*e));
    const QString reason = QueueModel::reasonText(*e);
    if (!reason.isEmpty())
        lines << reason;
    if (e->attempts > 0)
        lines << tr("Attempts so far: %1").arg(e->attempts);
    m_details->setText(lines.join(u'\n'));
}

void QueueWindow::showProblem(const QString& title, const QString& text)
{
    QMessageBox::warning(this, title, text);
}

void QueueWindow::retrySelected()
{
    const Spool::Entry* e = selectedEntry();
    QueueActions* actions = m_model->source();
    if (!e || !actions || e->state != Spool::State::Approved)
        return;
    if (!actions->retryNow(e->id)) {
        showProblem(
            tr("Cannot retry"),
            tr("This message is no longer waiting for its next attempt. It may be on its way already."));
    }
    m_model->reload();
}

void QueueWindow::sendAnywaySelected()
{
    const Spool::Entry* e = selectedEntry();
    QueueActions* actions = m_model->source();
    if (!e || !actions || (e->state != Spool::State::Held && e->state != Spool::State::Failed))
        return;
    const QString id = e->id;
    if (!actions->sendAnyway(id)) {
        showProblem(
            tr("Cannot send"),
            tr("This message can no longer be sent from here. It may have been deleted or sent already."));
    }
    m_model->reload();
    selectId(id);
}

QString QueueWindow::suggestedExportPath(const Spool::Entry& entry) const
{
    QString who = entry.envelope.recipients.value(0);
    who.replace(QRegularExpression(u"[^A-Za-z0-9@._-]+"_s), u"_"_s);
    QString name = u"message-%1"_s.arg(entry.received.toLocalTime().toString(u"yyyyMMdd-HHmm"_s));
    if (!who.isEmpty())
        name += u'-' + who.left(60);
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QDir(dir).filePath(name + u".eml"_s);
}

void QueueWindow::exportSelected()
{
    const Spool::Entry* e = selectedEntry();
    QueueActions* actions = m_model->source();
    if (!e || !actions)
        return;
    const QString id = e->id;
    const QString path = m_chooseFile(this, suggestedExportPath(*e));
    if (path.isEmpty())
        return;
    QString error;
    const std::optional<QByteArray> bytes = actions->content(id, &error);
    if (!bytes) {
        showProblem(tr("Cannot export"), tr("The queued copy of the message cannot be read: %1").arg(error));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
        showProblem(tr("Cannot export"), tr("%1 could not be written: %2. Choose another folder.")
                                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
}

void QueueWindow::deleteSelected()
{
    const Spool::Entry* e = selectedEntry();
    QueueActions* actions = m_model->source();
    if (!e || !actions)
        return;
    const QString id = e->id;
    if (e->state == Spool::State::Sending) {
        showProblem(tr("Cannot delete"),
                    tr("This message is being handed to the mail server right now. Try again in a moment."));
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete message?"),
                    e->state == Spool::State::Sent
                        ? tr("Delete the sent message to %1 from the queue folder?")
                              .arg(recipientList(e->envelope.recipients, kConfirmRecipients))
                        : tr("Delete the message to %1? It will not be sent, and it cannot be restored.")
                              .arg(recipientList(e->envelope.recipients, kConfirmRecipients)),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"deleteConfirmation"_s);
    if (e->state != Spool::State::Sent)
        box.setInformativeText(tr("Export it as .eml first if you may need it later."));
    QPushButton* deleteButton = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(u"confirmDeleteButton"_s);
    QPushButton* keep = box.addButton(tr("&Keep"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() != deleteButton)
        return;
    if (!actions->remove(id)) {
        showProblem(
            tr("Cannot delete"),
            tr("The message could not be deleted. It may be being sent right now; try again in a moment."));
    }
    m_model->reload();
}

} // namespace Ui
