#pragma once

#include "core/PhoneNumberRecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::store {
class Database;
}

namespace trunkline::changes {

// What releasing a number takes away, in the admin's words, for the warning before a release is staged
// (the extension that loses it as its direct number, the forwarding lists that still send calls to it,
// where a Restcomm number's calls and texts stop arriving). Read from the local copy; empty when nothing
// else depends on the number.
class ReleaseConsequences {
    Q_DECLARE_TR_FUNCTIONS(ReleaseConsequences)

public:
    static QStringList of(store::Database& database, qint64 profileId, const core::PhoneNumberRecord& number);
};

} // namespace trunkline::changes
