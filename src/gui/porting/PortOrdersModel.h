#pragma once

#include "core/PortingOrder.h"
#include "gui/GuiForward.h"
#include "gui/RowListModel.h"
#include "store/PortingRepository.h"

#include <QList>
#include <optional>

namespace trunkline::gui {

// A port order as the list shows it, with the profile it belongs to.
struct PortOrderRow : store::PortOrderOverview {
    qint64 profileId = 0;
};

// The port orders of the store (as the last sync pulled them), one row each, with the route number and
// the extension blocks of its German extended numbers. Port orders are few (tens, not millions), so
// the model reads them whole instead of in windows like the numbers and extensions models.
class PortOrdersModel : public RowListModel<PortOrderRow> {
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        RouteColumn,
        BlockColumn,
        ActiveColumn,
        CreatedColumn,
        IdColumn,
        ColumnCount
    };

    using Row = PortOrderRow;

    explicit PortOrdersModel(store::Database& database, QObject* parent = nullptr);

    // The orders of these profiles; a status narrows them.
    void load(const QList<qint64>& profileIds, std::optional<core::PortingOrderStatus> status);
    const Row& row(int index) const { return m_rows.at(index); }

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    store::Database& m_database;
};

} // namespace trunkline::gui
