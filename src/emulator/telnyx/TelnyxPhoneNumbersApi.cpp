#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

EmulatorResponse TelnyxPhoneNumbersApi::list(const TelnyxState& state, const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    // Digits, matched anywhere in the number (at least three, as Telnyx asks).
    const QString digits = query.value(u"filter.phone_number"_s);
    static const QRegularExpression threeDigits(u"^[0-9]{3,15}$"_s);
    if (!digits.isEmpty() && !threeDigits.match(digits).hasMatch())
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(
                     u"filter[phone_number]"_s,
                     tr("filter[phone_number] must be 3 to 15 digits, got \"%1\".").arg(digits)));
    const QStringList statuses = query.filterValues(u"status"_s, true);
    QList<QJsonObject> matched;
    for (const QJsonObject& number : state.data.phoneNumbers) {
        if (!digits.isEmpty() && !number.value(u"phone_number"_s).toString().contains(digits))
            continue;
        if (!admits(statuses, number.value(u"status"_s).toString()))
            continue;
        matched.append(number);
    }
    return pageResponse(matched, paging);
}

} // namespace trunkline::emulator::telnyx
