#include "FindingBadgeDelegate.h"
#include "RecipientModel.h"
#include "RecipientView.h"
#include "ReviewDialog.h"
#include "SampleReview.h"
#include "Translator.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <memory>

using namespace Qt::StringLiterals;
using Delivery::Decision;
using Ui::RecipientModel;
using Ui::ReviewDialog;

namespace {

struct Parts
{
    QTreeView* recipients = nullptr;
    RecipientModel* model = nullptr;
    QTreeWidget* attachments = nullptr;
    QPushButton* send = nullptr;
    QPushButton* cancel = nullptr;
    QPushButton* checkInternal = nullptr;
    QList<QCheckBox*> acknowledgements;
};

Parts partsOf(ReviewDialog* dialog)
{
    Parts p;
    p.recipients = dialog->findChild<QTreeView*>(u"recipientView"_s);
    p.model = p.recipients ? qobject_cast<RecipientModel*>(p.recipients->model()) : nullptr;
    p.attachments = dialog->findChild<QTreeWidget*>(u"attachmentView"_s);
    p.send = dialog->findChild<QPushButton*>(u"sendButton"_s);
    p.cancel = dialog->findChild<QPushButton*>(u"cancelButton"_s);
    p.checkInternal = dialog->findChild<QPushButton*>(u"checkInternalButton"_s);
    for (int i = 0;; ++i) {
        auto* check = dialog->findChild<QCheckBox*>(u"acknowledgement_%1"_s.arg(i));
        if (!check)
            break;
        p.acknowledgements << check;
    }
    return p;
}

// Where the delegate draws the checkbox of an item, so a mouse click lands on it.
QPoint checkboxCentre(QAbstractItemView* view, const QModelIndex& index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    option.checkState = index.data(Qt::CheckStateRole).value<Qt::CheckState>();
    if (!index.data(Qt::DecorationRole).isNull())
        option.features |= QStyleOptionViewItem::HasDecoration;
    option.text = index.data().toString();
    if (!option.text.isEmpty())
        option.features |= QStyleOptionViewItem::HasDisplay;
    return view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view).center();
}

QList<QModelIndex> recipientRows(const RecipientModel* model)
{
    QList<QModelIndex> rows;
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r)
            rows << model->index(r, 0, group);
    }
    return rows;
}

Qt::CheckState stateOf(const QModelIndex& index)
{
    return index.data(Qt::CheckStateRole).value<Qt::CheckState>();
}

std::unique_ptr<ReviewDialog> shown(const Delivery::ReviewRequest& request, int countdown = 0)
{
    auto dialog = std::make_unique<ReviewDialog>(request, countdown);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("review dialog not exposed");
    return dialog;
}

// Every access key shown in the window now, with the texts that carry it.
QMultiHash<QChar, QString> mnemonics(QWidget* window)
{
    QMultiHash<QChar, QString> keys;
    const auto add = [&](const QString& text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            keys.insert(key.toString().back().toUpper(), text);
    };
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(window))
            continue;
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(button->text());
        else if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy())
            add(label->text());
        else if (auto* box = qobject_cast<QGroupBox*>(w))
            add(box->title());
    }
    return keys;
}

QString duplicateMnemonics(QWidget* window)
{
    const QMultiHash<QChar, QString> keys = mnemonics(window);
    QStringList clashes;
    for (const QChar key : keys.uniqueKeys()) {
        if (keys.count(key) > 1)
            clashes << u"%1: %2"_s.arg(key).arg(keys.values(key).join(u" | "_s));
    }
    return clashes.join(u"; "_s);
}

// Ticks every recipient with the space bar, row by row, and every attachment
// and acknowledgement with the keyboard too.
void tickEverythingWithSpace(const Parts& p)
{
    p.recipients->setFocus();
    for (const QModelIndex& row : recipientRows(p.model)) {
        p.recipients->setCurrentIndex(row.siblingAtColumn(RecipientModel::AddressColumn));
        QTest::keyClick(p.recipients, Qt::Key_Space);
    }
    for (int i = 0; i < p.attachments->topLevelItemCount(); ++i) {
        p.attachments->setCurrentItem(p.attachments->topLevelItem(i));
        QTest::keyClick(p.attachments, Qt::Key_Space);
    }
    for (QCheckBox* check : p.acknowledgements)
        QTest::keyClick(check, Qt::Key_Space);
}

} // namespace

class TestReviewDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void sendNeedsEverythingTicked();
    void checkAllInternalNeverTicksExternal_data();
    void checkAllInternalNeverTicksExternal();
    void domainRowTicksItsRecipients();
    void cancelReturnsReason_data();
    void cancelReturnsReason();
    void countdownUndoThenSend();
    void keyboardOnly();
    void showsMessageData();
    void withdrawnNoteStaysUntilClosed();
    void remembersSize();
    void thousandRecipients();
    void bccOfferMovesVisibleExternal();
    void bccRequiredIsShownNotAsked();
    void groupTickSkipsFlaggedOutsiders();
    void flaggedRecipientAcknowledgedOnItsRowOnly();
    void summaryLineAndLookAlikeFirst();
    void badgesFitAtDefaultWidth();
    void countdownIgnoresDoubleClick();
    void mnemonicsUniquePerState_data();
    void mnemonicsUniquePerState();
    void manyRecipientsCollapseInternalGroups();
    void outsideOnlyHidesInternalButNoFlaggedRow_data();
    void outsideOnlyHidesInternalButNoFlaggedRow();
    void collapsedSummaryTicksItsHiddenMembers();
    void manyRecipientsSendNeedsEveryFlaggedRow();
    void pinnedHeaderNamesTheGroupScrolledInto();
    void everyOutsideRowCarriesItsMarker();
    void probablyMeantReplacedByKeyboard();
    void probablyMeantReplacedByMouse();
};

void TestReviewDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReviewDialog::init()
{
    QSettings().remove(u"ui/review_geometry"_s);
}

void TestReviewDialog::sendNeedsEverythingTicked()
{
    auto dialog = shown(SampleReview::japanese());
    const Parts p = partsOf(dialog.get());
    QVERIFY(p.model && p.attachments && p.send);
    QCOMPARE(p.model->recipientCount(), 5);
    QCOMPARE(p.attachments->topLevelItemCount(), 1);
    QCOMPARE(p.acknowledgements.size(), 1);
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QVERIFY(!p.send->isEnabled());

    // The first recipient by a mouse click on its checkbox.
    const QList<QModelIndex> rows = recipientRows(p.model);
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {},
                      checkboxCentre(p.recipients, rows.first()));
    QCOMPARE(stateOf(rows.first()), Qt::Checked);
    QCOMPARE(p.model->checkedCount(), 1);

    // The others with Space; Send stays off while anything is missing.
    p.recipients->setFocus();
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QVERIFY(!p.send->isEnabled());
        p.recipients->setCurrentIndex(rows.at(i));
        QTest::keyClick(p.recipients, Qt::Key_Space);
        QCOMPARE(stateOf(rows.at(i)), Qt::Checked);
    }
    QVERIFY2(!p.send->isEnabled(), "attachment and acknowledgement still unticked");

    QTreeWidgetItem* attachment = p.attachments->topLevelItem(0);
    const QModelIndex attachmentIndex = p.attachments->model()->index(0, 0);
    QTest::mouseClick(p.attachments->viewport(), Qt::LeftButton, {},
                      checkboxCentre(p.attachments, attachmentIndex));
    QCOMPARE(attachment->checkState(0), Qt::Checked);
    QVERIFY2(!p.send->isEnabled(), "acknowledgement still unticked");

    // Enter does nothing while Send is disabled.
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QCOMPARE(decided.count(), 0);
    QVERIFY(dialog->isVisible());

    QTest::mouseClick(p.acknowledgements.first(), Qt::LeftButton);
    QVERIFY(p.acknowledgements.first()->isChecked());
    QVERIFY(p.send->isEnabled());

    // Unticking anything turns Send off again.
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(rows.at(2));
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(rows.at(2)), Qt::Unchecked);
    QVERIFY(!p.send->isEnabled());
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QVERIFY(p.send->isEnabled());

    QTest::mouseClick(p.attachments->viewport(), Qt::LeftButton, {},
                      checkboxCentre(p.attachments, attachmentIndex));
    QCOMPARE(attachment->checkState(0), Qt::Unchecked);
    QVERIFY(!p.send->isEnabled());
    QTest::mouseClick(p.attachments->viewport(), Qt::LeftButton, {},
                      checkboxCentre(p.attachments, attachmentIndex));
    QVERIFY(p.send->isEnabled());

    QTest::mouseClick(p.send, Qt::LeftButton);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(0).value<Decision>().kind, Decision::Kind::Send);
    QCOMPARE(dialog->decision().kind, Decision::Kind::Send);
    QVERIFY(!dialog->isVisible());
}

