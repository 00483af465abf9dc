#include "gui/routing/RoutingPage.h"

#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "changes/StagingHistory.h"
#include "core/RouteExplanation.h"
#include "core/RouteLinter.h"
#include "gui/PageActions.h"
#include "gui/RecordsPage.h"
#include "gui/Retranslate.h"
#include "gui/StageOrWarn.h"
#include "gui/TableCsvExport.h"
#include "gui/TextStyle.h"
#include "gui/numbers/AddNumberDialog.h"
#include "gui/numbers/EditNumberDialog.h"
#include "gui/routing/MigrateNumbersDialog.h"
#include "gui/routing/RoutesModel.h"
#include "providers/ProviderRegistry.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/ProfileRepository.h"
#include "ui_RoutingPage.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

const QString kSplitterKey = u"routing/splitter"_s;
const QString kLowerSplitterKey = u"routing/lowerSplitter"_s;
const QString kHeaderKey = u"routing/header"_s;

// Every number of one account lives in the account's organisation; the matcher only needs it to be
// the same for every entry and for the dialed call.
const QString kOrganization = u"account"_s;

// On each top-level tester item: the model row of the winner, -1 for none.
constexpr int kWinnerRole = Qt::UserRole + 1;

// The profile's numbers with their open (pending or failed) edits applied and the numbers staged to be
// added after them, so that the tester and the linter judge the routes as they will be; `staged` gets
// the ids of those edited or added, `revisions` the revision of each edit (the one an edit is made on).
QList<core::PhoneNumberRecord> numbersAsEdited(store::Database& database, const store::Profile& profile,
                                               QSet<QString>* staged, QHash<QString, qint64>* revisions,
                                               QString* error) {
    using Payloads = changes::NumberChangePayloads;
    QList<core::PhoneNumberRecord> numbers =
        store::PhoneNumberRepository(database).list(profile.id, {}, error);
    QHash<QString, QJsonObject> edits;
    QList<core::PhoneNumberRecord> added;
    const QList<store::PendingChange> open = store::PendingChangeRepository(database).list(
        profile.id, {store::ChangeState::Pending, store::ChangeState::Failed}, error);
    for (const store::PendingChange& change : open) {
        if (change.entity != Payloads::kPhoneNumber)
            continue;
        if (change.operation == store::ChangeOperation::Update) {
            edits.insert(change.entityKey, change.payload); // the stager keeps one open update per record
            revisions->insert(change.entityKey, change.revision);
        } else if (change.operation == store::ChangeOperation::Create) {
            core::PhoneNumberRecord number;
            number.provider = profile.provider;
            number.id = change.entityKey;
            number.e164 = change.payload.value(Payloads::kPhoneNumberKey).toString();
            number.label = change.payload.value(Payloads::kFriendlyNameKey).toString();
            number.restcomm = core::RestcommAttributes{};
            number.restcomm->pureSip = change.payload.value(Payloads::kIsSipKey).toBool();
            added << number;
            staged->insert(number.id);
        }
    }
    for (core::PhoneNumberRecord& number : numbers) {
        if (const auto edit = edits.constFind(number.id); edit != edits.constEnd()) {
            number = Payloads::applyNumberFields(number, *edit);
            staged->insert(number.id);
        }
    }
    return numbers + added;
}

QString severityText(core::RouteFinding::Severity severity) {
    switch (severity) {
    case core::RouteFinding::Severity::Error:
        return RoutingPage::tr("Error");
    case core::RouteFinding::Severity::Warning:
        return RoutingPage::tr("Warning");
    case core::RouteFinding::Severity::Info:
        break;
    }
    return RoutingPage::tr("Note");
}

