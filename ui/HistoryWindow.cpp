#include "HistoryWindow.h"

#include "HistorySource.h"
#include "Icons.h"
#include "WindowSize.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

const QString kGeometryKey = u"ui/history_geometry"_s;
constexpr int kSortRole = Qt::UserRole + 1;
// Long enough to finish a word, short enough to feel immediate.
constexpr int kSearchDelayMs = 250;

QString defaultChooseFile(QWidget* parent, const QString& suggested)
{
    return QFileDialog::getSaveFileName(parent, HistoryWindow::tr("Export audit log"), suggested,
                                        HistoryWindow::tr("CSV file (*.csv)"));
}

QStandardItem* textItem(const QString& text, const QVariant& sortKey = {})
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(sortKey.isValid() ? sortKey : QVariant(text.toCaseFolded()), kSortRole);
    if (!text.isEmpty())
        item->setToolTip(text);
    return item;
}

// dateOnly: the day is what matters ("first written to in May"); the tooltip has the time.
QStandardItem* timeItem(const QDateTime& utc, bool dateOnly = false)
{
    const QDateTime local = utc.toLocalTime();
    const QString text = !utc.isValid() ? QString()
                         : dateOnly     ? QLocale().toString(local.date(), QLocale::ShortFormat)
                                        : QLocale().toString(local, QLocale::ShortFormat);
    auto* item = textItem(text, utc);
    if (utc.isValid())
        item->setToolTip(QLocale().toString(local, QLocale::LongFormat));
    return item;
}

// The audit log stores stable English words (Dispatcher); people read them in their language.
QString decisionText(const QString& decision)
{
    if (decision == "sent"_L1)
        return HistoryWindow::tr("Sent");
    if (decision == "cancelled"_L1)
        return HistoryWindow::tr("Cancelled at review");
    if (decision == "blocked"_L1)
        return HistoryWindow::tr("Blocked");
    if (decision == "refused"_L1)
        return HistoryWindow::tr("Refused by the server");
    return decision;
}

} // namespace

HistoryWindow::HistoryWindow(HistorySource* source, QWidget* parent)
    : QWidget(parent, Qt::Window), m_source(source), m_chooseFile(defaultChooseFile)
{
    setObjectName(u"historyWindow"_s);
    setWindowTitle(tr("Yubisashi — History"));
    setWindowIcon(Ui::icon(u"yubisashi"_s));

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search by address, name, domain or subject"));
    m_search->setAccessibleName(tr("Search"));
    auto* searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_recipients = new QStandardItemModel(0, RecipientColumnCount, this);
    m_recipients->setHorizontalHeaderLabels(
        {tr("Address"), tr("Name"), tr("Domain"), tr("First sent"), tr("Last sent"), tr("Messages")});
    m_recipients->setSortRole(kSortRole);
    m_audit = new QStandardItemModel(0, AuditColumnCount, this);
    m_audit->setHorizontalHeaderLabels(
        {tr("Time"), tr("From"), tr("To"), tr("Subject"), tr("Decision"), tr("Signed"), tr("Server reply")});
    m_audit->setSortRole(kSortRole);

    m_recipientView = makeView(m_recipients, u"recipientView"_s);
    m_recipientView->setAccessibleName(tr("Recipients you have written to"));
    m_recipientView->sortByColumn(LastSentColumn, Qt::DescendingOrder);
    m_auditView = makeView(m_audit, u"auditView"_s);
    m_auditView->setAccessibleName(tr("Audit log"));
    m_auditView->sortByColumn(TimeColumn, Qt::DescendingOrder);
    const int chars = latinCharWidth(this);
    QHeaderView* rh = m_recipientView->header();
    rh->setStretchLastSection(false);
    rh->resizeSection(AddressColumn, chars * 34);
    rh->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    rh->resizeSection(DomainColumn, chars * 24);
    for (int c : {FirstSentColumn, LastSentColumn, CountColumn})
        rh->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    QHeaderView* ah = m_auditView->header();
    ah->setStretchLastSection(false);
    ah->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    ah->resizeSection(SenderColumn, chars * 26);
    ah->resizeSection(RecipientsColumn, chars * 32);
    ah->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    ah->setSectionResizeMode(DecisionColumn, QHeaderView::ResizeToContents);
    ah->setSectionResizeMode(SignedColumn, QHeaderView::ResizeToContents);
    ah->resizeSection(ReplyColumn, chars * 24);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"pages"_s);
    m_tabs->addTab(m_recipientView, tr("&Recipients"));
    m_tabs->addTab(m_auditView, tr("&Audit log"));

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_export = new QPushButton(tr("&Export audit log as CSV…"), this);
    m_export->setObjectName(u"exportButton"_s);
    m_export->setToolTip(tr("Save the whole audit log as a file for a spreadsheet program."));
    auto* close = new QPushButton(tr("&Close"), this);
    close->setObjectName(u"closeButton"_s);

    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    setTabOrder(m_search, m_tabs);
    setTabOrder(m_tabs, m_recipientView);
    setTabOrder(m_recipientView, m_auditView);
    setTabOrder(m_auditView, m_export);
    setTabOrder(m_export, close);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryWindow::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryWindow::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HistoryWindow::refresh);
    connect(m_export, &QPushButton::clicked, this, &HistoryWindow::exportCsv);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto* escape = new QShortcut(QKeySequence::Cancel, this);
    connect(escape, &QShortcut::activated, this, [this] {
        // Escape first clears a search, then closes.
        if (m_search->hasFocus() && !m_search->text().isEmpty())
            m_search->clear();
        else
            QWidget::close();
    });

    const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resizeWithinScreen(this, {chars * 170, fontMetrics().lineSpacing() * 30});
    m_search->setFocus();
    refresh();
}

