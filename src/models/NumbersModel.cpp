#include "models/NumbersModel.h"

#include "changes/ChangeStager.h"
#include "changes/NumberChangePayloads.h"
#include "changes/StagingHistory.h"
#include "core/ReadableNumber.h"
#include "models/ColumnTitles.h"
#include "providers/ProviderRegistry.h"
#include "store/Database.h"
#include "store/DeferredIndexes.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QFont>
#include <QJsonValue>
#include <QScopedValueRollback>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::models {

namespace {

const QString kLabelKey = u"label"_s;
const QString kExtensionKey = u"extensionId"_s;
const QString& kEntity = changes::NumberChangePayloads::kPhoneNumber;

// Staged changes that are still to be applied (an applied one is already in the store).
const QList<store::ChangeState> kUnappliedStates = {store::ChangeState::Pending, store::ChangeState::Applying,
                                                    store::ChangeState::Failed, store::ChangeState::Conflict};

QString featuresText(core::NumberFeatures features) {
    QStringList names;
    for (const core::NumberFeature feature : core::allValues<core::NumberFeature>()) {
        if (features.testFlag(feature)) {
            names << core::displayName(feature);
        }
    }
    return names.join(u", "_s);
}

// Restcomm states its capabilities; for RingCentral and Telnyx they follow from the call type and
// the SMS/MMS features. UNCONFIRMED: RingCentral has no capability field, this is Trunkline's reading.
QString capabilitiesText(const core::PhoneNumberRecord& n) {
    bool voice = n.callType != core::CallType::FaxOnly;
    bool fax = n.callType != core::CallType::VoiceOnly;
    bool sms = n.features & (core::NumberFeature::SmsSender | core::NumberFeature::A2PSmsSender |
                             core::NumberFeature::InternationalSmsSender);
    bool mms = n.features.testFlag(core::NumberFeature::MmsSender);
    if (n.restcomm) {
        voice = n.restcomm->voiceCapable;
        fax = n.restcomm->faxCapable;
        sms = n.restcomm->smsCapable;
        mms = n.restcomm->mmsCapable;
    }
    QStringList names;
    if (voice) {
        names << NumbersModel::tr("Voice");
    }
    if (sms) {
        names << NumbersModel::tr("SMS");
    }
    if (mms) {
        names << NumbersModel::tr("MMS");
    }
    if (fax) {
        names << NumbersModel::tr("Fax");
    }
    return names.join(u", "_s);
}

} // namespace

NumbersModel::NumbersModel(store::Database& database, QObject* parent)
    : KeysetTableModel(parent)
    , m_database(database)
    , m_query(database)
    , m_counter(database) {
    connect(&m_counter, &NumberCounter::counted, this, &NumbersModel::takeCount);
    reload(pageSize());
    recount(true);
    // Staged edits come from this model, the numbers page and the pending changes page alike.
    connect(&changes::ChangeStager::of(database), &changes::ChangeStager::changed, this,
            &NumbersModel::showStagedChange);
}

