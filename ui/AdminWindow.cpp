#include "AdminWindow.h"

#include "Icons.h"
#include "ListEditor.h"
#include "SettingRow.h"
#include "SettingValidator.h"
#include "WindowSize.h"
#include "review/checks/CheckInfo.h"
#include "review/checks/CheckRegistry.h"
#include "settings/AdminPolicy.h"
#include "settings/PolicyCheck.h"
#include "settings/PolicyExport.h"
#include "settings/Validation.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

using Settings::Validation;

enum Page
{
    DomainsPage,
    ListsPage,
    ChecksPage,
    ReviewPage,
    SignInPage,
    CertificatesPage,
    ListenerPage,
    GeneralPage,
    PageCount
};

// The keys this window knows by name: their page and label, in the order
// they are shown. A key that is not here still gets a row (see pageFor()),
// labelled with its name, so a new setting can be set before it is named here.
struct KnownKey
{
    const char* key;
    Page page;
    const char* label;
};

const KnownKey kKnownKeys[] = {
    {"policy/internal_domains", DomainsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Internal domains")},
    {"policy/same_organisation", DomainsPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Domains of one organisation")},
    {"policy/known_domains", DomainsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Known domains")},
    {"policy/caution_domains", DomainsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Caution domains")},
    {"policy/blocked_domains", DomainsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Blocked domains")},
    {"policy/keywords", ListsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Keywords")},
    {"policy/risky_extensions", ListsPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Risky file extensions")},
    {"policy/many_external_threshold", ChecksPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Many external addresses from")},
    {"policy/many_external_domains_threshold", ChecksPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Many external domains from")},
    {"policy/many_external_bcc", ChecksPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Move many external addresses to Bcc")},
    {"policy/landline_phone_threshold", ChecksPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Landline numbers counted from")},
    {"policy/review", ReviewPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "When to review")},
    {"policy/allow_pause", ReviewPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Allow Pause protection")},
    {"policy/allow_scripted_decisions", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Allow reviews answered by a script")},
    {"delivery/client_wait_seconds", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Mail program wait (seconds)")},
    {"delivery/countdown_seconds", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Countdown after Send (seconds)")},
    {"delivery/retry_initial_seconds", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "First retry after (seconds)")},
    {"delivery/retry_max_seconds", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Longest wait between retries (seconds)")},
    {"delivery/give_up_hours", ReviewPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Give up after (hours)")},
    {"delivery/upstream_timeout_seconds", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Server answer timeout (seconds)")},
    {"delivery/upstream_connections", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Connections kept open per account")},
    {"delivery/retention_days", ReviewPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Keep sent messages (days)")},
    {"delivery/test_mode_folder", ReviewPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Test mode folder")},
    {"accounts/oauth_client_id", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in application (client) ID")},
    {"accounts/oauth_tenant", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Microsoft 365 tenant")},
    {"accounts/preset", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Provider preset")},
    {"accounts/host", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Submission server")},
    {"accounts/port", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Submission server port")},
    {"accounts/security", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Connection security")},
    {"accounts/auth", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in method")},
    {"accounts/user", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Server user name")},
    {"accounts/from", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sender addresses")},
    {"accounts/allow_plaintext_auth", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Allow sign-in without encryption")},
    {"accounts/ca_file", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Extra certificate authority (PEM)")},
    {"accounts/oauth_client_secret", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in client secret (Google desktop apps)")},
    {"accounts/oauth_scopes", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in scopes")},
    {"accounts/oauth_authorize_url", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in authorization address")},
    {"accounts/oauth_token_url", SignInPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in token address")},
    {"accounts/oauth_device_url", SignInPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Sign-in device-code address")},
    {"general/certificate_source", CertificatesPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Certificate folder")},
    {"accounts/smime_p12", CertificatesPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "S/MIME certificate file")},
    {"accounts/sign", CertificatesPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "When to sign (S/MIME)")},
    {"accounts/encrypt", CertificatesPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "When to encrypt (S/MIME)")},
    {"accounts/encrypt_domains", CertificatesPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Domains that require encryption")},
    {"listener/port", ListenerPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Port for mail programs")},
    {"listener/require_auth", ListenerPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Mail programs must log in")},
    {"listener/max_sessions", ListenerPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Most connections at once")},
    {"listener/max_message_size", ListenerPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Largest message (bytes)")},
    {"listener/max_recipients", ListenerPage,
     QT_TRANSLATE_NOOP("Ui::AdminWindow", "Most recipients per message")},
    {"general/language", GeneralPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Language")},
    {"general/start_at_login", GeneralPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Start at login")},
    {"general/data_dir", GeneralPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Data folder")},
    {"secrets/store", GeneralPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Secret store")},
    {"secrets/file", GeneralPage, QT_TRANSLATE_NOOP("Ui::AdminWindow", "Secrets file")},
};

const KnownKey* known(const QString& key)
{
    for (const KnownKey& k : kKnownKeys) {
        if (key == QLatin1StringView(k.key))
            return &k;
    }
    return nullptr;
}

// A key that is not in the table: its page by its name and group.
Page pageFor(const QString& key)
{
    if (const KnownKey* k = known(key))
        return k->page;
    if (key.startsWith(u"checks/"_s))
        return ChecksPage;
    const QString name = key.mid(key.lastIndexOf(u'/') + 1);
    if (name.contains(u"certificate"_s) || name.startsWith(u"smime"_s))
        return CertificatesPage;
    if (key.startsWith(u"accounts/"_s))
        return SignInPage;
    if (key.startsWith(u"listener/"_s))
        return ListenerPage;
    if (key.startsWith(u"delivery/"_s))
        return ReviewPage;
    if (key.startsWith(u"policy/"_s))
        return name.endsWith(u"_domains"_s) ? DomainsPage : ListsPage;
    return GeneralPage;
}

// "accounts/KEY" (every account) has the rules of "account.NAME/KEY".
QString ruleKey(const QString& key)
{
    return key.startsWith(u"accounts/"_s) ? u"account.any/"_s + key.mid(9) : key;
}

Validation::KeySpec specOf(const QString& key)
{
    return Validation::spec(ruleKey(key)).value_or(Validation::KeySpec{});
}

bool isList(Validation::Type type)
{
    using T = Validation::Type;
    return type == T::DomainList || type == T::AddressList || type == T::TextList ||
           type == T::ExtensionList || type == T::DomainGroups;
}

QWidget* scrolling(QWidget* content)
{
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

AdminWindow::AdminWindow(QWidget* parent) : QWidget(parent)
{
    setWindowTitle(tr("Yubisashi policy for administrators"));
    setWindowIcon(icon(u"yubisashi"_s));
    const QStringList titles{tr("Domains"), tr("Lists"),        tr("Checks"),        tr("Review and timing"),
                             tr("Sign-in"), tr("Certificates"), tr("Mail programs"), tr("General")};
    const QStringList explanations{
        tr("Which domains are your organisation's, which belong together, and which need care."),
        tr("Words and file types the checks look for."),
        tr("What each check does with what it finds: off, show, confirm (an extra tick before Send) or "
           "block."),
        tr("When the review window is shown, and how long mail waits and is kept."),
        tr("These apply to every account, whatever each person named it ([accounts])."),
        tr("Where certificates come from and when mail is signed or encrypted."),
        tr("The local mail server the mail programs send to."),
        tr("Language, start at login, and where data and secrets are kept."),
    };

    auto* layout = new QVBoxLayout(this);
    auto* intro = note(tr("Choose a tier for each setting you want to manage. Locked: every person gets the "
                          "value and cannot change it. Recommended: a default each person may change. Not "
                          "set: each person's own setting applies."),
                       this);
    layout->addWidget(intro);
    m_banner = new QLabel(this);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto* body = new QHBoxLayout;
    m_pages = new QListWidget(this);
    m_pages->setObjectName(u"pageList"_s);
    m_pages->setAccessibleName(tr("Policy pages"));
    m_stack = new QStackedWidget(this);
    QList<QWidget*> contents;
    for (int i = 0; i < PageCount; ++i) {
        auto* page = new QWidget;
        auto* pageLayout = new QVBoxLayout(page);
        auto* heading = new QLabel(titles.at(i), page);
        QFont f = heading->font();
        f.setBold(true);
        heading->setFont(f);
        pageLayout->addWidget(heading);
        pageLayout->addWidget(note(explanations.at(i), page));
        auto* form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        pageLayout->addLayout(form);
        pageLayout->addStretch(1);
        contents << page;
        m_pages->addItem(titles.at(i));
        m_stack->addWidget(scrolling(page));
    }
    buildRows(contents);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_pages->setIconSize(QSize(iconSize, iconSize));
    m_pages->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    m_pages->setMaximumWidth(m_pages->sizeHintForColumn(0) + 4 * m_pages->frameWidth() + iconSize +
                             latinCharWidth(m_pages) * 4);
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentRow(0);

    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open…"), this);
    open->setObjectName(u"openButton"_s);
    connect(open, &QPushButton::clicked, this, &AdminWindow::openWithDialog);
    buttons->addWidget(open);
    buttons->addStretch(1);
    const QList<std::pair<Format, QString>> exports{{Format::Ini, tr("Save as &INI…")},
                                                    {Format::Reg, tr("Export .&reg…")},
                                                    {Format::MobileConfig, tr("Export .&mobileconfig…")}};
    for (const auto& [format, text] : exports) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(format == Format::Ini   ? u"saveIniButton"_s
                              : format == Format::Reg ? u"exportRegButton"_s
                                                      : u"exportMobileconfigButton"_s);
        const Format f = format;
        connect(button, &QPushButton::clicked, this, [this, f] { exportWithDialog(f); });
        buttons->addWidget(button);
        m_exportButtons << button;
    }
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(u"closeButton"_s);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    updateExportState();
    resizeWithinScreen(this, QSize(latinCharWidth(this) * 130, latinCharWidth(this) * 80));
}

void AdminWindow::buildRows(const QList<QWidget*>& pages)
{
    QStringList keys = Settings::AdminPolicy::templateKeys();
    for (const QString& code : Review::CheckRegistry::codes())
        keys << u"checks/"_s + code;
    // Known keys in the table's order, then the others as the lists give them.
    QStringList ordered;
    for (const KnownKey& k : kKnownKeys) {
        if (keys.contains(QLatin1StringView(k.key)))
            ordered << QString::fromLatin1(k.key);
    }
    for (const QString& k : std::as_const(keys)) {
        if (!ordered.contains(k))
            ordered << k;
    }
    // By page, keeping that order within a page.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const QString& a, const QString& b) { return pageFor(a) < pageFor(b); });

    for (const QString& key : std::as_const(ordered)) {
        if (!Settings::AdminPolicy::refusal(key).isEmpty())
            continue; // not something a policy may set
        Row r;
        r.key = key;
        r.page = pageFor(key);
        QWidget* page = pages.at(r.page);
        auto* form = page->findChild<QFormLayout*>();
        const Validation::KeySpec spec = specOf(key);
        const SettingValidator::Rule rule = SettingValidator::keyRule(ruleKey(key));

        auto* holder = new QWidget(page);
        auto* line = new QHBoxLayout(holder);
        line->setContentsMargins(0, 0, 0, 0);
        r.tier = new QComboBox(holder);
        r.tier->setObjectName(key + u"#tier"_s);
        r.tier->addItem(tr("Not set"), int(Tier::NotSet));
        r.tier->addItem(tr("Recommended"), int(Tier::Recommended));
        r.tier->addItem(tr("Locked"), int(Tier::Locked));
        r.tier->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

        if (spec.type == Validation::Type::Boolean || spec.type == Validation::Type::Choice) {
            auto* combo = new QComboBox(holder);
            if (spec.type == Validation::Type::Boolean) {
                combo->addItem(tr("Yes"), u"true"_s);
                combo->addItem(tr("No"), u"false"_s);
            } else {
                for (const QString& c : spec.choices)
                    combo->addItem(c, c);
                if (spec.allowEmpty)
                    combo->insertItem(0, tr("(none)"), QString());
                combo->setCurrentIndex(0);
            }
            combo->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
            connect(combo, &QComboBox::currentIndexChanged, this, [this, key] { valueEdited(key); });
            r.field = combo;
        } else if (isList(spec.type)) {
            const SettingValidator::Rule entryRule =
                spec.type == Validation::Type::DomainList
                    ? SettingValidator::Rule([](const QString& v) { return Validation::domainProblem(v); })
                    : rule;
            auto* editor = new ListEditor(entryRule, holder);
            connect(editor, &ListEditor::changed, this, [this, key] { valueEdited(key); });
            r.field = editor;
        } else {
            auto* edit = new QLineEdit(holder);
            edit->setValidator(new SettingValidator(rule, edit));
            connect(edit, &QLineEdit::textEdited, this, [this, key] { valueEdited(key); });
            connect(edit, &QLineEdit::textChanged, this, [this, key] { refresh(key); });
            r.field = edit;
        }
        r.field->setObjectName(key);
        r.field->setToolTip(key);
        r.row = new SettingRow(r.field, holder);
        line->addWidget(r.tier, 0, Qt::AlignTop);
        line->addWidget(r.row, 1);

        QString label;
        if (const KnownKey* k = known(key))
            label = tr(k->label);
        else if (const Review::CheckInfo* info =
                     key.startsWith(u"checks/"_s) ? Review::CheckRegistry::info(key.mid(7)) : nullptr)
            label = Review::CheckInfo::translated(info->title);
        else
            label = key;
        auto* labelWidget = new QLabel(label + u':', page);
        labelWidget->setToolTip(key);
        labelWidget->setBuddy(r.tier);
        form->addRow(labelWidget, holder);

        connect(r.tier, &QComboBox::currentIndexChanged, this, [this, key] { refresh(key); });
        m_rows.insert(key, r);
        m_order << key;
    }
}

QWidget* AdminWindow::field(const QString& key) const
{
    return m_rows.value(key).field;
}

QComboBox* AdminWindow::tierChooser(const QString& key) const
{
    return m_rows.value(key).tier;
}

SettingRow* AdminWindow::row(const QString& key) const
{
    return m_rows.value(key).row;
}

AdminWindow::Tier AdminWindow::tier(const QString& key) const
{
    const QComboBox* c = tierChooser(key);
    return c ? Tier(c->currentData().toInt()) : Tier::NotSet;
}

void AdminWindow::setTier(const QString& key, Tier tier)
{
    if (QComboBox* c = tierChooser(key))
        c->setCurrentIndex(c->findData(int(tier)));
}

QString AdminWindow::value(const QString& key) const
{
    const QWidget* f = field(key);
    if (const auto* combo = qobject_cast<const QComboBox*>(f))
        return combo->currentData().toString();
    if (const auto* editor = qobject_cast<const ListEditor*>(f))
        return editor->values().join(u", "_s);
    if (const auto* edit = qobject_cast<const QLineEdit*>(f))
        return edit->text();
    return QString();
}

void AdminWindow::setValue(const QString& key, const QString& value)
{
    // Setting a value from a file or a test leaves the tier as it is.
    const bool wasLoading = m_loading;
    m_loading = true;
    QWidget* f = field(key);
    if (auto* combo = qobject_cast<QComboBox*>(f)) {
        QString word = value.trimmed();
        if (specOf(key).type == Validation::Type::Boolean) {
            if (const std::optional<bool> b = Validation::parseBoolean(word))
                word = *b ? u"true"_s : u"false"_s;
        } else {
            word = word.toLower();
        }
        int index = combo->findData(word);
        if (index < 0) {
            // A value the rule refuses is shown as written, with its problem.
            combo->addItem(value, value);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    } else if (auto* editor = qobject_cast<ListEditor*>(f)) {
        QStringList items;
        for (const QString& item : value.split(u',')) {
            if (!item.trimmed().isEmpty())
                items << item.trimmed();
        }
        editor->setValues(items);
        emit editor->changed();
    } else if (auto* edit = qobject_cast<QLineEdit*>(f)) {
        edit->setText(value);
    }
    m_loading = wasLoading;
    refresh(key);
}

int AdminWindow::pageOf(const QString& key) const
{
    return m_rows.contains(key) ? m_rows.value(key).page : -1;
}

void AdminWindow::showPage(int page)
{
    m_pages->setCurrentRow(page);
}

int AdminWindow::pageCount() const
{
    return m_stack->count();
}

// Changing a value of a key that is not set yet sets it: locked, what an
// administrator usually wants; the chooser shows it at once.
void AdminWindow::valueEdited(const QString& key)
{
    if (!m_loading && tier(key) == Tier::NotSet)
        setTier(key, Tier::Locked);
    refresh(key);
}

QString AdminWindow::problemOf(const Row& row) const
{
    if (Tier(row.tier->currentData().toInt()) == Tier::NotSet)
        return QString();
    return Validation::check(ruleKey(row.key), value(row.key));
}

void AdminWindow::refresh(const QString& key)
{
    const auto it = m_rows.constFind(key);
    if (it == m_rows.constEnd())
        return;
    it->row->setProblem(problemOf(*it));
    updateExportState();
}

QStringList AdminWindow::problems() const
{
    QStringList out;
    for (const QString& key : m_order) {
        if (const QString p = problemOf(m_rows.value(key)); !p.isEmpty())
            out << key + u": "_s + p;
    }
    return out;
}

void AdminWindow::updateExportState()
{
    if (!m_status)
        return;
    QList<int> badPages;
    int set = 0;
    for (const QString& key : std::as_const(m_order)) {
        const Row& r = m_rows[key];
        if (tier(key) != Tier::NotSet)
            ++set;
        if (!problemOf(r).isEmpty() && !badPages.contains(r.page))
            badPages << r.page;
    }
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->item(i)->setIcon(badPages.contains(i) ? icon(u"dialog-warning"_s) : QIcon());
    for (QPushButton* b : std::as_const(m_exportButtons))
        b->setEnabled(badPages.isEmpty());
    if (!badPages.isEmpty()) {
        QStringList names;
        for (int p : std::as_const(badPages))
            names << m_pages->item(p)->text();
        m_status->setText(
            tr("Some values cannot be used; their pages are marked: %1. Correct them, or set them "
               "to \"Not set\", before saving.")
                .arg(names.join(tr(", "))));
    } else {
        m_status->setText(tr("%n setting(s) set.", nullptr, set + int(m_kept.size())));
    }
}

QList<Settings::PolicyEntry> AdminWindow::entries() const
{
    QList<Settings::PolicyEntry> out;
    for (const QString& key : m_order) {
        const Tier t = tier(key);
        if (t == Tier::NotSet)
            continue;
        Settings::PolicyEntry e;
        e.key = key;
        e.value = value(key);
        e.tier = t == Tier::Locked ? Settings::PolicyTier::Locked : Settings::PolicyTier::Recommended;
        out << e;
    }
    return out + m_kept;
}

bool AdminWindow::exportTo(Format format, const QString& path, QString* error)
{
    for (const QString& key : std::as_const(m_order)) {
        if (auto* editor = qobject_cast<ListEditor*>(field(key)))
            editor->commitPending();
    }
    const QStringList bad = problems();
    if (!bad.isEmpty()) {
        *error = tr("Nothing was saved: some values cannot be used. Correct them first:") + u'\n' +
                 bad.join(u'\n');
        return false;
    }
    const QList<Settings::PolicyEntry> list = entries();
    const QByteArray data = format == Format::Ini   ? Settings::PolicyExport::ini(list)
                            : format == Format::Reg ? Settings::PolicyExport::reg(list)
                                                    : Settings::PolicyExport::mobileconfig(list);
    if (!Settings::PolicyExport::save(data, path, error))
        return false;
    if (format == Format::Ini)
        m_path = path;
    return true;
}

void AdminWindow::exportWithDialog(Format format)
{
    const QString folder = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    QString title, name, filter;
    switch (format) {
    case Format::Ini:
        title = tr("Save the policy as an INI file");
        name = u"policy.ini"_s;
        filter = tr("Policy files (*.ini)");
        break;
    case Format::Reg:
        title = tr("Export the policy for the Windows registry");
        name = u"yubisashi-policy.reg"_s;
        filter = tr("Registry files (*.reg)");
        break;
    case Format::MobileConfig:
        title = tr("Export the policy as a macOS configuration profile");
        name = u"yubisashi.mobileconfig"_s;
        filter = tr("Configuration profiles (*.mobileconfig)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, title, QDir(folder).filePath(name), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(format, path, &error)) {
        m_status->setText(error);
        return;
    }
    const QString shown = QDir::toNativeSeparators(path);
    switch (format) {
    case Format::Ini:
        m_status->setText(tr("Saved %1. On Linux, copy it to /etc/xdg/Yubisashi/policy.ini.").arg(shown));
        break;
    case Format::Reg:
        m_status->setText(tr("Exported %1. Import it on Windows with regedit or reg import as an "
                             "administrator, or deploy the same values with Group Policy.")
                              .arg(shown));
        break;
    case Format::MobileConfig:
        m_status->setText(
            tr("Exported %1. Install it on macOS with your device management (MDM) or in System Settings.")
                .arg(shown));
        break;
    }
}

void AdminWindow::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a policy file"),
                                                      m_path.isEmpty() ? QDir::homePath() : m_path,
                                                      tr("Policy files (*.ini *.reg);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void AdminWindow::showBanner(const QStringList& lines)
{
    m_banner->setText(lines.join(u'\n'));
    m_banner->setVisible(!lines.isEmpty());
}

bool AdminWindow::openFile(const QString& path)
{
    QStringList problems;
    QString base;
    bool readable = false;
    const QList<Settings::PolicyEntry> read =
        Settings::PolicyCheck::readEntries(path, &problems, &base, &readable);
    if (!readable) {
        showBanner(problems);
        return false;
    }
    // What the loader would say about the file (unknown keys, secrets, values).
    Settings::AdminPolicy::fromEntries(read, QDir::toNativeSeparators(path), base, &problems);

    m_loading = true;
    m_kept.clear();
    for (const QString& key : std::as_const(m_order))
        setTier(key, Tier::NotSet);
    QSet<QString> seen;
    for (const Settings::PolicyEntry& e : read) {
        if (m_rows.contains(e.key)) {
            if (seen.contains(e.key))
                continue; // the same key again (recommended after locked, HKCU after HKLM): the first wins
            seen.insert(e.key);
            setValue(e.key, Settings::PolicyExport::text(e.value));
            setTier(e.key, e.tier == Settings::PolicyTier::Locked ? Tier::Locked : Tier::Recommended);
        } else if (Settings::AdminPolicy::refusal(e.key).isEmpty()) {
            m_kept << e;
        }
    }
    m_loading = false;
    m_path = path;
    if (!m_kept.isEmpty())
        problems << tr("%n setting(s) for accounts by name are not shown here; they are kept and saved again "
                       "as they are.",
                       nullptr, int(m_kept.size()));
    showBanner(problems);
    setWindowTitle(tr("%1 - Yubisashi policy for administrators").arg(QFileInfo(path).fileName()));
    for (const QString& key : std::as_const(m_order))
        refresh(key);
    updateExportState();
    return true;
}

} // namespace Ui
