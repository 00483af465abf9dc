#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace trunkline::store {
class Database;
struct Profile;
} // namespace trunkline::store

namespace trunkline::cli {

class CliContext;

// `export numbers|extensions|forwarding|port-orders [--profile P] [--format csv|json] [-o FILE]
// [--filter EXPR]`: the local copy as Excel-safe CSV (core::CsvWriter) or a JSON array of objects.
class ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // The columns of a kind, in output order; empty for an unknown kind.
    static QStringList columns(const QString& kind);
    // The rows of one profile, keyed by column name.
    static QList<QJsonObject> rows(store::Database& database, const store::Profile& profile,
                                   const QString& kind);
};

} // namespace trunkline::cli
