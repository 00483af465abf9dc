#pragma once

#include "models/KeysetTableModel.h"
#include "models/NumberCounter.h"
#include "store/NumberTableQuery.h"
#include "store/PendingChange.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <optional>
#include <utility>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// The phone numbers of the local store as a table that reads lazily: it holds the rows fetched so
// far and asks the store for the next page (keyset paging in SQL) when a view scrolls near the end,
// so a million numbers open as fast as a hundred. Filtering and sorting re-run the SQL; there is no
// proxy over all rows. Staged but unapplied edits (changes::NumberChangePayloads) are shown in place of
// the stored values, in italics; a number staged for release is struck through.
class NumbersModel : public KeysetTableModel<store::NumberRow, store::NumberTableQuery> {
    Q_OBJECT

public:
    // Visible order by default; the view may move them (CSV export follows the view's order).
    enum Column {
        NumberColumn,
        LabelColumn,
        UsageTypeColumn,
        PaymentTypeColumn,
        CallTypeColumn,
        FeaturesColumn,
        ExtensionColumn,
        StatusColumn,
        ProviderColumn,
        CapabilitiesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the value SQL sorts by (wire words, E.164)
        IdRole,                          // the provider's id of the number
        ProfileIdRole,
        E164Role,
        PendingRole,       // true when the row has a staged, unapplied change
        PendingDeleteRole, // true when the number is staged for release
    };

    explicit NumbersModel(store::Database& database, QObject* parent = nullptr);

    void setFilter(const store::NumberTableFilter& filter);
    const store::NumberTableFilter& filter() const { return m_filter; }
    store::NumberSortKey sortKey() const { return m_sortKey; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The column of the current order (each column sorts by a key of its own).
    int sortColumn() const;
    // The column a sort waits for (see sortHeld()), if any.
    std::optional<int> heldSortColumn() const;
    static store::NumberSortKey sortKeyFor(int column);

    // How many numbers pass the filter (rowCount() is how many are fetched so far); -1 after an error.
    // Counted on another thread (NumberCounter), since a million rows can take a second to count, so it
    // arrives after the rows (totalCountChanged). A refresh keeps the count it has until the new one
    // replaces it; a new filter makes it unknown until its own arrives.
    qint64 totalCount() const { return m_total; }
    // False from a new filter until its count arrives (totalCountChanged).
    bool isTotalKnown() const { return m_totalKnown; }
    QString lastError() const { return m_lastError; }

    // The row's index of a number among the fetched rows; -1 when not fetched.
    int rowOf(qint64 profileId, const QString& numberId) const;
    // The label shown: the staged one when an edit is pending.
    QString labelAt(int row) const;
    bool isPending(int row) const;
    bool isPendingDelete(int row) const;
    // The staged update's payload of the row's number ({} when none).
    QJsonObject pendingPayload(int row) const;

    // Stages a label edit as a pending change (the store is not changed until sync applies it).
    bool setLabel(int row, const QString& label, QString* error = nullptr);
    // Stages `edited` (the whole record as the admin wants it; `stored` is the store's full record of
    // the row) as one pending update that replaces any staged one of the number; editing back to the
    // stored values discards the staged update.
    bool stageUpdate(int row, const core::PhoneNumberRecord& stored, const core::PhoneNumberRecord& edited,
                     QString* error = nullptr);
    // Stages the release of the rows' numbers (staged updates of them are dropped: they would be moot).
    bool stageDelete(const QList<int>& rows, QString* error = nullptr);

    // Text of one cell as shown (also used by the CSV export, so both agree).
    static QString displayText(const store::NumberRow& row, int column, const QJsonObject& pending = {});
    // The extension column's text of an assigned number.
    static QString extensionText(const QString& number, const QString& name);
    static QString headerText(int column);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public slots:
    // Re-reads what is loaded (at least one page) after a sync or an edit changed the store.
    void refresh();

signals:
    // A count arrived, or a new filter made the count unknown (isTotalKnown() is false then).
    void totalCountChanged(qint64 count);
    void errorOccurred(const QString& message);
    // While a first sync loads the numbers without their sort indexes (store::DeferredIndexes), a sort by
    // any column but the number waits: sorting a million unindexed rows takes seconds, on the thread that
    // paints. The table keeps its order until a refresh finds the indexes built, then sorts.
    void sortHeld(int column);
    void heldSortApplied(int column, Qt::SortOrder order);

private:
    QList<store::NumberRow> readPage(const std::optional<store::NumberPageKey>& after, int limit) override;
    void reload(int minimumRows);
    bool indexesDeferred();
    void reportError(const QString& message);
    // Asks for the filter's count again: the filter changed, or the rows did.
    void recount(bool filterChanged);
    void takeCount(qint64 total, const QString& error);
    void readPendingChanges();
    // `name`: the entry of the undo history (changes::StagingHistory).
    bool stage(store::PendingChange proposed, const QString& name, QString* error);
    void showStagedChange(qint64 profileId, const QString& entity, const QString& entityKey);

    store::Database& m_database;
    store::NumberTableQuery m_query;
    store::NumberTableFilter m_filter;
    store::NumberSortKey m_sortKey = store::NumberSortKey::Number;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::optional<std::pair<int, Qt::SortOrder>> m_heldSort;
    QHash<store::NumberTableQuery::NumberKey, QJsonObject> m_pending;
    QSet<store::NumberTableQuery::NumberKey> m_pendingDeletes;
    // The revision of each number's open staged update as shown: an edit is made on it (ChangeStager);
    // one missing showed none.
    QHash<store::NumberTableQuery::NumberKey, qint64> m_stagedRevisions;
    // "101 (Sales)" for extensions that staged assignments name, read once per reload.
    QHash<store::NumberTableQuery::NumberKey, QString> m_pendingExtensionText;
    NumberCounter m_counter;
    qint64 m_total = 0;
    bool m_totalKnown = false;
    bool m_stagingRows = false; // stageDelete() shows its rows once at the end
    QString m_lastError;
};

} // namespace trunkline::models
