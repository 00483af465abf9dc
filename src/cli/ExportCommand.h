#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariantList>
#include <functional>

namespace trunkline::core {
class CsvWriter;
}
namespace trunkline::store {
class Database;
struct Profile;
} // namespace trunkline::store

namespace trunkline::cli {

class CliContext;

// `export numbers|extensions|forwarding|call-flip|port-orders|routes|audit|pending [--profile P]
// [--format csv|json] [--excel] [-o FILE] [--filter EXPR]`: the local copy as Excel-safe CSV
// (core::CsvWriter) or a JSON array of objects, one per line, streamed row by row.
class ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // The columns of a kind, in output order; empty for an unknown kind.
    static QStringList columns(const QString& kind);
    // Gives the sink each row of one profile as it is read, its values in the order of columns(kind)
    // (lists as QStringList); stops when the sink returns false. False when the rows cannot be read
    // (with *error) or the sink stopped.
    using RowSink = std::function<bool(const QVariantList&)>;
    // The time range of the audit log's entries (--since, --until; invalid = open).
    struct Period {
        QDateTime since;
        QDateTime until;
    };
    static bool forEachRow(store::Database& database, const store::Profile& profile, const QString& kind,
                           const RowSink& sink, QString* error, const Period& period = {});

private:
    // The numbers of one profile as CSV, the same rows as forEachRow gives but streamed as UTF-8 cells
    // from the store: the fast path for the one table that reaches millions of rows, used when no
    // filter asks for the typed values.
    static bool writeNumbersCsv(store::Database& database, const store::Profile& profile,
                                core::CsvWriter& csv, QString* error);
};

} // namespace trunkline::cli
