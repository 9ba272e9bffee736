#pragma once

#include <QDialog>
#include <QUrl>
#include <functional>

class QLabel;
class QPushButton;

namespace Ui {

// About Yubisashi: version and licences, and two things for when someone
// helps the person: "Open log folder" (the rotating log files) and "Copy
// diagnostics" (version, OS, Qt, OpenSSL, settings with secrets masked and
// the last log lines; the text comes from Diagnostics::Report through the
// provider, so this window holds no logic).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString& logFolder, std::function<QString()> diagnostics, QWidget* parent = nullptr);

    // Opens a folder in the file manager; QDesktopServices::openUrl unless a test sets another.
    void setUrlOpener(std::function<bool(const QUrl&)> opener) { m_openUrl = std::move(opener); }

    void openLogFolder();
    void copyDiagnostics();

private:
    void showStatus(const QString& text);

    QString m_logFolder;
    std::function<QString()> m_diagnostics;
    std::function<bool(const QUrl&)> m_openUrl;
    QLabel* m_status = nullptr;
};

} // namespace Ui