void TestReviewDialog::checkAllInternalNeverTicksExternal_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("internalCount");
    QTest::newRow("japanese sample") << u"japanese"_s << 2;
    QTest::newRow("1,000 in 200 domains") << u"large"_s << 100;
    // An external address in a domain whose other addresses are internal
    // (a pattern that covers only some addresses): the group counts as external
    // and Check all internal leaves all of it alone.
    QTest::newRow("mixed domain") << u"mixed"_s << 0;
}

void TestReviewDialog::checkAllInternalNeverTicksExternal()
{
    QFETCH(QString, sample);
    QFETCH(int, internalCount);
    Delivery::ReviewRequest request;
    if (sample == "japanese"_L1) {
        request = SampleReview::japanese();
    } else if (sample == "large"_L1) {
        request = SampleReview::large(1000, 200, 20);
    } else {
        request = SampleReview::internalOnly(u"mixed"_s);
        request.review.recipients << SampleReview::recipient(u"guest@example.co.jp"_s, {}, Review::Field::Cc,
                                                             false);
    }
    auto dialog = shown(request);
    const Parts p = partsOf(dialog.get());
    QTest::mouseClick(p.checkInternal, Qt::LeftButton);
    int checked = 0;
    for (const QModelIndex& row : recipientRows(p.model)) {
        const Review::Recipient* r = p.model->recipientAt(row);
        QVERIFY(r);
        if (!r->internal)
            QVERIFY2(stateOf(row) == Qt::Unchecked, qPrintable(r->address));
        if (stateOf(row) == Qt::Checked)
            ++checked;
    }
    QCOMPARE(checked, internalCount);
    QVERIFY(!p.send->isEnabled());
}

void TestReviewDialog::domainRowTicksItsRecipients()
{
    auto dialog = shown(SampleReview::japanese());
    const Parts p = partsOf(dialog.get());
    // Groups: the flagged external one first, then internal, then the other external one.
    QVERIFY(p.model->index(0, 0).data(RecipientModel::FlaggedRole).toBool());
    QVERIFY(p.model->index(1, 0).data(RecipientModel::InternalRole).toBool());
    const QModelIndex external = p.model->index(3, 0);
    QCOMPARE(external.data(RecipientModel::InternalRole).toBool(), false);
    QVERIFY(external.data().toString().contains(u"partner-shoji.co.jp"_s));
    QCOMPARE(p.model->rowCount(external), 2);

    p.recipients->setFocus();
    p.recipients->setCurrentIndex(external);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(external), Qt::Checked);
    QCOMPARE(stateOf(p.model->index(0, 0, external)), Qt::Checked);
    QCOMPARE(stateOf(p.model->index(1, 0, external)), Qt::Checked);
    QCOMPARE(p.model->checkedCount(), 2);

    // One child off: the domain row shows partial; Space on it ticks all again.
    p.recipients->setCurrentIndex(p.model->index(1, 0, external));
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(external), Qt::PartiallyChecked);
    p.recipients->setCurrentIndex(external);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(p.model->index(1, 0, external)), Qt::Checked);
    // A mouse click on the domain row's checkbox unticks all of them.
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {}, checkboxCentre(p.recipients, external));
    QCOMPARE(stateOf(external), Qt::Unchecked);
    QCOMPARE(p.model->checkedCount(), 0);
}

void TestReviewDialog::cancelReturnsReason_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expected");
    QTest::newRow("typed, button") << u"Wrong attachment"_s << u"button"_s << u"Wrong attachment"_s;
    QTest::newRow("typed, return") << u"Wrong person"_s << u"return"_s << u"Wrong person"_s;
    QTest::newRow("typed, escape") << u"later"_s << u"escape"_s << u"later"_s;
    QTest::newRow("empty, button") << QString() << u"button"_s << u"Cancelled at review"_s;
    QTest::newRow("blank, return") << u"   "_s << u"return"_s << u"Cancelled at review"_s;
}

void TestReviewDialog::cancelReturnsReason()
{
    QFETCH(QString, typed);
    QFETCH(QString, how);
    QFETCH(QString, expected);
    auto dialog = shown(SampleReview::japanese());
    const Parts p = partsOf(dialog.get());
    tickEverythingWithSpace(p);
    QVERIFY(p.send->isEnabled());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);

    QTest::mouseClick(p.cancel, Qt::LeftButton);
    QCOMPARE(decided.count(), 0); // asking for a reason first
    auto* reason = dialog->findChild<QLineEdit*>(u"cancelReasonEdit"_s);
    QVERIFY(reason && reason->isVisible());
    QCOMPARE(QApplication::focusWidget(), reason);
    QTest::keyClicks(reason, typed);
    if (how == "button"_L1)
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"confirmCancelButton"_s), Qt::LeftButton);
    else if (how == "return"_L1)
        QTest::keyClick(reason, Qt::Key_Return); // must cancel, even though Send is enabled
    else
        QTest::keyClick(reason, Qt::Key_Escape);
    QCOMPARE(decided.count(), 1);
    const auto decision = decided.at(0).at(0).value<Decision>();
    QCOMPARE(decision.kind, Decision::Kind::Cancel);
    QCOMPARE(decision.reason, expected);
    QCOMPARE(dialog->decision().reason, expected);
    QVERIFY(!dialog->isVisible());
}