void NumbersModel::showStagedChange(qint64 profileId, const QString& entity, const QString& entityKey) {
    if (entity != kEntity || m_stagingRows) {
        return;
    }
    readPendingChanges();
    const int row = rowOf(profileId, entityKey);
    if (row >= 0) {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

store::NumberSortKey NumbersModel::sortKeyFor(int column) {
    switch (column) {
    case LabelColumn:
        return store::NumberSortKey::Label;
    case UsageTypeColumn:
        return store::NumberSortKey::UsageType;
    case PaymentTypeColumn:
        return store::NumberSortKey::PaymentType;
    case CallTypeColumn:
        return store::NumberSortKey::CallType;
    case FeaturesColumn:
        return store::NumberSortKey::Features;
    case ExtensionColumn:
        return store::NumberSortKey::Extension;
    case StatusColumn:
        return store::NumberSortKey::Status;
    case ProviderColumn:
        return store::NumberSortKey::Provider;
    case CapabilitiesColumn:
        return store::NumberSortKey::Capabilities;
    default:
        return store::NumberSortKey::Number;
    }
}

void NumbersModel::setFilter(const store::NumberTableFilter& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload(pageSize());
    recount(true);
}

void NumbersModel::sort(int column, Qt::SortOrder order) {
    const store::NumberSortKey key = sortKeyFor(column);
    if (key != store::NumberSortKey::Number && indexesDeferred()) {
        m_heldSort = {column, order};
        emit sortHeld(column);
        return;
    }
    m_heldSort.reset();
    if (key == m_sortKey && order == m_sortOrder) {
        return;
    }
    m_sortKey = key;
    m_sortOrder = order;
    // The loaded rows are no guide to what comes first in the new order: start again from page one.
    reload(pageSize());
}

int NumbersModel::sortColumn() const {
    for (int column = 0; column < ColumnCount; ++column) {
        if (sortKeyFor(column) == m_sortKey)
            return column;
    }
    return NumberColumn;
}

std::optional<int> NumbersModel::heldSortColumn() const {
    if (!m_heldSort)
        return std::nullopt;
    return m_heldSort->first;
}

bool NumbersModel::indexesDeferred() {
    QString error; // unreadable: sort as asked, as before indexes were ever deferred
    return !store::DeferredIndexes(m_database).pending(&error).isEmpty();
}

void NumbersModel::refresh() {
    if (m_heldSort && !indexesDeferred()) {
        const auto [column, order] = *std::exchange(m_heldSort, std::nullopt);
        m_sortKey = sortKeyFor(column);
        m_sortOrder = order;
        reload(pageSize());
        recount(false);
        emit heldSortApplied(column, order);
        return;
    }
    reload(qMax(pageSize(), static_cast<int>(m_rows.size())));
    recount(false);
}

void NumbersModel::reload(int minimumRows) {
    // No fetchMore() from handlers of the reset signals: the reset itself loads the first page.
    const QScopedValueRollback fetching(m_fetching, true);
    beginResetModel();
    m_lastError.clear();
    readPendingChanges();
    readFirstRows(minimumRows);
    endResetModel();
}

void NumbersModel::recount(bool filterChanged) {
    // Until the new count arrives, a refresh keeps showing the last one; a new filter shows none.
    if (filterChanged && m_totalKnown) {
        m_totalKnown = false;
        emit totalCountChanged(m_total);
    }
    m_counter.count(m_filter);
}

void NumbersModel::takeCount(qint64 total, const QString& error) {
    m_total = total;
    m_totalKnown = true;
    if (total < 0) {
        m_lastError = error;
        emit errorOccurred(error);
    }
    emit totalCountChanged(total);
}

void NumbersModel::readPendingChanges() {
    QString error;
    m_pendingDeletes.clear();
    m_stagedRevisions.clear();
    // Releases are few: read them per profile through the repository rather than a new store query. The
    // revisions are read before the payloads, so that another admin's revision in between makes the next
    // edit refused rather than written over a version this model never showed.
    store::ProfileRepository profiles(m_database);
    store::PendingChangeRepository changes(m_database);
    const QList<store::Profile> all = profiles.list(&error);
    for (const store::Profile& profile : all) {
        for (const store::PendingChange& change : changes.list(profile.id, kUnappliedStates, &error)) {
            if (change.entity != kEntity) {
                continue;
            }
            const store::NumberTableQuery::NumberKey key{profile.id, change.entityKey};
            if (change.operation == store::ChangeOperation::Delete) {
                m_pendingDeletes.insert(key);
            } else if (change.operation == store::ChangeOperation::Update &&
                       (change.state == store::ChangeState::Pending ||
                        change.state == store::ChangeState::Failed) &&
                       !m_stagedRevisions.contains(key)) {
                m_stagedRevisions.insert(key, change.revision); // the first open one: the stager revises it
            }
        }
    }
    if (!error.isEmpty()) {
        reportError(error);
        error.clear();
    }
    m_pending = m_query.pendingUpdates(&error);
    m_pendingExtensionText.clear();
    store::ExtensionRepository extensions(m_database);
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const QString extensionId = it.value().value(kExtensionKey).toString();
        if (extensionId.isEmpty()) {
            continue;
        }
        const auto extension = extensions.find(it.key().first, extensionId, &error);
        m_pendingExtensionText.insert(
            it.key(), extension ? extensionText(extension->extensionNumber, extension->name) : extensionId);
    }
    if (!error.isEmpty()) {
        reportError(error);
    }
}

int NumbersModel::rowOf(qint64 profileId, const QString& numberId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).profileId == profileId && m_rows.at(i).record.id == numberId) {
            return i;
        }
    }
    return -1;
}

QList<store::NumberRow> NumbersModel::readPage(const std::optional<store::NumberPageKey>& after, int limit) {
    QString error;
    QList<store::NumberRow> rows = m_query.page(m_filter, m_sortKey, m_sortOrder, after, limit, &error);
    if (!error.isEmpty()) {
        reportError(error);
    }
    return rows;
}

void NumbersModel::reportError(const QString& message) {
    m_lastError = message;
    emit errorOccurred(message);
}

int NumbersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString NumbersModel::labelAt(int row) const {
    const store::NumberRow& r = m_rows.at(row);
    const QJsonObject pending = m_pending.value({r.profileId, r.record.id});
    return pending.contains(kLabelKey) ? pending.value(kLabelKey).toString() : r.record.label;
}

