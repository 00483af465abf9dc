#pragma once

#include "models/KeysetTableModel.h"
#include "store/ExtensionTableQuery.h"

#include <QAbstractTableModel>
#include <QList>

namespace trunkline::models {

// The extensions of the local store as a lazily read table: keyset pages from SQL as a view scrolls,
// filtering and sorting in SQL (see NumbersModel, which works the same way).
class ExtensionsModel : public KeysetTableModel<store::ExtensionRow, store::ExtensionTableQuery> {
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        NameColumn,
        TypeColumn,
        StatusColumn,
        EmailColumn,
        DepartmentColumn,
        TimeZoneColumn,
        NumbersColumn,  // how many phone numbers are assigned; not sortable in SQL
        EndpointColumn, // virtual, device, mobile, softphone: empty until the device list is read
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the value SQL sorts by (wire words)
        IdRole,
        ProfileIdRole,
    };

    explicit ExtensionsModel(store::Database& database, QObject* parent = nullptr);

    void setFilter(const store::ExtensionTableFilter& filter);
    const store::ExtensionTableFilter& filter() const { return m_filter; }
    store::ExtensionSortKey sortKey() const { return m_sortKey; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    qint64 totalCount() const { return m_total; } // -1 after an error
    QString lastError() const { return m_lastError; }

    static QString displayText(const store::ExtensionRow& row, int column);
    static QString headerText(int column);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public slots:
    void refresh();

signals:
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString& message);

private:
    void reload(int minimumRows);
    QList<store::ExtensionRow> readPage(const std::optional<store::ExtensionPageKey>& after,
                                        int limit) override;

    store::ExtensionTableQuery m_query;
    store::ExtensionTableFilter m_filter;
    store::ExtensionSortKey m_sortKey = store::ExtensionSortKey::Number;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_total = 0;
    QString m_lastError;
};

} // namespace trunkline::models
