#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>

namespace trunkline::emulator::ringcentral {

// Call handling of an extension: its business hours (/business-hours) and the two default answering rules
// that follow them (/answering-rule/business-hours-rule, after-hours-rule; the latter exists only while
// the business hours are not 24/7).
class RcCallHandlingApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService) // the messages keep the service's translation context

public:
    static EmulatorResponse getBusinessHours(RcCall& call, const RcExtension& extension);
    static EmulatorResponse putBusinessHours(RcCall& call, RcExtension& extension);
    static EmulatorResponse listAnsweringRules(RcCall& call, const RcExtension& extension);
    static EmulatorResponse getAnsweringRule(RcCall& call, const RcExtension& extension,
                                             const QString& ruleId);
    static EmulatorResponse putAnsweringRule(RcCall& call, RcExtension& extension, const QString& ruleId);

private:
    static QJsonObject businessHoursSchedule(const RcExtension& extension);
    static QJsonObject answeringRuleJson(const RcCall& call, const RcExtension& extension,
                                         const QString& ruleId);
};

} // namespace trunkline::emulator::ringcentral
