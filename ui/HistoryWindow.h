#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTimer;
class QTreeView;

namespace Ui {

class HistorySource;

// The recipient history and the audit log: who has been written to (address,
// names, domain, first and last time, how often) and what was decided about
// each message, with one search field and an export of the audit log as CSV.
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Page
    {
        Recipients,
        Audit
    };
    enum RecipientColumn
    {
        AddressColumn,
        NameColumn,
        DomainColumn,
        FirstSentColumn,
        LastSentColumn,
        CountColumn,
        RecipientColumnCount
    };
    enum AuditColumn
    {
        TimeColumn,
        SenderColumn,
        RecipientsColumn,
        SubjectColumn,
        DecisionColumn,
        SignedColumn,
        ReplyColumn,
        AuditColumnCount
    };
    // Rows shown per search; more matches ask for a narrower search.
    static constexpr int RowLimit = 500;

    // source may be null (no history file): the window says so.
    explicit HistoryWindow(HistorySource* source, QWidget* parent = nullptr);
    ~HistoryWindow() override;

    void setSource(HistorySource* source);
    void setPage(Page page);
    Page page() const;
    void setSearchText(const QString& text);
    // Runs the search now instead of after the typing pause.
    void refresh();

    QStandardItemModel* recipientModel() const { return m_recipients; }
    QStandardItemModel* auditModel() const { return m_audit; }

    using FileChooser = std::function<QString(QWidget* parent, const QString& suggestedPath)>;
    // Seam for tests: chooses the CSV file; empty = cancelled.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

public slots:
    void exportCsv();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QTreeView* makeView(QStandardItemModel* model, const QString& name);
    void loadRecipients(const QString& text);
    void loadAudit(const QString& text);
    void setStatus(const QString& text);

    HistorySource* m_source = nullptr;
    QLineEdit* m_search = nullptr;
    QTabWidget* m_tabs = nullptr;
    QStandardItemModel* m_recipients = nullptr;
    QStandardItemModel* m_audit = nullptr;
    QTreeView* m_recipientView = nullptr;
    QTreeView* m_auditView = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_export = nullptr;
    QTimer* m_searchDelay = nullptr;
    FileChooser m_chooseFile;
};

} // namespace Ui
