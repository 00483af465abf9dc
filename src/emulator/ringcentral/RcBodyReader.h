#pragma once

#include "emulator/JsonRequestReader.h"
#include "emulator/ProviderService.h"

#include <QCoreApplication>
#include <optional>

namespace trunkline::emulator::ringcentral {

// The JSON request reader with RingCentral's wording: a body that is not a JSON object answers 400
// CMN-101 ("invalid JSON"), the first wrong member 400 CMN-101 naming it (RcErrors::invalidParameter).
class RcBodyReader : public JsonRequestReader {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    RcBodyReader();

    // The first problem as RingCentral's answer; only after failed().
    EmulatorResponse error() const;

    // Reads the request's JSON object into *out, or gives the answer for an empty or broken body.
    static std::optional<EmulatorResponse> parse(const EmulatorRequest& request, QJsonObject* out);
    static bool isEmail(const QString& text);
};

} // namespace trunkline::emulator::ringcentral
