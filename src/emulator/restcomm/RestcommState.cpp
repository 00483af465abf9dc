#include "emulator/restcomm/RestcommState.h"

#include "emulator/EmulatorOptions.h"

namespace trunkline::emulator::restcomm {

RestcommState::RestcommState(quint32 seed, const EmulatorOptions& options)
    : clock(options.timeScale)
    , ids(seed ^ 0x5e5c1d5u)
    , data(RestcommDemoData::make(seed, options)) {
}

const RestcommAccount* RestcommState::findAccount(const QString& ref) const {
    for (const RestcommAccount& a : data.accounts)
        if (a.friendlyName == ref)
            return &a;
    for (const RestcommAccount& a : data.accounts)
        if (a.email == ref)
            return &a;
    for (const RestcommAccount& a : data.accounts)
        if (a.sid == ref)
            return &a;
    return nullptr;
}

bool RestcommState::isSelfOrAncestor(const RestcommAccount& caller, const RestcommAccount& account) const {
    const RestcommAccount* current = &account;
    for (int depth = 0; current && depth < 32; ++depth) {
        if (current->sid == caller.sid)
            return true;
        if (current->parentSid.isEmpty())
            return false;
        current = findAccount(current->parentSid);
    }
    return false;
}

} // namespace trunkline::emulator::restcomm
