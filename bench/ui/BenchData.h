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

    // What an existing file holds, read through one connection: its phone numbers and its SQLite page
    // size; -1 and 0 when it is missing or unreadable.
    struct FileState {
        qint64 numbers = -1;
        int pageSize = 0;
    };
    static FileState inspect(const QString& path);
    // The page size store::Database gives a file it creates: a file of another size was made by an
    // older Trunkline and no longer measures what the console reads today.
    static int newFilePageSize();

    // Creates the file (replacing one that exists) and fills it. `progress` gets (written, total).
    static Result generate(const QString& path, qint64 total,
                           const std::function<void(qint64, qint64)>& progress = {});
};

} // namespace trunkline::bench
