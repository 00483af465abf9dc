#pragma once

// What the change-review tests (ChangeDescription, ReleaseConsequences) read against: a fresh SQLite
// copy with the profile of TestDatabase::addProfileWithExtensions, whose extension e1 is Anna Wolf, the
// name the texts they expect show.

#include "TestDatabase.h"
#include "store/ExtensionRepository.h"

#include <memory>
#include <optional>

// Opens `test` and stores the profile, whose id goes to `profile`; false when that fails (test->error()
// says why when the database did not open).
inline bool openReviewProfile(std::unique_ptr<TestDatabase>& test, qint64* profile) {
    if (!openSqliteTestDatabase(test))
        return false;
    *profile = test->addProfileWithExtensions();
    trunkline::store::ExtensionRepository extensions(test->database());
    std::optional<trunkline::core::Extension> anna = extensions.find(*profile, QStringLiteral("e1"));
    if (*profile <= 0 || !anna)
        return false;
    anna->name = QStringLiteral("Anna Wolf");
    return extensions.upsert(*profile, {*anna});
}
