#pragma once

#include "core/Csv.h"
#include "gui/GuiForward.h"
#include "store/NumberTableQuery.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

class QIODevice;

namespace trunkline::gui {

// Writes the numbers table as CSV, exactly as the page shows it: the columns in the view's order
// with their titles, each cell's displayed text (staged labels included), every row that passes the
// filter in the view's sort order (not only the rows the view has fetched). Rows are read from the
// store in keyset pages, so a million-row export never holds more than one chunk in memory.
// The format is core::CsvWriter's: RFC 4180, CRLF, formula cells neutralised for spreadsheets.
class NumbersCsvExport {
    Q_DECLARE_TR_FUNCTIONS(NumbersCsvExport)

public:
    struct Request {
        store::NumberTableFilter filter;
        store::NumberSortKey sortKey = store::NumberSortKey::Number;
        Qt::SortOrder order = Qt::AscendingOrder;
        QList<int> columns; // models::NumbersModel::Column values, in output order
        core::CsvOptions csv;
    };
    // Called after each chunk with the rows written and the total; return false to cancel.
    using Progress = std::function<bool(qint64 written, qint64 total)>;

    static constexpr int kChunkRows = 2000;

    // Writes all rows of the request. False with *error on a write or read error or when cancelled.
    static bool write(QIODevice* device, store::Database& database, const Request& request,
                      const Progress& progress = {}, QString* error = nullptr);
    // Writes the given rows (a selection) with the same header and cells.
    static bool writeRows(QIODevice* device, store::Database& database, const QList<store::NumberRow>& rows,
                          const QList<int>& columns, const core::CsvOptions& csv = {},
                          QString* error = nullptr);
};

} // namespace trunkline::gui
