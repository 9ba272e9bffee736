#include "AboutDialog.h"

#include "TextBreaks.h"
#include "WindowSize.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

AboutDialog::AboutDialog(const QString& logFolder, std::function<QString()> diagnostics, QWidget* parent)
    : QDialog(parent), m_logFolder(logFolder), m_diagnostics(std::move(diagnostics)),
      m_openUrl([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{
    // The title and text were the tray's message box before; they keep its
    // translation context, so the existing translations stay in use.
    setWindowTitle(QCoreApplication::translate("TrayController", "About Yubisashi"));
    // Japanese wraps between phrases, not inside a word (TextBreaks.h).
    auto* text = new QLabel(
        phraseBreaks(
            QCoreApplication::translate(
                "TrayController",
                "<p><b>Yubisashi %1</b></p><p>Checks every recipient before a message leaves, signs it "
                "and sends it on.</p><p>Licensed under the Apache License 2.0.</p>"
                "<p>Built with Qt %2 (LGPL-3.0), QtKeychain (BSD-2-Clause), GMime and GLib "
                "(LGPL-2.1 or later), ICU (Unicode licence), OpenSSL (Apache-2.0) and SQLite (public "
                "domain). Their notices are in THIRD-PARTY-NOTICES.md, installed with Yubisashi.</p>")
                .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()))),
        this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // Wide enough for the licence lines in a few rows, in Latin letters (WindowSize.h says why).
    text->setMinimumWidth(latinCharWidth(text) * 60);

    auto* logs =
        new QLabel(phraseBreaks(tr("If something does not work, whoever helps you may ask for the log "
                                   "files or the diagnostics. The diagnostics never contain passwords.")),
                   this);
    logs->setWordWrap(true);

    auto* openLogs = new QPushButton(tr("Open &log folder"), this);
    openLogs->setObjectName(u"openLogFolder"_s);
    openLogs->setToolTip(QDir::toNativeSeparators(m_logFolder));
    auto* copy = new QPushButton(tr("&Copy diagnostics"), this);
    copy->setObjectName(u"copyDiagnostics"_s);
    connect(openLogs, &QPushButton::clicked, this, &AboutDialog::openLogFolder);
    connect(copy, &QPushButton::clicked, this, &AboutDialog::copyDiagnostics);

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(openLogs);
    row->addWidget(copy);
    row->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(logs);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

void AboutDialog::openLogFolder()
{
    // The folder exists once Yubisashi has written a line; made here too, so the button always opens
    // something.
    QDir().mkpath(m_logFolder);
    if (m_openUrl(QUrl::fromLocalFile(m_logFolder)))
        showStatus(tr("The log folder %1 is open.").arg(QDir::toNativeSeparators(m_logFolder)));
    else
        showStatus(tr("The log folder could not be opened. It is %1: open it in your file manager.")
                       .arg(QDir::toNativeSeparators(m_logFolder)));
}

void AboutDialog::copyDiagnostics()
{
    const QString text = m_diagnostics ? m_diagnostics() : QString();
    QApplication::clipboard()->setText(text);
    showStatus(
        tr("The diagnostics are copied. Paste them into a message to whoever helps you with Yubisashi."));
}

void AboutDialog::showStatus(const QString& text)
{
    m_status->setText(phraseBreaks(text));
    // The note takes rows the window did not have: it grows rather than squeezing the licence text.
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

} // namespace Ui
