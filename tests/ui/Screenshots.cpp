// Renders Yubisashi's windows to PNG files in English and Japanese, for people
// to look at (scripts/screenshots.sh runs it under Xvfb with the Noto CJK fonts).
//   yubisashi_screenshots OUTDIR [SUFFIX]

#include "Icons.h"
#include "RecipientModel.h"
#include "ReviewDialog.h"
#include "SampleReview.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString g_outDir;
QString g_suffix;
QStringList g_written;

void settle(int ms = 300)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

void save(QWidget* widget, const QString& name)
{
    settle();
    const QString path = QDir(g_outDir).filePath(name + g_suffix + u".png"_s);
    if (!widget->grab().save(path))
        qWarning("could not write %s", qPrintable(path));
    else
        g_written << path;
}

// The app embeds its translations under :/i18n; this tool finds the same .qm
// files in the build tree (or in $YUBISASHI_QM_DIR).
QList<QTranslator*> loadTranslations(const QString& language)
{
    QList<QTranslator*> loaded;
    auto* qt = new QTranslator(qApp);
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        loaded << qt;
    else
        delete qt;
    QStringList dirs{u":/i18n"_s};
    if (!qEnvironmentVariableIsEmpty("YUBISASHI_QM_DIR"))
        dirs << qEnvironmentVariable("YUBISASHI_QM_DIR");
    dirs << QStringLiteral(YUBISASHI_BINARY_DIR "/app")
         << QStringLiteral(YUBISASHI_BINARY_DIR "/translations") << QStringLiteral(YUBISASHI_BINARY_DIR);
    for (const QString& dir : std::as_const(dirs)) {
        auto* app = new QTranslator(qApp);
        if (app->load(u"yubisashi_"_s + language, dir)) {
            qInfo("translations: %s/yubisashi_%s.qm", qPrintable(dir), qPrintable(language));
            loaded << app;
            break;
        }
        delete app;
    }
    if (loaded.size() < 2)
        qInfo("translations: no yubisashi_%s.qm found; the window shows the source texts",
              qPrintable(language));
    for (QTranslator* t : std::as_const(loaded))
        QCoreApplication::installTranslator(t);
    return loaded;
}

void tickRecipients(Ui::ReviewDialog* dialog, bool all)
{
    auto* view = dialog->findChild<QTreeView*>(u"recipientView"_s);
    auto* model = qobject_cast<Ui::RecipientModel*>(view->model());
    if (all) {
        for (int g = 0; g < model->rowCount(); ++g)
            model->setData(model->index(g, 0), Qt::Checked, Qt::CheckStateRole);
    } else {
        model->checkAllInternal();
        const QModelIndex external = model->index(model->rowCount() - 1, 0);
        model->setData(model->index(0, 0, external), Qt::Checked, Qt::CheckStateRole);
    }
}

void tickRest(Ui::ReviewDialog* dialog)
{
    auto* attachments = dialog->findChild<QTreeWidget*>(u"attachmentView"_s);
    for (int i = 0; i < attachments->topLevelItemCount(); ++i)
        attachments->topLevelItem(i)->setCheckState(0, Qt::Checked);
    for (QCheckBox* check : dialog->findChildren<QCheckBox*>())
        check->setChecked(true);
}