void TestReviewDialog::countdownUndoThenSend()
{
    auto dialog = shown(SampleReview::japanese(), 1);
    const Parts p = partsOf(dialog.get());
    auto* undo = dialog->findChild<QPushButton*>(u"undoButton"_s);
    auto* bar = dialog->findChild<QProgressBar*>(u"countdownBar"_s);
    auto* progress = dialog->findChild<QLabel*>(u"progressLabel"_s);
    QVERIFY(undo && bar && progress);
    QVERIFY(!undo->isVisible());
    tickEverythingWithSpace(p);
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);

    // Send gives way to a separate Undo with a progress bar; Cancel goes away.
    QTest::mouseClick(p.send, Qt::LeftButton);
    QVERIFY(undo->isVisible() && bar->isVisible());
    QVERIFY(!p.send->isVisible());
    QVERIFY(!p.cancel->isVisible());
    QCOMPARE(p.send->text(), u"&Send"_s);
    QVERIFY2(progress->text().contains(u"Sending in 1 s"_s), qPrintable(progress->text()));
    QTest::qWait(ReviewDialog::UndoGuardMs + 50);
    QTest::mouseClick(undo, Qt::LeftButton);
    QTest::qWait(1500);
    QCOMPARE(decided.count(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(p.send->isVisible() && p.cancel->isVisible() && !undo->isVisible());
    QCOMPARE(p.model->checkedCount(), p.model->recipientCount());
    QCOMPARE(p.attachments->topLevelItem(0)->checkState(0), Qt::Checked);
    QVERIFY(p.acknowledgements.first()->isChecked());
    QVERIFY(p.send->isEnabled());

    // Esc also undoes a running countdown, without cancelling the message.
    QTest::mouseClick(p.send, Qt::LeftButton);
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QTest::qWait(1300);
    QCOMPARE(decided.count(), 0);
    QVERIFY(!dialog->findChild<QWidget*>(u"cancelPanel"_s)->isVisible());

    // So does unticking a recipient while the countdown runs.
    QTest::mouseClick(p.send, Qt::LeftButton);
    p.recipients->setFocus();
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QTest::qWait(1300);
    QCOMPARE(decided.count(), 0);
    QVERIFY(!p.send->isEnabled());
    QVERIFY(p.send->isVisible());
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QVERIFY(p.send->isEnabled());

    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(p.send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 5000);
    QVERIFY2(timer.elapsed() >= 900, "the countdown must run before sending");
    QCOMPARE(decided.at(0).at(0).value<Decision>().kind, Decision::Kind::Send);
    QVERIFY(!dialog->isVisible());
}

void TestReviewDialog::countdownIgnoresDoubleClick()
{
    auto dialog = shown(SampleReview::japanese(), 2);
    const Parts p = partsOf(dialog.get());
    auto* undo = dialog->findChild<QPushButton*>(u"undoButton"_s);
    tickEverythingWithSpace(p);
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);

    // A double-click on Send: the second click lands on Undo within the guard.
    QTest::mouseClick(p.send, Qt::LeftButton);
    QVERIFY(undo->isVisible());
    QTest::mouseClick(undo, Qt::LeftButton);
    QTest::keyClick(undo, Qt::Key_Space);
    QVERIFY2(undo->isVisible(), "a click within the guard must not undo");
    QVERIFY(!p.cancel->isVisible());
    QVERIFY(!p.send->isVisible());
    // Enter does not reach the hidden Send nor Undo.
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QVERIFY(undo->isVisible());
    QCOMPARE(decided.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 5000);
    QCOMPARE(decided.at(0).at(0).value<Decision>().kind, Decision::Kind::Send);
}

void TestReviewDialog::keyboardOnly()
{
    auto dialog = shown(SampleReview::japanese());
    const Parts p = partsOf(dialog.get());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QVERIFY(dialog->isActiveWindow());
    QCOMPARE(QApplication::focusWidget(), p.recipients);

    // Walk the whole tree with the arrow key and tick each domain row with
    // Space; a flagged recipient needs its own Space on its row.
    const int visibleRows = p.model->rowCount() + p.model->recipientCount();
    for (int i = 0; i < visibleRows; ++i) {
        QWidget* focus = QApplication::focusWidget();
        QCOMPARE(focus, p.recipients);
        const QModelIndex current = p.recipients->currentIndex();
        const bool domain = !current.parent().isValid();
        if (domain || current.data(RecipientModel::FlaggedRole).toBool())
            QTest::keyClick(focus, Qt::Key_Space);
        QTest::keyClick(focus, Qt::Key_Down);
    }
    QCOMPARE(p.model->checkedCount(), p.model->recipientCount());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), p.attachments);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(p.attachments->topLevelItem(0)->checkState(0), Qt::Checked);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(decided.count(), 0); // acknowledgement still missing

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), p.acknowledgements.first());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(p.acknowledgements.first()->isChecked());
    QVERIFY(p.send->isEnabled());

    // Tab reaches Cancel then Send.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), p.cancel);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), p.send);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(0).value<Decision>().kind, Decision::Kind::Send);
}

void TestReviewDialog::showsMessageData()
{
    Delivery::ReviewRequest request = SampleReview::japanese();
    request.review.subject = u"<b>not bold</b> & more"_s;
    request.review.notReceiving = {{u"boss@example.co.jp"_s, u"部長"_s}};
    auto dialog = shown(request);
    auto* from = dialog->findChild<QLabel*>(u"fromLabel"_s);
    QCOMPARE(from->text(), u"山田 太郎 <yamada@example.co.jp>"_s);
    auto* subject = dialog->findChild<QLabel*>(u"subjectLabel"_s);
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    QCOMPARE(subject->text(), request.review.subject);
    auto* body = dialog->findChild<QLabel*>(u"bodyLabel"_s);
    QVERIFY(body->text().startsWith(u"株式会社パートナー商事"_s));
    QVERIFY2(body->text().count(QLatin1Char('\n')) <= 3, "a few lines only");
    QVERIFY(dialog->findChild<QLabel*>(u"notReceivingLabel"_s)->text().contains(u"boss@example.co.jp"_s));
    // The look-alike recipient carries both badges with their messages.
    const Parts p = partsOf(dialog.get());
    bool found = false;
    for (const QModelIndex& row : recipientRows(p.model)) {
        if (p.model->recipientAt(row)->address != "tanaka@partner-shouji.co.jp"_L1)
            continue;
        found = true;
        const QModelIndex badges = row.siblingAtColumn(RecipientModel::FindingsColumn);
        QCOMPARE(badges.data(RecipientModel::BadgeLabelsRole).toStringList(),
                 (QStringList{u"Look-alike"_s, u"New domain"_s}));
        QVERIFY(badges.data(RecipientModel::BadgeTipsRole).toStringList().at(0).contains(u"looks like"_s));
    }
    QVERIFY(found);
    // The acknowledgement of a finding about the whole message: a tick, and
    // the reason beside it in a label that wraps.
    QCOMPARE(p.acknowledgements.size(), 1);
    QCOMPARE(p.acknowledgements.first()->text(), u"I have checked:"_s);
    QVERIFY(p.acknowledgements.first()->toolTip().contains(u"見積"_s));
}

void TestReviewDialog::withdrawnNoteStaysUntilClosed()
{
    auto dialog = shown(SampleReview::japanese());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QSignalSpy finished(dialog.get(), &QDialog::finished);
    dialog->withdraw(u"The mail client disconnected."_s);
    auto* note = dialog->findChild<QLabel*>(u"noteLabel"_s);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(u"disconnected"_s));
    // Says that nothing left and what to do about it.
    QVERIFY(note->text().contains(u"Nothing was sent"_s));
    QVERIFY(note->text().contains(u"outbox"_s));
    QVERIFY(!partsOf(dialog.get()).send->isVisible());
    // No auto-close: still there long after the old 2.5 s.
    QTest::qWait(3500);
    QVERIFY(dialog->isVisible());
    QCOMPARE(finished.count(), 0);
    auto* close = dialog->findChild<QPushButton*>(u"closeButton"_s);
    QVERIFY(close && close->isVisible());
    QCOMPARE(QApplication::focusWidget(), close);
    QTest::keyClick(close, Qt::Key_Space);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(decided.count(), 0);
    QVERIFY(!dialog->isDecided());
}

void TestReviewDialog::remembersSize()
{
    QSize chosen;
    {
        auto dialog = shown(SampleReview::japanese());
        chosen = dialog->size() + QSize(57, 31);
        dialog->resize(chosen);
        QTRY_COMPARE(dialog->size(), chosen);
        const Parts p = partsOf(dialog.get());
        QTest::mouseClick(p.cancel, Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"confirmCancelButton"_s), Qt::LeftButton);
    }
    QVERIFY(!QSettings().value(u"ui/review_geometry"_s).toByteArray().isEmpty());
    auto again = shown(SampleReview::japanese());
    QCOMPARE(again->size(), chosen);
}

