// Renders Yubisashi's windows to PNG files in English and Japanese, for people
// to look at (scripts/screenshots.sh runs it under Xvfb with the Noto CJK fonts).
//   yubisashi_screenshots OUTDIR [SUFFIX]

#include "AboutDialog.h"
#include "AdminWindow.h"
#include "HistorySource.h"
#include "HistoryWindow.h"
#include "Icons.h"
#include "MainWindow.h"
#include "PauseDialog.h"
#include "QueueModel.h"
#include "QueueWindow.h"
#include "RecipientModel.h"
#include "ReviewDialog.h"
#include "SampleReview.h"
#include "SettingRow.h"
#include "SettingsScreenshots.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
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
    // The size the window really has on this screen; grab() would draw
    // parts that are off the screen as well, so say when there are some.
    const QRect screen = widget->screen()->availableGeometry();
    const QRect frame = widget->frameGeometry();
    qInfo("%-40s %4d x %4d  %s", qPrintable(name + g_suffix), widget->width(), widget->height(),
          screen.contains(frame) ? "" : "EXCEEDS THE SCREEN");
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
        // Flagged recipients are ticked on their own rows, never by their domain's.
        for (int g = 0; g < model->rowCount(); ++g) {
            const QModelIndex group = model->index(g, 0);
            for (int r = 0; r < model->rowCount(group); ++r)
                model->setData(model->index(r, 0, group), Qt::Checked, Qt::CheckStateRole);
        }
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
            ->setText(ja ? u"送信先を確認します"_s : u"Check the address"_s);
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
        dialog.withdraw(ja ? QString()
                           : u"The mail client disconnected before the message was handed over; "
                             u"nothing was sent."_s);
        save(&dialog, u"review-%1-withdrawn"_s.arg(language));
    }
    {
        Ui::ReviewDialog dialog(SampleReview::manyVisible(ja));
        dialog.show();
        save(&dialog, u"review-%1-many-visible"_s.arg(language));
        dialog.findChild<QRadioButton*>(u"bccMove"_s)->click();
        save(&dialog, u"review-%1-many-visible-bcc"_s.arg(language));
        dialog.withdraw({});
    }
    {
        // unusual-recipient's "probably meant" in the row, then replaced (the
        // replaced row still needs its tick).
        Ui::ReviewDialog dialog(SampleReview::unusualRecipient(ja));
        dialog.show();
        save(&dialog, u"review-%1-probably-meant"_s.arg(language));
        auto* view = dialog.findChild<QTreeView*>(u"recipientView"_s);
        auto* model = qobject_cast<Ui::RecipientModel*>(view->model());
        for (int g = 0; g < model->rowCount(); ++g) {
            const QModelIndex group = model->index(g, 0);
            for (int r = 0; r < model->rowCount(group); ++r) {
                if (model->hasSuggestion(model->index(r, 0, group)))
                    model->setReplaced(model->index(r, 0, group), true);
            }
        }
        save(&dialog, u"review-%1-probably-meant-replaced"_s.arg(language));
        dialog.withdraw({});
    }
    {
        // 120 recipients: internal groups as summary rows; then scrolled into
        // the middle of an outside group (its header pinned at the top); then
        // outside recipients only.
        Ui::ReviewDialog dialog(SampleReview::hundredTwenty(ja));
        dialog.show();
        save(&dialog, u"review-%1-120"_s.arg(language));
        auto* view = dialog.findChild<QTreeView*>(u"recipientView"_s);
        auto* model = qobject_cast<Ui::RecipientModel*>(view->model());
        const QModelIndex outside = model->index(1, 0);
        view->scrollTo(model->index(2, 0, outside), QAbstractItemView::PositionAtTop);
        save(&dialog, u"review-%1-120-scrolled"_s.arg(language));
        dialog.findChild<QCheckBox*>(u"outsideOnlyCheck"_s)->setChecked(true);
        view->scrollToTop();
        save(&dialog, u"review-%1-120-outside-only"_s.arg(language));
        dialog.withdraw({});
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

// A queue as a person meets it on a bad day: one held at review, one the
// server refused, one waiting for a retry, one under review, one sent.
QList<Spool::Entry> sampleQueue(bool ja)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    auto entry = [&](Spool::State state, int minutesAgo, const QStringList& rcpts, const QString& error) {
        Spool::Entry e;
        e.id = u"sample-%1"_s.arg(++n);
        e.account = u"work"_s;
        e.envelope.mailFrom = u"taro.yamada@example.co.jp"_s;
        e.envelope.recipients = rcpts;
        e.state = state;
        e.lastError = error;
        e.received = now.addSecs(-60 * minutesAgo);
        e.updated = e.received;
        e.size = 24000 + 7919 * minutesAgo;
        return e;
    };
    QList<Spool::Entry> q;
    q << entry(Spool::State::Held, 95,
               {u"sato@partner-corp.co.jp"_s, u"suzuki@partner-corp.co.jp"_s, u"ito@example.co.jp"_s},
               ja ? u"レビューで取り消し: 添付ファイルが違う"_s : u"Cancelled at review: wrong attachment"_s);
    q << entry(
        Spool::State::Failed, 62, {u"info@customer.example"_s},
        ja ? u"メールサーバーがメールを拒否しました: 送信先のメールボックスがありません (550 5.1.1 User unknown)"_s
           : u"The mail server refused the message: the mailbox does not exist (550 5.1.1 User unknown)"_s);
    Spool::Entry retry = entry(Spool::State::Approved, 20, {u"tanaka@supplier.example"_s},
                               ja ? u"メールサーバーに接続できません (接続がタイムアウトしました)"_s
                                  : u"Cannot reach the mail server (connection timed out)"_s);
    retry.attempts = 3;
    retry.nextAttempt = now.addSecs(4 * 60);
    q << retry;
    q << entry(Spool::State::Reviewing, 1, {u"kobayashi@partner-corp.co.jp"_s}, {});
    q << entry(Spool::State::Sent, 180, {u"team@example.co.jp"_s}, {});
    return q;
}

