#include "gui/porting/PortOrdersPage.h"

#include "connection/ConnectionFactory.h"
#include "core/PortingRules.h"
#include "gui/FilterCombo.h"
#include "gui/PageActions.h"
#include "gui/TextStyle.h"
#include "gui/porting/PortOrderCsv.h"
#include "gui/porting/PortOrdersModel.h"
#include "gui/porting/PortingDraft.h"
#include "gui/porting/PortingWizard.h"
#include "net/ApiError.h"
#include "providers/ProviderRegistry.h"
#include "store/PortingRepository.h"
#include "store/ProfileRepository.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

bool portsNumbers(const store::Profile& profile) {
    const providers::ProviderCapabilities* provider = providers::findProvider(profile.provider);
    return provider && provider->porting;
}

// A tool button showing the text of the action it triggers.
QToolButton* textButton(QWidget* parent, QAction* action) {
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

PortOrdersPage::PortOrdersPage(store::Database& database, QWidget* parent)
    : Retranslating(parent)
    , m_database(database)
    , m_model(new PortOrdersModel(database, this)) {
    setObjectName(u"portOrdersPage"_s);
    m_title = new QLabel(this);
    text::makeHeading(m_title, text::kPageTitleScale);
    m_filterLabel = new QLabel(this);
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_filterLabel->setBuddy(m_statusFilter);
    m_table = new QTableView(this);
    m_table->setObjectName(u"portOrdersTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_count = new QLabel(this);
    m_count->setObjectName(u"countLabel"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    text::makeSecondary({m_count, m_message});

    m_extensions = new QTableWidget(0, 3, this);
    m_extensions->setObjectName(u"extensionsTable"_s);
    m_extensions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_extensions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_extensions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_extensions->verticalHeader()->hide();
    m_extensions->horizontalHeader()->setStretchLastSection(true);
    m_extensions->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_extensions->setMaximumHeight(160);

    m_newAction =
        makeShortcutAction(this, u"actionNewPortOrder"_s, QKeySequence::New, &PortOrdersPage::newOrder);
    m_exportAction = makePageAction(this, u"actionExportPortOrder"_s, &PortOrdersPage::exportNumbers);
    QToolButton* newButton = textButton(this, m_newAction);
    QToolButton* exportButton = textButton(this, m_exportAction);
    m_deleteExtensionAction =
        makePageAction(this, u"actionDeleteExtension"_s, &PortOrdersPage::deleteExtension);
    m_cancelAction = makePageAction(this, u"actionCancelPortOrder"_s, &PortOrdersPage::cancelOrder);
    QToolButton* cancelButton = textButton(this, m_cancelAction);
    // Del in the orders list deletes the chosen draft.
    m_deleteDraftAction = makeShortcutAction(this, u"actionDeleteDraftPortOrder"_s, QKeySequence::Delete,
                                             &PortOrdersPage::deleteDraft, m_table);
    QToolButton* deleteDraftButton = textButton(this, m_deleteDraftAction);
    QToolButton* deleteButton = textButton(this, m_deleteExtensionAction);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filterLabel);
    bar->addWidget(m_statusFilter);
    bar->addStretch();
    bar->addWidget(newButton);
    bar->addWidget(exportButton);
    bar->addWidget(cancelButton);
    bar->addWidget(deleteDraftButton);
    // The orders list itself, as shown (Ctrl+E); "Export numbers" above writes one order's numbers.
    new TableCsvExport(this, m_table, u"port-orders"_s, bar);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);
    auto* extensionsBar = new QHBoxLayout;
    extensionsBar->addWidget(m_extensions, 1);
    extensionsBar->addWidget(deleteButton, 0, Qt::AlignTop);
    layout->addLayout(extensionsBar);
    layout->addWidget(m_message);

    m_draftPrompt = [this] {
        QMessageBox box(QMessageBox::Question, tr("New port order"),
                        tr("You started a port order before. Continue it?"), QMessageBox::NoButton, this);
        QPushButton* resume = box.addButton(tr("Continue"), QMessageBox::AcceptRole);
        QPushButton* fresh = box.addButton(tr("Start over"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(resume);
        box.exec();
        return box.clickedButton() == resume  ? DraftChoice::Continue
               : box.clickedButton() == fresh ? DraftChoice::StartOver
                                              : DraftChoice::Cancel;
    };
    m_saveFilePrompt = saveCsvDialog(this, tr("Export the numbers of a port order"));
    m_wizardRunner = [](PortingWizard& wizard) {
        wizard.exec();
    };
    m_confirmPrompt = [this](const QString& text) {
        return QMessageBox::question(this, tr("Delete extension"), text) == QMessageBox::Yes;
    };

    retranslate();
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &PortOrdersPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PortOrdersPage::showExtensions);
    connect(m_extensions, &QTableWidget::itemSelectionChanged, this, &PortOrdersPage::updateActions);
}

PortOrdersPage::~PortOrdersPage() = default;

QString PortOrdersPage::lastMessage() const {
    return m_message->text();
}

void PortOrdersPage::retranslate() {
    m_title->setText(tr("Port orders"));
    m_filterLabel->setText(tr("&Status:"));
    fillFilterCombo(m_statusFilter, tr("All statuses"),
                    enumChoices(core::allValues<core::PortingOrderStatus>()));
    m_newAction->setText(tr("&New port order…"));
    m_exportAction->setText(tr("&Export numbers…"));
    m_deleteExtensionAction->setText(tr("&Delete extension"));
    m_cancelAction->setText(tr("&Cancel order"));
    m_deleteDraftAction->setText(tr("&Delete draft"));
    m_extensions->setHorizontalHeaderLabels({tr("Extension block"), tr("Active"), tr("Activation ranges")});
    refresh();
}

void PortOrdersPage::setProfile(std::optional<qint64> profileId) {
    m_profileId = profileId;
    refresh();
}

QList<qint64> PortOrdersPage::profilesInView() const {
    QList<qint64> ids;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (portsNumbers(profile) && (!m_profileId || *m_profileId == profile.id))
            ids << profile.id;
    }
    return ids;
}

// The profile a new order is placed with: the one in view, or the only porting profile of all.
std::optional<qint64> PortOrdersPage::wizardProfile() const {
    const QList<qint64> ids = profilesInView();
    return ids.size() == 1 ? std::optional<qint64>(ids.first()) : std::nullopt;
}

void PortOrdersPage::refresh() {
    const std::optional<core::PortingOrderStatus> status =
        core::fromWire<core::PortingOrderStatus>(m_statusFilter->currentData().toString());
    const QList<qint64> profiles = profilesInView();
    m_model->load(profiles, status);
    m_table->resizeColumnsToContents();
    for (int column = 0; column + 1 < m_model->columnCount(); ++column) // room between the columns
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 24);
    m_count->setText(tr("%1 orders").arg(m_model->rowCount()));
    showExtensions();
    if (profiles.isEmpty())
        m_message->setText(tr("None of the profiles in view takes port orders; Telnyx profiles do."));
    updateActions();
}

