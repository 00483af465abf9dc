#pragma once

#include "emulator/restcomm/RestcommState.h"

#include <QCoreApplication>

namespace trunkline::emulator::restcomm {

// POST IncomingPhoneNumbers/migrate (restcomm-numbers.md §8): a super admin moves a sub-account, its
// descendants and their numbers to another organisation.
class RestcommMigrationApi {
    Q_DECLARE_TR_FUNCTIONS(RestcommService) // the messages keep the service's translation context

public:
    static EmulatorResponse migrate(RestcommState& state, const RestcommCall& call);
};

} // namespace trunkline::emulator::restcomm