class SampleHistory : public Ui::HistorySource
{
public:
    explicit SampleHistory(bool ja) : m_ja(ja) {}
    bool recipients(const QString&, int, QList<Recipient>* out, QString*) override
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto r = [&](const QString& address, const QString& name, int firstDays, int lastDays, qint64 count) {
            Recipient x;
            x.address = address;
            if (!name.isEmpty())
                x.names = {name};
            x.domain = address.section(u'@', 1);
            x.firstSent = now.addDays(-firstDays);
            x.lastSent = now.addDays(-lastDays).addSecs(-3600 * lastDays);
            x.count = count;
            return x;
        };
        *out = {r(u"sato@partner-corp.co.jp"_s, m_ja ? u"佐藤 花子"_s : u"Hanako Sato"_s, 400, 0, 58),
                r(u"suzuki@partner-corp.co.jp"_s, m_ja ? u"鈴木 一郎"_s : u"Ichiro Suzuki"_s, 210, 1, 17),
                r(u"team@example.co.jp"_s, m_ja ? u"営業チーム"_s : u"Sales team"_s, 700, 2, 240),
                r(u"tanaka@supplier.example"_s, m_ja ? u"田中 健"_s : u"Ken Tanaka"_s, 30, 3, 4),
                r(u"info@customer.example"_s, QString(), 3, 3, 1)};
        return true;
    }
    bool auditLog(const QString&, int, QList<AuditRecord>* out, QString*) override
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto a = [&](int minutesAgo, const QString& to, const QString& subject, const QString& decision,
                     bool sig, const QString& reply) {
            AuditRecord x;
            x.time = now.addSecs(-60 * minutesAgo);
            x.account = u"work"_s;
            x.sender = u"taro.yamada@example.co.jp"_s;
            x.recipients = to;
            x.subject = subject;
            x.decision = decision;
            x.isSigned = sig;
            x.upstreamReply = reply;
            return x;
        };
        *out = {a(5, u"sato@partner-corp.co.jp"_s, m_ja ? u"お見積書の送付"_s : u"Your quotation"_s,
                  u"sent"_s, true, u"250 2.0.0 OK"_s),
                a(62, u"info@customer.example"_s, m_ja ? u"ご注文の確認"_s : u"Order confirmation"_s,
                  u"refused"_s, true, u"550 5.1.1 User unknown"_s),
                a(95, u"sato@partner-corp.co.jp, suzuki@partner-corp.co.jp"_s,
                  m_ja ? u"契約書（最終版）"_s : u"Contract (final)"_s, u"cancelled"_s, false, QString()),
                a(180, u"team@example.co.jp"_s, m_ja ? u"週次報告"_s : u"Weekly report"_s, u"sent"_s, true,
                  u"250 2.0.0 OK"_s)};
        return true;
    }
    bool exportAuditCsv(const QString&, QString*) override { return true; }

private:
    bool m_ja;
};