void PortOrdersPage::updateActions() {
    const std::optional<qint64> profile = wizardProfile();
    m_newAction->setEnabled(profile.has_value());
    m_newAction->setToolTip(profile
                                ? tr("Port a German number with its extended numbers (Ctrl+N)")
                                : tr("Choose one profile whose provider takes port orders (Telnyx) in the "
                                     "profile switcher."));
    const bool chosen = m_table->selectionModel()->hasSelection();
    m_exportAction->setEnabled(chosen);
    m_exportAction->setToolTip(chosen ? tr("Write every number of the chosen order to a CSV file")
                                      : tr("Choose an order in the list first."));

    const PortOrdersModel::Row* order = chosenOrder();
    allowForOrder(m_cancelAction, order, core::canCancel, tr("Choose an order in the list first."),
                  tr("Only an order that was submitted and is not ported or cancelled yet can be cancelled "
                     "(a draft is deleted instead); this order is %1."),
                  tr("Cancel the chosen order at the provider"));
    allowForOrder(
        m_deleteDraftAction, order, core::canDelete, tr("Choose an order in the list first."),
        tr("Only a draft can be deleted (a submitted order is cancelled instead); this order is %1."),
        tr("Delete the chosen draft at the provider (Del)"));
    // Deleting an extension block needs one of the chosen order's blocks chosen too.
    allowForOrder(m_deleteExtensionAction, m_extensions->selectedItems().isEmpty() ? nullptr : order,
                  core::canEditExtensions, tr("Choose an order and one of its extension blocks first."),
                  tr("Extensions can be deleted only while the order is Draft, In process or Exception; "
                     "this order is %1."),
                  tr("Remove the chosen extension block from the order at the provider"));
}