void reviewWindows(const QString& language)
{
    const bool ja = language == "ja"_L1;
    {
        Ui::ReviewDialog dialog(SampleReview::japanese(ja));
        dialog.setQueuePosition(1, 3);
        dialog.show();
        save(&dialog, u"review-%1"_s.arg(language));
        tickRecipients(&dialog, false);
        save(&dialog, u"review-%1-partly-ticked"_s.arg(language));
        tickRecipients(&dialog, true);
        tickRest(&dialog);
        save(&dialog, u"review-%1-ready"_s.arg(language));
        dialog.findChild<QPushButton*>(u"cancelButton"_s)->click();
        dialog.findChild<QLineEdit*>(u"cancelReasonEdit"_s)
            ->setText(ja ? u"宛先を確認します"_s : u"Check the address"_s);
        save(&dialog, u"review-%1-cancel"_s.arg(language));
        dialog.findChild<QPushButton*>(u"backButton"_s)->click();
        dialog.findChild<QPushButton*>(u"cancelButton"_s)->click();
        dialog.findChild<QPushButton*>(u"confirmCancelButton"_s)->click();
    }
    {
        Ui::ReviewDialog dialog(SampleReview::japanese(ja), 5);
        dialog.show();
        tickRecipients(&dialog, true);
        tickRest(&dialog);
        dialog.findChild<QPushButton*>(u"sendButton"_s)->click();
        save(&dialog, u"review-%1-countdown"_s.arg(language));
        dialog.findChild<QPushButton*>(u"sendButton"_s)->click(); // Undo
        dialog.withdraw(ja ? QString()
                           : u"The mail client disconnected before the message was handed over; "
                             u"nothing was sent."_s);
        save(&dialog, u"review-%1-withdrawn"_s.arg(language));
    }
    {
        Ui::ReviewDialog dialog(SampleReview::large(1000, 200, 20));
        dialog.show();
        save(&dialog, u"review-%1-1000"_s.arg(language));
        dialog.withdraw({});
    }
}

// Each tray state at 16, 22 and 32 px on a light and a dark panel, then 16 px
// magnified four times to judge the pixels.
void trayIcons()
{
    const QList<Ui::TrayIcon::State> states{Ui::TrayIcon::State::Idle, Ui::TrayIcon::State::ReviewWaiting,
                                            Ui::TrayIcon::State::Sending, Ui::TrayIcon::State::Error,
                                            Ui::TrayIcon::State::Paused};
    const QList<int> sizes{16, 22, 32};
    const int cell = 48;
    QImage sheet(cell * static_cast<int>(states.size()), cell * 2 * (static_cast<int>(sizes.size()) + 1),
                 QImage::Format_ARGB32);
    QPainter painter(&sheet);
    const QList<QColor> panels{QColor(0xf2, 0xf2, 0xf2), QColor(0x20, 0x22, 0x25)};
    int y = 0;
    for (int size : sizes) {
        for (const QColor& panel : panels) {
            for (qsizetype i = 0; i < states.size(); ++i) {
                const QRect box(static_cast<int>(i) * cell, y, cell, cell);
                painter.fillRect(box, panel);
                const QIcon icon = Ui::icon(Ui::TrayIcon::iconName(states.at(i)));
                painter.drawPixmap(box.center() - QPoint(size / 2, size / 2), icon.pixmap(size));
            }
            y += cell;
        }
    }
    for (const QColor& panel : panels) {
        for (qsizetype i = 0; i < states.size(); ++i) {
            const QRect box(static_cast<int>(i) * cell, y, cell, cell);
            painter.fillRect(box, panel);
            const QImage small = Ui::icon(Ui::TrayIcon::iconName(states.at(i))).pixmap(16).toImage();
            painter.drawImage(QRect(box.left() + 8, box.top() + 8, 32, 32), small.scaled(32, 32));
        }
        y += cell;
    }
    painter.end();
    const QString path = QDir(g_outDir).filePath(u"tray-icons"_s + g_suffix + u".png"_s);
    sheet.scaled(sheet.size() * 2).save(path);
    g_written << path;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Yubisashi-screenshots"_s);
    QCoreApplication::setApplicationName(u"yubisashi_screenshots"_s);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        qWarning("usage: yubisashi_screenshots OUTDIR [SUFFIX]");
        return 3;
    }
    g_outDir = args.at(1);
    g_suffix = args.value(2);
    QDir().mkpath(g_outDir);
    QSettings().remove(u"ui/review_geometry"_s);

    for (const QString& language : {u"en"_s, u"ja"_s}) {
        QLocale::setDefault(QLocale(language));
        const QList<QTranslator*> translators = loadTranslations(language);
        reviewWindows(language);
        for (QTranslator* t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QSettings().remove(u"ui/review_geometry"_s);
    }
    trayIcons();
    for (const QString& path : std::as_const(g_written))
        qInfo("%s", qPrintable(path));
    return 0;
}