QStyle::StandardPixmap severityIcon(core::RouteFinding::Severity severity) {
    switch (severity) {
    case core::RouteFinding::Severity::Error:
        return QStyle::SP_MessageBoxCritical;
    case core::RouteFinding::Severity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case core::RouteFinding::Severity::Info:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

RoutingPage::RoutingPage(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RoutingPage>())
    , m_database(database)
    , m_model(new RoutesModel(this)) {
    m_ui->setupUi(this);
    setObjectName(u"routingPage"_s);
    text::makeHeading(m_ui->titleLabel, text::kPageTitleScale);
    text::makeHeading(m_ui->testerHeading, 1.15);
    text::makeHeading(m_ui->linterHeading, 1.15);
    text::makeSecondary({m_ui->countLabel, m_ui->smsNoteLabel});

    m_ui->routesView->setModel(m_model);
    new TableCsvExport(this, m_ui->routesView, u"routes"_s, m_ui->titleLayout);
    QHeaderView* header = m_ui->routesView->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setColumnWidths(header, {{RoutesModel::EntryColumn, 150},
                             {RoutesModel::KindColumn, 90},
                             {RoutesModel::FriendlyNameColumn, 240},
                             {RoutesModel::VoiceColumn, 300}});
    m_ui->routesView->verticalHeader()->setDefaultSectionSize(m_ui->routesView->fontMetrics().height() + 8);
    // Three lines are enough for a few dialed numbers; the results below get the room.
    m_ui->testerEdit->setFixedHeight(m_ui->testerEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_ui->testerResults->header()->resizeSection(0, 170);
    m_ui->testerResults->setIndentation(14);
    m_ui->findingsView->horizontalHeader()->resizeSection(0, 90);
    m_ui->findingsView->horizontalHeader()->resizeSection(1, 90);
    m_ui->findingsView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Findings are sentences: wrapped, and measured anew when their column changes width.
    connect(m_ui->findingsView->horizontalHeader(), &QHeaderView::sectionResized, m_ui->findingsView,
            &QTableView::resizeRowsToContents);
    m_ui->splitter->setSizes({340, 300});
    m_ui->lowerSplitter->setSizes({600, 400});

    m_testAction = makeShortcutAction(this, u"testRouteAction"_s, QKeySequence(Qt::CTRL | Qt::Key_T),
                                      &RoutingPage::focusTester);
    m_addAction =
        makeShortcutAction(this, u"addRouteAction"_s, QKeySequence(Qt::Key_Insert), &RoutingPage::addRoute);
    m_addAction->setIcon(QIcon::fromTheme(u"list-add"_s));
    m_ui->addButton->setDefaultAction(m_addAction);
    m_editAction = makeShortcutAction(this, u"editRouteAction"_s, QKeySequence(Qt::Key_F2),
                                      &RoutingPage::editRoute, m_ui->routesView);
    m_editAction->setIcon(QIcon::fromTheme(u"document-edit"_s));
    m_ui->editButton->setDefaultAction(m_editAction);
    m_migrateAction = new QAction(this);
    m_migrateAction->setObjectName(u"migrateNumbersAction"_s);
    m_migrateAction->setIcon(QIcon::fromTheme(u"go-next"_s));
    connect(m_migrateAction, &QAction::triggered, this, &RoutingPage::migrateNumbers);
    m_ui->migrateButton->setDefaultAction(m_migrateAction);

    connect(m_ui->testerEdit, &QPlainTextEdit::textChanged, this, &RoutingPage::runTester);
    connect(m_ui->testerResults, &QTreeWidget::currentItemChanged, this,
            [this](const QTreeWidgetItem* current) { highlightWinnerOf(current); });
    connect(m_ui->routesView, &QAbstractItemView::doubleClicked, this, &RoutingPage::editRoute);
    connect(m_ui->routesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RoutingPage::updateActions);
    connect(&changes::ChangeStager::of(m_database), &changes::ChangeStager::changed, this,
            [this](qint64 profileId) {
                if (profileId == m_profileId)
                    refresh();
            });
    connect(m_ui->splitter, &QSplitter::splitterMoved, this, &RoutingPage::saveState);
    connect(m_ui->lowerSplitter, &QSplitter::splitterMoved, this, &RoutingPage::saveState);
    connect(header, &QHeaderView::sectionResized, this, &RoutingPage::saveState);

    restoreState();
    retranslate();
}

RoutingPage::~RoutingPage() {
    // The children die after m_ui; a header resized on its way out must not reach saveState().
    m_ui->routesView->horizontalHeader()->disconnect(this);
}

QStringList RoutingPage::dialedStrings(const QString& text) {
    static const QRegularExpression separators(u"[,\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

void RoutingPage::setProfile(std::optional<qint64> profileId) {
    m_profileId = profileId;
    refresh();
}

void RoutingPage::refresh() {
    // Linting a large account takes a while (about a second for 10,000 numbers), and the store changes
    // often during a sync: a hidden page catches up when it is shown.
    m_stale = !isVisible();
    if (!m_stale)
        reload();
}

void RoutingPage::showEvent(QShowEvent* event) {
    if (m_stale)
        refresh();
    QWidget::showEvent(event);
}

void RoutingPage::reload() {
    const std::optional<store::Profile> profile =
        m_profileId ? store::ProfileRepository(m_database).find(*m_profileId) : std::nullopt;
    const providers::ProviderCapabilities* provider =
        profile ? providers::findProvider(profile->provider) : nullptr;
    m_routingProfile = provider && provider->regexRoutes ? profile : std::nullopt;
    if (!m_routingProfile) {
        m_model->setNumbers({}, {}, {}, {});
        QStringList routed;
        for (const providers::ProviderCapabilities* row : providers::allProviders()) {
            if (row->regexRoutes)
                routed << row->displayName;
        }
        const QString where = routed.join(u", "_s);
        showMessage(profile
                        ? tr("%1 is a %2 profile. %2 does not route incoming calls by number patterns, so "
                             "there are no routes to show or test here. Routing is available for %3 "
                             "profiles.")
                              .arg(profile->name, providers::providerDisplayName(profile->provider), where)
                        : tr("Choose a %1 profile in the toolbar to see its incoming numbers and routes.")
                              .arg(where));
        return;
    }
    QString error;
    QSet<QString> staged;
    QHash<QString, qint64> revisions;
    const QList<core::PhoneNumberRecord> numbers =
        numbersAsEdited(m_database, *profile, &staged, &revisions, &error);
    m_model->setNumbers(numbers, core::RouteExplanation::entriesOf(numbers, kOrganization), staged,
                        revisions);
    showMessage(!error.isEmpty() ? error
                : numbers.isEmpty()
                    ? tr("The local copy has no numbers of %1 yet; sync it first (F5).").arg(profile->name)
                    : QString());
    runTester();
    lint();
}

void RoutingPage::showMessage(const QString& message) {
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
    m_ui->splitter->setVisible(m_model->rowCount() > 0);
    updateActions();
    updateCount();
}

void RoutingPage::updateActions() {
    m_editAction->setEnabled(m_ui->routesView->currentIndex().isValid());
    m_addAction->setEnabled(m_routingProfile && m_connectionFactory);
    const providers::ProviderCapabilities* provider =
        m_routingProfile ? providers::findProvider(m_routingProfile->provider) : nullptr;
    m_migrateAction->setEnabled(provider && provider->migrateNumbers);
}

void RoutingPage::runTester() {
    QTreeWidget* results = m_ui->testerResults;
    results->clear();
    const QList<core::RouteEntry>& entries = m_model->entries();
    if (entries.isEmpty()) {
        m_model->setHighlightedRow(-1);
        return;
    }
    for (const QString& dialed : dialedStrings(m_ui->testerEdit->toPlainText())) {
        const core::RouteMatch match = core::RouteMatcher::match(dialed, entries, {}, kOrganization);
        auto* item = new QTreeWidgetItem(results, QStringList{dialed});
        item->setData(0, kWinnerRole, match.found() ? static_cast<int>(match.entryIndex) : -1);
        if (match.kind == core::RouteMatch::Kind::Exact)
            item->setText(
                1, tr("%1 takes the call: exact number").arg(entries.at(match.entryIndex).phoneNumber));
        else if (match.kind == core::RouteMatch::Kind::Regex)
            item->setText(1, tr("%1 takes the call: pattern").arg(entries.at(match.entryIndex).phoneNumber));
        else
            item->setText(1, tr("No number or pattern takes the call"));
        for (const core::RouteCandidate& candidate : core::RouteExplanation::candidates(match, dialed)) {
            auto* child = new QTreeWidgetItem(
                item, QStringList{entries.at(candidate.entryIndex).phoneNumber, candidate.reason});
            child->setToolTip(1, candidate.reason);
            if (candidate.won) {
                QFont font = child->font(0);
                font.setBold(true);
                child->setFont(0, font);
                child->setFont(1, font);
                child->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
            }
        }
    }
    results->expandAll();
    results->setCurrentItem(results->topLevelItem(0));
    // Also when the current item stays null (no dialed string), so the old winner is not left highlighted.
    highlightWinnerOf(results->currentItem());
}

void RoutingPage::highlightWinnerOf(const QTreeWidgetItem* item) {
    while (item && item->parent())
        item = item->parent();
    const int row = item ? item->data(0, kWinnerRole).toInt() : -1;
    m_model->setHighlightedRow(row);
    if (row >= 0)
        m_ui->routesView->scrollTo(m_model->index(row, 0));
}

void RoutingPage::lint() {
    QTableWidget* view = m_ui->findingsView;
    const QList<core::RouteEntry>& entries = m_model->entries();
    const QList<core::RouteFinding> findings = core::RouteLinter::lint(entries);
    view->setRowCount(static_cast<int>(findings.size()));
    for (int row = 0; row < view->rowCount(); ++row) {
        const core::RouteFinding& finding = findings.at(row);
        auto* severity = new QTableWidgetItem(style()->standardIcon(severityIcon(finding.severity)),
                                              severityText(finding.severity));
        view->setItem(row, 0, severity);
        view->setItem(row, 1,
                      new QTableWidgetItem(finding.entryIndex >= 0
                                               ? entries.at(finding.entryIndex).phoneNumber
                                               : tr("all routes")));
        view->setItem(row, 2, new QTableWidgetItem(finding.message));
    }
    view->resizeRowsToContents();
    m_ui->linterHeading->setText(findings.isEmpty()     ? tr("Linter: no findings")
                                 : findings.size() == 1 ? tr("Linter: 1 finding")
                                                        : tr("Linter: %1 findings").arg(findings.size()));
}

void RoutingPage::updateCount() {
    const int count = m_model->rowCount();
    m_ui->countLabel->setText(count == 0   ? QString()
                              : count == 1 ? tr("1 number or pattern")
                                           : tr("%1 numbers and patterns").arg(QLocale().toString(count)));
}

void RoutingPage::focusTester() {
    m_ui->testerEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->testerEdit->selectAll();
}

void RoutingPage::editRoute() {
    const QModelIndex current = m_ui->routesView->currentIndex();
    if (!current.isValid() || !m_profileId)
        return;
    const core::PhoneNumberRecord shown = m_model->numberAt(current.row());
    const store::PhoneNumberRepository repository(m_database);
    QString error;
    const std::optional<core::PhoneNumberRecord> stored = repository.find(*m_profileId, shown.id, &error);
    const std::optional<store::RecordState> state = repository.state(*m_profileId, shown.id, &error);
    if (!stored || !state) {
        // A route staged to be added has no stored record to edit until the provider has created it.
        QMessageBox::warning(this, tr("Edit route"),
                             !error.isEmpty() ? error
                             : m_model->isStaged(current.row())
                                 ? tr("%1 is staged to be added; discard it on the Pending changes page and "
                                      "add it again to change it.")
                                       .arg(shown.e164)
                                 : tr("The number is no longer in the local copy."));
        return;
    }
    using Payloads = changes::NumberChangePayloads;
    core::PhoneNumberRecord base = shown; // the version the edit is made on
    core::PhoneNumberRecord edit = shown;
    for (;;) {
        // Taken before the dialog runs: a sync meanwhile may reload the page.
        const qint64 revision = m_model->stagedRevisionOf(shown.id);
        EditNumberDialog dialog(
            edit, {},
            tr("%1 numbers are routed by their URLs and applications, not assigned to extensions.")
                .arg(providers::providerDisplayName(shown.provider)),
            this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        // Made on the staged revision the page shows: another admin's revision since is refused, not
        // written over. The stager's changed() signal refreshes the page.
        store::PendingChange proposed =
            Payloads::numberUpdate(*m_profileId, *stored, dialog.editedRecord(), state->version);
        proposed.revision = revision;
        const changes::StagingResult staged =
            changes::StagingHistory::of(m_database).stage(proposed, tr("Edit route %1").arg(shown.e164));
        if (staged.ok()) {
            emit changesStaged();
            return;
        }
        // The page shows what is staged now, and the dialog opens again on that version with the fields
        // the admin changed as they typed them: to be staged on it, or cancelled.
        const QJsonObject typed = Payloads::numberDifference(base, dialog.editedRecord());
        reload();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->numberAt(row).id == shown.id)
                base = m_model->numberAt(row);
        }
        edit = Payloads::applyNumberFields(base, typed);
        QMessageBox::warning(this, tr("Edit route"),
                             tr("The changes could not be staged: %1\n\nThe list now shows what is staged; "
                                "the dialog opens again on it with your edits.")
                                 .arg(staged.error));
    }
}

void RoutingPage::setConnectionFactory(connection::ConnectionFactory* factory) {
    m_connectionFactory = factory;
    updateActions();
}

void RoutingPage::addRoute() {
    if (!m_addAction->isEnabled())
        return;
    const store::Profile profile = *m_routingProfile;
    // A route is a SIP number of the profile's account: stored as typed, so it may be a pattern.
    AddNumberDialog dialog(*m_connectionFactory, profile, this);
    dialog.setKind(AddNumberDialog::Kind::SipVirtual);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The stager's changed() signal refreshes the page.
    if (stageOrWarn(this, m_database,
                    changes::NumberChangePayloads::numberProvision(profile.id, dialog.provisionRequest()),
                    tr("Add route"), tr("The new route could not be staged: %1")))
        emit changesStaged();
}

void RoutingPage::migrateNumbers() {
    if (!m_migrateAction->isEnabled())
        return;
    MigrateNumbersDialog dialog(m_database, *m_routingProfile, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (stageOrWarn(this, m_database, dialog.pendingChange(), tr("Migrate numbers"),
                    tr("The migration could not be staged: %1")))
        emit changesStaged();
}

void RoutingPage::restoreState() {
    const QSettings settings;
    // A broken or foreign value is ignored by restoreState(); the defaults above then stay.
    m_ui->splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_ui->lowerSplitter->restoreState(settings.value(kLowerSplitterKey).toByteArray());
    m_ui->routesView->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
}

void RoutingPage::saveState() const {
    QSettings settings;
    settings.setValue(kSplitterKey, m_ui->splitter->saveState());
    settings.setValue(kLowerSplitterKey, m_ui->lowerSplitter->saveState());
    settings.setValue(kHeaderKey, m_ui->routesView->horizontalHeader()->saveState());
}

void RoutingPage::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { retranslate(); });
    QWidget::changeEvent(event);
}

void RoutingPage::retranslate() {
    m_testAction->setText(tr("Test dialed numbers"));
    m_migrateAction->setText(tr("Migrate numbers…"));
    m_migrateAction->setToolTip(tr("Move every number of an account and its sub-accounts to another "
                                   "organisation (super admin only)"));
    m_addAction->setText(tr("Add route…"));
    m_addAction->setToolTip(tr("Add a SIP number or pattern to the profile (%1)")
                                .arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    m_editAction->setText(tr("Edit…"));
    m_editAction->setToolTip(
        tr("Edit the current number or pattern's friendly name, URLs and applications (%1)")
            .arg(m_editAction->shortcut().toString(QKeySequence::NativeText)));
    // The messages, reasons and findings come translated from the page and from core: build them anew.
    refresh();
}

} // namespace trunkline::gui
