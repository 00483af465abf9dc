#pragma once

#include "emulator/telnyx/TelnyxRecords.h"

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::telnyx {

// Seeded demo data: German porting orders in every status (route numbers with extension blocks),
// plus one US draft so the "German orders only" rule can be seen. Same seed, same data.
class TelnyxDemoData {
public:
    static TelnyxData make(quint32 seed, const EmulatorOptions& options, const QString& userId);
};

} // namespace trunkline::emulator::telnyx