void TestReviewDialog::thousandRecipients()
{
    const Delivery::ReviewRequest request = SampleReview::large(1000, 200, 20);
    QElapsedTimer timer;
    timer.start();
    auto dialog = shown(request);
    QCoreApplication::processEvents();
    const qint64 ms = timer.elapsed();
    qInfo("1,000 recipients in 200 domains: review window shown in %lld ms", ms);
    QVERIFY2(ms < 10000, "far too slow");

    const Parts p = partsOf(dialog.get());
    QCOMPARE(p.model->rowCount(), 200);
    QCOMPARE(p.model->recipientCount(), 1000);
    timer.restart();
    tickEverythingWithSpace(p);
    qInfo("ticking 1,000 recipients with Space: %lld ms", timer.elapsed());
    QVERIFY(p.send->isEnabled());
    timer.restart();
    dialog->grab();
    qInfo("painting: %lld ms", timer.elapsed());
}

// The text of the field column for an address.
static QString fieldShown(const RecipientModel* model, const QString& address)
{
    for (const QModelIndex& row : recipientRows(model)) {
        if (row.siblingAtColumn(RecipientModel::AddressColumn).data().toString() == address)
            return row.siblingAtColumn(RecipientModel::FieldColumn).data().toString();
    }
    return {};
}

void TestReviewDialog::bccOfferMovesVisibleExternal()
{
    const Delivery::ReviewRequest request = SampleReview::manyVisible();
    auto dialog = shown(request);
    const Parts p = partsOf(dialog.get());
    auto* move = dialog->findChild<QRadioButton*>(u"bccMove"_s);
    auto* keep = dialog->findChild<QRadioButton*>(u"bccKeep"_s);
    auto* message = dialog->findChild<QLabel*>(u"bccMessageLabel"_s);
    auto* reasons = dialog->findChild<QLabel*>(u"reasonsLabel"_s);
    QVERIFY(move && keep && message && reasons);
    QVERIFY(move->isVisible() && keep->isVisible());
    QVERIFY2(!move->isChecked() && !keep->isChecked(), "the choice is the person's");
    QVERIFY(p.acknowledgements.isEmpty()); // the choice is the acknowledgement
    QVERIFY(message->wordWrap());
    QCOMPARE(fieldShown(p.model, u"contact1@alpha-trading.co.jp"_s), u"To"_s);
    QCOMPARE(fieldShown(p.model, u"contact9@delta-shoji.co.jp"_s), u"Cc"_s);
    const QString before = message->text();

    // Every recipient ticked, each group with one click (the warning is about
    // the visible addresses, not about a recipient): the choice is still missing.
    p.checkInternal->click();
    for (int g = 0; g < p.model->rowCount(); ++g)
        p.model->setData(p.model->index(g, 0), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(p.model->allChecked());
    QVERIFY(!p.send->isEnabled());

    // Moving answers it; the list, the badges and the reason say where the addresses go.
    QTest::keyClick(move, Qt::Key_Space);
    QVERIFY(move->isChecked() && !keep->isChecked());
    QVERIFY(p.send->isEnabled());
    QCOMPARE(fieldShown(p.model, u"contact1@alpha-trading.co.jp"_s), u"To → Bcc"_s);
    QCOMPARE(fieldShown(p.model, u"contact9@delta-shoji.co.jp"_s), u"Cc → Bcc"_s);
    QCOMPARE(fieldShown(p.model, u"kimura@example.co.jp"_s), u"To"_s); // colleagues stay visible
    const QModelIndex contact1 = p.model->index(0, RecipientModel::FindingsColumn, p.model->index(1, 0));
    QCOMPARE(contact1.data(RecipientModel::BadgeLabelsRole).toStringList(), QStringList{u"Moved to Bcc"_s});
    QVERIFY(message->text() != before);
    QVERIFY(message->text().contains(u"will be sent as Bcc"_s));
    QVERIFY(reasons->text().contains(u"will be sent as Bcc"_s));

    // The other choice: back as it was, still answered.
    QTest::keyClick(keep, Qt::Key_Space);
    QVERIFY(keep->isChecked() && !move->isChecked());
    QVERIFY(p.send->isEnabled());
    QCOMPARE(fieldShown(p.model, u"contact1@alpha-trading.co.jp"_s), u"To"_s);
    QCOMPARE(message->text(), before);
    QVERIFY(contact1.data(RecipientModel::BadgeLabelsRole).toStringList() != QStringList{u"Moved to Bcc"_s});

    // With the mnemonic, then Send: the decision names the addresses to move.
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(move->isChecked()); // a mnemonic clicks with a short animation
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QTest::mouseClick(p.send, Qt::LeftButton);
    QCOMPARE(decided.size(), 1);
    const auto decision = decided.first().first().value<Decision>();
    QCOMPARE(decision.kind, Decision::Kind::Send);
    QCOMPARE(decision.toBcc, request.review.bccCandidates);
}

void TestReviewDialog::bccRequiredIsShownNotAsked()
{
    auto dialog = shown(SampleReview::manyVisible(false, true));
    const Parts p = partsOf(dialog.get());
    QVERIFY(!dialog->findChild<QRadioButton*>(u"bccMove"_s));
    auto* label = dialog->findChild<QLabel*>(u"bccRequiredLabel"_s);
    QVERIFY(label && label->isVisible());
    QVERIFY(p.acknowledgements.isEmpty());
    QCOMPARE(fieldShown(p.model, u"contact1@alpha-trading.co.jp"_s), u"To → Bcc"_s);
    p.checkInternal->click();
    p.recipients->setFocus();
    for (const QModelIndex& row : recipientRows(p.model)) {
        if (stateOf(row) == Qt::Checked)
            continue;
        p.recipients->setCurrentIndex(row);
        QTest::keyClick(p.recipients, Qt::Key_Space);
    }
    QVERIFY(p.send->isEnabled());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QTest::keyClick(p.send, Qt::Key_Return);
    QCOMPARE(decided.size(), 1);
    // The hop moves them by policy; the window only shows it.
    QVERIFY(decided.first().first().value<Decision>().toBcc.isEmpty());
}

// The Japanese sample with Suzuki flagged as well (a warning, not just information),
// so one external domain holds a flagged and an unflagged recipient.
static Delivery::ReviewRequest withFlaggedSuzuki()
{
    Delivery::ReviewRequest request = SampleReview::japanese();
    for (Review::Finding& f : request.review.findings) {
        if (f.code == "first-time-recipient"_L1) {
            f.severity = Review::Severity::Warn;
            f.needsAcknowledgement = true;
        }
    }
    return request;
}

static QModelIndex groupOf(const RecipientModel* model, const QString& domain)
{
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        if (model->recipientAt(model->index(0, 0, group))->domain == domain)
            return group;
    }
    return {};
}

