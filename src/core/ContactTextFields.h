#pragma once

#include "core/Extension.h"
#include "core/TextField.h"

namespace trunkline::core {

// The contact's text members by their JSON keys, as payloads, the CLI's --set and the RingCentral API name
// them; in the order the CLI lists them.
const TextFields<ExtensionContact>& contactTextFields();

} // namespace trunkline::core
