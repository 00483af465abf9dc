#include "gui/numbers/NumbersCsvExport.h"

#include "core/Csv.h"
#include "models/NumbersModel.h"

#include <QIODevice>

namespace trunkline::gui {

namespace {

using Pending = QHash<store::NumberTableQuery::NumberKey, QJsonObject>;

bool writeHeader(core::CsvWriter& writer, const QList<int>& columns) {
    QStringList titles;
    for (const int column : columns) {
        titles << models::NumbersModel::headerText(column);
    }
    return writer.writeRow(titles);
}

bool writeRow(core::CsvWriter& writer, const store::NumberRow& row, const QList<int>& columns,
              const Pending& pending) {
    const QJsonObject staged = pending.value({row.profileId, row.record.id});
    QStringList cells;
    for (const int column : columns) {
        cells << models::NumbersModel::displayText(row, column, staged);
    }
    return writer.writeRow(cells);
}

QString writeError(QIODevice* device) {
    return NumbersCsvExport::tr("Cannot write the CSV file: %1").arg(device->errorString());
}

} // namespace

bool NumbersCsvExport::write(QIODevice* device, store::Database& database, const Request& request,
                             const Progress& progress, QString* error) {
    const auto fail = [&](const QString& message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    store::NumberTableQuery query(database);
    QString readError;
    const qint64 total = query.count(request.filter, &readError);
    if (total < 0) {
        return fail(readError);
    }
    const Pending pending = query.pendingUpdates(&readError);
    if (!readError.isEmpty()) {
        return fail(readError);
    }
    core::CsvWriter writer(device, request.csv);
    if (!writeHeader(writer, request.columns)) {
        return fail(writeError(device));
    }
    qint64 written = 0;
    std::optional<store::NumberPageKey> after;
    for (;;) {
        const QList<store::NumberRow> rows =
            query.page(request.filter, request.sortKey, request.order, after, kChunkRows, &readError);
        if (!readError.isEmpty()) {
            return fail(readError);
        }
        for (const store::NumberRow& row : rows) {
            if (!writeRow(writer, row, request.columns, pending)) {
                return fail(writeError(device));
            }
        }
        written += rows.size();
        if (progress && !progress(written, qMax(total, written))) {
            return fail(tr("The export was cancelled; the file holds only the first %1 rows.").arg(written));
        }
        if (rows.size() < kChunkRows) {
            return true;
        }
        after = store::NumberTableQuery::keyOf(rows.constLast());
    }
}

bool NumbersCsvExport::writeRows(QIODevice* device, store::Database& database,
                                 const QList<store::NumberRow>& rows, const QList<int>& columns,
                                 const core::CsvOptions& csv, QString* error) {
    QString readError;
    const Pending pending = store::NumberTableQuery(database).pendingUpdates(&readError);
    if (!readError.isEmpty()) {
        if (error) {
            *error = readError;
        }
        return false;
    }
    core::CsvWriter writer(device, csv);
    bool ok = writeHeader(writer, columns);
    for (const store::NumberRow& row : rows) {
        ok = ok && writeRow(writer, row, columns, pending);
    }
    if (!ok && error) {
        *error = writeError(device);
    }
    return ok;
}

} // namespace trunkline::gui