HistoryWindow::~HistoryWindow() = default;

QTreeView* HistoryWindow::makeView(QStandardItemModel* model, const QString& name)
{
    auto* view = new QTreeView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSortingEnabled(true);
    return view;
}

void HistoryWindow::setSource(HistorySource* source)
{
    m_source = source;
    refresh();
}

void HistoryWindow::setPage(Page page)
{
    m_tabs->setCurrentIndex(page == Page::Recipients ? 0 : 1);
}

HistoryWindow::Page HistoryWindow::page() const
{
    return m_tabs->currentIndex() == 0 ? Page::Recipients : Page::Audit;
}

void HistoryWindow::setSearchText(const QString& text)
{
    m_search->setText(text);
    refresh();
}

void HistoryWindow::showEvent(QShowEvent* event)
{
    refresh(); // messages went out while the window was closed
    QWidget::showEvent(event);
}

void HistoryWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QWidget::closeEvent(event);
}

void HistoryWindow::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void HistoryWindow::refresh()
{
    m_searchDelay->stop();
    m_export->setEnabled(m_source != nullptr);
    const QString text = m_search->text().trimmed();
    if (page() == Page::Recipients)
        loadRecipients(text);
    else
        loadAudit(text);
}

void HistoryWindow::loadRecipients(const QString& text)
{
    m_recipients->removeRows(0, m_recipients->rowCount());
    if (!m_source) {
        setStatus(tr("The recipient history is not available."));
        return;
    }
    QList<HistorySource::Recipient> rows;
    QString error;
    if (!m_source->recipients(text, RowLimit, &rows, &error)) {
        setStatus(tr("The recipient history cannot be read: %1").arg(error));
        return;
    }
    for (const HistorySource::Recipient& r : std::as_const(rows)) {
        auto* count = textItem(QLocale().toString(r.count), r.count);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_recipients->appendRow({textItem(r.address), textItem(r.names.join(u", "_s)), textItem(r.domain),
                                 timeItem(r.firstSent, true), timeItem(r.lastSent, true), count});
    }
    m_recipients->sort(m_recipientView->header()->sortIndicatorSection(),
                       m_recipientView->header()->sortIndicatorOrder());
    if (rows.size() >= RowLimit)
        setStatus(tr("Showing the first %1 matches. Type more of the name or address to narrow the search.")
                      .arg(QLocale().toString(RowLimit)));
    else if (rows.isEmpty())
        setStatus(text.isEmpty() ? tr("No messages have been sent through Yubisashi yet.")
                                 : tr("No recipient matches “%1”.").arg(text));
    else
        setStatus(tr("%n recipient(s)", nullptr, static_cast<int>(rows.size())));
}

void HistoryWindow::loadAudit(const QString& text)
{
    m_audit->removeRows(0, m_audit->rowCount());
    if (!m_source) {
        setStatus(tr("The audit log is not available."));
        return;
    }
    QList<HistorySource::AuditRecord> rows;
    QString error;
    if (!m_source->auditLog(text, RowLimit, &rows, &error)) {
        setStatus(tr("The audit log cannot be read: %1").arg(error));
        return;
    }
    for (const HistorySource::AuditRecord& r : std::as_const(rows)) {
        m_audit->appendRow({timeItem(r.time), textItem(r.sender), textItem(r.recipients), textItem(r.subject),
                            textItem(decisionText(r.decision)), textItem(r.isSigned ? tr("Yes") : tr("No")),
                            textItem(r.upstreamReply)});
    }
    m_audit->sort(m_auditView->header()->sortIndicatorSection(), m_auditView->header()->sortIndicatorOrder());
    if (rows.size() >= RowLimit)
        setStatus(
            tr("Showing the newest %1 matches. Type more to narrow the search, or export the whole log.")
                .arg(QLocale().toString(RowLimit)));
    else if (rows.isEmpty())
        setStatus(text.isEmpty() ? tr("The audit log is empty.") : tr("No record matches “%1”.").arg(text));
    else
        setStatus(tr("%n record(s)", nullptr, static_cast<int>(rows.size())));
}

void HistoryWindow::exportCsv()
{
    if (!m_source)
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString suggested =
        QDir(dir).filePath(u"yubisashi-audit-%1.csv"_s.arg(QDate::currentDate().toString(u"yyyyMMdd"_s)));
    const QString path = m_chooseFile(this, suggested);
    if (path.isEmpty())
        return;
    QString error;
    if (!m_source->exportAuditCsv(path, &error)) {
        setStatus(tr("The audit log could not be exported: %1").arg(error));
        return;
    }
    setStatus(tr("The audit log was saved as %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace Ui
