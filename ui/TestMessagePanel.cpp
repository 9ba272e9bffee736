#include "TestMessagePanel.h"

#include "smtp/TestMessageWatcher.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

TestMessagePanel::TestMessagePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(this);
    m_status->setObjectName(u"testMessageStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setAccessibleName(tr("Test message"));
    layout->addWidget(m_status);
    auto* row = new QHBoxLayout;
    m_button = new QPushButton(this);
    m_button->setObjectName(u"waitForTestMessage"_s);
    row->addWidget(m_button);
    row->addStretch(1);
    layout->addLayout(row);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (isWaiting()) {
            m_watcher->stop();
            setStatus(tr("Stopped waiting. Press \"Wait for a test message\" to try again."));
        } else {
            startWaiting();
        }
    });
    setWatcher(nullptr);
}

void TestMessagePanel::setWatcher(Smtp::TestMessageWatcher* watcher)
{
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    m_watcher = watcher;
    if (!watcher || !watcher->isAvailable()) {
        setStatus(tr("Yubisashi is not receiving mail yet, so it cannot wait for a test message. It can "
                     "once Yubisashi runs: open Settings › Mail programs."));
        updateButton();
        return;
    }
    setStatus(
        tr("Press \"Wait for a test message\", then send a message to yourself from your mail program."));
    connect(watcher, &Smtp::TestMessageWatcher::waitingChanged, this, &TestMessagePanel::updateButton);
    connect(watcher, &Smtp::TestMessageWatcher::received, this,
            [this](const Smtp::TestMessageWatcher::Arrival& arrival) {
                const QString program = arrival.program.displayName();
                QString text = arrival.program.isKnown()
                                   ? tr("Received from %1 ✓ — your mail program is set up.").arg(program)
                               : program.isEmpty()
                                   ? tr("Received a message ✓ — your mail program is set up.")
                                   : tr("Received from a mail program that calls itself \"%1\" ✓ — your mail "
                                        "program is set up.")
                                         .arg(program);
                // One sentence a line: Japanese sentences are not joined by spaces.
                if (!arrival.user.isEmpty())
                    text +=
                        u'\n' +
                        tr("It logged in as \"%1\" and sent as <%2>.").arg(arrival.user, arrival.mailFrom);
                text += u'\n' + tr("Yubisashi now handles the message as any other.");
                setStatus(text);
            });
    connect(watcher, &Smtp::TestMessageWatcher::authenticationFailed, this,
            [this](const Smtp::MailProgram& program, const QString& user) {
                const QString who = program.isKnown() ? program.displayName() : tr("Your mail program");
                setStatus(tr("%1 connected as \"%2\" but its password was wrong: copy the password again, "
                             "paste it into the mail program and send again. Still waiting…")
                              .arg(who, user));
            });
    connect(watcher, &Smtp::TestMessageWatcher::timedOut, this, [this] {
        setStatus(tr("No message arrived in %n minute(s). Check the outgoing server settings and press "
                     "\"Wait for a test message\" to try again.",
                     nullptr, qMax(1, m_timeoutMs / 60000)));
    });
    updateButton();
}

void TestMessagePanel::startWaiting()
{
    if (!m_watcher || !m_watcher->isAvailable())
        return;
    m_watcher->start(m_timeoutMs);
    setStatus(tr("Send a message to yourself from your mail program now. Waiting for it…"));
    updateButton();
}

void TestMessagePanel::setProblem(const QString& text)
{
    setStatus(text);
}

bool TestMessagePanel::isWaiting() const
{
    return m_watcher && m_watcher->isWaiting();
}

QString TestMessagePanel::statusText() const
{
    return m_status->text();
}

void TestMessagePanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
    // Screen readers announce the change without the person moving focus.
    QAccessibleEvent event(m_status, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void TestMessagePanel::updateButton()
{
    const bool available = m_watcher && m_watcher->isAvailable();
    m_button->setEnabled(available);
    m_button->setText(isWaiting() ? tr("Stop waiting") : tr("Wait for a test message"));
    m_button->setAccessibleName(m_button->text());
}

} // namespace Ui