void TestReviewDialog::groupTickSkipsFlaggedOutsiders()
{
    auto dialog = shown(withFlaggedSuzuki());
    const Parts p = partsOf(dialog.get());
    p.recipients->setFocus();

    // Internal: the domain row ticks everyone.
    const QModelIndex internal = groupOf(p.model, u"example.co.jp"_s);
    p.recipients->setCurrentIndex(internal);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(internal), Qt::Checked);

    // External with a flagged recipient: only the unflagged one (a mouse click this time).
    const QModelIndex partner = groupOf(p.model, u"partner-shoji.co.jp"_s);
    QCOMPARE(p.model->rowCount(partner), 2);
    const QModelIndex sato = p.model->index(0, 0, partner);
    const QModelIndex suzuki = p.model->index(1, 0, partner);
    QVERIFY(!sato.data(RecipientModel::FlaggedRole).toBool());
    QVERIFY(suzuki.data(RecipientModel::FlaggedRole).toBool());
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {}, checkboxCentre(p.recipients, partner));
    QCOMPARE(stateOf(sato), Qt::Checked);
    QCOMPARE(stateOf(suzuki), Qt::Unchecked);
    QCOMPARE(stateOf(partner), Qt::PartiallyChecked);

    // A group with only flagged recipients: the domain row ticks nobody.
    const QModelIndex lookAlike = groupOf(p.model, u"partner-shouji.co.jp"_s);
    p.recipients->setCurrentIndex(lookAlike);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(p.model->index(0, 0, lookAlike)), Qt::Unchecked);

    // The flagged ones on their own rows; then the domain row unticks all of its group.
    p.recipients->setCurrentIndex(suzuki);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(partner), Qt::Checked);
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {}, checkboxCentre(p.recipients, partner));
    QCOMPARE(stateOf(sato), Qt::Unchecked);
    QCOMPARE(stateOf(suzuki), Qt::Unchecked);
    // And a domain row whose unflagged rows are ticked unticks too, so it still toggles.
    p.recipients->setCurrentIndex(partner);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(sato), Qt::Checked);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(sato), Qt::Unchecked);
}

void TestReviewDialog::flaggedRecipientAcknowledgedOnItsRowOnly()
{
    auto dialog = shown(withFlaggedSuzuki());
    const Parts p = partsOf(dialog.get());
    // Look-alike (Tanaka) and first time (Suzuki) need acknowledging: not at the
    // bottom, only the finding about the whole message (the keyword) is there.
    QCOMPARE(p.acknowledgements.size(), 1);
    QVERIFY(p.acknowledgements.first()->toolTip().contains(u"見積"_s));
    for (QCheckBox* check : dialog->findChildren<QCheckBox*>()) {
        QVERIFY2(!check->toolTip().contains(u"partner-shouji"_s), qPrintable(check->toolTip()));
        QVERIFY2(!check->toolTip().contains(u"suzuki"_s), qPrintable(check->toolTip()));
    }
    // The row tick is the acknowledgement: its tooltip says what is confirmed.
    const QModelIndex tanaka = p.model->index(0, 0, groupOf(p.model, u"partner-shouji.co.jp"_s));
    QVERIFY(tanaka.data(RecipientModel::FlaggedRole).toBool());
    QVERIFY(tanaka.data(Qt::ToolTipRole).toString().contains(u"looks like partner-shoji.co.jp"_s));
    tickEverythingWithSpace(p);
    QVERIFY(p.send->isEnabled());
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(tanaka);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QVERIFY2(!p.send->isEnabled(), "unticking the flagged row takes its acknowledgement back");
}

void TestReviewDialog::summaryLineAndLookAlikeFirst()
{
    // English plurals come from yubisashi_en.ts, as in the app.
    Translator english;
    QVERIFY(english.load(QLocale(QLocale::English)));
    QCoreApplication::installTranslator(&english);
    const auto cleanup = qScopeGuard([&] { QCoreApplication::removeTranslator(&english); });
    auto dialog = shown(SampleReview::japanese());
    const Parts p = partsOf(dialog.get());
    auto* summary = dialog->findChild<QLabel*>(u"summaryLabel"_s);
    QVERIFY(summary && summary->isVisible());
    QCOMPARE(summary->text(), u"3 outside recipients (2 domains) · 1 needs attention"_s);
    auto* title = dialog->findChild<QLabel*>(u"recipientsTitle"_s);
    QCOMPARE(title->text(), u"&Recipients (5, 3 external):"_s);
    // The flagged external group first, with the letter that differs marked.
    const QModelIndex first = p.model->index(0, 0);
    const QString text = first.data().toString();
    QVERIFY2(text.contains(u"partner-shouji.co.jp"_s) && text.contains(u"looks like partner-shoji.co.jp"_s),
             qPrintable(text));
    const QVariantList runs = first.data(RecipientModel::HighlightRole).toList();
    QCOMPARE(runs.size(), 1);
    const QPoint run = runs.first().toPoint();
    QCOMPARE(text.mid(run.x(), run.y()), u"u"_s);
    QCOMPARE(run.x(), text.indexOf(u"partner-shouji"_s) + 11); // partner-sho[u]ji: the added "u"
    QCOMPARE(RecipientModel::differingLetters(u"examp1e.com"_s, u"example.com"_s), QList<int>{5});

    auto internalOnly = shown(SampleReview::internalOnly(u"i"_s));
    QCOMPARE(internalOnly->findChild<QLabel*>(u"summaryLabel"_s)->text(),
             u"The 1 recipient is inside your organisation."_s);
}

void TestReviewDialog::badgesFitAtDefaultWidth()
{
    Delivery::ReviewRequest request = SampleReview::japanese();
    // Four badges on one external recipient.
    request.review.recipients[0].findingCodes = {u"look-alike-domain"_s, u"first-time-domain"_s,
                                                 u"name-address-mismatch"_s, u"caution-domain"_s};
    auto dialog = shown(request);
    const Parts p = partsOf(dialog.get());
    const QModelIndex group = groupOf(p.model, u"partner-shoji.co.jp"_s);
    const QModelIndex cell = p.model->index(0, RecipientModel::FindingsColumn, group);
    QCOMPARE(cell.data(RecipientModel::BadgeLabelsRole).toStringList().size(), 4);
    p.recipients->scrollTo(cell);
    const QRect column = p.recipients->visualRect(cell);
    QVERIFY(!column.isEmpty());
    // Inside the viewport: the findings column is not cut off by the window.
    QVERIFY2(p.recipients->viewport()->rect().contains(column.topLeft()), "findings column off-screen");

    QStyleOptionViewItem option;
    option.initFrom(p.recipients->viewport());
    option.rect = column;
    option.font = p.recipients->font();
    const auto badges = Ui::FindingBadgeDelegate::badges(option, cell);
    QVERIFY(!badges.rects.isEmpty());
    for (const QRect& r : badges.rects)
        QVERIFY2(column.contains(r), "a badge is cut off");
    QVERIFY(p.recipients->viewport()->rect().contains(badges.rects.constLast().topRight()));
    // Every finding is in what is shown: as its own badge or in the combined badge's tooltip.
    const QStringList all = cell.data(RecipientModel::BadgeLabelsRole).toStringList();
    if (badges.combined) {
        QCOMPARE(badges.labels.size(), 1);
        for (const QString& label : all)
            QVERIFY2(badges.tips.first().contains(label), qPrintable(label));
    } else {
        QCOMPARE(badges.labels, all);
    }
}

void TestReviewDialog::mnemonicsUniquePerState_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("state");
    for (const char* language : {"en", "ja"}) {
        for (const char* state : {"normal", "countdown", "bcc", "cancel", "many"})
            QTest::addRow("%s %s", language, state)
                << QString::fromLatin1(language) << QString::fromLatin1(state);
    }
}

