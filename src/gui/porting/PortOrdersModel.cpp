#include "gui/porting/PortOrdersModel.h"

#include "models/ColumnTitles.h"
#include "store/PortingRepository.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PortOrdersModel::PortOrdersModel(store::Database& database, QObject* parent)
    : RowListModel(ColumnCount, parent)
    , m_database(database) {
}

void PortOrdersModel::load(const QList<qint64>& profileIds, std::optional<core::PortingOrderStatus> status) {
    const store::PortingRepository porting(m_database);
    QList<Row> rows;
    for (const qint64 profileId : profileIds) {
        for (const store::PortOrderOverview& overview : porting.overviews(profileId, status))
            rows.append(Row{overview, profileId});
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QVariant PortOrdersModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowOf(index);
    if (!found || role != Qt::DisplayRole)
        return {};
    const Row& row = *found;
    switch (index.column()) {
    case StatusColumn:
        return core::displayName(row.order.status);
    case RouteColumn:
        return row.routeNumber;
    case BlockColumn: {
        QStringList blocks;
        for (const core::PhoneNumberExtension& extension : row.extensions)
            blocks << u"%1–%2"_s.arg(extension.extensionRange.startAt).arg(extension.extensionRange.endAt);
        return blocks.isEmpty() ? tr("none") : blocks.join(u", "_s);
    }
    case ActiveColumn:
        return row.extensions.isEmpty() ? QVariant() : QVariant(row.activeCount());
    case CreatedColumn:
        return QLocale().toString(row.order.createdAt.toLocalTime(), QLocale::ShortFormat);
    case IdColumn:
        return row.order.id;
    default:
        return {};
    }
}

QVariant PortOrdersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static constexpr std::array<const char*, ColumnCount> kTitles = {
        QT_TR_NOOP("Status"), QT_TR_NOOP("Route number"), QT_TR_NOOP("Extension block"),
        QT_TR_NOOP("Active"), QT_TR_NOOP("Created"),      QT_TR_NOOP("Order")};
    return models::columnTitle(staticMetaObject, kTitles, section);
}

} // namespace trunkline::gui
