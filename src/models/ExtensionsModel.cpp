#include "models/ExtensionsModel.h"

#include "models/ColumnTitles.h"

#include <QScopedValueRollback>

using namespace Qt::StringLiterals;

namespace trunkline::models {

namespace {

std::optional<store::ExtensionSortKey> sortKeyFor(int column) {
    switch (column) {
    case ExtensionsModel::NumberColumn:
        return store::ExtensionSortKey::Number;
    case ExtensionsModel::NameColumn:
        return store::ExtensionSortKey::Name;
    case ExtensionsModel::TypeColumn:
        return store::ExtensionSortKey::Type;
    case ExtensionsModel::StatusColumn:
        return store::ExtensionSortKey::Status;
    case ExtensionsModel::EmailColumn:
        return store::ExtensionSortKey::Email;
    case ExtensionsModel::DepartmentColumn:
        return store::ExtensionSortKey::Department;
    case ExtensionsModel::TimeZoneColumn:
        return store::ExtensionSortKey::TimeZone;
    case ExtensionsModel::EndpointColumn:
        return store::ExtensionSortKey::EndpointType;
    default:
        return std::nullopt;
    }
}

} // namespace

ExtensionsModel::ExtensionsModel(store::Database& database, QObject* parent)
    : KeysetTableModel(parent)
    , m_query(database) {
    reload(pageSize());
}

void ExtensionsModel::setFilter(const store::ExtensionTableFilter& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload(pageSize());
}

void ExtensionsModel::sort(int column, Qt::SortOrder order) {
    const std::optional<store::ExtensionSortKey> key = sortKeyFor(column);
    if (!key || (*key == m_sortKey && order == m_sortOrder)) {
        return;
    }
    m_sortKey = *key;
    m_sortOrder = order;
    reload(pageSize());
}

void ExtensionsModel::refresh() {
    reload(qMax(pageSize(), static_cast<int>(m_rows.size())));
}

void ExtensionsModel::reload(int minimumRows) {
    const QScopedValueRollback fetching(m_fetching, true);
    beginResetModel();
    m_lastError.clear();
    readFirstRows(minimumRows);
    endResetModel();
    QString error;
    m_total = m_query.count(m_filter, &error);
    if (m_total < 0) {
        m_lastError = error;
        emit errorOccurred(error);
    }
    emit totalCountChanged(m_total);
}

QList<store::ExtensionRow> ExtensionsModel::readPage(const std::optional<store::ExtensionPageKey>& after,
                                                     int limit) {
    QString error;
    QList<store::ExtensionRow> rows = m_query.page(m_filter, m_sortKey, m_sortOrder, after, limit, &error);
    if (!error.isEmpty()) {
        m_lastError = error;
        emit errorOccurred(error);
    }
    return rows;
}

int ExtensionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ExtensionsModel::displayText(const store::ExtensionRow& row, int column) {
    const core::Extension& x = row.extension;
    switch (column) {
    case NumberColumn:
        return x.extensionNumber;
    case NameColumn:
        return x.name;
    case TypeColumn:
        return core::displayName(x.type);
    case StatusColumn:
        return core::displayName(x.status);
    case EmailColumn:
        return x.contact.email;
    case DepartmentColumn:
        return x.contact.department;
    case TimeZoneColumn:
        return x.timeZone;
    case NumbersColumn:
        return row.numberCount > 0 ? QString::number(row.numberCount) : QString();
    case EndpointColumn:
        return row.endpointType ? core::displayName(*row.endpointType) : QString();
    default:
        return {};
    }
}

QString ExtensionsModel::headerText(int column) {
    static constexpr std::array kTitles{
        QT_TR_NOOP("Ext."),      QT_TR_NOOP("Name"),    QT_TR_NOOP("Type"),
        QT_TR_NOOP("Status"),    QT_TR_NOOP("E-mail"),  QT_TR_NOOP("Department"),
        QT_TR_NOOP("Time zone"), QT_TR_NOOP("Numbers"), QT_TR_NOOP("Endpoint"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return columnTitle(staticMetaObject, kTitles, column);
}

QVariant ExtensionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const store::ExtensionRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && row.extension.admin) {
            return tr("%1 is an account administrator.").arg(row.extension.name);
        }
        if (index.column() == EndpointColumn && !row.endpointType) {
            return tr("Not read yet: the endpoint follows from the extension's devices, read with its "
                      "details.");
        }
        return {};
    case RawValueRole:
        switch (index.column()) {
        case TypeColumn:
            return core::toWire(row.extension.type);
        case StatusColumn:
            return core::toWire(row.extension.status);
        case NumbersColumn:
            return row.numberCount;
        case EndpointColumn:
            return row.endpointType ? core::toWire(*row.endpointType) : QString();
        default:
            return displayText(row, index.column());
        }
    case IdRole:
        return row.extension.id;
    case ProfileIdRole:
        return row.profileId;
    default:
        return {};
    }
}

QVariant ExtensionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    return titlesHeaderData<QAbstractTableModel>(*this, &headerText, section, orientation, role);
}

} // namespace trunkline::models