void TestReviewDialog::mnemonicsUniquePerState()
{
    QFETCH(QString, language);
    QFETCH(QString, state);
    Translator translator;
    if (language == "ja"_L1) {
        QVERIFY(translator.load(QLocale(QLocale::Japanese)));
        QCoreApplication::installTranslator(&translator);
    }
    const auto cleanup = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    auto dialog = shown(state == "bcc"_L1    ? SampleReview::manyVisible()
                        : state == "many"_L1 ? SampleReview::hundredTwenty()
                                             : SampleReview::japanese(),
                        3);
    const Parts p = partsOf(dialog.get());
    if (language == "ja"_L1)
        QCOMPARE(p.send->text(), u"送信(&S)"_s); // the translation is in use
    if (state == "countdown"_L1) {
        tickEverythingWithSpace(p);
        QTest::mouseClick(p.send, Qt::LeftButton);
        QVERIFY(dialog->findChild<QPushButton*>(u"undoButton"_s)->isVisible());
    } else if (state == "cancel"_L1) {
        QTest::mouseClick(p.cancel, Qt::LeftButton);
        QVERIFY(dialog->findChild<QWidget*>(u"cancelPanel"_s)->isVisible());
    } else if (state == "bcc"_L1) {
        QVERIFY(dialog->findChild<QRadioButton*>(u"bccMove"_s)->isVisible());
    } else if (state == "many"_L1) {
        auto* outsideOnly = dialog->findChild<QCheckBox*>(u"outsideOnlyCheck"_s);
        QVERIFY(outsideOnly && outsideOnly->isVisible());
        outsideOnly->setChecked(true);
    }
    QVERIFY(mnemonics(dialog.get()).size() >= 3);
    const QString clashes = duplicateMnemonics(dialog.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes));
    dialog->reject();
}

// Whether a person can see the row: not hidden, nor inside a hidden or collapsed group.
static bool rowShown(const QTreeView* view, const QModelIndex& index)
{
    const QModelIndex parent = index.parent();
    if (view->isRowHidden(index.row(), parent))
        return false;
    return !parent.isValid() || (!view->isRowHidden(parent.row(), {}) && view->isExpanded(parent));
}

// The rows the view shows, top to bottom, as the arrow keys walk them.
static QList<QModelIndex> shownRows(const QTreeView* view)
{
    QList<QModelIndex> rows;
    const QAbstractItemModel* model = view->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        if (view->isRowHidden(g, {}))
            continue;
        for (QModelIndex i = model->index(g, 0); i.isValid(); i = view->indexBelow(i))
            rows << i.siblingAtColumn(0);
        break;
    }
    return rows;
}

void TestReviewDialog::manyRecipientsCollapseInternalGroups()
{
    auto dialog = shown(SampleReview::hundredTwenty());
    const Parts p = partsOf(dialog.get());
    QCOMPARE(p.model->recipientCount(), 120);
    QVERIFY(p.model->recipientCount() > RecipientModel::SummariseInternalAbove);
    QCOMPARE(p.model->rowCount(), 6);
    int internalGroups = 0;
    for (int g = 0; g < p.model->rowCount(); ++g) {
        const QModelIndex group = p.model->index(g, 0);
        const bool internal = group.data(RecipientModel::InternalRole).toBool();
        // Internal: one summary row that says how many people, and that they are inside.
        QCOMPARE(p.recipients->isExpanded(group), !internal);
        if (internal) {
            ++internalGroups;
            const QString text = group.data().toString();
            const QString people = u"%1 people inside your organisation"_s.arg(p.model->rowCount(group));
            QVERIFY2(text.contains(people), qPrintable(text));
        }
    }
    QCOMPARE(internalGroups, 2);
    // What the person walks through: 2 summary rows, 4 outside groups of 5 with their headers.
    QCOMPARE(shownRows(p.recipients).size(), 2 + 4 * 6);
    // The summary row expands to show the people (Right arrow), and collapses again.
    const QModelIndex head = groupOf(p.model, u"example.co.jp"_s);
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(head);
    QTest::keyClick(p.recipients, Qt::Key_Right);
    QVERIFY(p.recipients->isExpanded(head));
    QCOMPARE(shownRows(p.recipients).size(), 2 + 4 * 6 + 60);
    QTest::keyClick(p.recipients, Qt::Key_Left);
    QVERIFY(!p.recipients->isExpanded(head));

    // A small message keeps every group open.
    auto small = shown(SampleReview::japanese());
    const Parts q = partsOf(small.get());
    for (int g = 0; g < q.model->rowCount(); ++g)
        QVERIFY(q.recipients->isExpanded(q.model->index(g, 0)));
}

void TestReviewDialog::outsideOnlyHidesInternalButNoFlaggedRow_data()
{
    QTest::addColumn<bool>("flaggedInternal");
    QTest::newRow("flagged outside only") << false;
    QTest::newRow("one flagged inside too") << true;
}

void TestReviewDialog::outsideOnlyHidesInternalButNoFlaggedRow()
{
    QFETCH(bool, flaggedInternal);
    auto dialog = shown(SampleReview::hundredTwenty(false, flaggedInternal));
    const Parts p = partsOf(dialog.get());
    auto* outsideOnly = dialog->findChild<QCheckBox*>(u"outsideOnlyCheck"_s);
    QVERIFY(outsideOnly && outsideOnly->isVisible());
    QCOMPARE(p.model->flaggedCount(), flaggedInternal ? 3 : 2);
    // Some internal people ticked before: hiding must not change them.
    const QModelIndex osaka = groupOf(p.model, u"osaka.example.co.jp"_s);
    p.model->setData(p.model->index(0, 0, osaka), Qt::Checked, Qt::CheckStateRole);
    const int checkedBefore = p.model->checkedCount();

    // By its access key, as a keyboard user would.
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
    QTRY_VERIFY(outsideOnly->isChecked());

    int flaggedShown = 0;
    for (const QModelIndex& row : recipientRows(p.model)) {
        const Review::Recipient* r = p.model->recipientAt(row);
        const bool flagged = row.data(RecipientModel::FlaggedRole).toBool();
        if (flagged) {
            QVERIFY2(rowShown(p.recipients, row), qPrintable(r->address));
            ++flaggedShown;
        } else {
            QCOMPARE(rowShown(p.recipients, row), !r->internal);
        }
    }
    QCOMPARE(flaggedShown, p.model->flaggedCount());
    const QList<QModelIndex> rows = shownRows(p.recipients);
    // The 4 outside groups of 5; with a flagged colleague, its group header and that row too.
    QCOMPARE(rows.size(), 4 * 6 + (flaggedInternal ? 2 : 0));
    QVERIFY(rowShown(p.recipients, p.recipients->currentIndex()));
    QCOMPARE(p.model->checkedCount(), checkedBefore);
    QVERIFY(dialog->findChild<QLabel*>(u"progressLabel"_s)->text().contains(u"hidden internal"_s));

    // Off again: the summary rows are back, collapsed as before, still as ticked.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
    QTRY_VERIFY(!outsideOnly->isChecked());
    // (A group with a flagged colleague was never collapsed.)
    QCOMPARE(shownRows(p.recipients).size(), 2 + 4 * 6 + (flaggedInternal ? 40 : 0));
    QCOMPARE(stateOf(p.model->index(0, 0, osaka)), Qt::Checked);
}

void TestReviewDialog::collapsedSummaryTicksItsHiddenMembers()
{
    auto dialog = shown(SampleReview::hundredTwenty());
    const Parts p = partsOf(dialog.get());
    const QModelIndex head = groupOf(p.model, u"example.co.jp"_s);
    QVERIFY(!p.recipients->isExpanded(head));
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(head);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(head), Qt::Checked);
    QCOMPARE(p.model->checkedCount(), 60);
    for (int r = 0; r < p.model->rowCount(head); ++r)
        QCOMPARE(stateOf(p.model->index(r, 0, head)), Qt::Checked);
    QVERIFY(!p.recipients->isExpanded(head)); // ticked as a whole, still one row
    // The other internal summary with the mouse, on its checkbox.
    const QModelIndex osaka = groupOf(p.model, u"osaka.example.co.jp"_s);
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {}, checkboxCentre(p.recipients, osaka));
    QCOMPARE(p.model->checkedCount(), 100);
    QCOMPARE(p.model->uncheckedInternalCount(), 0);
    QTest::keyClick(p.recipients, Qt::Key_Space); // and off again
    QCOMPARE(p.model->checkedCount(), 40);
}

