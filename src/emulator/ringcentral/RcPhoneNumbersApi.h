#pragma once

#include "emulator/ringcentral/RcCall.h"

namespace trunkline::emulator::ringcentral {

// The account's numbers (/account/~/phone-number[/{id}]) and an extension's numbers
// (/extension/{id}/phone-number), with seed 001's visibility rules for non-admin callers.
class RcPhoneNumbersApi {
public:
    static EmulatorResponse listAccountNumbers(RcCall& call);
    static EmulatorResponse getAccountNumber(RcCall& call, const QString& id);
    static EmulatorResponse listExtensionNumbers(RcCall& call, const RcExtension& extension);

    static QJsonObject accountNumberJson(const RcCall& call, const RcPhoneNumber& number);
    static QJsonObject extensionNumberJson(const RcCall& call, const RcPhoneNumber& number, bool features);
};

} // namespace trunkline::emulator::ringcentral
