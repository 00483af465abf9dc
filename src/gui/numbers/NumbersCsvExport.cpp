#include "gui/numbers/NumbersCsvExport.h"

#include "core/Csv.h"
#include "core/ReadableNumber.h"
#include "models/NumbersModel.h"

#include <QHash>
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

using Text = store::NumberTableQuery::TextColumn;

// The cells of a page's text rows (store::NumberTableQuery::textPage) as NumbersModel::displayText
// shows them. A column whose text follows from a few wire words (usage type, status, features, ...) is
// rendered once for each distinct set of them and then looked up: a million rows hold a handful, and
// translating and joining them again for every row took most of the export's time
// (docs/performance.md, "Export"). Rows that the fast paths do not cover (a staged edit, a Restcomm
// number's own capabilities) are decoded and rendered by displayText itself.
class TextRowRenderer {
public:
    TextRowRenderer(const QList<int>& columns, const Pending& pending)
        : m_columns(columns)
        , m_pending(pending)
        , m_keys(columns.size())
        , m_cache(columns.size())
        , m_owned(columns.size())
        , m_cells(columns.size()) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            m_keys[i] = keyColumns(columns.at(i));
        }
    }

    // Valid until the next call.
    const QList<QByteArrayView>& cells(const QList<QByteArrayView>& row) {
        const QJsonObject staged = stagedFor(row);
        std::optional<store::NumberRow> decoded;
        const auto decodedRow = [&]() -> const store::NumberRow& {
            if (!decoded) {
                decoded = store::NumberTableQuery::rowFromText(row);
            }
            return *decoded;
        };
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const int column = m_columns.at(i);
            const QList<int>& key = m_keys.at(i);
            if (!staged.isEmpty() ||
                (column == Column::CapabilitiesColumn && !row.at(Text::RestcommJsonText).isNull())) {
                m_cells[i] = own(i, Column::displayText(decodedRow(), column, staged));
            } else if (!key.isEmpty()) {
                m_cells[i] = cached(i, key, row, [&] { return Column::displayText(decodedRow(), column); });
            } else {
                m_cells[i] = ownCell(i, column, row);
            }
        }
        return m_cells;
    }

private:
    using Column = models::NumbersModel;

    // The text columns a column's text depends on, when they are few and repeat across rows.
    static QList<int> keyColumns(int column) {
        static const QHash<int, QList<int>> keys = {
            {Column::UsageTypeColumn, {Text::UsageTypeText}},
            {Column::PaymentTypeColumn, {Text::PaymentTypeText}},
            {Column::CallTypeColumn, {Text::CallTypeText}},
            {Column::FeaturesColumn, {Text::FeaturesText}},
            {Column::StatusColumn, {Text::StatusText}},
            {Column::ProviderColumn, {Text::ProviderText}},
            // A Restcomm number's own flags are not looked up.
            {Column::CapabilitiesColumn, {Text::CallTypeText, Text::FeaturesText}},
        };
        return keys.value(column);
    }

    QJsonObject stagedFor(const QList<QByteArrayView>& row) const {
        if (m_pending.isEmpty()) {
            return {};
        }
        return m_pending.value(
            {row.at(Text::ProfileIdText).toLongLong(), QString::fromUtf8(row.at(Text::IdText))});
    }

    // The columns whose text is the row's own: the number, the label, the extension.
    QByteArrayView ownCell(qsizetype i, int column, const QList<QByteArrayView>& row) {
        switch (column) {
        case Column::NumberColumn:
            return own(i, core::readableNumber(QString::fromUtf8(row.at(Text::E164Text))));
        case Column::LabelColumn:
            return row.at(Text::LabelText);
        case Column::ExtensionColumn:
            if (row.at(Text::ExtensionIdText).isEmpty()) {
                return {};
            }
            return own(i, Column::extensionText(QString::fromUtf8(row.at(Text::ExtensionNumberText)),
                                                QString::fromUtf8(row.at(Text::ExtensionNameText))));
        default:
            return {};
        }
    }

    QByteArrayView own(qsizetype i, const QString& text) {
        m_owned[i] = text.toUtf8();
        return m_owned.at(i);
    }

    template <class Render>
    QByteArrayView cached(qsizetype i, const QList<int>& key, const QList<QByteArrayView>& row,
                          const Render& render) {
        m_key.resize(0); // keeps its capacity
        for (const int text : key) {
            m_key.append(row.at(text)).append('\x1f');
        }
        QHash<QByteArray, QByteArray>& cache = m_cache[i];
        auto found = cache.constFind(m_key);
        if (found == cache.constEnd()) {
            found = cache.insert(m_key, render().toUtf8());
        }
        return found.value();
    }

    const QList<int> m_columns;
    const Pending& m_pending;
    QList<QList<int>> m_keys;                     // by output column: keyColumns()
    QList<QHash<QByteArray, QByteArray>> m_cache; // by output column: key cells -> text
    QList<QByteArray> m_owned;                    // by output column: the text made for this row
    QList<QByteArrayView> m_cells;
    QByteArray m_key;
};

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
    TextRowRenderer renderer(request.columns, pending);
    const auto writeRow = [&](const QList<QByteArrayView>& cells) {
        return writer.writeRow(renderer.cells(cells));
    };
    qint64 written = 0;
    std::optional<store::NumberPageKey> after;
    for (;;) {
        // A page at a time: between pages no statement is open, so the progress dialog's event loop may
        // run other reads on the connection and the export holds no snapshot that stops a checkpoint.
        const std::optional<store::NumberTableQuery::TextPage> page = query.textPage(
            request.filter, request.sortKey, request.order, after, kChunkRows, writeRow, &readError);
        if (!page) {
            return fail(readError.isEmpty() ? writeError(device) : readError);
        }
        written += page->rows;
        if (progress && !progress(written, qMax(total, written))) {
            return fail(tr("The export was cancelled; the file holds only the first %1 rows.").arg(written));
        }
        if (page->rows < kChunkRows) {
            return true;
        }
        after = page->last;
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
