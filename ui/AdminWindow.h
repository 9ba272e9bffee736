#pragma once

#include "settings/PolicySource.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Ui {

class SettingRow;

// `yubisashi admin [FILE]`: the administrator's window for writing the policy
// (docs/ADMIN.md). Every key a policy may set (Settings::AdminPolicy::
// templateKeys() and the check codes of Review::CheckRegistry) has a row with
// a tier chooser (not set, recommended, locked) and its value, checked by the
// rule Settings uses (Settings::Validation) with the problem under the field.
// The rows are made from that list, so a key added to Validation appears here
// without a change to this window; the table in the .cpp only gives known keys
// their page and a readable label. Saving writes policy.ini, a regedit .reg
// or a .mobileconfig (Settings::PolicyExport) and is refused while a set value
// breaks its rule.
class AdminWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Tier
    {
        NotSet,
        Recommended,
        Locked,
    };
    enum class Format
    {
        Ini,
        Reg,
        MobileConfig,
    };

    explicit AdminWindow(QWidget* parent = nullptr);

    // Reads a policy INI file or .reg export into the rows. Keys the window
    // has no row for (an account by name, "account.corp/host") are kept and
    // saved again as they were. false when the file cannot be read at all.
    bool openFile(const QString& path);

    // What would be saved: every key with a tier, then the kept entries.
    QList<Settings::PolicyEntry> entries() const;
    // One sentence per set key whose value breaks its rule; empty when it can be saved.
    QStringList problems() const;
    // Writes the policy in format to path; false with the reason in *error
    // (also when problems() is not empty: nothing is written then).
    bool exportTo(Format format, const QString& path, QString* error);

    // The keys with a row, in the order of their pages.
    QStringList keys() const { return m_order; }
    QWidget* field(const QString& key) const;
    QComboBox* tierChooser(const QString& key) const;
    SettingRow* row(const QString& key) const;
    Tier tier(const QString& key) const;
    void setTier(const QString& key, Tier tier);
    QString value(const QString& key) const;
    void setValue(const QString& key, const QString& value);
    // The page a key's row is on, and showing a page (screenshots, tests).
    int pageOf(const QString& key) const;
    void showPage(int page);
    int pageCount() const;

private:
    struct Row
    {
        QString key;
        int page = 0;
        QComboBox* tier = nullptr;
        QWidget* field = nullptr;
        SettingRow* row = nullptr;
    };

    void buildRows(const QList<QWidget*>& pages);
    void valueEdited(const QString& key);
    void refresh(const QString& key);
    void updateExportState();
    void exportWithDialog(Format format);
    void openWithDialog();
    void showBanner(const QStringList& lines);
    QString problemOf(const Row& row) const;

    QHash<QString, Row> m_rows;
    QStringList m_order;
    QList<Settings::PolicyEntry> m_kept; // entries of an opened file with no row here
    QString m_path;                      // the file opened or last saved
    bool m_loading = false;

    QLabel* m_banner = nullptr;
    QListWidget* m_pages = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_status = nullptr;
    QList<QPushButton*> m_exportButtons;
};

} // namespace Ui
