#include "models/PendingChangesModel.h"

#include "changes/ChangeDescription.h"
#include "models/ColumnTitles.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QBrush>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPalette>
#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace trunkline::models {

namespace {

// The text of `value` in a table of (value, QT_TR_NOOP text) rows, translated in the model's context.
template <typename E, std::size_t N>
QString translatedText(const std::pair<E, const char*> (&texts)[N], E value) {
    const auto* found = std::ranges::find(texts, value, &std::pair<E, const char*>::first);
    return found != std::end(texts) ? PendingChangesModel::tr(found->second) : QString();
}

// Longer values are cut in the table; the tooltip shows the whole payload.
constexpr int kMaxValueChars = 40;

// A member's value as text; cut to kMaxValueChars when `cut`.
QString valueText(const QJsonValue& value, bool cut = true) {
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isBool())
        text = value.toBool() ? PendingChangesModel::tr("yes") : PendingChangesModel::tr("no");
    else if (value.isDouble())
        text = QLocale().toString(value.toDouble());
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isObject())
        text = cut ? PendingChangesModel::payloadSummary(value.toObject())
                   : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (text.isEmpty())
        return PendingChangesModel::tr("(empty)");
    return cut && text.size() > kMaxValueChars ? text.left(kMaxValueChars - 1) + u'…' : text;
}

} // namespace

PendingChangesModel::PendingChangesModel(store::Database& database, QObject* parent)
    : QStandardItemModel(parent)
    , m_database(database) {
    setColumnCount(ColumnCount);
}

bool PendingChangesModel::reload() {
    QString error;
    const QList<store::Profile> profiles = store::ProfileRepository(m_database).list(&error);
    QList<store::PendingChange> changes;
    store::PendingChangeRepository repository(m_database);
    const QList<store::ChangeState> open = {store::ChangeState::Pending, store::ChangeState::Applying,
                                            store::ChangeState::Failed, store::ChangeState::Conflict};
    for (const store::Profile& profile : profiles) {
        if (!error.isEmpty())
            break;
        changes += repository.list(profile.id, open, &error);
    }
    m_lastError = error;
    QHash<qint64, store::Profile> byId;
    for (const store::Profile& profile : profiles)
        byId.insert(profile.id, profile);
    // Applied in the order they were staged, whatever the profile.
    std::sort(changes.begin(), changes.end(),
              [](const store::PendingChange& a, const store::PendingChange& b) { return a.id < b.id; });
    m_changes = error.isEmpty() ? changes : QList<store::PendingChange>{};
    rebuild(byId);
    return error.isEmpty();
}

namespace {

QList<QStandardItem*> rowOf(const QString& title, PendingChangesModel::RowKind kind, qint64 changeId = 0) {
    QList<QStandardItem*> row;
    for (int column = 0; column < PendingChangesModel::ColumnCount; ++column) {
        auto* item = new QStandardItem;
        item->setEditable(false);
        item->setData(static_cast<int>(kind), PendingChangesModel::RowKindRole);
        if (changeId > 0)
            item->setData(changeId, PendingChangesModel::ChangeIdRole);
        row << item;
    }
    row.first()->setText(title);
    return row;
}

// Adds `requests` to the Requests column of a group row.
void addRequests(QStandardItem* group, int requests) {
    QStandardItem* cell =
        group->model()->itemFromIndex(group->index().siblingAtColumn(PendingChangesModel::RequestsColumn));
    const int sum = cell->data(Qt::UserRole).toInt() + requests;
    cell->setData(sum, Qt::UserRole);
    cell->setText(QString::number(sum));
}

} // namespace

