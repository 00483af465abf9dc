#pragma once

#include "providers/ProviderCapabilities.h"

namespace trunkline::providers::telnyx {

// Telnyx's PortOrderPlacement: the documented German extended-number workflow (docs/api/
// telnyx-porting.md §4.1) on one ApiClient.
std::unique_ptr<PortOrderPlacement> makePortOrderPlacement(net::ApiClient* api);

} // namespace trunkline::providers::telnyx
