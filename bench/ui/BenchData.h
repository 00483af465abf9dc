#pragma once

#include <QString>
#include <functional>

namespace trunkline::bench {

// The benchmark's database: a SQLite file with `total` numbers spread over three profiles
// (RingCentral US, Telnyx Germany, Restcomm UK/US), written through the store's own batched upsert
// the way a sync writes them. Deterministic: the same total gives the same rows.
class BenchData {
public:
    struct Result {
        bool ok = false;
        QString error;
        qint64 numbers = 0;
        qint64 elapsedMs = 0;
    };

    // How many phone numbers the file at `path` holds; -1 when it is missing or unreadable.
    static qint64 countNumbers(const QString& path);
    // The file's SQLite page size; 0 when it is missing or unreadable.
    static int pageSize(const QString& path);
    // The page size store::Database gives a file it creates: a file of another size was made by an
    // older Trunkline and no longer measures what the console reads today.
    static int newFilePageSize();

    // Creates the file (replacing one that exists) and fills it. `progress` gets (written, total).
    static Result generate(const QString& path, qint64 total,
                           const std::function<void(qint64, qint64)>& progress = {});
};

} // namespace trunkline::bench