bool NumbersModel::isPending(int row) const {
    const store::NumberRow& r = m_rows.at(row);
    return m_pending.contains({r.profileId, r.record.id}) ||
           m_pendingDeletes.contains({r.profileId, r.record.id});
}

bool NumbersModel::isPendingDelete(int row) const {
    const store::NumberRow& r = m_rows.at(row);
    return m_pendingDeletes.contains({r.profileId, r.record.id});
}

QJsonObject NumbersModel::pendingPayload(int row) const {
    const store::NumberRow& r = m_rows.at(row);
    return m_pending.value({r.profileId, r.record.id});
}

QString NumbersModel::displayText(const store::NumberRow& row, int column, const QJsonObject& pending) {
    const core::PhoneNumberRecord& n = row.record;
    switch (column) {
    case NumberColumn:
        return core::readableNumber(n.e164);
    case LabelColumn:
        return pending.contains(kLabelKey) ? pending.value(kLabelKey).toString() : n.label;
    case UsageTypeColumn:
        return core::displayName(n.usageType);
    case PaymentTypeColumn:
        return core::displayName(n.paymentType);
    case CallTypeColumn:
        return core::displayName(n.callType);
    case FeaturesColumn:
        return featuresText(n.features);
    case ExtensionColumn:
        return n.extensionId.isEmpty() ? QString() : extensionText(n.extensionNumber, row.extensionName);
    case StatusColumn:
        return core::displayName(n.status);
    case ProviderColumn:
        return providers::providerDisplayName(n.provider);
    case CapabilitiesColumn:
        return capabilitiesText(n);
    default:
        return {};
    }
}

QString NumbersModel::extensionText(const QString& number, const QString& name) {
    if (name.isEmpty()) {
        return number;
    }
    return number.isEmpty() ? name : tr("%1 (%2)").arg(number, name);
}

QString NumbersModel::headerText(int column) {
    static constexpr std::array kTitles{
        QT_TR_NOOP("Number"),       QT_TR_NOOP("Label"),     QT_TR_NOOP("Usage type"),
        QT_TR_NOOP("Payment type"), QT_TR_NOOP("Call type"), QT_TR_NOOP("Features"),
        QT_TR_NOOP("Extension"),    QT_TR_NOOP("Status"),    QT_TR_NOOP("Provider"),
        QT_TR_NOOP("Capabilities"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return columnTitle(staticMetaObject, kTitles, column);
}

QVariant NumbersModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int rowIndex = index.row();
    const store::NumberRow& row = m_rows.at(rowIndex);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ExtensionColumn && pendingPayload(rowIndex).contains(kExtensionKey)) {
            return m_pendingExtensionText.value({row.profileId, row.record.id});
        }
        return displayText(row, column, m_pending.value({row.profileId, row.record.id}));
    case Qt::EditRole:
        if (column == LabelColumn) {
            return labelAt(rowIndex);
        }
        return data(index, Qt::DisplayRole);
    case Qt::FontRole: {
        QFont font;
        if (isPendingDelete(rowIndex)) {
            font.setStrikeOut(true);
            return font;
        }
        const QJsonObject pending = pendingPayload(rowIndex);
        const bool changed = (column == LabelColumn && pending.contains(kLabelKey)) ||
                             (column == ExtensionColumn && pending.contains(kExtensionKey)) ||
                             (column == NumberColumn && !pending.isEmpty());
        if (changed) {
            font.setItalic(true);
            return font;
        }
        return {};
    }
    case Qt::ToolTipRole:
        if (isPendingDelete(rowIndex)) {
            return tr("Pending: this number is staged for release and is released at the provider when "
                      "pending changes are applied.");
        }
        if (column == ExtensionColumn && pendingPayload(rowIndex).contains(kExtensionKey)) {
            const QString target = m_pendingExtensionText.value({row.profileId, row.record.id});
            return target.isEmpty()
                       ? tr("Pending: unassigning from its extension is staged and not yet applied.")
                       : tr("Pending: assigning to extension %1 is staged and not yet applied.").arg(target);
        }
        if (column == NumberColumn && !pendingPayload(rowIndex).isEmpty()) {
            return tr("Pending: changes of %1 are staged and not yet applied at the provider.")
                .arg(row.record.e164);
        }
        if (column == LabelColumn && pendingPayload(rowIndex).contains(kLabelKey)) {
            return tr("Pending: \"%1\" is staged and not yet applied at the provider (stored: \"%2\").")
                .arg(labelAt(rowIndex), row.record.label);
        }
        if (column == NumberColumn) {
            return row.record.e164;
        }
        return {};
    case RawValueRole:
        switch (column) {
        case NumberColumn:
            return row.record.e164;
        case LabelColumn:
            return labelAt(rowIndex);
        case UsageTypeColumn:
            return core::toWire(row.record.usageType);
        case PaymentTypeColumn:
            return core::toWire(row.record.paymentType);
        case CallTypeColumn:
            return core::toWire(row.record.callType);
        case FeaturesColumn:
            return core::flagsToWire(row.record.features).join(u',');
        case ExtensionColumn:
            return row.record.extensionNumber;
        case StatusColumn:
            return core::toWire(row.record.status);
        case ProviderColumn:
            return row.record.provider;
        default:
            return displayText(row, column);
        }
    case IdRole:
        return row.record.id;
    case ProfileIdRole:
        return row.profileId;
    case E164Role:
        return row.record.e164;
    case PendingRole:
        return isPending(rowIndex);
    case PendingDeleteRole:
        return isPendingDelete(rowIndex);
    default:
        return {};
    }
}

