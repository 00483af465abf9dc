#pragma once

#include "providers/ProviderCapabilities.h"

namespace trunkline::providers::ringcentral {

// RingCentral's row in the provider table (ProviderRegistry).
const ProviderCapabilities& capabilities();

} // namespace trunkline::providers::ringcentral