void PortOrdersPage::allowForOrder(QAction* action, const PortOrdersModel::Row* order,
                                   bool (*allows)(core::PortingOrderStatus), const QString& unchosen,
                                   const QString& refused, const QString& what) {
    const bool allowed = order && allows(order->order.status);
    action->setEnabled(allowed && m_connections && !m_busy);
    action->setToolTip(!order           ? unchosen
                       : !allowed       ? refused.arg(core::displayName(order->order.status))
                       : !m_connections ? tr("There is no connection to the provider here.")
                                        : what);
}

const PortOrdersModel::Row* PortOrdersPage::chosenOrder() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : &m_model->row(rows.first().row());
}

// The extension blocks of the chosen order, as the last sync stored them (the extended numbers are not
// among the order's porting phone numbers, docs/api/telnyx-porting.md §4.3).
void PortOrdersPage::showExtensions() {
    m_extensions->setRowCount(0);
    if (const PortOrdersModel::Row* order = chosenOrder()) {
        for (const core::PhoneNumberExtension& extension : order->extensions) {
            QStringList ranges;
            int active = 0;
            for (const core::NumberRange& range : extension.activationRanges) {
                ranges << u"%1–%2"_s.arg(range.startAt).arg(range.endAt);
                active += range.size();
            }
            const int row = m_extensions->rowCount();
            m_extensions->insertRow(row);
            auto* block = new QTableWidgetItem(
                u"%1–%2"_s.arg(extension.extensionRange.startAt).arg(extension.extensionRange.endAt));
            block->setData(Qt::UserRole, extension.id);
            m_extensions->setItem(row, 0, block);
            m_extensions->setItem(row, 1, new QTableWidgetItem(QString::number(active)));
            m_extensions->setItem(row, 2, new QTableWidgetItem(ranges.join(u", "_s)));
        }
    }
    updateActions();
}

void PortOrdersPage::deleteExtension() {
    const PortOrdersModel::Row* order = chosenOrder();
    QTableWidgetItem* block = m_extensions->item(m_extensions->currentRow(), 0);
    if (!order || !block || m_busy || !core::canEditExtensions(order->order.status))
        return;
    const qint64 profileId = order->profileId;
    const QString orderId = order->order.id;
    const QString extensionId = block->data(Qt::UserRole).toString();
    if (!m_confirmPrompt(tr("Delete the extension block %1 from order %2? Its numbers will not be ported.")
                             .arg(block->text(), orderId)))
        return;
    m_message->setText(tr("Deleting the extension block…"));
    withPlacement(profileId, [this, profileId, orderId, extensionId] {
        m_placement->deleteExtension(
            orderId, extensionId, [this, profileId, extensionId](const std::optional<net::ApiError>& failed) {
                m_busy = false;
                if (failed) {
                    m_message->setText(failed->message());
                } else {
                    // Gone at the provider: the store follows at once.
                    store::PortingRepository(m_database).removeExtension(profileId, extensionId);
                    m_message->setText(tr("The extension block was deleted."));
                }
                refresh();
            });
    });
}