void TestReviewDialog::manyRecipientsSendNeedsEveryFlaggedRow()
{
    auto dialog = shown(SampleReview::hundredTwenty());
    const Parts p = partsOf(dialog.get());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QCOMPARE(QApplication::focusWidget(), p.recipients);
    // Keyboard only: outside recipients only, then every shown row walked with the
    // arrow key, Space on each domain row.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
    auto* outsideOnly = dialog->findChild<QCheckBox*>(u"outsideOnlyCheck"_s);
    QTRY_VERIFY(outsideOnly->isChecked());
    p.recipients->setFocus();
    const QList<QModelIndex> rows = shownRows(p.recipients);
    p.recipients->setCurrentIndex(rows.first());
    QList<QModelIndex> flagged;
    for (const QModelIndex& row : rows) {
        QCOMPARE(p.recipients->currentIndex().siblingAtColumn(0), row);
        if (!row.parent().isValid())
            QTest::keyClick(p.recipients, Qt::Key_Space);
        else if (row.data(RecipientModel::FlaggedRole).toBool())
            flagged << row;
        QTest::keyClick(p.recipients, Qt::Key_Down);
    }
    QCOMPARE(flagged.size(), 2);
    // The domain rows left the flagged outsiders alone; the hidden colleagues are unticked.
    QCOMPARE(p.model->checkedCount(), 18);
    QVERIFY(!p.send->isEnabled());
    // Check all internal ticks the hidden ones (Shift+Tab to it, Space).
    QTest::keyClick(p.recipients, Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), p.checkInternal);
    QTest::keyClick(p.checkInternal, Qt::Key_Space);
    QCOMPARE(p.model->checkedCount(), 118);
    QVERIFY2(!p.send->isEnabled(), "two flagged rows still unacknowledged");
    // One flagged row acknowledged: not yet.
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(flagged.at(0));
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QVERIFY(!p.send->isEnabled());
    // Turning the filter off and on changes nothing about Send.
    outsideOnly->setChecked(false);
    QVERIFY(!p.send->isEnabled());
    outsideOnly->setChecked(true);
    p.recipients->setFocus();
    p.recipients->setCurrentIndex(flagged.at(1));
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QVERIFY(p.send->isEnabled());
    QCOMPARE(p.model->checkedCount(), 120);
    // Unticking a hidden colleague (here through the model, as the filter hides it) disables Send again.
    const QModelIndex hidden = p.model->index(5, 0, groupOf(p.model, u"example.co.jp"_s));
    QVERIFY(!rowShown(p.recipients, hidden));
    p.model->setData(hidden, Qt::Unchecked, Qt::CheckStateRole);
    QVERIFY(!p.send->isEnabled());
    p.model->setData(hidden, Qt::Checked, Qt::CheckStateRole);
    QVERIFY(p.send->isEnabled());
    QTest::keyClick(p.recipients, Qt::Key_Return);
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.at(0).at(0).value<Decision>().kind, Decision::Kind::Send);
}

void TestReviewDialog::pinnedHeaderNamesTheGroupScrolledInto()
{
    auto dialog = shown(SampleReview::hundredTwenty());
    const Parts p = partsOf(dialog.get());
    auto* view = qobject_cast<Ui::RecipientView*>(p.recipients);
    QVERIFY(view);
    QWidget* pinned = view->findChild<QWidget*>(u"pinnedGroupHeader"_s);
    QVERIFY(pinned);
    // At the top, the first group's own row is in view: nothing pinned.
    QVERIFY(!pinned->isVisible());
    QVERIFY(!view->pinnedGroup().isValid());

    // A window made lower by the person, so that the list scrolls far enough.
    dialog->resize(dialog->width(), dialog->height() - view->viewport()->height() * 2 / 3);
    QTRY_VERIFY(view->verticalScrollBar()->maximum() >= 17);
    // Into the middle of the second outside group (partner-shoji.co.jp, after gamma-kogyo.jp).
    const QModelIndex group = groupOf(p.model, u"partner-shoji.co.jp"_s);
    QCOMPARE(group.row(), 1);
    const QModelIndex middle = p.model->index(2, 0, group);
    view->scrollTo(middle, QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    QVERIFY2(view->verticalScrollBar()->value() > 0, "the list must have scrolled");
    QVERIFY(!view->visualRect(group).intersects(view->viewport()->rect())); // its own row scrolled away
    QVERIFY(pinned->isVisible());
    QCOMPARE(view->pinnedGroup(), group);
    QVERIFY2(pinned->accessibleName().contains(u"External: partner-shoji.co.jp"_s),
             qPrintable(pinned->accessibleName()));
    // Over the top of the list, below the column headers, the list's width.
    QCOMPARE(pinned->geometry().top(), view->viewport()->geometry().top());
    QCOMPARE(pinned->width(), view->viewport()->width());
    // The row scrolled to is not under it.
    QVERIFY(view->visualRect(middle).top() >= pinned->height());
    // What is painted there names the domain: the pinned header covers the top row.
    QVERIFY(view->indexAt(QPoint(0, 0)).parent() == group);

    // Further down into the next outside group: its name follows.
    const QModelIndex later = p.model->index(p.model->rowCount() - 2, 0);
    QVERIFY(!later.data(RecipientModel::InternalRole).toBool());
    view->scrollTo(p.model->index(2, 0, later), QAbstractItemView::PositionAtTop);
    QCOMPARE(view->indexAt(QPoint(0, 0)).parent(), later);
    QCOMPARE(view->pinnedGroup(), later);
    QVERIFY2(pinned->accessibleName().contains(u"beta-trading.co.jp"_s),
             qPrintable(pinned->accessibleName()));

    // A click on it goes back to the group's own row, which then needs no pin.
    view->scrollTo(middle, QAbstractItemView::PositionAtTop);
    QCOMPARE(view->pinnedGroup(), group);
    QTest::mouseClick(pinned, Qt::LeftButton, {}, pinned->rect().center());
    QCOMPARE(view->indexAt(QPoint(0, 0)).siblingAtColumn(0), group);
    QVERIFY(!pinned->isVisible());

    // The keyboard's current row is never left under the pin.
    view->scrollTo(middle, QAbstractItemView::PositionAtTop);
    const QModelIndex covered = view->indexAt(QPoint(0, 0));
    QVERIFY(covered.parent().isValid());
    view->setFocus();
    view->setCurrentIndex(covered);
    QVERIFY(!pinned->isVisible() || view->visualRect(covered).top() >= pinned->height());
}

void TestReviewDialog::everyOutsideRowCarriesItsMarker()
{
    auto dialog = shown(SampleReview::hundredTwenty());
    const Parts p = partsOf(dialog.get());
    auto* view = p.recipients;
    // Every row in the model: the marker on outside recipients only, heard by a screen reader too.
    int marked = 0;
    for (const QModelIndex& row : recipientRows(p.model)) {
        const bool internal = p.model->recipientAt(row)->internal;
        const QString marker = row.data(RecipientModel::OutsideMarkerRole).toString();
        QCOMPARE(marker.isEmpty(), internal);
        if (!internal) {
            ++marked;
            QCOMPARE(marker, u"External"_s);
            QVERIFY(row.data(Qt::AccessibleTextRole).toString().contains(u"outside your organisation"_s));
        }
    }
    QCOMPARE(marked, 20);

    // Painted in the row itself: the tag's fill and the coloured edge, on outside
    // rows and on no internal one.
    view->expand(groupOf(p.model, u"example.co.jp"_s));
    const QColor edge = Ui::FindingBadgeDelegate::outsideColour();
    const QColor tagFill(0xff, 0xe8, 0xd6);
    int checkedRows = 0;
    for (int pass = 0; pass < 20 && checkedRows < 30; ++pass) {
        const QImage image = view->viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        for (QModelIndex i = view->indexAt(QPoint(0, 0)); i.isValid(); i = view->indexBelow(i)) {
            const QRect rect = view->visualRect(i.siblingAtColumn(RecipientModel::NameColumn));
            if (rect.bottom() >= view->viewport()->height() || !i.parent().isValid())
                continue;
            const QWidget* pinned = view->findChild<QWidget*>(u"pinnedGroupHeader"_s);
            if (pinned->isVisible() && rect.top() < pinned->height())
                continue; // under the pinned header
            const bool outside = !p.model->recipientAt(i)->internal;
            bool hasTag = false;
            for (int x = rect.left(); x <= rect.right() && !hasTag; ++x)
                hasTag = image.pixelColor(QPoint(x, rect.center().y()) * dpr) == tagFill;
            const QColor edgePixel = image.pixelColor(QPoint(1, rect.center().y()) * dpr);
            QVERIFY2(hasTag == outside, qPrintable(p.model->recipientAt(i)->address));
            QVERIFY2((edgePixel == edge) == outside, qPrintable(p.model->recipientAt(i)->address));
            ++checkedRows;
        }
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 5);
    }
    QVERIFY(checkedRows >= 30);
}

