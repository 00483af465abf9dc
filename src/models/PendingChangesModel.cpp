#include "models/PendingChangesModel.h"

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
#include <cstddef>
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

QString valueText(const QJsonValue& value) {
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
        text = PendingChangesModel::payloadSummary(value.toObject());
    if (text.isEmpty())
        return PendingChangesModel::tr("(empty)");
    return text.size() > kMaxValueChars ? text.left(kMaxValueChars - 1) + u'…' : text;
}

} // namespace

PendingChangesModel::PendingChangesModel(store::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database) {
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
    beginResetModel();
    m_lastError = error;
    m_profiles.clear();
    for (const store::Profile& profile : profiles)
        m_profiles.insert(profile.id, profile);
    // Applied in the order they were staged, whatever the profile.
    std::sort(changes.begin(), changes.end(),
              [](const store::PendingChange& a, const store::PendingChange& b) { return a.id < b.id; });
    m_changes = error.isEmpty() ? changes : QList<store::PendingChange>{};
    endResetModel();
    return error.isEmpty();
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

QString PendingChangesModel::operationText(store::ChangeOperation operation) {
    static constexpr std::pair<store::ChangeOperation, const char*> kTexts[] = {
        {store::ChangeOperation::Create, QT_TR_NOOP("Create")},
        {store::ChangeOperation::Update, QT_TR_NOOP("Update")},
        {store::ChangeOperation::Delete, QT_TR_NOOP("Delete")},
    };
    return translatedText(kTexts, operation);
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

int PendingChangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_changes.size());
}

int PendingChangesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingChangesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const store::PendingChange& change = m_changes.at(index.row());
    switch (role) {
    case ChangeIdRole:
        return change.id;
    case StateRole:
        return static_cast<int>(change.state);
    case Qt::ToolTipRole:
        if (index.column() == DetailsColumn)
            return QString::fromUtf8(QJsonDocument(change.payload).toJson(QJsonDocument::Indented));
        if (index.column() == MessageColumn && !change.lastError.isEmpty())
            return change.lastError;
        if (index.column() == ApprovedByColumn && change.approvedAt.isValid())
            return tr("Approved %1")
                .arg(QLocale().toString(change.approvedAt.toLocalTime(), QLocale::ShortFormat));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (change.state == store::ChangeState::Conflict || change.state == store::ChangeState::Failed))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    case Qt::FontRole:
        if (index.column() == StateColumn && change.state == store::ChangeState::Conflict) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ProfileColumn:
        return m_profiles.value(change.profileId).name;
    case WhatColumn:
        return tr("%1 %2").arg(operationText(change.operation), entityText(change.entity));
    case RecordColumn:
        return change.entityKey;
    case DetailsColumn:
        return payloadSummary(change.payload);
    case StateColumn:
        return stateText(change.state);
    case MessageColumn:
        return change.lastError;
    case StagedColumn:
        return QLocale().toString(change.createdAt.toLocalTime(), QLocale::ShortFormat);
    case AuthorColumn:
        return change.author;
    case ApprovedByColumn:
        return change.approvedBy;
    default:
        return {};
    }
}

QVariant PendingChangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= ColumnCount)
        return {};
    static constexpr std::array kTitles{
        QT_TR_NOOP("Profile"),    QT_TR_NOOP("Change"), QT_TR_NOOP("Record"),
        QT_TR_NOOP("New values"), QT_TR_NOOP("State"),  QT_TR_NOOP("Message"),
        QT_TR_NOOP("Staged"),     QT_TR_NOOP("Author"), QT_TR_NOOP("Approved by"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return columnTitle(staticMetaObject, kTitles, section);
}

} // namespace trunkline::models
