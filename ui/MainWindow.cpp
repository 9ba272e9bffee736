#include "MainWindow.h"

#include "Icons.h"
#include "TextBreaks.h"
#include "WindowSize.h"

#include <QCloseEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

MainWindow::MainWindow(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Yubisashi"));
    setWindowIcon(Ui::icon(u"yubisashi"_s));

    m_icon = new QLabel(this);
    m_icon->setObjectName(u"stateIcon"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"stateTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"stateDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_detail);
    titles->addStretch(1);
    auto* head = new QHBoxLayout;
    head->addWidget(m_icon, 0, Qt::AlignTop);
    head->addLayout(titles, 1);

    m_reviewing = new QLabel(this);
    m_reviewing->setObjectName(u"reviewingCount"_s);
    m_onItsWay = new QLabel(this);
    m_onItsWay->setObjectName(u"onItsWayCount"_s);
    m_attention = new QLabel(this);
    m_attention->setObjectName(u"attentionCount"_s);
    auto* counts = new QFormLayout;
    counts->addRow(tr("Waiting for your review:"), m_reviewing);
    counts->addRow(tr("On its way:"), m_onItsWay);
    counts->addRow(tr("Needs your attention:"), m_attention);

    m_queue = new QPushButton(tr("&Queue…"), this);
    m_queue->setObjectName(u"queueButton"_s);
    m_history = new QPushButton(tr("&History…"), this);
    m_history->setObjectName(u"historyButton"_s);
    m_settings = new QPushButton(tr("&Settings…"), this);
    m_settings->setObjectName(u"settingsButton"_s);
    m_pause = new QPushButton(this);
    m_pause->setObjectName(u"pauseButton"_s);
    m_quit = new QPushButton(tr("Q&uit"), this);
    m_quit->setObjectName(u"quitButton"_s);
    m_quit->setToolTip(tr("Stop Yubisashi. Your mail program cannot send mail until it runs again."));

    auto* buttons = new QGridLayout;
    buttons->addWidget(m_queue, 0, 0);
    buttons->addWidget(m_history, 0, 1);
    buttons->addWidget(m_settings, 1, 0);
    buttons->addWidget(m_pause, 1, 1);
    auto* quitRow = new QHBoxLayout;
    auto* hint = new QLabel(tr("Closing this window keeps Yubisashi running."), this);
    hint->setObjectName(u"closeHint"_s);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    quitRow->addWidget(hint, 1);
    quitRow->addWidget(m_quit);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addSpacing(fontMetrics().lineSpacing() / 2);
    layout->addLayout(counts);
    layout->addSpacing(fontMetrics().lineSpacing() / 2);
    layout->addLayout(buttons);
    layout->addStretch(1);
    layout->addLayout(quitRow);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    setTabOrder(m_queue, m_history);
    setTabOrder(m_history, m_settings);
    setTabOrder(m_settings, m_pause);
    setTabOrder(m_pause, m_quit);

    connect(m_queue, &QPushButton::clicked, this, &MainWindow::queueRequested);
    connect(m_history, &QPushButton::clicked, this, &MainWindow::historyRequested);
    connect(m_settings, &QPushButton::clicked, this, &MainWindow::settingsRequested);
    connect(m_pause, &QPushButton::clicked, this, [this] { emit pauseRequested(!m_paused); });
    connect(m_quit, &QPushButton::clicked, this, &MainWindow::quitRequested);

    setState(TrayIcon::State::Idle);
    setCounts(0, 0, 0);
    setPaused(false);
    m_queue->setFocus();
    resizeWithinScreen(this, {latinCharWidth(this) * 72, sizeHint().height()});
    fitContents();
}

void MainWindow::fitContents()
{
    // Wrapped labels need more height when their text grows; a top-level
    // window does not grow by itself, so a long error would be cut off.
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

MainWindow::~MainWindow() = default;

QString MainWindow::stateTitle(TrayIcon::State state)
{
    switch (state) {
    case TrayIcon::State::Idle:
        return tr("Protecting your outgoing mail");
    case TrayIcon::State::ReviewWaiting:
        return tr("A message waits for your review");
    case TrayIcon::State::Sending:
        return tr("Sending");
    case TrayIcon::State::Error:
        return tr("A problem needs your attention");
    case TrayIcon::State::Paused:
        return tr("Protection is paused");
    }
    return {};
}

void MainWindow::setState(TrayIcon::State state, const QString& detail)
{
    m_state = state;
    const int size = fontMetrics().height() * 3;
    m_icon->setPixmap(Ui::icon(TrayIcon::iconName(state)).pixmap(QSize(size, size), devicePixelRatioF()));
    m_title->setText(stateTitle(state));
    m_detail->setText(phraseBreaks(detail));
    m_detail->setVisible(!detail.isEmpty());
    setWindowTitle(tr("Yubisashi — %1").arg(stateTitle(state)));
    fitContents();
}

void MainWindow::setCounts(int reviewing, int onItsWay, int attention)
{
    const QLocale locale;
    m_reviewing->setText(locale.toString(reviewing));
    m_onItsWay->setText(locale.toString(onItsWay));
    m_attention->setText(locale.toString(attention));
    QFont f = m_attention->font();
    f.setBold(attention > 0);
    m_attention->setFont(f);
}

void MainWindow::setPaused(bool paused, const QDateTime& untilUtc)
{
    m_paused = paused;
    if (paused) {
        m_pause->setText(tr("&Resume protection"));
        m_pause->setToolTip(untilUtc.isValid()
                                ? tr("Protection is paused until %1.")
                                      .arg(QLocale().toString(untilUtc.toLocalTime(), QLocale::ShortFormat))
                                : tr("Protection is paused."));
    } else {
        m_pause->setText(tr("&Pause protection…"));
        m_pause->setToolTip(m_pauseAllowed ? tr("While paused, messages are sent without review.")
                                           : tr("Your administrator does not allow pausing protection: every "
                                                "message is checked before it leaves."));
    }
}

void MainWindow::setPauseAllowed(bool allowed)
{
    m_pauseAllowed = allowed;
    m_pause->setEnabled(allowed);
    if (!m_paused)
        setPaused(false); // the tooltip says why
}

void MainWindow::setSettingsAvailable(bool available)
{
    m_settings->setEnabled(available);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Without a tray this window is the only way back in: keep the app and the window.
    event->ignore();
    showMinimized();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        setState(m_state, m_detail->text());
    QWidget::changeEvent(event);
}

} // namespace Ui
