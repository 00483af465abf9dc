#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QScopedValueRollback>
#include <optional>
#include <utility>

namespace trunkline::models {

// What the store's lazily read tables (NumbersModel, ExtensionsModel) share: the rows read so far, and the
// next keyset page after the last of them when a view scrolls near the end (canFetchMore()/fetchMore()).
// `Query` is the store's table query, whose keyOf() gives a row's page key; the model reads a page in its
// own filter and order (readPage()) and resets itself when those change.
template <class Row, class Query>
class KeysetTableModel : public QAbstractTableModel {
public:
    using PageKey = decltype(Query::keyOf(std::declval<const Row&>()));
    static constexpr int kDefaultPageSize = 200;

    using QAbstractTableModel::QAbstractTableModel;

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // SQL pages read since the last reset: lets tests and the benchmark see the laziness.
    int pagesFetched() const { return m_pagesFetched; }
    const Row& rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    bool canFetchMore(const QModelIndex& parent) const override {
        return !parent.isValid() && !m_exhausted && !m_fetching;
    }
    void fetchMore(const QModelIndex& parent) override {
        // Views and QAbstractItemModelTester may ask again from a rowsAboutToBeInserted handler.
        if (parent.isValid() || m_exhausted || m_fetching)
            return;
        const QScopedValueRollback fetching(m_fetching, true);
        std::optional<PageKey> after;
        if (!m_rows.isEmpty())
            after = Query::keyOf(m_rows.constLast());
        const QList<Row> rows = nextPage(after, m_pageSize);
        m_exhausted = rows.size() < m_pageSize;
        if (rows.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
        m_rows << rows;
        endInsertRows();
    }

protected:
    // At most `limit` rows after `after` (from the first row without it) in the model's filter and order;
    // a read error is the model's to report.
    virtual QList<Row> readPage(const std::optional<PageKey>& after, int limit) = 0;

    // The rows of a reset: at least `minimumRows` of them when there are that many.
    void readFirstRows(int minimumRows) {
        m_pagesFetched = 0;
        m_rows = nextPage(std::nullopt, minimumRows);
        m_exhausted = m_rows.size() < minimumRows;
    }

    QList<Row> m_rows;
    // Set while a page is read, so that no handler of the model's signals reads one more meanwhile.
    bool m_fetching = false;

private:
    QList<Row> nextPage(const std::optional<PageKey>& after, int limit) {
        ++m_pagesFetched;
        return readPage(after, limit);
    }

    int m_pageSize = kDefaultPageSize;
    bool m_exhausted = true;
    int m_pagesFetched = 0;
};

} // namespace trunkline::models
