#pragma once

namespace trunkline::cli {

// What trunkline-cli returns; scripts rely on these numbers, so they never change meaning.
enum ExitCode : int {
    kExitOk = 0,               // done
    kExitFailure = 1,          // could not do it (database, keychain, network, provider refused ...)
    kExitUsage = 2,            // wrong command line
    kExitValidationFailed = 3, // `validate`: the input breaks a rule
    kExitPartialSync = 4,      // sync ran but a list was incomplete or a change failed; run it again
    kExitConflicts = 5,        // sync/apply finished but changes are parked as conflicts for the admin
};

} // namespace trunkline::cli