void PortOrdersPage::cancelOrder() {
    const PortOrdersModel::Row* order = chosenOrder();
    if (!order || m_busy || !core::canCancel(order->order.status))
        return;
    const qint64 profileId = order->profileId;
    const QString orderId = order->order.id;
    if (!m_confirmPrompt(tr("Cancel port order %1? A cancelled order cannot be reactivated.").arg(orderId)))
        return;
    m_message->setText(tr("Cancelling the order…"));
    withPlacement(profileId, [this, profileId, orderId] {
        m_placement->cancel(
            orderId, [this, profileId, orderId](const providers::Outcome<core::PortingOrder>& outcome) {
                m_busy = false;
                if (outcome.ok()) {
                    store::PortingRepository(m_database).upsertOrders(profileId, {*outcome.value});
                    m_message->setText(
                        tr("Order %1 is now %2.").arg(orderId, core::displayName(outcome.value->status)));
                } else {
                    m_message->setText(outcome.error ? outcome.error->message()
                                                     : tr("The order was not cancelled."));
                }
                refresh();
            });
    });
}

void PortOrdersPage::deleteDraft() {
    const PortOrdersModel::Row* order = chosenOrder();
    if (!order || m_busy || !m_connections || !core::canDelete(order->order.status))
        return;
    const qint64 profileId = order->profileId;
    const QString orderId = order->order.id;
    if (!m_confirmPrompt(tr("Delete the draft port order %1? Nothing was sent to the current carrier yet; "
                            "the draft and its extension blocks are gone for good.")
                             .arg(orderId)))
        return;
    m_message->setText(tr("Deleting the draft…"));
    withPlacement(profileId, [this, profileId, orderId] {
        m_placement->deleteDraft(orderId,
                                 [this, profileId, orderId](const std::optional<net::ApiError>& failed) {
                                     m_busy = false;
                                     // Already gone at the provider (deleted elsewhere) is what was asked
                                     // for.
                                     if (failed && failed->kind != net::ApiError::Kind::NotFound) {
                                         m_message->setText(failed->message());
                                     } else {
                                         // The store follows at once; its numbers and extension blocks go
                                         // with it (ON DELETE CASCADE).
                                         store::PortingRepository(m_database).removeOrder(profileId, orderId);
                                         m_message->setText(tr("The draft %1 was deleted.").arg(orderId));
                                     }
                                     refresh();
                                 });
    });
}

void PortOrdersPage::withPlacement(qint64 profileId, std::function<void()> use) {
    const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(profileId);
    if (!m_connections || !profile)
        return;
    m_busy = true;
    updateActions();
    m_connections->open(
        *profile, [this, use](std::optional<connection::Connection> connection, const QString& error) {
            if (!connection || !connection->provider || !connection->provider->adapter ||
                !(m_placement = connection->provider->adapter->portOrders(connection->client.get()))) {
                m_busy = false;
                m_message->setText(error.isEmpty() ? tr("The profile cannot be connected.") : error);
                updateActions();
                return;
            }
            m_connection = std::make_unique<connection::Connection>(std::move(*connection));
            use();
        });
}

void PortOrdersPage::newOrder() {
    const std::optional<qint64> profile = wizardProfile();
    if (!profile)
        return;
    PortingWizard wizard(m_database, *profile, this);
    wizard.setConnectionFactory(m_connections);
    connect(&wizard, &PortingWizard::orderPlaced, this, &PortOrdersPage::orderPlaced);
    if (PortingDraft::load(*profile)) {
        switch (m_draftPrompt()) {
        case DraftChoice::Continue:
            wizard.restoreDraft();
            break;
        case DraftChoice::StartOver:
            PortingDraft::discard(*profile);
            break;
        case DraftChoice::Cancel:
            return;
        }
    }
    m_wizardRunner(wizard);
}

void PortOrdersPage::exportNumbers() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const PortOrdersModel::Row& order = m_model->row(rows.first().row());
    const std::optional<CsvTarget> target = m_saveFilePrompt(u"port-order-%1.csv"_s.arg(order.order.id));
    if (!target)
        return;
    const QString& path = target->path;
    // QSaveFile: a failed export leaves no half-written file behind.
    QSaveFile file(path);
    QString error;
    const bool ok = file.open(QIODevice::WriteOnly) &&
                    PortOrderCsv::write(&file, order, target->options(), &error) && file.commit();
    if (!ok && error.isEmpty())
        error = tr("Cannot write %1: %2").arg(path, file.errorString());
    m_message->setText(ok ? tr("Exported the numbers of order %1 to %2.").arg(order.order.id, path) : error);
}

} // namespace trunkline::gui
