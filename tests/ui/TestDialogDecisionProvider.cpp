#include "DialogDecisionProvider.h"
#include "ReviewDialog.h"
#include "SampleReview.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Delivery::Decision;
using Ui::DialogDecisionProvider;
using Ui::ReviewDialog;

namespace {

QString queueText(ReviewDialog* dialog)
{
    auto* label = dialog->findChild<QLabel*>(u"queueLabel"_s);
    return label && label->isVisible() ? label->text() : QString();
}

QString noteText(ReviewDialog* dialog)
{
    auto* label = dialog->findChild<QLabel*>(u"noteLabel"_s);
    return label && label->isVisible() ? label->text() : QString();
}

// Answers the dialog on screen through its buttons, as a person would.
void sendWithButtons(ReviewDialog* dialog)
{
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"checkInternalButton"_s), Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"sendButton"_s), Qt::LeftButton);
}

void cancelWithKeyboard(ReviewDialog* dialog)
{
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTest::keyClick(dialog, Qt::Key_Return);
}

} // namespace

class TestDialogDecisionProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void oneAfterAnother();
    void withdrawQueuedDropsIt();
    void withdrawShownStaysUntilClosed();
    void clientReleasedShowsNote();
    void duplicateRequestIgnored();
};

void TestDialogDecisionProvider::oneAfterAnother()
{
    DialogDecisionProvider provider;
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    QSignalSpy shown(&provider, &DialogDecisionProvider::reviewShown);
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    provider.requestDecision(SampleReview::internalOnly(u"c"_s));
    QCOMPARE(shown.count(), 1);
    QCOMPARE(provider.currentId(), u"a"_s);
    QCOMPARE(provider.waitingCount(), 2);
    ReviewDialog* first = provider.currentDialog();
    QVERIFY(first && first->isVisible());
    QCOMPARE(queueText(first), u"Message 1 of 3"_s);

    cancelWithKeyboard(first);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(0).toString(), u"a"_s);
    QCOMPARE(decided.at(0).at(1).value<Decision>().kind, Decision::Kind::Cancel);

    QCOMPARE(provider.currentId(), u"b"_s);
    ReviewDialog* second = provider.currentDialog();
    QVERIFY(second && second != first && second->isVisible());
    QCOMPARE(queueText(second), u"Message 2 of 3"_s);
    sendWithButtons(second);
    QCOMPARE(decided.count(), 2);
    QCOMPARE(decided.at(1).at(0).toString(), u"b"_s);
    QCOMPARE(decided.at(1).at(1).value<Decision>().kind, Decision::Kind::Send);

    QCOMPARE(provider.currentId(), u"c"_s);
    QCOMPARE(queueText(provider.currentDialog()), u"Message 3 of 3"_s);
    // A request arriving meanwhile extends the count.
    provider.requestDecision(SampleReview::internalOnly(u"d"_s));
    QCOMPARE(queueText(provider.currentDialog()), u"Message 3 of 4"_s);
    sendWithButtons(provider.currentDialog());
    sendWithButtons(provider.currentDialog());
    QCOMPARE(decided.count(), 4);
    QCOMPARE(decided.at(3).at(0).toString(), u"d"_s);
    QVERIFY(!provider.currentDialog());
    QCOMPARE(shown.count(), 4);

    // A new batch counts from 1 again, and a single message shows no count.
    provider.requestDecision(SampleReview::internalOnly(u"e"_s));
    QCOMPARE(queueText(provider.currentDialog()), QString());
}

void TestDialogDecisionProvider::withdrawQueuedDropsIt()
{
    DialogDecisionProvider provider;
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    QCOMPARE(queueText(provider.currentDialog()), u"Message 1 of 2"_s);
    provider.withdraw(u"b"_s, u"gone"_s);
    QCOMPARE(provider.waitingCount(), 0);
    QCOMPARE(queueText(provider.currentDialog()), QString());
    sendWithButtons(provider.currentDialog());
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(0).toString(), u"a"_s);
    QVERIFY(!provider.currentDialog());
}

void TestDialogDecisionProvider::withdrawShownStaysUntilClosed()
{
    DialogDecisionProvider provider;
    QSignalSpy decided(&provider, &Delivery::DecisionProvider::decided);
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    QPointer<ReviewDialog> first = provider.currentDialog();
    provider.withdraw(u"a"_s, u"The mail client disconnected."_s);
    QVERIFY(first);
    QVERIFY(noteText(first).startsWith(u"The mail client disconnected."_s));
    // The next message is up at once; the withdrawn window keeps its note
    // until the person closes it, and is then deleted.
    QCOMPARE(provider.currentId(), u"b"_s);
    QVERIFY(provider.currentDialog() != first.data());
    QTest::qWait(3000);
    QVERIFY(first && first->isVisible());
    first->findChild<QPushButton*>(u"closeButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 3000);
    QCOMPARE(decided.count(), 0);
    QCOMPARE(provider.currentId(), u"b"_s);
    // Clicks on the closing window could not decide anything.
    sendWithButtons(provider.currentDialog());
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(0).toString(), u"b"_s);
}

void TestDialogDecisionProvider::clientReleasedShowsNote()
{
    DialogDecisionProvider provider;
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    QCOMPARE(noteText(provider.currentDialog()), QString());
    provider.clientReleased(u"a"_s);
    QVERIFY(noteText(provider.currentDialog()).contains(u"stopped waiting"_s));
    provider.clientReleased(u"b"_s);
    sendWithButtons(provider.currentDialog());
    QCOMPARE(provider.currentId(), u"b"_s);
    QVERIFY(noteText(provider.currentDialog()).contains(u"stopped waiting"_s));
}

void TestDialogDecisionProvider::duplicateRequestIgnored()
{
    DialogDecisionProvider provider;
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"a"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    provider.requestDecision(SampleReview::internalOnly(u"b"_s));
    QCOMPARE(provider.waitingCount(), 1);
}

QTEST_MAIN(TestDialogDecisionProvider)
#include "TestDialogDecisionProvider.moc"