namespace {

QModelIndex rowOf(const RecipientModel* model, const QString& address)
{
    for (const QModelIndex& row : recipientRows(model)) {
        if (model->recipientAt(row)->address == address)
            return row;
    }
    return {};
}

// What the delegate paints in a row's findings cell for the suggestion.
Ui::FindingBadgeDelegate::Suggestion paintedSuggestion(QTreeView* view, const QModelIndex& row)
{
    const QModelIndex cell = row.siblingAtColumn(RecipientModel::FindingsColumn);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.font = view->font();
    option.rect = view->visualRect(cell);
    return Ui::FindingBadgeDelegate::suggestion(option, cell);
}

} // namespace

// unusual-recipient's "probably meant": shown in the row, replaced and undone
// with the keyboard alone, and carried in the decision.
void TestReviewDialog::probablyMeantReplacedByKeyboard()
{
    auto dialog = shown(SampleReview::unusualRecipient());
    const Parts p = partsOf(dialog.get());
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    const QString kenji = u"kenji.tanaka@acme-trading.co.jp"_s;
    const QModelIndex row = rowOf(p.model, kenji);
    QVERIFY(row.isValid());
    const QModelIndex findings = row.siblingAtColumn(RecipientModel::FindingsColumn);
    const QModelIndex address = row.siblingAtColumn(RecipientModel::AddressColumn);

    // In the row, whole at the window's default width, with its button.
    QCOMPARE(findings.data(RecipientModel::SuggestionRole).toString(),
             u"Probably meant: 田中 健 <ken.tanaka@acme.co.jp>"_s);
    Ui::FindingBadgeDelegate::Suggestion painted = paintedSuggestion(p.recipients, row);
    QCOMPARE(painted.text, u"Probably meant: 田中 健 <ken.tanaka@acme.co.jp>"_s);
    QCOMPARE(painted.button, u"Replace"_s);
    QVERIFY(p.recipients->viewport()->rect().contains(painted.buttonRect));
    QVERIFY(row.data(Qt::AccessibleDescriptionRole).toString().contains(u"ken.tanaka@acme.co.jp"_s));
    QVERIFY(row.data(RecipientModel::FlaggedRole).toBool());
    // Rows without a suggestion have none.
    QVERIFY(rowOf(p.model, u"suzuki@acme.co.jp"_s)
                .siblingAtColumn(RecipientModel::FindingsColumn)
                .data(RecipientModel::SuggestionRole)
                .toString()
                .isEmpty());

    // Down to the row (tick it first, to see that the tick does not carry over), Ctrl+R.
    QCOMPARE(QApplication::focusWidget(), p.recipients);
    for (int i = 0; i < 10 && p.recipients->currentIndex().siblingAtColumn(0) != row; ++i)
        QTest::keyClick(p.recipients, Qt::Key_Down);
    QCOMPARE(p.recipients->currentIndex().siblingAtColumn(0), row);
    QTest::keyClick(p.recipients, Qt::Key_Space);
    QCOMPARE(stateOf(row), Qt::Checked);
    QTest::keyClick(p.recipients, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(address.data().toString(), u"ken.tanaka@acme.co.jp"_s);
    QCOMPARE(row.data().toString(), u"田中 健"_s);
    QCOMPARE(findings.data(RecipientModel::SuggestionRole).toString(),
             u"was: 田中 健二 <kenji.tanaka@acme-trading.co.jp>"_s);
    QCOMPARE(findings.data(RecipientModel::BadgeLabelsRole).toStringList(), QStringList{u"Replaced"_s});
    QCOMPARE(paintedSuggestion(p.recipients, row).button, u"Undo"_s);
    QVERIFY(!row.data(RecipientModel::FlaggedRole).toBool()); // answered
    QCOMPARE(stateOf(row), Qt::Unchecked);                    // the new address needs its own tick

    // Ctrl+R again undoes it.
    QTest::keyClick(p.recipients, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(address.data().toString(), kenji);
    QCOMPARE(row.data().toString(), u"田中 健二"_s);
    QCOMPARE(findings.data(RecipientModel::SuggestionRole).toString(),
             u"Probably meant: 田中 健 <ken.tanaka@acme.co.jp>"_s);
    QVERIFY(findings.data(RecipientModel::BadgeLabelsRole).toStringList() != QStringList{u"Replaced"_s});
    QVERIFY(row.data(RecipientModel::FlaggedRole).toBool());

    // Replaced once more, everything ticked by keyboard, Send with Return.
    QTest::keyClick(p.recipients, Qt::Key_R, Qt::ControlModifier);
    tickEverythingWithSpace(p);
    QVERIFY(p.send->isEnabled());
    p.send->setFocus();
    QTest::keyClick(p.send, Qt::Key_Return);
    QCOMPARE(decided.size(), 1);
    const auto decision = decided.first().first().value<Decision>();
    QCOMPARE(decision.kind, Decision::Kind::Send);
    QCOMPARE(decision.replacements,
             (QList<Delivery::Replacement>{{kenji, u"ken.tanaka@acme.co.jp"_s, u"田中 健"_s}}));
}

void TestReviewDialog::probablyMeantReplacedByMouse()
{
    auto dialog = shown(SampleReview::unusualRecipient());
    const Parts p = partsOf(dialog.get());
    const QModelIndex row = rowOf(p.model, u"kenji.tanaka@acme-trading.co.jp"_s);
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {},
                      paintedSuggestion(p.recipients, row).buttonRect.center());
    QVERIFY(p.model->isReplaced(row));
    QCOMPARE(p.model->replacements().size(), 1);
    QTest::mouseClick(p.recipients->viewport(), Qt::LeftButton, {},
                      paintedSuggestion(p.recipients, row).buttonRect.center());
    QVERIFY(!p.model->isReplaced(row));
    QVERIFY(p.model->replacements().isEmpty());
    // Sent without replacing: the decision has none.
    QSignalSpy decided(dialog.get(), &ReviewDialog::decided);
    tickEverythingWithSpace(p);
    QTest::mouseClick(p.send, Qt::LeftButton);
    QCOMPARE(decided.size(), 1);
    QVERIFY(decided.first().first().value<Decision>().replacements.isEmpty());
}

QTEST_MAIN(TestReviewDialog)
#include "TestReviewDialog.moc"
