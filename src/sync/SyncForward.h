#pragma once

// The classes the sync headers use only by reference or pointer, declared once for all of them so that
// no header needs the full definitions (and the providers' client headers) they would otherwise include.

class QObject;

namespace trunkline::connection {
struct Connection;
}
namespace trunkline::core {
struct Extension;
struct PhoneNumberRecord;
struct ForwardingNumber;
} // namespace trunkline::core
namespace trunkline::net {
class ApiClient;
class PagedFetch;
struct ApiError;
} // namespace trunkline::net
namespace trunkline::providers {
struct ListOutcome;
}
namespace trunkline::providers::restcomm {
class RestcommClient;
}
namespace trunkline::providers::ringcentral {
class RingCentralClient;
enum class SettingsDocument;
} // namespace trunkline::providers::ringcentral
namespace trunkline::providers::telnyx {
class TelnyxClient;
}
namespace trunkline::store {
class Database;
}