void PendingChangesModel::rebuild(const QHash<qint64, store::Profile>& profiles) {
    removeRows(0, rowCount());
    const changes::ChangeDescriber describer(m_database);
    QHash<qint64, QStandardItem*> profileRows;
    QHash<QString, QStandardItem*> recordRows; // by profile id and record key
    for (const store::PendingChange& change : std::as_const(m_changes)) {
        const changes::ChangeDescription description = describer.describe(change);
        QStandardItem* profileRow = profileRows.value(change.profileId);
        if (!profileRow) {
            const QList<QStandardItem*> row = rowOf(profiles.value(change.profileId).name, RowKind::Profile);
            appendRow(row);
            profileRow = row.first();
            profileRows.insert(change.profileId, profileRow);
        }
        const QString recordKey = QString::number(change.profileId) + u'/' + description.recordKey;
        QStandardItem* recordRow = recordRows.value(recordKey);
        if (!recordRow) {
            const QList<QStandardItem*> row = rowOf(description.recordTitle, RowKind::Record);
            profileRow->appendRow(row);
            recordRow = row.first();
            recordRows.insert(recordKey, recordRow);
        }

        QList<QStandardItem*> row = rowOf(description.summary, RowKind::Change, change.id);
        row[ChangeColumn]->setData(static_cast<int>(description.kind), ChangeKindRole);
        row[ChangeColumn]->setToolTip(description.text());
        row[RequestsColumn]->setText(description.requests ? QString::number(*description.requests) : tr("—"));
        row[RequestsColumn]->setToolTip(description.requestsText());
        row[StateColumn]->setText(stateText(change.state));
        row[StateColumn]->setData(static_cast<int>(change.state), StateRole);
        if (change.state == store::ChangeState::Conflict || change.state == store::ChangeState::Failed)
            row[StateColumn]->setForeground(QBrush(QColor(0xc0, 0x39, 0x2b)));
        if (change.state == store::ChangeState::Conflict) {
            QFont bold;
            bold.setBold(true);
            row[StateColumn]->setFont(bold);
        }
        row[MessageColumn]->setText(change.lastError);
        row[MessageColumn]->setToolTip(change.lastError);
        row[StagedColumn]->setText(QLocale().toString(change.createdAt.toLocalTime(), QLocale::ShortFormat));
        row[AuthorColumn]->setText(change.author);
        row[ApprovedByColumn]->setText(change.approvedBy);
        if (change.approvedAt.isValid())
            row[ApprovedByColumn]->setToolTip(
                tr("Approved %1")
                    .arg(QLocale().toString(change.approvedAt.toLocalTime(), QLocale::ShortFormat)));
        for (const changes::FieldChange& field : description.fields) {
            QList<QStandardItem*> fieldRow = rowOf(field.label, RowKind::Field, change.id);
            fieldRow[BeforeColumn]->setText(field.before.isEmpty() ? tr("—") : field.before);
            fieldRow[AfterColumn]->setText(field.after.isEmpty() ? tr("—") : field.after);
            fieldRow[BeforeColumn]->setToolTip(field.before);
            fieldRow[AfterColumn]->setToolTip(field.after);
            row.first()->appendRow(fieldRow);
        }
        for (const QString& consequence : description.consequences) {
            QList<QStandardItem*> consequenceRow = rowOf(consequence, RowKind::Consequence, change.id);
            consequenceRow.first()->setToolTip(consequence);
            consequenceRow.first()->setForeground(QBrush(QColor(0xb3, 0x6b, 0x00)));
            row.first()->appendRow(consequenceRow);
        }
        recordRow->appendRow(row);
        if (description.requests) {
            addRequests(recordRow, *description.requests);
            addRequests(profileRow, *description.requests);
        }
    }
}

int PendingChangesModel::applicableCount() const {
    return int(std::count_if(m_changes.cbegin(), m_changes.cend(), [](const store::PendingChange& change) {
        return change.state == store::ChangeState::Pending || change.state == store::ChangeState::Failed;
    }));
}

QString PendingChangesModel::entityText(const QString& entity) {
    if (entity == "extension"_L1)
        return tr("Extension");
    if (entity == "forwarding_number"_L1)
        return tr("Forwarding number");
    if (entity == "phone_number"_L1)
        return tr("Phone number");
    if (entity == "extension_settings"_L1)
        return tr("Extension settings");
    if (entity == "number_migration"_L1)
        return tr("Number migration");
    return entity;
}

QString PendingChangesModel::stateText(store::ChangeState state) {
    static constexpr std::pair<store::ChangeState, const char*> kTexts[] = {
        {store::ChangeState::Pending, QT_TR_NOOP("Waiting")},
        {store::ChangeState::Applying, QT_TR_NOOP("Being applied")},
        {store::ChangeState::Applied, QT_TR_NOOP("Applied")},
        {store::ChangeState::Failed, QT_TR_NOOP("Failed, will retry")},
        {store::ChangeState::Conflict, QT_TR_NOOP("Conflict")},
    };
    return translatedText(kTexts, state);
}

QString PendingChangesModel::payloadSummary(const QJsonObject& payload) {
    QStringList parts;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
        parts << tr("%1: %2").arg(it.key(), valueText(it.value()));
    return parts.join(u" · "_s);
}

QString PendingChangesModel::payloadDetails(const QJsonObject& payload) {
    QStringList lines;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
        lines << tr("%1: %2").arg(it.key(), valueText(it.value(), false));
    return lines.join(u'\n');
}

QList<qint64> PendingChangesModel::changeIdsUnder(const QModelIndexList& indexes) const {
    QList<qint64> ids;
    const std::function<void(const QModelIndex&)> collect = [&](const QModelIndex& index) {
        const QVariant id = index.data(ChangeIdRole);
        if (id.isValid()) {
            if (!ids.contains(id.toLongLong()))
                ids << id.toLongLong();
            return;
        }
        for (int row = 0; row < rowCount(index); ++row)
            collect(this->index(row, 0, index));
    };
    for (const QModelIndex& index : indexes)
        collect(index.siblingAtColumn(0));
    // In the order they will be applied.
    std::sort(ids.begin(), ids.end());
    return ids;
}

QModelIndex PendingChangesModel::indexOfChange(qint64 changeId) const {
    const QModelIndexList found =
        match(index(0, 0), ChangeIdRole, changeId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

std::optional<store::PendingChange> PendingChangesModel::change(qint64 changeId) const {
    for (const store::PendingChange& change : m_changes) {
        if (change.id == changeId)
            return change;
    }
    return std::nullopt;
}

QVariant PendingChangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    static constexpr std::array kTitles{
        QT_TR_NOOP("Change"),   QT_TR_NOOP("Before"),      QT_TR_NOOP("After"),
        QT_TR_NOOP("Requests"), QT_TR_NOOP("State"),       QT_TR_NOOP("Staged"),
        QT_TR_NOOP("Author"),   QT_TR_NOOP("Approved by"), QT_TR_NOOP("Message"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return titlesHeaderData<QStandardItemModel>(*this, staticMetaObject, kTitles, section, orientation, role);
}

} // namespace trunkline::models