QVariant NumbersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    return titlesHeaderData<QAbstractTableModel>(*this, &headerText, section, orientation, role);
}

Qt::ItemFlags NumbersModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool NumbersModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != LabelColumn) {
        return false;
    }
    QString error;
    if (!setLabel(index.row(), value.toString(), &error)) {
        // The editor has closed: the message keeps what was typed.
        reportError(tr("The label “%1” of %2 was not staged: %3")
                        .arg(value.toString(), m_rows.at(index.row()).record.e164, error));
        return false;
    }
    return true;
}

bool NumbersModel::setLabel(int row, const QString& label, QString* error) {
    if (row < 0 || row >= m_rows.size()) {
        return false;
    }
    if (label == labelAt(row)) {
        return true;
    }
    // The other staged members stay; the label is staged unless it is back to the stored one.
    const store::NumberRow& r = m_rows.at(row);
    core::PhoneNumberRecord edited = r.record;
    edited.label = label;
    QJsonObject payload = pendingPayload(row);
    payload.remove(kLabelKey);
    const QJsonObject labelChange = changes::NumberChangePayloads::numberDifference(r.record, edited);
    if (labelChange.contains(kLabelKey)) {
        payload.insert(kLabelKey, labelChange.value(kLabelKey));
    }
    // Exactly the members staged: the row holds only part of a Restcomm record.
    return stage(changes::NumberChangePayloads::numberUpdate(r.profileId, r.record, payload, r.version),
                 tr("Edit %1").arg(core::readableNumber(r.record.e164)), error);
}

bool NumbersModel::stageUpdate(int row, const core::PhoneNumberRecord& stored,
                               const core::PhoneNumberRecord& edited, QString* error) {
    if (row < 0 || row >= m_rows.size()) {
        return false;
    }
    const store::NumberRow& r = m_rows.at(row);
    return stage(changes::NumberChangePayloads::numberUpdate(r.profileId, stored, edited, r.version),
                 tr("Edit %1").arg(core::readableNumber(r.record.e164)), error);
}

bool NumbersModel::stage(store::PendingChange proposed, const QString& name, QString* error) {
    // Made on the staged revision this model shows, or on none: another admin's revision since, or an
    // update they staged since, is refused rather than written over (or, by a release, dropped unseen).
    proposed.revision = m_stagedRevisions.value({proposed.profileId, proposed.entityKey},
                                                store::PendingChange::kShowedNoStagedChange);
    // The stager's changed() signal shows the result (showStagedChange), as it does after an undo.
    const changes::StagingResult result = changes::StagingHistory::of(m_database).stage(proposed, name);
    if (!result.ok()) {
        if (error) {
            *error = result.error;
        }
        // Shows what is staged now (another admin's version), which the next edit is then made on.
        showStagedChange(proposed.profileId, proposed.entity, proposed.entityKey);
    }
    return result.ok();
}

bool NumbersModel::stageDelete(const QList<int>& rows, QString* error) {
    bool ok = true;
    {
        // One re-read and one dataChanged for the whole selection, not one per number.
        const QScopedValueRollback batch(m_stagingRows, true);
        // One entry of the undo history for the selection, with what was staged before a refusal.
        changes::StagingHistory::Edit edit(
            changes::StagingHistory::of(m_database),
            rows.size() == 1 && rows.first() >= 0 && rows.first() < m_rows.size()
                ? tr("Release %1").arg(core::readableNumber(m_rows.at(rows.first()).record.e164))
                : tr("Release %1 numbers").arg(rows.size()));
        edit.commit();
        for (const int row : rows) {
            if (row < 0 || row >= m_rows.size() || isPendingDelete(row)) {
                continue;
            }
            const store::NumberRow& r = m_rows.at(row);
            ok = stage(changes::NumberChangePayloads::numberDelete(r.profileId, r.record, r.version), {},
                       error);
            if (!ok) {
                break;
            }
        }
    }
    readPendingChanges();
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    return ok;
}

} // namespace trunkline::models
