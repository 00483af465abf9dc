#pragma once

#include "emulator/telnyx/TelnyxRecords.h"

namespace trunkline::emulator {
struct EmulatorOptions;
}

namespace trunkline::emulator::telnyx {

// Seeded demo data: German porting orders in every status (route numbers with extension blocks),
// plus one US draft so the "German orders only" rule can be seen, and a pool of numbers to buy. The
// account starts without numbers of its own: they come from number orders. Same seed, same data.
class TelnyxDemoData {
public:
    static TelnyxData make(quint32 seed, const EmulatorOptions& options, const QString& userId);
    // Numbers for sale: US local in a few area codes, toll-free under each prefix (vanity ones
    // among them), German and British local numbers.
    static QList<QJsonObject> availablePool(quint32 seed);
};

} // namespace trunkline::emulator::telnyx
