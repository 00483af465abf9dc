#pragma once

#include "store/Profile.h"

#include <QString>
#include <memory>

namespace trunkline::secrets {
class SecretStore;
}
namespace trunkline::store {
class Database;
}

namespace trunkline::bench {

// The sync benchmarks' account: a fresh SQLite file with one RingCentral profile on the emulator at
// `baseUrl`, its secret taken from the emulator's "ringcentral-admin client_id=… client_secret=… jwt=…"
// line on standard input (never from the command line) and kept in `secrets`.
struct BenchAccount {
    std::unique_ptr<store::Database> database;
    store::Profile profile;

    // False with *error when the line is missing or the file or profile cannot be made.
    bool create(const QString& databasePath, const QString& baseUrl, secrets::SecretStore& secrets,
                QString* error);
};

} // namespace trunkline::bench
