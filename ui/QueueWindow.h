#pragma once

#include "QueueModel.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabBar;
class QTreeView;

namespace Ui {

// The queue: every message Yubisashi holds, by state, with what can be done
// about it: retry now (waiting for the next attempt), send anyway (held or
// failed; goes through the review again), export as .eml, delete. The window
// only shows the model and calls QueueActions; it decides nothing itself.
class QueueWindow : public QWidget
{
    Q_OBJECT
public:
    // model->source() carries out the actions; the window does not own the model.
    explicit QueueWindow(QueueModel* model, QWidget* parent = nullptr);
    ~QueueWindow() override;

    // Shows, raises and selects the message (a click on a notification).
    void showEntry(const QString& id);
    void setGroup(QueueModel::Group group);
    QueueModel::Group group() const;
    // Selects the message with this spool id; false when it is not in the list.
    bool selectId(const QString& id);

    // Seam for tests: chooses the file "Export as .eml" writes; empty = cancelled.
    using FileChooser = std::function<QString(QWidget* parent, const QString& suggestedPath)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

public slots:
    void retrySelected();
    void sendAnywaySelected();
    void exportSelected();
    void deleteSelected();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    const Spool::Entry* selectedEntry() const;
    void updateTabs();
    void updateActions();
    void updateDetails();
    void showProblem(const QString& title, const QString& text);
    QString suggestedExportPath(const Spool::Entry& entry) const;
    static QString recipientList(const QStringList& recipients, int shown);

    QueueModel* m_model;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTabBar* m_tabs = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_sendAnyway = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_close = nullptr;
    FileChooser m_chooseFile;
};

} // namespace Ui
