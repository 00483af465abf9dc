#pragma once

#include "providers/ProviderCapabilities.h"

namespace trunkline::providers::restcomm {

// Restcomm's row in the provider table (ProviderRegistry).
const ProviderCapabilities& capabilities();

} // namespace trunkline::providers::restcomm
