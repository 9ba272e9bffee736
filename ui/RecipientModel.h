#pragma once

#include "delivery/Decision.h"
#include "review/Review.h"

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

namespace Ui {

// The recipients of one message as a two-level tree: domain groups (external
// groups with a flagged recipient first, then internal, then the other
// external ones) with the recipients of each domain below. Every recipient has
// a checkbox; a domain row is tristate. An internal domain row ticks all of its
// recipients; an external one ticks only the recipients without a warning, so
// one click never confirms a flagged outsider: that row's own tick is its
// acknowledgement. Plain data and no widgets per row, so 1,000 recipients stay
// fast. A message with more than SummariseInternalAbove recipients shows each
// internal group as a summary row (how many people, inside the organisation)
// that the view collapses; every outside recipient row carries a marker of its
// own (OutsideMarkerRole), so the group header need not be in view.
class RecipientModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        FieldColumn,
        AddressColumn,
        FindingsColumn,
        ColumnCount
    };
    enum Role
    {
        BadgeLabelsRole = Qt::UserRole + 1, // QStringList: short label per finding
        BadgeTipsRole,                      // QStringList: the finding message per badge
        BadgeSeveritiesRole,                // QVariantList of int(Review::Severity)
        InternalRole,                       // bool
        IsDomainRole,                       // bool: a domain group row
        FlaggedRole,       // bool: a recipient that must be ticked on its own row (a group: has one)
        HighlightRole,     // QVariantList of QPoint(start, length): runs of DisplayRole to emphasise
        OutsideMarkerRole, // QString: the marker an outside recipient's own row shows (name column)
        // unusual-recipient's suggestion (findings column): "Probably meant: 田中 健 <ken@…>",
        // or once replaced "was: 田中 健二 <kenji@…>"; empty for other rows.
        SuggestionRole,
        SuggestionActionRole, // QString: the row's button, "Replace" or "Undo"
        ReplacedRole,         // bool: the row's recipient was replaced by the suggestion
    };

    // Above this many recipients, internal groups become summary rows shown
    // collapsed: the outside recipients are what needs reading in a large list.
    static constexpr int SummariseInternalAbove = 30;

    explicit RecipientModel(QObject* parent = nullptr);

    void setRecipients(const QList<Review::Recipient>& recipients, const QList<Review::Finding>& findings);

    int recipientCount() const { return m_total; }
    int checkedCount() const { return m_checked; }
    bool allChecked() const { return m_checked == m_total; }
    int externalCount() const { return m_external; }
    int externalDomainCount() const;
    int flaggedCount() const { return m_flagged; }
    bool summarisesInternal() const { return m_total > SummariseInternalAbove; }
    int uncheckedInternalCount() const;
    // Ticks every internal recipient and leaves external ones exactly as they are:
    // an external address must always be ticked by a deliberate act.
    void checkAllInternal();
    // Shows the rows of these addresses as moved from To/Cc to Bcc, or back.
    void setMovedToBcc(const QStringList& addresses, bool moved);
    // unusual-recipient's "probably meant": replaces the recipient of a row
    // with its suggestion, or undoes that. The row shows the new mailbox and
    // the old one ("was: ..."), the finding counts as answered, and the row
    // is unticked: the new address needs its own tick. false when the row has
    // no suggestion or already is in that state.
    bool setReplaced(const QModelIndex& index, bool replaced);
    bool hasSuggestion(const QModelIndex& index) const;
    // Whether any row has a suggestion (those rows are two lines high).
    bool hasSuggestions() const { return m_suggestions > 0; }
    bool isReplaced(const QModelIndex& index) const;
    // The suggestion of a row as "name <address>"; empty when it has none.
    QString suggestionText(const QModelIndex& index) const;
    // The replacements made, for the decision.
    QList<Delivery::Replacement> replacements() const;
    // The recipient at a recipient row, or nullptr for a domain row.
    const Review::Recipient* recipientAt(const QModelIndex& index) const;

    // What the field column shows: "To", or "To → Bcc" once moved.
    static QString fieldText(Review::Field field, bool movedToBcc);
    // A short label for a finding code, for a badge.
    static QString badgeLabel(const QString& code);
    // The marker on an outside recipient's row: "External".
    static QString outsideMarker();
    // Whether a finding makes its recipients "flagged": a warning or anything to
    // acknowledge. The many-external-visible finding names recipients but is
    // about the message's To and Cc as a whole, and is answered by the Bcc choice.
    static bool flagsRecipient(const Review::Finding& finding);
    // The positions in domain of the letters that differ from similar (those
    // outside their longest common subsequence).
    static QList<int> differingLetters(const QString& domain, const QString& similar);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedCountChanged(int checked, int total);
    // A row's findings changed what needs attention (a replacement made or undone).
    void flaggedCountChanged(int flagged);

private:
    struct Row
    {
        Review::Recipient recipient;
        QStringList badgeLabels;
        QStringList badgeTips;
        QVariantList badgeSeverities;
        bool checked = false;
        bool movedToBcc = false;
        bool flagged = false;
        qsizetype bccBadge = -1; // the many-external-visible badge, relabelled once moved
        QString bccTip;          // and what it said before
        QVariant bccSeverity;
        QList<bool> badgeFlags; // per badge: its finding flags the recipient
        // unusual-recipient's suggestion: who was probably meant, and whether it was taken.
        Review::Address suggestion;
        bool replaced = false;
        qsizetype unusualBadge = -1;
        QString unusualTip;
        QVariant unusualSeverity;
    };
    struct Group
    {
        QString domain;
        bool internal = false;
        QList<Row> rows;
        int checked = 0;
        QString similarDomain; // look-alike-domain: the domain this one resembles
        bool flagged = false;
    };

    QVariant domainData(int group, int column, int role) const;
    QVariant recipientData(const Group& group, const Row& row, int column, int role) const;
    Qt::CheckState groupState(const Group& group) const;
    // Sets the rows [first, last] of a group and emits the changes in one range.
    void setGroupRange(int group, int first, int last, bool checked);

    QList<Group> m_groups;
    int m_total = 0;
    int m_checked = 0;
    int m_external = 0;
    int m_flagged = 0;
    int m_suggestions = 0;
};

} // namespace Ui