void queueAndHistoryWindows(const QString& language)
{
    const bool ja = language == "ja"_L1;
    {
        Ui::QueueModel model;
        const QList<Spool::Entry> queue = sampleQueue(ja);
        model.setEntries(queue);
        Ui::QueueWindow window(&model);
        window.show();
        window.selectId(queue.at(1).id); // the refused one: its reason in full below the list
        save(&window, u"queue-%1"_s.arg(language));
        window.setGroup(Ui::QueueModel::Group::Attention);
        window.selectId(queue.at(0).id);
        save(&window, u"queue-%1-attention"_s.arg(language));
        window.setGroup(Ui::QueueModel::Group::Waiting);
        window.selectId(queue.at(2).id);
        save(&window, u"queue-%1-retry"_s.arg(language));
        window.close();
    }
    {
        SampleHistory source(ja);
        Ui::HistoryWindow window(&source);
        window.show();
        save(&window, u"history-%1"_s.arg(language));
        window.setPage(Ui::HistoryWindow::Page::Audit);
        save(&window, u"history-%1-audit"_s.arg(language));
        window.close();
    }
    {
        Ui::MainWindow window;
        window.setState(Ui::TrayIcon::State::Error,
                        ja ? u"メールサーバーがメールを拒否しました: 送信先のメールボックスがありません"_s
                           : u"The mail server refused the message: the mailbox does not exist"_s);
        window.setCounts(1, 1, 2);
        window.setSettingsAvailable(false);
        window.show();
        save(&window, u"main-%1"_s.arg(language));
        const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(15 * 60);
        const QString time = QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat);
        window.setState(Ui::TrayIcon::State::Paused,
                        ja ? u"%1 まで、メールは確認なしで送信されます。"_s.arg(time)
                           : u"Messages are sent without review until %1."_s.arg(time));
        window.setPaused(true, until);
        window.setCounts(0, 0, 0);
        save(&window, u"main-%1-paused"_s.arg(language));
        window.hide();
    }
    {
        Ui::PauseDialog dialog;
        dialog.show();
        save(&dialog, u"pause-%1"_s.arg(language));
        dialog.reject();
    }
}

void aboutWindow(const QString& language)
{
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    Ui::AboutDialog dialog(QDir::home().filePath(u".local/share/Yubisashi/yubisashi/logs"_s),
                           [] { return QString(); });
    dialog.setUrlOpener([](const QUrl&) { return true; });
    dialog.show();
    save(&dialog, u"about-%1"_s.arg(language));
    dialog.copyDiagnostics(); // with the note it shows afterwards
    save(&dialog, u"about-%1-copied"_s.arg(language));
    dialog.reject();
}

// The administrator's window with a sample policy: domains (one value that
// breaks its rule, with its message), the checks and sign-in.
void adminWindow(const QString& language)
{
    const bool ja = language == "ja"_L1;
    Ui::AdminWindow window;
    const auto set = [&window](const QString& key, const QString& value, Ui::AdminWindow::Tier tier) {
        window.setValue(key, value);
        window.setTier(key, tier);
    };
    using Tier = Ui::AdminWindow::Tier;
    set(u"policy/internal_domains"_s, u"example.co.jp, *.example.co.jp"_s, Tier::Locked);
    set(u"policy/same_organisation"_s, u"example.co.jp example.com"_s, Tier::Locked);
    set(u"policy/blocked_domains"_s, u"example-rival.co.jp"_s, Tier::Locked);
    set(u"policy/caution_domains"_s, u"taro@partner.example"_s, Tier::Recommended);
    set(u"policy/keywords"_s, ja ? u"社外秘, 機密, 個人情報"_s : u"confidential, internal only"_s,
        Tier::Recommended);
    set(u"checks/sender-certificate"_s, u"block"_s, Tier::Locked);
    set(u"checks/first-time-recipient"_s, u"confirm"_s, Tier::Recommended);
    set(u"accounts/oauth_client_id"_s, u"00000000-0000-0000-0000-000000000000"_s, Tier::Locked);
    set(u"accounts/oauth_tenant"_s, u"example.onmicrosoft.com"_s, Tier::Locked);
    set(u"accounts/preset"_s, u"microsoft365"_s, Tier::Recommended);
    window.show();
    settle();
    // Down to the value that breaks its rule, with its message.
    QWidget* row = window.row(u"policy/caution_domains"_s);
    for (QWidget* w = row; w; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            area->ensureWidgetVisible(row, 0, 0);
            break;
        }
    }
    save(&window, u"admin-%1-domains"_s.arg(language));
    window.showPage(window.pageOf(u"checks/sender-certificate"_s));
    save(&window, u"admin-%1-checks"_s.arg(language));
    window.showPage(window.pageOf(u"accounts/oauth_client_id"_s));
    save(&window, u"admin-%1-sign-in"_s.arg(language));
    window.close();
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
    QSettings().remove(u"ui/queue_geometry"_s);
    QSettings().remove(u"ui/history_geometry"_s);

    for (const QString& language : {u"en"_s, u"ja"_s}) {
        QLocale::setDefault(QLocale(language));
        // A Japanese desktop's interface font is a CJK one (Windows: Yu Gothic UI).
        static const QFont latin = QApplication::font();
        QFont font = latin;
        if (language == "ja"_L1)
            font.setFamilies({u"Noto Sans CJK JP"_s, u"Yu Gothic UI"_s, u"Meiryo UI"_s});
        QApplication::setFont(font);
        const QList<QTranslator*> translators = loadTranslations(language);
        reviewWindows(language);
        queueAndHistoryWindows(language);
        settingsScreenshots(language, save);
        aboutWindow(language);
        adminWindow(language);
        for (QTranslator* t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QSettings().remove(u"ui/review_geometry"_s);
        QSettings().remove(u"ui/queue_geometry"_s);
        QSettings().remove(u"ui/history_geometry"_s);
    }
    trayIcons();
    for (const QString& path : std::as_const(g_written))
        qInfo("%s", qPrintable(path));
    return 0;
}
