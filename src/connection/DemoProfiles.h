#pragma once

#include "store/Profile.h"

#include <QCoreApplication>

namespace trunkline::store {
class ProfileRepository;
}

namespace trunkline::connection {

// The first-run demo account: one profile per provider, all answered by the in-process emulator.
// They carry no secret and no fixed address (the emulator takes a free port at each start); their
// base URL is the marker "demo:".
class DemoProfiles {
    Q_DECLARE_TR_FUNCTIONS(DemoProfiles)

public:
    static inline const QString kDemoBaseUrl = QStringLiteral("demo:");

    static bool isDemo(const store::Profile& profile) { return profile.baseUrl == kDemoBaseUrl; }

    // Adds the demo profiles when there is no profile at all (a first start). Returns how many were
    // added (0 when profiles exist), or -1 with *error.
    static int addIfFirstStart(store::ProfileRepository& profiles, QString* error);
};

} // namespace trunkline::connection
