#pragma once

#include "providers/ProviderCapabilities.h"

namespace trunkline::providers::telnyx {

// Telnyx's row in the provider table (ProviderRegistry).
const ProviderCapabilities& capabilities();

} // namespace trunkline::providers::telnyx
